import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dateSchema, periodSchema, renderErrorBody } from '@app/contracts';
import { describeZodError, zodProblems } from './validation';

const schema = z
  .object({
    period: periodSchema,
    from: dateSchema,
    name: z.string().min(3),
    limit: z.coerce.number().max(500),
    kind: z.enum(['month', 'year']),
    need: z.string(),
  })
  .strict();

describe('validation problems as message codes', () => {
  const error = schema.safeParse({ period: '2026-13', from: '2026-02-30', name: 'ab', limit: 900, kind: 'week', extra: 1 }).error!;

  it('names every field with a reason code and its parameters', () => {
    expect(zodProblems(error)).toEqual(
      expect.arrayContaining([
        { field: 'period', code: 'reason.period' },
        { field: 'from', code: 'reason.date' },
        { field: 'name', code: 'reason.minLength', params: { minimum: 3 } },
        { field: 'limit', code: 'reason.max', params: { maximum: 500 } },
        { field: 'kind', code: 'reason.oneOf', params: { values: 'month, year' } },
        { field: 'need', code: 'reason.required' },
        { field: 'body', code: 'reason.unknownKeys', params: { keys: 'extra' } },
      ]),
    );
  });

  it('renders the same problems in Chinese and English from the catalogue', () => {
    const body = { message: describeZodError(error), code: 'input.invalid', problems: zodProblems(error) };
    const zh = renderErrorBody(body, 'zh');
    expect(zh).toContain('输入有误：');
    expect(zh).toContain('name：至少 3 个字符');
    expect(zh).toContain('from：须为 YYYY-MM-DD 格式的日期');
    expect(zh).not.toMatch(/must|required/);
    expect(renderErrorBody(body, 'en')).toContain('name: must be at least 3 characters');
  });
});
