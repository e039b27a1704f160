import { describeScheme } from '@app/scoring';
import { CHART_WIDTH, pointsLostChart, rankingCharts, trendChart, type RenderedChart } from './charts';
import { PDF_FONT, type PdfDocument } from './pdf-render';
import {
  caseStateText,
  findingRows,
  findingSummary,
  GRADE_ZH,
  gradeText,
  localDateTime,
  pointsLostRows,
  rankChangeText,
  reportTitle,
  scoreText,
  shortStatus,
  statusText,
  type ReportModel,
} from './report-model';

type Node = Record<string, unknown> | string;

/** Content width of an A4 page with the margins below, in points. */
const CONTENT_WIDTH = 595.28 - 2 * 42;
/** ECharts draws at CHART_WIDTH pixels; the PDF scales the SVG to the content width. */
const CHART_SCALE = CONTENT_WIDTH / CHART_WIDTH;
/**
 * Most departments per ranking chart: 30 bars and the chart's title fill most of an A4 page, and a
 * chart taller than a page would not be printed at all (an unbreakable block). More are drawn as
 * further charts of even size.
 */
const MAX_BARS_PER_CHART = 30;

const PROVISIONAL_COLOR = '#c62828';
const PUBLISHED_COLOR = '#2e7d32';
const HEADER_FILL = '#dce6f1';

function heading(text: string): Node {
  return { text, style: 'h1' };
}

function paragraph(text: string): Node {
  return { text, style: 'body' };
}

function headerCell(text: string): Node {
  return { text, style: 'th', fillColor: HEADER_FILL };
}

function cell(text: string, align: 'left' | 'right' | 'center' = 'left', extra: Record<string, unknown> = {}): Node {
  return { text, alignment: align, style: 'td', ...extra };
}

/** A table whose header row repeats on every page it runs onto; rows never split. */
function table(widths: (number | string)[], header: string[], rows: Node[][]): Node {
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header.map(headerCell), ...rows] },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#b7b7b7',
      vLineColor: () => '#b7b7b7',
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 4, 0, 10],
  };
}

/** A chart with its title (and the section heading before it, if any) kept together on one page. */
function svgChart(chart: RenderedChart, title: string, sectionHeading?: string): Node {
  return {
    stack: [
      ...(sectionHeading ? [heading(sectionHeading)] : []),
      { text: title, bold: true, fontSize: 10, alignment: 'center', margin: [0, 4, 0, 2] },
      { svg: chart.svg, width: chart.width * CHART_SCALE, font: PDF_FONT },
    ],
    unbreakable: true,
    margin: [0, 0, 0, 8],
  };
}

function statusBox(model: ReportModel): Node {
  const color = model.published ? PUBLISHED_COLOR : PROVISIONAL_COLOR;
  return {
    table: { widths: ['*'], body: [[{ text: statusText(model), color, bold: true, fontSize: 10, margin: [6, 4, 6, 4] }]] },
    layout: { hLineColor: () => color, vLineColor: () => color, hLineWidth: () => 0.8, vLineWidth: () => 0.8 },
    margin: [0, 6, 0, 10],
  };
}

function methodSection(model: ReportModel, number: string): Node[] {
  const description = describeScheme(model.scheme, 'zh');
  const out: Node[] = [heading(`${number}、考核方法说明`), paragraph(`本${model.scope.kind === 'city' ? '通报' : '报告'}按${description.title}计算。`)];
  for (const section of description.sections) {
    out.push({ text: section.title, style: 'h2' });
    for (const p of section.paragraphs) out.push({ text: p, style: 'small' });
  }
  return out;
}

function rankingChartsSection(model: ReportModel): Node[] {
  const ranked = model.departments.filter((d) => d.rank !== null).length;
  const perChart = Math.ceil(ranked / Math.max(1, Math.ceil(ranked / MAX_BARS_PER_CHART))) || MAX_BARS_PER_CHART;
  const charts = rankingCharts(model.departments, model.cityAverage, perChart);
  return charts.map((chart, i) =>
    svgChart(chart, charts.length > 1 ? `综合得分排名（第 ${i * perChart + 1}–${Math.min(ranked, (i + 1) * perChart)} 位）` : '综合得分排名'),
  );
}

