import { describe, expect, it } from 'vitest';
import { describeScheme } from './describe-scheme';
import { DEFAULT_SCHEME } from './scheme';
import { scheme } from './test-support/builders';

const text = (d: ReturnType<typeof describeScheme>) => d.sections.flatMap((s) => [s.title, ...s.paragraphs]).join('\n');

describe('describeScheme', () => {
  it('explains the default scheme in Chinese with its numbers', () => {
    const d = describeScheme(DEFAULT_SCHEME, 'zh');
    expect(d.title).toBe('考核评分办法（第 1 版）');
    expect(d.schemeVersion).toBe(1);
    expect(d.sections.map((s) => s.id)).toEqual(['overview', 'timeliness', 'completeness', 'response', 'grades', 'lists', 'appeals', 'timing', 'warnings']);
    const all = text(d);
    for (const phrase of [
      '及时性占 40%，完整性占 30%，响应占 30%',
      '共享申请按时答复（占 50%）、数据异议按时处理（占 20%）、共享接口调用成功率（占 30%）',
      '10 个工作日内答复',
      '5 个工作日内处理完毕',
      '优秀（A）90 分及以上，良好（B）80 分及以上，合格（C）60 分及以上，不合格（D）低于 60 分',
      '排名前 3 名',
      '窗口结束后才到的更新不算',
    ])
      expect(all).toContain(phrase);
    for (const s of d.sections) for (const p of s.paragraphs) expect(p.length).toBeGreaterThan(10);
  });

  it('explains the default scheme in English', () => {
    const all = text(describeScheme(DEFAULT_SCHEME, 'en'));
    for (const phrase of [
      'timeliness (40% of the total), completeness (30%) and response (30%)',
      'within 10 working days',
      'within 5 working days',
      'A (Excellent) from 90',
      'D (Fail) below 60',
      'top 3 ranks',
      '(1, 2, 2, 4)',
    ])
      expect(all).toContain(phrase);
  });

  it('follows the scheme: shares of unnormalised weights, SLAs, grace, thresholds, top N', () => {
    const s = scheme({
      version: 3,
      weights: { timeliness: 2, completeness: 1, response: 1 },
      responseWeights: { requests: 1, objections: 0, api: 1 },
      requestSlaWorkdays: 7,
      updateGraceHours: 12,
      gradeThresholds: { A: 95, B: 85.5, C: 70 },
      commendTopN: 5,
    });
    const zh = text(describeScheme(s, 'zh'));
    expect(zh).toContain('及时性占 50%，完整性占 25%，响应占 25%');
    expect(zh).toContain('数据异议按时处理（占 0%）');
    expect(zh).toContain('7 个工作日内答复');
    expect(zh).toContain('窗口结束后 12 小时内的更新仍算作按时');
    expect(zh).toContain('良好（B）85.5 分及以上');
    expect(zh).toContain('排名前 5 名');
    const en = describeScheme(s, 'en');
    expect(en.title).toBe('How scores are computed (scheme version 3)');
    expect(text(en)).toContain('up to 12 hours after a window ends');
    expect(text(describeScheme(scheme({ weights: { timeliness: 1, completeness: 1, response: 1 } }), 'en'))).toContain('timeliness (33.33% of the total)');
  });

  it('mentions the assessment start only when it is set', () => {
    expect(text(describeScheme(DEFAULT_SCHEME, 'zh'))).not.toContain('考核从');
    expect(text(describeScheme(DEFAULT_SCHEME, 'en'))).not.toContain('Assessment starts');
    const s = scheme({ assessmentStart: '2026-07' });
    expect(text(describeScheme(s, 'zh'))).toContain('考核从 2026 年 7 月开始：此前发生的事件一律不计');
    expect(text(describeScheme(s, 'en'))).toContain('Assessment starts in 2026-07: events before the start of that month are ignored');
  });

  it('states the warning and rectification working days', () => {
    expect(text(describeScheme(DEFAULT_SCHEME, 'zh'))).toContain('剩余不超过 2 个工作日的事项');
    expect(text(describeScheme(DEFAULT_SCHEME, 'zh'))).toContain('发布之日后的 10 个工作日内完成整改');
    const en = text(describeScheme(scheme({ warnWorkdays: 1, rectificationWorkdays: 15 }), 'en'));
    expect(en).toContain('at most 1 working day left');
    expect(en).toContain('within 15 working days after publication');
  });

  it('refuses an unusable scheme', () => {
    expect(() => describeScheme(scheme({ commendTopN: -1 }), 'zh')).toThrow('invalid scheme');
  });
});
