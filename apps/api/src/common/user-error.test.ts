import { describe, expect, it } from 'vitest';
import { passwordProblem, renderErrorBody } from '@app/contracts';
import { validateScheme } from '@app/scoring';
import { fieldRefused, invalidInput, problemFromText } from './user-error';

const bodyOf = (error: ReturnType<typeof invalidInput>) => error.getResponse() as Parameters<typeof renderErrorBody>[0];

describe('refusals written from a rule’s English text', () => {
  it('give every scheme problem the validator finds a catalogue code, so it renders in Chinese', () => {
    const broken = [
      'not a scheme',
      { version: 0, weights: 'heavy', responseWeights: { requests: 0, objections: 0, api: 0 }, gradeThresholds: 'A' },
      {
        version: 2,
        weights: { timeliness: -1, completeness: 1, response: 1 },
        responseWeights: { requests: 1, objections: 1, api: 1 },
        requestSlaWorkdays: 0,
        objectionSlaWorkdays: 999,
        updateGraceHours: -2,
        gradeThresholds: { A: 80, B: 80, C: 101 },
        commendTopN: -1,
        warnWorkdays: 999,
        rectificationWorkdays: 0,
        assessmentStart: '2026/10',
      },
      { version: 2, gradeThresholds: { A: 90, B: 70, C: 75 } },
    ];
    const issues = broken.flatMap((scheme) => validateScheme(scheme));
    expect(issues.length).toBeGreaterThan(12);
    for (const issue of issues) {
      const problem = problemFromText(`scheme.${issue.field}`, issue.message, 'scheme.');
      expect(problem.code, issue.message).toMatch(/^scheme\./);
      const chinese = renderErrorBody(bodyOf(invalidInput(issue.message, [problem])), 'zh');
      expect(chinese, issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(renderErrorBody(bodyOf(invalidInput(issue.message, [problem])), 'en')).toContain(issue.field || 'scheme');
    }
  });

  it('give every password rule a code, and keep the English API clients read', () => {
    for (const password of ['short', 'alllowercaseletters', 'Admin-Password-1']) {
      const reason = passwordProblem(password, 'admin');
      expect(reason).not.toBeNull();
      const body = bodyOf(fieldRefused('password', reason!, 'password.'));
      expect(body.message).toBe(`password: ${reason}`);
      expect(body.problems?.[0]?.code).toMatch(/^password\./);
      expect(renderErrorBody(body, 'zh')).toMatch(/^输入有误：password：[\u4e00-\u9fff]/);
    }
  });

  it('fall back to the text itself when no template makes it', () => {
    expect(problemFromText('body', 'something nobody wrote', 'upload.')).toEqual({
      field: 'body',
      code: 'reason.text',
      params: { text: 'something nobody wrote' },
    });
  });
});