/** Per-department totals across the trend's periods (the city report's top and bottom lines). */
function cityTrend(model: ReportModel, totals: Record<string, (number | null)[]>, sectionHeading: string): Node {
  const periods = model.trend.map((t) => t.period);
  const chart = trendChart(
    {
      periods,
      city: model.trend.map((t) => t.cityAverage),
      departments: model.departments.map((d) => ({ dept: d.dept, name: d.name, values: totals[d.dept] ?? periods.map(() => null) })),
    },
    'top-bottom',
  );
  return svgChart(chart, '全市平均分及本期前三名、后三名部门的总分', sectionHeading);
}

function departmentTrend(model: ReportModel, name: string, dept: string, sectionHeading: string): Node {
  const chart = trendChart(
    {
      periods: model.trend.map((t) => t.period),
      city: model.trend.map((t) => t.cityAverage),
      departments: [{ dept, name, values: model.trend.map((t) => t.dept) }],
    },
    'all',
  );
  return svgChart(chart, `${name}总分与全市平均分`, sectionHeading);
}

/** 上期通报整改情况 (issue 15): each case the previous month's notice list opened, its state, when it closed. */
function rectificationSection(model: ReportModel, number: string): Node[] {
  const r = model.rectification;
  if (!r) return [];
  return [
    heading(`${number}、上期通报整改情况`),
    paragraph(`${r.periodLabel}通报的 ${r.cases.length} 个部门的整改情况：`),
    table(
      ['*', 90, 70, 100],
      ['部门', '状态', '整改期限', '办结时间'],
      r.cases.map((c) => [
        cell(c.name),
        cell(caseStateText(c), 'center'),
        cell(c.due, 'center'),
        cell(c.closedAt ? localDateTime(c.closedAt, model.timeZone) : '—', 'center'),
      ]),
    ),
  ];
}

function cityContent(model: ReportModel): Node[] {
  const g = model.gradeCounts;
  const commendedNames = model.commended.map((d) => d.name).join('、');
  const noticedNames = model.noticed.map((n) => n.name).join('、');
  const content: Node[] = [
    heading('一、总体情况'),
    paragraph(
      `${model.periodLabel}共有 ${model.cityDepartments} 个部门参加数据共享绩效考核，其中 ${model.cityRanked} 个部门有得分并参加排名，` +
        `全市平均分 ${scoreText(model.cityAverage, '—')} 分。等级分布：${GRADE_ZH.A} ${g.A} 个，${GRADE_ZH.B} ${g.B} 个，${GRADE_ZH.C} ${g.C} 个，${GRADE_ZH.D} ${g.D} 个。` +
        `拟表彰 ${model.commended.length} 个部门${commendedNames ? `（${commendedNames}）` : ''}，通报 ${model.noticed.length} 个部门${noticedNames ? `（${noticedNames}）` : ''}。`,
    ),
    // The table first: it starts on page 1 and runs on over pages; the charts, a page each at most, follow it.
    heading('二、综合排名'),
    table(
      [28, 34, '*', 40, 52, 40, 40, 40],
      ['名次', '变化', '部门', '总分', '等级', '及时性', '完整性', '响应'],
      model.departments.map((d) => [
        cell(d.rank === null ? '—' : String(d.rank), 'center'),
        cell(rankChangeText(d.rankChange), 'center'),
        cell(d.name),
        cell(scoreText(d.total, '无数据'), 'right', { bold: true }),
        cell(gradeText(d.grade), 'center'),
        cell(scoreText(d.timeliness), 'right'),
        cell(scoreText(d.completeness), 'right'),
        cell(scoreText(d.response), 'right'),
      ]),
    ),
    ...rankingChartsSection(model),
    cityTrend(model, model.trendTotals, '三、得分趋势'),
    heading('四、表彰名单'),
    model.commended.length
      ? table(
          [34, '*', 50, 60],
          ['名次', '部门', '总分', '等级'],
          model.commended.map((d) => [
            cell(String(d.rank ?? '—'), 'center'),
            cell(d.name),
            cell(scoreText(d.total, '无数据'), 'right'),
            cell(gradeText(d.grade), 'center'),
          ]),
        )
      : paragraph('本期无表彰部门。'),
    paragraph(`表彰条件：等级为${GRADE_ZH.A}、排名前 ${model.scheme.commendTopN} 名且未被通报的部门。`),
    heading('五、通报名单'),
    model.noticed.length
      ? table(
          ['*', 50, 60, 56, 150],
          ['部门', '总分', '等级', '拖延不办', '通报原因'],
          model.noticed.map((n) => [
            cell(n.name),
            cell(scoreText(n.total, '无数据'), 'right'),
            cell(gradeText(n.grade), 'center'),
            cell(`${n.overdueOpenRequests} 件`, 'right'),
            cell(n.reasons.join('；')),
          ]),
        )
      : paragraph('本期无通报部门。'),
    paragraph(`通报条件：等级为${GRADE_ZH.D}的部门，以及有已过答复期限仍未答复的共享申请（拖延不办）的部门。`),
    ...rectificationSection(model, '六'),
    ...methodSection(model, model.rectification ? '七' : '六'),
  ];
  return content;
}

