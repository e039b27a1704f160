import { ACTIVE_ZH, CALENDAR_KIND_ZH, FREQUENCY_ZH, MASTER_DATA_COLUMNS, type MasterDataKind, type MasterDataTemplateFormat } from '@app/contracts';
import { csvLine } from '../../common/export/csv';
import { EXPORT_CONTENT_TYPES } from '../../common/export/content-types';
import { loadExcel } from '../../common/export/excel';

interface TemplateSpec {
  title: string;
  /** One example row by column name; a date column's value is a YYYY-MM-DD string. */
  example: Record<string, string>;
  /** What each column holds, for the instructions sheet. */
  notes: Record<string, string>;
  /** The values a closed column takes, offered as a drop-down in the workbook. */
  choices: Record<string, readonly string[]>;
  dates: readonly string[];
}

const SPECS: Record<MasterDataKind, TemplateSpec> = {
  departments: {
    title: '部门',
    example: { code: 'PSB', name: '市公安局', name_en: 'Public Security Bureau', category: '社会管理', active: ACTIVE_ZH.true },
    notes: {
      code: '1-32 个字母、数字、_ 或 -，不可重复',
      name: '部门全称',
      name_en: '英文名称，可不填',
      category: '分组，如 经济调节、社会管理，可不填',
      active: '是 或 否，不填为是；停用的部门不参加未发布周期的考核',
    },
    choices: { active: Object.values(ACTIVE_ZH) },
    dates: [],
  },
  catalog: {
    title: '资源目录',
    example: { code: 'PSB-POP', name: '常住人口基本信息', dept: 'PSB', frequency: FREQUENCY_ZH.daily, active_from: '2026-01-01', active_to: '' },
    notes: {
      code: '资源代码，不可重复',
      name: '资源名称',
      dept: '提供部门的部门代码（或部门名称），须已导入',
      frequency: Object.values(FREQUENCY_ZH).join('、'),
      active_from: '日期（YYYY-MM-DD 或 Excel 日期），可不填',
      active_to: '最后一天（含），可不填',
    },
    choices: { frequency: Object.values(FREQUENCY_ZH) },
    dates: ['active_from', 'active_to'],
  },
  calendar: {
    title: '工作日历',
    example: { date: '2026-10-01', kind: CALENDAR_KIND_ZH.holiday, name: '国庆节' },
    notes: {
      date: '日期（YYYY-MM-DD 或 Excel 日期），不可重复',
      kind: '节假日（工作日放假）或 调休上班（周末上班）',
      name: '所属节日，如 春节，可不填',
    },
    choices: { kind: Object.values(CALENDAR_KIND_ZH) },
    dates: ['date'],
  },
};

const FILE_NAMES: Record<MasterDataKind, string> = { departments: '部门导入模板', catalog: '资源目录导入模板', calendar: '工作日历导入模板' };
/** Rows of the sheet that offer the drop-downs: room for a city's whole catalog. */
const CHOICE_ROWS = 2000;

/** The template's header: each column under its first Chinese name, as departments' sheets have them. */
const headerOf = (kind: MasterDataKind) => MASTER_DATA_COLUMNS[kind].map((c) => c.aliases[0] ?? c.name);

/** CSV in UTF-8 with a BOM, so Excel opens the Chinese header as such. */
function templateCsv(kind: MasterDataKind): Buffer {
  const spec = SPECS[kind];
  const lines = [csvLine(headerOf(kind)), csvLine(MASTER_DATA_COLUMNS[kind].map((c) => spec.example[c.name] ?? ''))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function templateXlsx(kind: MasterDataKind): Promise<Buffer> {
  const spec = SPECS[kind];
  const columns = MASTER_DATA_COLUMNS[kind];
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务数据共享绩效考核看板';
  const sheet = wb.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headerOf(kind).map((header, i) => ({ header, width: Math.max(14, spec.example[columns[i].name].length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  const example = sheet.getRow(2);
  columns.forEach((c, i) => {
    const isDate = spec.dates.includes(c.name);
    // Codes stay text (Excel would turn a numeric-looking code into a number); dates are real date cells, read back as YYYY-MM-DD.
    sheet.getColumn(i + 1).numFmt = isDate ? 'yyyy-mm-dd' : '@';
    const value = spec.example[c.name];
    const cell = example.getCell(i + 1);
    if (!value) return;
    cell.value = isDate ? new Date(`${value}T00:00:00Z`) : value;
    cell.numFmt = isDate ? 'yyyy-mm-dd' : '@';
  });
  columns.forEach((c, i) => {
    const choices = spec.choices[c.name];
    if (!choices) return;
    for (let row = 2; row <= CHOICE_ROWS; row++) {
      sheet.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [`"${choices.join(',')}"`] };
    }
  });
  const notes = wb.addWorksheet('说明');
  notes.columns = [
    { header: '列名', width: 14 },
    { header: '也可写作', width: 22 },
    { header: '必填', width: 8 },
    { header: '说明', width: 60 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow([c.aliases[0] ?? c.name, [...c.aliases.slice(1), c.name].join('、'), c.required ? '是' : '否', spec.notes[c.name]]);
  notes.addRow([]);
  notes.addRow(['只读取第一个工作表；列的顺序不限，多余的列不读取。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GET /api/master-data/templates/{kind}.{format}: the header row and one example row, which import cleanly. */
export async function masterDataTemplate(
  file: `${MasterDataKind}.${MasterDataTemplateFormat}`,
): Promise<{ bytes: Buffer; filename: string; contentType: string }> {
  const [kind, format] = file.split('.') as [MasterDataKind, MasterDataTemplateFormat];
  const bytes = format === 'csv' ? templateCsv(kind) : await templateXlsx(kind);
  return { bytes, filename: `${FILE_NAMES[kind]}.${format}`, contentType: EXPORT_CONTENT_TYPES[format] };
}
