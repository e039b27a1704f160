import { z } from 'zod';

/**
 * The messages a user may see from the API, each with a code and parameters,
 * in both languages: the API answers the code, its parameters and the English
 * text (for API clients); the dashboard renders the user's language from the
 * same templates. `{name}` is a parameter.
 */
export const MESSAGES = {
  // Input checks (each problem of a request names its field).
  'input.invalid': { zh: '输入有误：{problems}', en: 'invalid input: {problems}' },
  'input.problem': { zh: '{field}：{reason}', en: '{field}: {reason}' },
  'input.nul': { zh: '{field}：不能包含 NUL 字符', en: '{field}: must not contain a NUL character' },
  'reason.required': { zh: '必填', en: 'required' },
  'reason.type': { zh: '类型不对（应为{expected}）', en: 'must be a {expected}' },
  'reason.minLength': { zh: '至少 {minimum} 个字符', en: 'must be at least {minimum} characters' },
  'reason.maxLength': { zh: '最多 {maximum} 个字符', en: 'must be at most {maximum} characters' },
  'reason.min': { zh: '不能小于 {minimum}', en: 'must be at least {minimum}' },
  'reason.max': { zh: '不能大于 {maximum}', en: 'must be at most {maximum}' },
  'reason.minItems': { zh: '至少 {minimum} 项', en: 'must have at least {minimum} items' },
  'reason.maxItems': { zh: '最多 {maximum} 项', en: 'must have at most {maximum} items' },
  'reason.oneOf': { zh: '须为以下之一：{values}', en: 'must be one of: {values}' },
  'reason.format': { zh: '格式不正确', en: 'has the wrong format' },
  'reason.unknownKeys': { zh: '不认识的字段：{keys}', en: 'unknown fields: {keys}' },
  'reason.date': { zh: '须为 YYYY-MM-DD 格式的日期', en: 'must be a date YYYY-MM-DD' },
  'reason.month': { zh: '须为 YYYY-MM 格式的月份', en: 'must be a month YYYY-MM' },
  'reason.period': { zh: '须为月（2026-10）、季度（2026-Q4）或年（2026）', en: 'must be a month (2026-10), a quarter (2026-Q4) or a year (2026)' },
  'reason.years': { zh: '年份须在 {from} 至 {to} 之间', en: 'must be in the years {from} to {to}' },
  'reason.instant': { zh: '须为 ISO-8601 时间，如 2026-11-05T00:00:00+08:00', en: 'must be an ISO-8601 timestamp such as 2026-11-05T00:00:00+08:00' },
  'reason.otp': { zh: '须为身份验证器显示的 6 位数字', en: 'must be the 6 digits the authenticator app shows' },
  'reason.text': { zh: '{text}', en: '{text}' },

  // Sign-in.
  'auth.badCredentials': { zh: '用户名或密码错误', en: 'wrong username or password' },
  'auth.codeRequired': { zh: '请输入身份验证器中的 6 位动态码（或恢复码）', en: 'enter the 6-digit code from your authenticator app (or a recovery code)' },
  'auth.badCode': { zh: '动态码错误或已使用', en: 'wrong or already used two-factor code' },
  'auth.wrongPassword': { zh: '{field}：密码错误', en: '{field}: wrong password' },

  // Departments, periods and publication.
  'dept.unknown': { zh: '没有代码为“{dept}”的部门', en: 'unknown department "{dept}"' },
  'dept.notOwn': { zh: '部门用户只能查看本部门的数据', en: "a department user may only see its own department's {what}" },
  'period.published': { zh: '{period} 已发布', en: 'period {period} is already published' },
  'period.notEnded': {
    zh: '{period} 尚未结束（含更新宽限期），未结束的周期不能发布',
    en: 'period {period} has not ended (with the update grace); a provisional period cannot be published',
  },
  'period.notPublished': { zh: '{period} 尚未发布', en: 'period {period} is not published' },
  'period.beforeStart': {
    zh: '{period} 不在考核范围内：它在考核起始月 {start} 之前结束',
    en: '{period} is not assessed: it ends at or before the assessment start {start}',
  },
  'asOf.invalid': { zh: 'asOf：不是有效的时间：“{asOf}”', en: 'asOf: not a valid timestamp: "{asOf}"' },

  // Master data and schemes.
  'upload.csvBody': {
    zh: '请把 CSV 文件作为请求正文发送（Content-Type: text/csv）',
    en: 'body: send the CSV file as the request body (Content-Type: text/csv)',
  },
  'calendar.noEntry': { zh: '日历中没有 {date} 这一天', en: 'no calendar entry for {date}' },
  'scheme.invalid': { zh: '考核方案有误：{problems}', en: 'invalid scheme: {problems}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageCode = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;
export type MessageLocale = 'zh' | 'en';

export const userMessageSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export type UserMessage = { code: MessageCode; params?: MessageParams };

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** One problem of a refused request: the field it names and why. */
export const inputProblemSchema = z.object({ field: z.string(), code: z.string(), params: paramsSchema.optional() });
export type InputProblem = { field: string; code: MessageCode; params?: MessageParams };

/** Every refused request's body: the English text, and the code and parameters a client renders in its language. */
export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  message: z.string(),
  code: z.string().optional(),
  params: paramsSchema.optional(),
  /** input.invalid: each field's problem. */
  problems: z.array(inputProblemSchema).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/** The message in a language, its parameters filled in (a missing one stays visible as {name}). */
export function renderMessage(code: MessageCode, params: MessageParams = {}, locale: MessageLocale = 'en'): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** An error body in a language: from its code when it has a known one, else its English text. */
export function renderErrorBody(body: Pick<ErrorBody, 'message' | 'code' | 'params' | 'problems'>, locale: MessageLocale): string {
  if (!isMessageCode(body.code)) return body.message;
  const separator = locale === 'zh' ? '；' : '; ';
  const problems = (body.problems ?? [])
    .map((p) => renderMessage('input.problem', { field: p.field, reason: isMessageCode(p.code) ? renderMessage(p.code, p.params, locale) : '' }, locale))
    .join(separator);
  return renderMessage(body.code, { ...body.params, ...(body.problems ? { problems } : {}) }, locale);
}

/** The validation reasons the schemas write as text, by that text: the API sends them as codes. */
export const REASON_TEXTS: Record<string, MessageCode> = {
  required: 'reason.required',
  'must be a date YYYY-MM-DD': 'reason.date',
  'must be a month YYYY-MM': 'reason.month',
  'must be a month (2026-10), a quarter (2026-Q4) or a year (2026)': 'reason.period',
  'must be an ISO-8601 timestamp such as 2026-11-05T00:00:00+08:00': 'reason.instant',
  'must be the 6 digits the authenticator app shows': 'reason.otp',
};