/** 100 − total as a waterfall and a table of the parts (scoring.md "Points lost"). */
function pointsLostSection(model: ReportModel, sectionHeading: string): Node[] {
  const d = model.departments[0];
  const rows = pointsLostRows(d, model.findings[d.dept] ?? []);
  if (rows.length === 0) return [heading(sectionHeading), paragraph('本期无数据，不计扣分。')];
  return [
    svgChart(pointsLostChart(d.pointsLost), `${d.name}：从满分 100 到总分 ${scoreText(d.total, '—')}`, sectionHeading),
    table(
      [90, 50, '*'],
      ['扣分项', '扣分', '依据'],
      rows.map((r) => [
        cell(r.label, 'left', r.key === 'total' ? { bold: true } : {}),
        cell(scoreText(r.points), 'right', r.key === 'total' ? { bold: true } : {}),
        cell(r.basis),
      ]),
    ),
    paragraph(
      '各项扣分分别四舍五入到两位小数，合计为 100 减去总分，因此各项之和与合计可能略有出入（每项舍入误差不超过 0.005 分）。每个问题的扣分见问题清单；接口调用不产生问题清单。',
    ),
  ];
}

function departmentContent(model: ReportModel): Node[] {
  const d = model.departments[0];
  const c = d.counts;
  const x = model.extras[d.dept];
  const commended = model.commended.length > 0;
  const noticed = model.noticed[0];
  const listText = [commended ? '列入表彰名单' : '', noticed ? `列入通报名单（${noticed.reasons.join('；')}）` : ''].filter(Boolean).join('；') || '无';
  const apiSettled = c.apiSuccess + c.apiFailure;
  const findings = findingRows(model);
  return [
    heading('一、得分概况'),
    table(
      [110, '*'],
      ['项目', '结果'],
      [
        [cell('总分'), cell(scoreText(d.total, '无数据'), 'left', { bold: true })],
        [cell('等级'), cell(gradeText(d.grade))],
        [cell('名次'), cell(d.rank === null ? '未排名（无数据）' : `第 ${d.rank} 名（共 ${model.cityRanked} 个部门参加排名）`)],
        [cell('名次变化'), cell(rankChangeText(d.rankChange))],
        [cell('全市平均分'), cell(scoreText(model.cityAverage, '—'))],
        [cell('表彰与通报'), cell(listText)],
      ],
    ),
    heading('二、维度得分与依据'),
    table(
      [60, 50, '*'],
      ['维度', '得分', '依据'],
      [
        [cell('及时性'), cell(scoreText(d.timeliness), 'right'), cell(`应考核更新窗口 ${c.windowsDue} 个，按时更新 ${c.windowsMet} 个`)],
        [cell('完整性'), cell(scoreText(d.completeness), 'right'), cell(`共享记录 ${c.records} 条，字段齐全 ${c.completeRecords} 条`)],
        [
          cell('响应'),
          cell(scoreText(d.response), 'right'),
          cell(
            `已办结共享申请 ${c.requestsSettled} 件，按时答复 ${c.requestsOnTime} 件；已办结数据异议 ${c.objectionsSettled} 件，按时处理 ${c.objectionsOnTime} 件；` +
              `接口调用成功 ${c.apiSuccess} 次、失败 ${c.apiFailure} 次${apiSettled ? `（成功率 ${((100 * c.apiSuccess) / apiSettled).toFixed(2)}%）` : ''}`,
          ),
        ],
        [
          cell('其他'),
          cell('不计分', 'right'),
          cell(
            `办理中申请 ${c.requestsPending} 件，拖延不办申请 ${c.requestsOverdueOpen} 件` +
              (x
                ? `；驳回率 ${x.rejectionRate === null ? '—' : `${x.rejectionRate.toFixed(2)}%`}，答复用时中位数 ${x.medianAnswerWorkdays ?? '—'} 个工作日，接口延迟 P95 ${x.latencyP95Ms ?? '—'} 毫秒`
                : ''),
          ),
        ],
      ],
    ),
    ...pointsLostSection(model, '三、扣分构成'),
    departmentTrend(model, d.name, d.dept, '四、得分趋势'),
    heading('五、问题清单'),
    findings.length
      ? table(
          [24, 72, '*', 40, 60],
          ['序号', '问题类型', '说明', '扣分', '申诉'],
          findings.map((f, i) => [
            cell(String(i + 1), 'center'),
            cell(f.kind),
            cell(findingSummary(f)),
            cell(f.pointsLost === null ? '—' : f.pointsLost.toFixed(2), 'right'),
            cell(f.appeal || '—'),
          ]),
        )
      : paragraph('本期无扣分问题。'),
    ...methodSection(model, '六'),
  ];
}

