import type { Scheme } from './types';
import { assertValidScheme, DEFAULT_RECTIFICATION_WORKDAYS, DEFAULT_WARN_WORKDAYS, GRADE_LABELS } from './scheme';
import { add, div, fromDecimalNumber, isZero, mul, rational, round2, ZERO } from './rational';

export type DescribeLocale = 'zh' | 'en';

export interface SchemeDescriptionSection {
  /** Stable key for the page: overview, timeliness, completeness, response, grades, lists, appeals, timing, warnings. */
  id: string;
  title: string;
  paragraphs: string[];
}

export interface SchemeDescription {
  title: string;
  schemeVersion: number;
  sections: SchemeDescriptionSection[];
}

/** Each weight's share of the group, in percent, exact then rounded to two decimals. */
function shares(weights: readonly number[]): number[] {
  const exact = weights.map(fromDecimalNumber);
  const sum = exact.reduce(add, ZERO);
  return exact.map((w) => (isZero(sum) ? 0 : round2(mul(div(w, sum), rational(100n)))));
}

function num(x: number): string {
  return String(x);
}

function hoursEn(h: number): string {
  return h === 1 ? '1 hour' : `${num(h)} hours`;
}

/**
 * The scheme in plain words for the "how scores are computed" page: every
 * number is taken from the scheme, so the page never drifts from the method.
 */
