import ExcelJS from 'exceljs';
import { describeScheme } from '@app/scoring';
import { neutraliseCell, type CellValue } from '../../common/export/neutralise';
import {
  caseStateText,
  departmentCells,
  findingCells,
  findingRows,
  GRADE_ZH,
  localDateTime,
  periodLabel,
  pointsLostRows,
  reportTitle,
  shortStatus,
  SCORE_COLUMNS,
  statusText,
  type DepartmentColumn,
  type ReportModel,
} from './report-model';
import { schemeRows } from './scheme-rows';

interface Column {
  header: string;
  width: number;
  /** Excel number format for numeric cells of the column. */
  numFmt?: string;
}

const SCORE = '0.00';
const COUNT = '#,##0';
const CHANGE = '+0;-0;0';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFB7B7B7' } };
const FONT = 'Microsoft YaHei';

/** Every value written to a cell goes through here: text neutralised (neutralise.ts), numbers kept as numbers. */
function cellValue(value: CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? neutraliseCell(value) : value;
}

/** `&` starts a code in Excel's header/footer language: literal text doubles it. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

function setupSheet(sheet: ExcelJS.Worksheet, model: ReportModel, landscape: boolean): void {
  sheet.headerFooter = {
    oddHeader: `&L${headerText(`${reportTitle(model)} ${model.periodLabel}`)}&R${headerText(shortStatus(model))}`,
    oddFooter: '&C第 &P 页，共 &N 页',
  };
  sheet.pageSetup = {
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/**
 * Writes a header row at `headerRow` and the data rows below it, freezes the
 * rows down to the header, sets the widths and number formats, and repeats
 * the header on every printed page.
 */
function writeTable(sheet: ExcelJS.Worksheet, headerRow: number, columns: Column[], rows: CellValue[][]): void {
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.width;
  });
  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = cellValue(c.header);
    cell.font = { name: FONT, bold: true, size: 10 };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  header.height = 30;
  rows.forEach((values, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(v);
      cell.font = { name: FONT, size: 10 };
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
      if (typeof v === 'number' && columns[i]?.numFmt) cell.numFmt = columns[i].numFmt!;
      if (typeof v === 'number') cell.alignment = { horizontal: 'right' };
      else if (typeof v === 'string' && columns[i]?.numFmt) cell.alignment = { horizontal: 'center' };
    });
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  if (rows.length > 0) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + rows.length, column: columns.length } };
}

function titleRows(sheet: ExcelJS.Worksheet, width: number, lines: string[]): void {
  lines.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = cellValue(text);
    row.getCell(1).font = i === 0 ? { name: FONT, size: 16, bold: true } : { name: FONT, size: 10, color: { argb: 'FF404040' } };
    row.getCell(1).alignment = { vertical: 'middle', wrapText: i > 0 };
    row.height = i === 0 ? 28 : 20;
    sheet.mergeCells(i + 1, 1, i + 1, width);
  });
}

/** A score cell: the two-decimal number, or a word when not applicable. */
function score(value: number | null, none = '不适用'): CellValue {
  return value === null ? none : value;
}

/** A column of departmentCells as a workbook cell: scores as numbers, or a word when not applicable. */
function departmentValue(cells: ReturnType<typeof departmentCells>, column: DepartmentColumn): CellValue {
  const value = cells[column];
  return SCORE_COLUMNS.has(column) && typeof value !== 'string' ? score(value) : value;
}

function summarySheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = wb.addWorksheet('汇总与排名');
  setupSheet(sheet, model, true);
  const columns: Column[] = [
    { header: '名次', width: 7, numFmt: '0' },
    { header: '名次变化', width: 9, numFmt: CHANGE },
    { header: '部门代码', width: 12 },
    { header: '部门名称', width: 26 },
    { header: '总分', width: 9, numFmt: SCORE },
    { header: '等级', width: 11 },
    { header: '及时性', width: 9, numFmt: SCORE },
    { header: '完整性', width: 9, numFmt: SCORE },
    { header: '响应', width: 9, numFmt: SCORE },
    { header: '表彰与通报', width: 28 },
  ];
  const commended = new Set(model.commended.map((d) => d.dept));
  const noticed = new Map(model.noticed.map((n) => [n.dept, n]));
  const g = model.gradeCounts;
  const lines = [
    `${reportTitle(model)}（${model.periodLabel}）`,
    `考核期：${model.periodLabel}（${model.period}）　计算时点：${localDateTime(model.asOf, model.timeZone)}　状态：${statusText(model)}`,
    model.scope.kind === 'city'
      ? `参评部门 ${model.cityDepartments} 个，有得分 ${model.cityRanked} 个；全市平均分 ${model.cityAverage?.toFixed(2) ?? '—'}；` +
        `${GRADE_ZH.A} ${g.A} 个、${GRADE_ZH.B} ${g.B} 个、${GRADE_ZH.C} ${g.C} 个、${GRADE_ZH.D} ${g.D} 个；表彰 ${model.commended.length} 个，通报 ${model.noticed.length} 个`
      : `部门：${model.scope.name}（${model.scope.dept}）；全市有得分部门 ${model.cityRanked} 个；全市平均分 ${model.cityAverage?.toFixed(2) ?? '—'}`,
  ];
  titleRows(sheet, columns.length, lines);
  const rows = model.departments.map((d): CellValue[] => {
    const n = noticed.get(d.dept);
    const lists = [commended.has(d.dept) ? '表彰' : '', n ? `通报：${n.reasons.join('；')}` : ''].filter(Boolean).join('；');
    const cells = departmentCells(d);
    const value = (column: DepartmentColumn) => departmentValue(cells, column);
    return [
      ...(['名次', '名次变化', '部门代码', '部门名称'] as const).map(value),
      score(d.total, '无数据'),
      d.grade ? `${d.grade} ${GRADE_ZH[d.grade]}` : '无数据',
      ...(['及时性', '完整性', '响应'] as const).map(value),
      lists,
    ];
  });
  writeTable(sheet, lines.length + 1, columns, rows);
}

function dimensionSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = wb.addWorksheet('维度明细');
  setupSheet(sheet, model, true);
  const departmentColumns: (Column & { header: DepartmentColumn })[] = [
    { header: '部门代码', width: 12 },
    { header: '部门名称', width: 24 },
    { header: '及时性', width: 9, numFmt: SCORE },
    { header: '应考核窗口数', width: 10, numFmt: COUNT },
    { header: '按时更新窗口数', width: 10, numFmt: COUNT },
    { header: '完整性', width: 9, numFmt: SCORE },
    { header: '记录数', width: 11, numFmt: COUNT },
    { header: '字段齐全记录数', width: 11, numFmt: COUNT },
    { header: '响应', width: 9, numFmt: SCORE },
    { header: '已办结申请数', width: 10, numFmt: COUNT },
    { header: '按时答复申请数', width: 10, numFmt: COUNT },
    { header: '办理中申请数', width: 10, numFmt: COUNT },
    { header: '拖延不办申请数', width: 10, numFmt: COUNT },
    { header: '已办结异议数', width: 10, numFmt: COUNT },
    { header: '按时处理异议数', width: 10, numFmt: COUNT },
    { header: '接口成功次数', width: 10, numFmt: COUNT },
    { header: '接口失败次数', width: 10, numFmt: COUNT },
  ];
  const columns: Column[] = [
    ...departmentColumns,
    { header: '驳回率（%，不计分）', width: 11, numFmt: SCORE },
    { header: '答复用时中位数（工作日，不计分）', width: 13, numFmt: '0.0' },
    { header: '接口延迟 P95（毫秒，不计分）', width: 12, numFmt: COUNT },
  ];
  const rows = model.departments.map((d): CellValue[] => {
    const cells = departmentCells(d);
    const x = model.extras[d.dept];
    return [
      ...departmentColumns.map((c) => departmentValue(cells, c.header)),
      x?.rejectionRate ?? null,
      x?.medianAnswerWorkdays ?? null,
      x?.latencyP95Ms ?? null,
    ];
  });
  writeTable(sheet, 1, columns, rows);
}

/** A department's 100 − total by part (scoring.md "Points lost"); each finding's points are on the findings sheet. */
function pointsLostSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const d = model.departments[0];
  const sheet = wb.addWorksheet('扣分构成');
  setupSheet(sheet, model, false);
  const columns: Column[] = [
    { header: '扣分项', width: 18 },
    { header: '扣分', width: 10, numFmt: SCORE },
    { header: '依据', width: 60 },
  ];
  const rows = pointsLostRows(d, model.findings[d.dept] ?? []).map((r): CellValue[] => [r.label, score(r.points), r.basis]);
  writeTable(sheet, 1, columns, rows);
  if (rows.length === 0) sheet.getCell(2, 1).value = cellValue('本期无数据');
}

function findingsSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = wb.addWorksheet('问题清单');
  setupSheet(sheet, model, true);
  const columns: Column[] = [
    { header: '部门代码', width: 11 },
    { header: '部门名称', width: 22 },
    { header: '问题类型', width: 16 },
    { header: '资源', width: 14 },
    { header: '申请/异议编号', width: 14 },
    { header: '申请方/提出方', width: 13 },
    { header: '窗口开始', width: 17 },
    { header: '窗口结束', width: 17 },
    { header: '提交时间', width: 17 },
    { header: '答复期限', width: 17 },
    { header: '答复时间', width: 17 },
    { header: '逾期工作日', width: 9, numFmt: '0' },
    { header: '记录数', width: 10, numFmt: COUNT },
    { header: '字段齐全记录数', width: 10, numFmt: COUNT },
    { header: '完整率（%）', width: 10, numFmt: SCORE },
    { header: '相关事件', width: 30 },
    { header: '申诉', width: 16 },
    { header: '扣分', width: 8, numFmt: SCORE },
  ];
  const rows = findingRows(model).map((f): CellValue[] => findingCells(f));
  writeTable(sheet, 1, columns, rows);
}

function listsSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = wb.addWorksheet('表彰与通报');
  setupSheet(sheet, model, false);
  const columns: Column[] = [
    { header: '类别', width: 8 },
    { header: '部门代码', width: 12 },
    { header: '部门名称', width: 26 },
    { header: '名次', width: 7, numFmt: '0' },
    { header: '总分', width: 9, numFmt: SCORE },
    { header: '等级', width: 11 },
    { header: '拖延不办申请数', width: 12, numFmt: COUNT },
    { header: '原因', width: 40 },
  ];
  const rows: CellValue[][] = [
    ...model.commended.map((d): CellValue[] => [
      '表彰',
      d.dept,
      d.name,
      d.rank,
      score(d.total, '无数据'),
      d.grade ? `${d.grade} ${GRADE_ZH[d.grade]}` : '无数据',
      d.counts.requestsOverdueOpen,
      `等级为${GRADE_ZH.A}且排名前 ${model.scheme.commendTopN} 名`,
    ]),
    ...model.noticed.map((n): CellValue[] => [
      '通报',
      n.dept,
      n.name,
      n.rank,
      score(n.total, '无数据'),
      n.grade ? `${n.grade} ${GRADE_ZH[n.grade]}` : '无数据',
      n.overdueOpenRequests,
      n.reasons.join('；'),
    ]),
  ];
  writeTable(sheet, 1, columns, rows);
}

/** 上期通报整改情况 (issue 15): only when the previous month's notice list opened cases. */
function rectificationSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const r = model.rectification;
  if (!r) return;
  const sheet = wb.addWorksheet('上期通报整改情况');
  setupSheet(sheet, model, false);
  const columns: Column[] = [
    { header: '通报期间', width: 12 },
    { header: '部门代码', width: 12 },
    { header: '部门名称', width: 26 },
    { header: '状态', width: 16 },
    { header: '整改期限', width: 12 },
    { header: '办结时间', width: 17 },
  ];
  const rows: CellValue[][] = r.cases.map((c) => [
    r.period,
    c.dept,
    c.name,
    caseStateText(c),
    c.due,
    c.closedAt ? localDateTime(c.closedAt, model.timeZone) : null,
  ]);
  writeTable(sheet, 1, columns, rows);
}

function schemeSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = wb.addWorksheet('考核方案');
  setupSheet(sheet, model, false);
  const columns: Column[] = [
    { header: '参数', width: 28 },
    { header: '值', width: 10, numFmt: '0.####' },
    { header: '单位', width: 8 },
    { header: '说明', width: 60 },
  ];
  const rows: CellValue[][] = schemeRows(model.scheme).map((r) => [r.name, r.value, r.unit, r.note]);
  writeTable(sheet, 1, columns, rows);
  // The method in plain words under the parameters (describeScheme), so the workbook explains itself.
  const description = describeScheme(model.scheme, 'zh');
  let r = rows.length + 3;
  const put = (text: string, bold: boolean) => {
    const cell = sheet.getCell(r, 1);
    cell.value = cellValue(text);
    cell.font = { name: FONT, size: bold ? 11 : 10, bold };
    cell.alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(r, 1, r, columns.length);
    if (!bold) sheet.getRow(r).height = Math.max(15, Math.ceil(text.length / 52) * 14);
    r++;
  };
  put(description.title, true);
  for (const section of description.sections) {
    put(section.title, true);
    for (const p of section.paragraphs) put(p, false);
  }
}

/** The assessment workbook (issue 8): summary and ranking, dimension detail, findings, lists, scheme. */
export async function buildWorkbook(model: ReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `${model.city}政务数据共享绩效考核看板`;
  wb.title = `${reportTitle(model)} ${periodLabel(model.period)}`;
  wb.subject = model.published ? '已发布' : '未发布';
  const created = new Date(Date.parse(model.generatedAt));
  wb.created = created;
  wb.modified = created;
  summarySheet(wb, model);
  dimensionSheet(wb, model);
  if (model.scope.kind === 'department' && model.departments.length === 1) pointsLostSheet(wb, model);
  findingsSheet(wb, model);
  listsSheet(wb, model);
  rectificationSheet(wb, model);
  schemeSheet(wb, model);
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data);
}
