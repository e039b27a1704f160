import { describe, expect, it } from 'vitest';
import type { DepartmentScore, DepartmentTodo, ScoreRecord } from '@app/contracts';
import { caseNotice, digestNotice, periodLabel, render, resultNotice, summaryNotice, todoNotice } from './messages';

const ORIGIN = 'https://kpi.example.gov.cn';

/** scoring.md, To-do and early warnings: the worked example's CAB as of Oct 29 10:00. */
const CAB: DepartmentTodo = {
  dept: 'CAB',
  asOf: '2026-10-29T10:00:00+08:00',
  overdue: [
    { kind: 'request', id: 'RQ-3', resource: 'CAB-MAR', counterpart: 'PSB', deadline: '2026-10-22T00:00:00+08:00', workdaysOverdue: 6, eventIds: ['ex-0067'] },
  ],
  atRisk: [
    { kind: 'window', resource: 'CAB-MAR', windowStart: '2026-10-01T00:00:00+08:00', windowEnd: '2026-11-01T00:00:00+08:00', workdaysLeft: 1, eventIds: [] },
  ],
};

const SCORE: DepartmentScore = {
  dept: 'CAB',
  name: '民政局',
  total: 81.5,
  timeliness: 90,
  completeness: 80,
  response: 70,
  rank: 2,
  rankChange: null,
  grade: 'B',
  counts: {
    windowsDue: 1,
    windowsMet: 1,
    records: 1,
    completeRecords: 1,
    requestsSettled: 1,
    requestsOnTime: 1,
    requestsPending: 0,
    requestsOverdueOpen: 1,
    objectionsSettled: 0,
    objectionsOnTime: 0,
    apiSuccess: 0,
    apiFailure: 0,
  },
  pointsLost: { total: 18.5, timeliness: 3, completeness: 5.5, requests: 10, objections: null, interfaces: null },
};

describe('todoNotice', () => {
  it('lists every item in Chinese with its working days and links to the department', () => {
    const n = todoNotice(CAB, '民政局', ORIGIN)!;
    expect(n.title).toBe('【待办提醒】民政局（CAB）2026-10-29 待办 2 项');
    expect(n.markdown).toContain('共享申请 RQ-3（资源 CAB-MAR，申请方 PSB）已逾期 6 个工作日');
    expect(n.markdown).toContain('更新窗口 CAB-MAR（2026-10-01 00:00 至 2026-11-01 00:00）剩余 1 个工作日');
    expect(n.markdown).toContain(`(${ORIGIN}/departments/CAB)`);
    expect(n.text).toContain('1. 共享申请 RQ-3');
    expect(n.document).toEqual(CAB);
  });

  it('is nothing for an empty to-do', () => {
    expect(todoNotice({ ...CAB, overdue: [], atRisk: [] }, '民政局', ORIGIN)).toBeNull();
  });
});

describe('render', () => {
  const n = todoNotice(CAB, '民政局', ORIGIN)!;
  it('DingTalk and WeCom get markdown, Feishu text, the webhook the to-do document, email a subject and body', () => {
    expect(render('dingtalk', n)).toEqual({ transport: 'http', body: { msgtype: 'markdown', markdown: { title: n.title, text: n.markdown } } });
    expect(render('wecom', n)).toEqual({ transport: 'http', body: { msgtype: 'markdown', markdown: { content: n.markdown } } });
    expect(render('feishu', n)).toEqual({ transport: 'http', body: { msg_type: 'text', content: { text: n.text } } });
    expect(render('webhook', n)).toEqual({ transport: 'http', body: CAB });
    expect(render('email', n)).toEqual({ transport: 'email', subject: n.title, text: n.text });
  });
});

describe('digestNotice', () => {
  it("lists every department's overdue items only, and is nothing when none is overdue", () => {
    const other: DepartmentTodo = { dept: 'PSB', asOf: CAB.asOf, overdue: [], atRisk: CAB.atRisk };
    const n = digestNotice([CAB, other], new Map([['CAB', '民政局']]), '2026-10-29', ORIGIN)!;
    expect(n.title).toBe('【逾期汇总】2026-10-29 共 1 个部门逾期 1 项');
    expect(n.markdown).toContain('民政局（CAB）逾期 1 项');
    expect(n.markdown).not.toContain('更新窗口');
    expect(n.markdown).toContain(`${ORIGIN}/warnings`);
    expect(digestNotice([other], new Map(), '2026-10-29', ORIGIN)).toBeNull();
  });
});

describe('resultNotice and summaryNotice', () => {
  it('gives total, rank, grade, points lost by dimension and the report link', () => {
    const n = resultNotice('2026-10', SCORE, 5, ORIGIN);
    expect(n.title).toBe('【考核结果】民政局（CAB）2026年10月：81.5 分，排名 2/5，等级 B');
    expect(n.markdown).toContain('完整性：失 5.5 分');
    expect(n.markdown).toContain('申请答复：失 10 分');
    expect(n.markdown).not.toContain('异议处理');
    expect(n.markdown).toContain(`${ORIGIN}/api/reports/2026-10.pdf?dept=CAB`);
  });

  it('ranks the departments of the record', () => {
    const record: ScoreRecord = {
      period: '2026-Q4',
      asOf: '2027-01-05T00:00:00+08:00',
      provisional: false,
      schemeVersion: 1,
      commended: ['PSB'],
      noticed: [{ dept: 'CAB', grade: 'D', overdueOpenRequests: 2 }],
      departments: [SCORE, { ...SCORE, dept: 'PSB', name: '公安局', total: 95, rank: 1, grade: 'A' }],
    };
    const n = summaryNotice(record, ORIGIN);
    expect(n.title).toBe('【考核结果发布】2026年第4季度，共 2 个部门');
    expect(n.text.indexOf('1. 公安局')).toBeLessThan(n.text.indexOf('2. 民政局'));
    expect(n.text).toContain('CAB（等级 D，逾期未办申请 2 件）');
  });

  it('labels periods in Chinese', () => {
    expect([periodLabel('2026-10'), periodLabel('2026-Q4'), periodLabel('2026')]).toEqual(['2026年10月', '2026年第4季度', '2026年度']);
  });
});

describe('caseNotice', () => {
  const c = { id: 7, period: '2026-10', dept: 'CAB', due: '2026-12-16', inspectorComment: '请补充办结时间' };
  it('tells the department its case is opened, returned (with the comment) or overdue, and the inspectors it is submitted', () => {
    const opened = caseNotice('opened', c, '市民政局', 'https://kpi.example.gov.cn');
    expect(opened.kind).toBe('case');
    expect(opened.title).toBe('【整改通知】市民政局（CAB）2026年10月通报整改');
    expect(opened.text).toContain('请于 2026-12-16 前提交原因和整改措施');
    expect(opened.markdown).toContain('https://kpi.example.gov.cn/departments/CAB?period=2026-10');
    expect(caseNotice('returned', c, '市民政局', '').text).toContain('退回意见：请补充办结时间');
    expect(caseNotice('submitted', c, '市民政局', '').title).toContain('整改待审核');
    expect(caseNotice('overdue', c, '市民政局', '').text).toContain('整改期限 2026-12-16 已过');
  });
});