export function describeScheme(scheme: Scheme, locale: DescribeLocale): SchemeDescription {
  assertValidScheme(scheme);
  const [wt, wc, wr] = shares([scheme.weights.timeliness, scheme.weights.completeness, scheme.weights.response]);
  const [sq, so, sa] = shares([scheme.responseWeights.requests, scheme.responseWeights.objections, scheme.responseWeights.api]);
  const g = scheme.gradeThresholds;
  const grace = scheme.updateGraceHours;
  const warn = scheme.warnWorkdays ?? DEFAULT_WARN_WORKDAYS;
  const rectification = scheme.rectificationWorkdays ?? DEFAULT_RECTIFICATION_WORKDAYS;
  const start = scheme.assessmentStart ?? null;
  const startMonth = start === null ? null : { year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)) };
  return locale === 'zh' ? describeZh() : describeEn();

  function describeZh(): SchemeDescription {
    const labels = GRADE_LABELS.zh;
    return {
      title: `考核评分办法（第 ${scheme.version} 版）`,
      schemeVersion: scheme.version,
      sections: [
        {
          id: 'overview',
          title: '总分怎么算',
          paragraphs: [
            `每个部门每期按三个维度打分，每项满分 100 分：及时性占 ${num(wt)}%，完整性占 ${num(wc)}%，响应占 ${num(wr)}%。`,
            '总分是各维度得分的加权平均。某个维度本期没有可评的数据时记为“不适用”，不计入总分，其余维度按各自权重重新分摊；三个维度都不适用的部门本期“无数据”，不参加排名。',
            '月度、季度、年度得分都用同一套公式，直接按整个期间的数据计算，不是把各月得分取平均。',
            '各项得分和总分都先按准确数值计算，最后只四舍五入一次，保留两位小数；排名和等级都看四舍五入后的总分。',
          ],
        },
        {
          id: 'timeliness',
          title: '及时性：按时更新数据',
          paragraphs: [
            '部门承诺共享的每项数据资源，都要在每个更新周期（“窗口”）内至少更新一次：实时和按日更新的资源每个自然日一次，按周更新的资源每周（周一零点到下周一零点）一次，按月、按季、按年更新的资源每个自然月、季度、年度一次。按需提供的资源不考核及时性。',
            '一个窗口在它结束的那一期考核：例如跨月的一周算在它结束的那个月，季度窗口只算在包含季度末的月份、季度和年度里。资源只在整个窗口都处于启用期内时才考核这个窗口。',
            grace > 0
              ? `窗口结束后 ${num(grace)} 小时内的更新仍算作按时，因此宽限期内的一次更新可以同时满足相邻的两个窗口；窗口要等宽限期过去后才计入考核。`
              : '更新必须发生在窗口之内，窗口结束后才到的更新不算这个窗口按时。',
            '及时性得分 = 100 × 按时更新的窗口数 ÷ 应考核的窗口数。本期没有应考核的窗口时，及时性不适用。每个未按时更新的窗口都会作为问题列在部门明细中。',
          ],
        },
        {
          id: 'completeness',
          title: '完整性：数据字段齐全',
          paragraphs: [
            '每次更新都会报告本次共享了多少条记录、其中多少条的必填字段全部齐全。',
            '完整性得分 = 100 × 本期所有更新中字段齐全的记录数之和 ÷ 记录数之和。本期没有共享任何记录时，完整性不适用（不共享数据已经在及时性中扣分）。',
            '完整率低于 100% 的资源，按完整率从低到高最多列出 5 项作为问题。',
          ],
        },
        {
          id: 'response',
          title: '响应：按时答复和接口可用',
          paragraphs: [
            `响应由三项组成：共享申请按时答复（占 ${num(sq)}%）、数据异议按时处理（占 ${num(so)}%）、共享接口调用成功率（占 ${num(sa)}%）。本期有数据的几项按各自权重加权平均，没有数据的项不计入；三项都没有数据时，响应不适用。`,
            `共享申请须在提交之日后的 ${scheme.requestSlaWorkdays} 个工作日内答复，数据异议须在提出之日后的 ${scheme.objectionSlaWorkdays} 个工作日内处理完毕；期限到最后一个工作日结束（次日零点）为止。工作日按工作日历计算：周一至周五扣除法定节假日，加上调休上班的周末。`,
            '在期限前答复（无论同意还是驳回）即为按时，计入答复所在的那一期；超过期限才答复或一直未答复即为逾期，计入期限最后一天所在的那一期。每件申请或异议只计一次。答复时间早于提交时间的，按提交时间计。',
            '共享接口调用中，返回状态 200–399 记为成功，500–599 记为失败；100–199 和 400–499 属于调用方的问题，不计入。接口得分 = 100 × 成功次数 ÷（成功次数 + 失败次数）。',
            '每件逾期的申请和异议都会作为问题列出，并注明逾期了几个工作日。驳回率、答复用时中位数、接口延迟和尚在办理中的申请数只作展示，不计分。',
          ],
        },
        {
          id: 'grades',
          title: '排名和等级',
          paragraphs: [
            '有总分的部门按总分从高到低排名；总分相同的并列同一名次，下一名次顺延（如 1、2、2、4）。名次变化 = 上一期名次 − 本期名次，正数表示上升。',
            `等级按总分划分：${labels.A}（A）${num(g.A)} 分及以上，${labels.B}（B）${num(g.B)} 分及以上，${labels.C}（C）${num(g.C)} 分及以上，${labels.D}（D）低于 ${num(g.C)} 分。`,
          ],
        },
        {
          id: 'lists',
          title: '表彰和通报',
          paragraphs: [
            `表彰：等级为${labels.A}且排名前 ${scheme.commendTopN} 名、并且不在通报名单上的部门。`,
            `通报：等级为${labels.D}的部门，以及有“拖延不办”申请的部门，即已过答复期限（以期末和计算时点中较早者为准）仍未答复的共享申请。`,
          ],
        },
        {
          id: 'appeals',
          title: '申诉',
          paragraphs: [
            '部门可以对列出的问题提出申诉，由督查人员决定是否采纳。申诉采纳后只改变所涉及的数据，不改变公式，并在用到这些数据的每一期（月、季、年）都生效：未按时更新的窗口视为按时，逾期的申请或异议视为在期限最后一天按时办结、不再算拖延不办，完整率偏低的问题所列的那些更新不再计入完整性。已采纳申诉的问题仍会列出并注明已采纳，但不再扣分。',
          ],
        },
        {
          id: 'timing',
          title: '计算时点',
          paragraphs: [
            '得分按某一时点计算，时点之后发生的事一律不计。期间尚未结束' +
              (grace > 0 ? `（含期末后 ${num(grace)} 小时的宽限期）` : '') +
              '时得分为“暂定”，只计入到该时点为止已经确定的情况。期间结束后，督查人员可以发布该期结果，发布后的结果不再变动。',
            ...(startMonth
              ? [
                  `考核从 ${startMonth.year} 年 ${startMonth.month} 月开始：此前发生的事件一律不计，开始早于 ${startMonth.year} 年 ${startMonth.month} 月 1 日的更新窗口不考核，在此之前结束的期间不考核、没有得分（此前已发布的结果保持不变），紧随其后的一期没有名次变化。`,
                ]
              : []),
          ],
        },
        {
          id: 'warnings',
          title: '待办和预警',
          paragraphs: [
            `每个部门都能看到自己的待办：已过期限仍未答复的申请和异议（注明已逾期几个工作日），以及剩余不超过 ${warn} 个工作日的事项，即尚未到期的申请和异议，和本周期内还没有更新的按周、按月、按季、按年更新的资源。预警只作提醒，不计分；申诉已采纳的事项不再列出。`,
            `结果发布后被通报的问题，须在发布之日后的 ${rectification} 个工作日内完成整改。`,
          ],
        },
      ],
    };
  }

  function describeEn(): SchemeDescription {
    const labels = GRADE_LABELS.en;
    return {
      title: `How scores are computed (scheme version ${scheme.version})`,
      schemeVersion: scheme.version,
      sections: [
        {
          id: 'overview',
          title: 'The total',
          paragraphs: [
            `Each department is scored every period on three dimensions, each out of 100: timeliness (${num(wt)}% of the total), completeness (${num(wc)}%) and response (${num(wr)}%).`,
            'The total is the weighted average of the dimensions. A dimension with nothing to assess in the period is "not applicable": it is left out and the other dimensions share its weight in proportion. A department with no applicable dimension has no data for the period and is not ranked.',
            "Monthly, quarterly and yearly scores use the same formulas on the whole period's data; they are not averages of monthly scores.",
            'Dimensions and the total are computed exactly and rounded once, to two decimals (halves away from zero). Ranks and grades use the rounded total.',
          ],
        },
        {
          id: 'timeliness',
          title: 'Timeliness: updating data on schedule',
          paragraphs: [
            'Every data resource a department has promised to share must be updated at least once per window: each calendar day for real-time and daily resources, each week (Monday 00:00 to the next Monday) for weekly ones, and each calendar month, quarter or year for monthly, quarterly and yearly ones. Resources shared on demand have no windows.',
            'A window is assessed in the period in which it ends: a week spanning two months counts in the month it ends, and a quarterly window only in the month, quarter and year that contain its end. A window only counts when the resource is active for the whole window.',
            grace > 0
              ? `An update up to ${hoursEn(grace)} after a window ends still counts for it, so one update in that grace time can meet two consecutive windows; a window is assessed only once its grace time has passed.`
              : 'The update must fall inside the window; an update after the window has ended does not count for it.',
            'Timeliness = 100 × windows met ÷ windows due. With no window due in the period, timeliness is not applicable. Every missed window is listed as a finding.',
          ],
        },
        {
          id: 'completeness',
          title: 'Completeness: records with every required field',
          paragraphs: [
            'Each update reports how many records were shared and how many of them have every required field filled.',
            'Completeness = 100 × complete records ÷ records, over all updates in the period. With no records shared at all, completeness is not applicable (not sharing is already penalised by timeliness).',
            'Up to five resources below 100% are listed as findings, lowest first.',
          ],
        },
        {
          id: 'response',
          title: 'Response: answering on time, interfaces that work',
          paragraphs: [
            `Response combines three indicators: data requests answered on time (${num(sq)}%), objections resolved on time (${num(so)}%) and shared-interface success (${num(sa)}%). Only the indicators with data in the period count, their weights shared in proportion; with none, response is not applicable.`,
            `A data request must be answered within ${scheme.requestSlaWorkdays} working days after the day it was submitted, an objection resolved within ${scheme.objectionSlaWorkdays} working days after the day it was raised; the time runs to the end of the last working day. Working days are Monday to Friday, less public holidays, plus the weekend days declared working days.`,
            "Answered before the deadline (approved or rejected) is on time and counts in the period of the answer; answered after the deadline, or not at all, is late and counts in the period of the deadline's last day. Each request or objection counts once. An answer stamped before the submission counts as given at the submission.",
            "Interface calls returning status 200-399 succeed and 500-599 fail; 100-199 and 400-499 are the caller's side and are not counted. Interface success = 100 × successes ÷ (successes + failures).",
            'Every late request and objection is listed as a finding with how many working days late it is. Rejection rate, median answer time, interface latency and requests still pending are shown but not scored.',
          ],
        },
        {
          id: 'grades',
          title: 'Ranks and grades',
          paragraphs: [
            "Departments with a total are ranked by total, highest first; equal totals share a rank and the next rank is skipped (1, 2, 2, 4). Rank change = last period's rank − this period's rank (positive means climbed).",
            `Grades by total: A (${labels.A}) from ${num(g.A)}, B (${labels.B}) from ${num(g.B)}, C (${labels.C}) from ${num(g.C)}, D (${labels.D}) below ${num(g.C)}.`,
          ],
        },
        {
          id: 'lists',
          title: 'Commendation and notice',
          paragraphs: [
            `Commended: departments graded A within the top ${scheme.commendTopN} ranks that are not on the notice list.`,
            'Noticed: departments graded D, and every department with an overdue open request: one whose deadline has passed (by the end of the period or the time of computing, whichever is earlier) without an answer.',
          ],
        },
        {
          id: 'appeals',
          title: 'Appeals',
          paragraphs: [
            'A department may appeal a finding; an inspector accepts or rejects the appeal. An accepted appeal changes the data, never the formulas, in every period that uses it (month, quarter and year alike): a missed window counts as met; a late request or objection counts as settled on time on its deadline day and is no longer overdue; the updates named by a low-completeness finding are left out of completeness. A finding whose appeal was accepted stays listed, marked accepted, but no longer costs points.',
          ],
        },
        {
          id: 'timing',
          title: 'When a score is computed',
          paragraphs: [
            'A score is computed as of an instant, and nothing after that instant counts. Until the period has ended' +
              (grace > 0 ? ` (and its ${hoursEn(grace)} grace time has passed)` : '') +
              ' the score is provisional and counts only what has been decided by then. Once the period has ended, an inspector can publish it, which freezes the result.',
            ...(start !== null
              ? [
                  `Assessment starts in ${start}: events before the start of that month are ignored, windows that start before it are never due, and periods that end by then are not assessed and have no score (results published earlier stay as they were); the first period after them has no rank change.`,
                ]
              : []),
          ],
        },
        {
          id: 'warnings',
          title: 'To-do and early warnings',
          paragraphs: [
            `Each department sees its to-do: requests and objections past their deadline without an answer (with how many working days overdue), and whatever has at most ${warn === 1 ? '1 working day' : `${warn} working days`} left: requests and objections not yet due, and the current window of a weekly, monthly, quarterly or yearly resource not yet updated. Warnings are reminders and are not scored; an item whose appeal was accepted is no longer listed.`,
            `Problems noticed in a published period are to be rectified within ${rectification === 1 ? '1 working day' : `${rectification} working days`} after publication.`,
          ],
        },
      ],
    };
  }
}