/** The bulletin (通报) of the city, or one department's report, as a pdfmake document. */
export function buildPdfDocument(model: ReportModel): PdfDocument {
  const title = reportTitle(model);
  const status = shortStatus(model);
  const statusColor = model.published ? PUBLISHED_COLOR : PROVISIONAL_COLOR;
  const running = `${title} · ${model.periodLabel}`;
  const subtitle =
    model.scope.kind === 'city'
      ? `考核期：${model.periodLabel}（${model.period}）　计算时点：${localDateTime(model.asOf, model.timeZone)}`
      : `${model.scope.name}（${model.scope.dept}）　考核期：${model.periodLabel}（${model.period}）　计算时点：${localDateTime(model.asOf, model.timeZone)}`;
  const definition: Record<string, unknown> = {
    pageSize: 'A4',
    pageMargins: [42, 56, 42, 48],
    info: { title: `${title}（${model.periodLabel}）`, author: `${model.city}政务数据共享绩效考核看板`, subject: status, creator: '政务数据共享绩效考核看板' },
    defaultStyle: { font: PDF_FONT, fontSize: 10, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      subtitle: { fontSize: 10, alignment: 'center', color: '#555555' },
      h1: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      h2: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
      body: { fontSize: 10, margin: [0, 2, 0, 4] },
      small: { fontSize: 8.5, color: '#333333', margin: [0, 1, 0, 3] },
      th: { bold: true, fontSize: 9, alignment: 'center' },
      td: { fontSize: 9 },
    },
    header: (currentPage: number) => ({
      margin: [42, 20, 42, 0],
      columns: [
        { text: currentPage > 1 ? running : '', fontSize: 8, color: '#777777' },
        { text: status, alignment: 'right', fontSize: 9, bold: true, color: statusColor },
      ],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      text: `第 ${currentPage} 页 / 共 ${pageCount} 页`,
      alignment: 'center',
      fontSize: 8,
      color: '#555555',
      margin: [0, 16, 0, 0],
    }),
    ...(model.published ? {} : { watermark: { text: '未发布', color: PROVISIONAL_COLOR, opacity: 0.05, bold: true, fontSize: 120 } }),
    content: [
      { text: title, style: 'title' },
      { text: subtitle, style: 'subtitle' },
      statusBox(model),
      ...(model.scope.kind === 'city' ? cityContent(model) : departmentContent(model)),
      { text: `生成时间：${localDateTime(model.generatedAt, model.timeZone)}`, fontSize: 8, color: '#777777', margin: [0, 12, 0, 0] },
    ],
  };
  return { definition, dynamicText: `${running}${status}第页共/0123456789未发布` };
}
