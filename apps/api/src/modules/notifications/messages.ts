import {
  POINTS_LOST_PART_ZH,
  POINTS_LOST_PARTS,
  type ChannelKind,
  type DepartmentScore,
  type DepartmentTodo,
  type MessageKind,
  type ScoreRecord,
  type TodoAtRiskItem,
  type TodoOverdueItem,
} from '@app/contracts';

/**
 * A message before it meets a channel: a Chinese title, the same content as
 * markdown (robots) and as plain text (Feishu text, email), and the JSON
 * document a generic webhook receives.
 */
export interface Notice {
  kind: MessageKind;
  title: string;
  markdown: string;
  text: string;
  document: unknown;
}

/** What a channel sends: an HTTP JSON body (robots, webhook) or an email. */
export type Outgoing = { transport: 'http'; body: Record<string, unknown> | unknown[] } | { transport: 'email'; subject: string; text: string };

const KIND_ZH = { request: '共享申请', objection: '数据异议', window: '更新窗口' } as const;
const COUNTERPART_ZH = { request: '申请方', objection: '提出方' } as const;

/** `2026-10-22T00:00:00+08:00` → `2026-10-22 00:00`: the local wall time, as the instant was written. */
function wall(instant: string): string {
  return instant.slice(0, 16).replace('T', ' ');
}

export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return `${period}年度`;
}

function overdueLine(item: TodoOverdueItem): string {
  return `${KIND_ZH[item.kind]} ${item.id}（资源 ${item.resource}，${COUNTERPART_ZH[item.kind]} ${item.counterpart}）已逾期 ${item.workdaysOverdue} 个工作日，截止 ${wall(item.deadline)}`;
}

function atRiskLine(item: TodoAtRiskItem): string {
  if (item.kind === 'window') {
    return `${KIND_ZH.window} ${item.resource}（${wall(item.windowStart)} 至 ${wall(item.windowEnd)}）剩余 ${item.workdaysLeft} 个工作日`;
  }
  return `${KIND_ZH[item.kind]} ${item.id}（资源 ${item.resource}，${COUNTERPART_ZH[item.kind]} ${item.counterpart}）剩余 ${item.workdaysLeft} 个工作日，截止 ${wall(item.deadline)}`;
}

function compose(
  kind: MessageKind,
  title: string,
  sections: { heading: string; lines: string[] }[],
  link: { label: string; url: string } | null,
  document: unknown,
): Notice {
  const md: string[] = [`### ${title}`];
  const text: string[] = [title];
  for (const s of sections) {
    if (s.lines.length === 0) continue;
    md.push('', `**${s.heading}**`, ...s.lines.map((l) => `- ${l}`));
    text.push('', `${s.heading}：`, ...s.lines.map((l, i) => `${i + 1}. ${l}`));
  }
  if (link) {
    md.push('', `[${link.label}](${link.url})`);
    text.push('', `${link.label}：${link.url}`);
  }
  return { kind, title, markdown: md.join('\n'), text: text.join('\n'), document };
}

/** A department's to-do of the day; null when there is nothing to act on. */
export function todoNotice(todo: DepartmentTodo, deptName: string, origin: string): Notice | null {
  const count = todo.overdue.length + todo.atRisk.length;
  if (count === 0) return null;
  const title = `【待办提醒】${deptName}（${todo.dept}）${todo.asOf.slice(0, 10)} 待办 ${count} 项`;
  return compose(
    'todo',
    title,
    [
      { heading: `已逾期 ${todo.overdue.length} 项`, lines: todo.overdue.map(overdueLine) },
      { heading: `即将到期 ${todo.atRisk.length} 项`, lines: todo.atRisk.map(atRiskLine) },
    ],
    { label: '查看本部门待办', url: `${origin}/departments/${encodeURIComponent(todo.dept)}` },
    todo,
  );
}

/** For a role: every department's overdue items of the day; null when none is overdue. */
export function digestNotice(todos: readonly DepartmentTodo[], names: ReadonlyMap<string, string>, date: string, origin: string): Notice | null {
  const withOverdue = todos.filter((t) => t.overdue.length > 0);
  const count = withOverdue.reduce((n, t) => n + t.overdue.length, 0);
  if (count === 0) return null;
  const title = `【逾期汇总】${date} 共 ${withOverdue.length} 个部门逾期 ${count} 项`;
  return compose(
    'digest',
    title,
    withOverdue.map((t) => ({ heading: `${names.get(t.dept) ?? t.dept}（${t.dept}）逾期 ${t.overdue.length} 项`, lines: t.overdue.map(overdueLine) })),
    { label: '查看待办与预警', url: `${origin}/warnings` },
    { date, departments: withOverdue.map((t) => ({ dept: t.dept, asOf: t.asOf, overdue: t.overdue })) },
  );
}

const fmt = (n: number | null) => (n === null ? '不适用' : String(n));

/** A department's result in a published period. */
export function resultNotice(period: string, score: DepartmentScore, departmentCount: number, origin: string): Notice {
  const title = `【考核结果】${score.name}（${score.dept}）${periodLabel(period)}：${fmt(score.total)} 分，排名 ${score.rank ?? '—'}/${departmentCount}，等级 ${score.grade ?? '—'}`;
  const lost = score.pointsLost;
  const lines = lost
    ? [`合计失分 ${lost.total} 分`, ...POINTS_LOST_PARTS.filter((p) => lost[p] !== null).map((p) => `${POINTS_LOST_PART_ZH[p]}：失 ${lost[p]} 分`)]
    : ['本期无可评分项'];
  const report = `${origin}/api/reports/${encodeURIComponent(period)}.pdf?dept=${encodeURIComponent(score.dept)}`;
  return compose(
    'result',
    title,
    [
      { heading: '得分', lines: [`总分 ${fmt(score.total)}`, `排名 ${score.rank ?? '—'}/${departmentCount}`, `等级 ${score.grade ?? '—'}`] },
      { heading: '各维度失分', lines },
    ],
    { label: '下载本部门考核报告', url: report },
    { period, department: score, report },
  );
}

/** For a role: the published period's summary, by rank. */
export function summaryNotice(record: ScoreRecord, origin: string): Notice {
  const ranked = [...record.departments].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.dept.localeCompare(b.dept));
  const title = `【考核结果发布】${periodLabel(record.period)}，共 ${record.departments.length} 个部门`;
  return compose(
    'summary',
    title,
    [
      { heading: '排名', lines: ranked.map((d) => `${d.rank ?? '—'}. ${d.name}（${d.dept}）${fmt(d.total)} 分，等级 ${d.grade ?? '—'}`) },
      { heading: '表扬', lines: record.commended.length > 0 ? [record.commended.join('、')] : [] },
      { heading: '通报', lines: record.noticed.map((n) => `${n.dept}（等级 ${n.grade ?? '—'}，逾期未办申请 ${n.overdueOpenRequests} 件）`) },
    ],
    { label: '查看排名', url: `${origin}/rankings?period=${encodeURIComponent(record.period)}` },
    record,
  );
}

/** A step of a rectification case (issue 15): opened, returned and overdue go to the department, submitted to the inspectors. */
export type CaseStep = 'opened' | 'submitted' | 'returned' | 'overdue';

const CASE_STEP_ZH: Record<CaseStep, string> = { opened: '整改通知', submitted: '整改待审核', returned: '整改退回', overdue: '整改逾期' };

export function caseNotice(
  step: CaseStep,
  c: { id: number; period: string; dept: string; due: string; inspectorComment: string | null },
  deptName: string,
  origin: string,
): Notice {
  const title = `【${CASE_STEP_ZH[step]}】${deptName}（${c.dept}）${periodLabel(c.period)}通报整改`;
  const lines: Record<CaseStep, string[]> = {
    opened: [`${periodLabel(c.period)}考核结果通报了本部门，请于 ${c.due} 前提交原因和整改措施。`],
    submitted: [`${deptName}已提交整改材料，请审核。`, `整改期限 ${c.due}`],
    returned: [`整改材料被退回，请修改后重新提交。`, ...(c.inspectorComment ? [`退回意见：${c.inspectorComment}`] : []), `整改期限 ${c.due}`],
    overdue: [`整改期限 ${c.due} 已过，整改尚未办结。`],
  };
  const url = `${origin}/departments/${encodeURIComponent(c.dept)}?period=${encodeURIComponent(c.period)}`;
  return compose('case', title, [{ heading: '整改', lines: lines[step] }], { label: '查看整改', url }, { step, case: c });
}

export function testNotice(channelName: string, at: string): Notice {
  return compose(
    'test',
    `【测试消息】政务数据共享绩效考核看板`,
    [{ heading: '说明', lines: [`通道“${channelName}”配置正确，可以接收消息（${at}）。`] }],
    null,
    { test: true, channel: channelName, at },
  );
}

/** The notice in a channel kind's own format (the signature, which depends on the moment of sending, is added then). */
export function render(kind: ChannelKind, notice: Notice): Outgoing {
  switch (kind) {
    case 'dingtalk':
      return { transport: 'http', body: { msgtype: 'markdown', markdown: { title: notice.title, text: notice.markdown } } };
    case 'wecom':
      return { transport: 'http', body: { msgtype: 'markdown', markdown: { content: notice.markdown } } };
    case 'feishu':
      return { transport: 'http', body: { msg_type: 'text', content: { text: notice.text } } };
    case 'webhook':
      return { transport: 'http', body: notice.document as Record<string, unknown> };
    case 'email':
      return { transport: 'email', subject: notice.title, text: notice.text };
  }
}
