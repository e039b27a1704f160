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
  'auth.setUpTwoFactorFirst': { zh: '请先设置双因素登录', en: 'set up two-factor sign-in first (POST /api/auth/two-factor/enrolment)' },
  'twoFactor.alreadyOn': { zh: '双因素登录已启用；更换设备前请先关闭', en: 'two-factor sign-in is already on; remove it before setting up another device' },
  'twoFactor.nonePending': {
    zh: '没有待确认的双因素登录设置，请先开始设置',
    en: 'no two-factor set-up is pending; start one first (POST /api/auth/two-factor/enrolment)',
  },
  'twoFactor.wrongCode': {
    zh: 'code：不是身份验证器当前显示的动态码，请检查手机时间后重试',
    en: 'code: not the code the authenticator app shows now; check the device clock and try again',
  },
  'twoFactor.enabledMeanwhile': { zh: '双因素登录已在此期间启用', en: 'two-factor sign-in was turned on meanwhile' },
  'twoFactor.required': {
    zh: '本系统要求管理员账号必须使用双因素登录，不能关闭',
    en: 'two-factor sign-in is required for admins (REQUIRE_ADMIN_2FA) and cannot be turned off',
  },
  'user.unknown': { zh: '没有用户“{username}”', en: 'no user "{username}"' },
  'user.deptRequired': { zh: 'dept：部门用户必须指定所属部门', en: 'dept: required for role "department"' },
  'user.deptNotAllowed': { zh: 'dept：只有部门用户才能绑定部门', en: 'dept: only a "department" user is bound to a department' },
  'password.tooShort': { zh: '至少 12 个字符', en: 'must be at least 12 characters' },
  'password.classes': {
    zh: '须包含小写字母、大写字母、数字、其他字符中的至少三类',
    en: 'must mix three of: lower-case letters, upper-case letters, digits, other characters',
  },
  'password.containsUsername': { zh: '不能包含用户名', en: 'must not contain the username' },
  'password.sameAsCurrent': { zh: '{field}：新密码不能与当前密码相同', en: '{field}: must differ from the current password' },
  'signIn.notOpen': { zh: '没有编号为“{id}”的有效登录', en: 'no open sign-in "{id}"' },
  'auth.notLoggedIn': { zh: '尚未登录', en: 'not logged in' },
  'auth.sessionInvalid': { zh: '登录已过期或无效，请重新登录', en: 'session expired or invalid; log in again' },
  'auth.idle': { zh: '长时间未操作，已自动退出，请重新登录', en: 'signed out after inactivity; log in again' },
  'auth.ended': { zh: '本次登录已结束，请重新登录', en: 'this sign-in has ended; log in again' },
  'auth.disabled': { zh: '该账号已停用', en: 'this account is disabled' },
  'auth.accountGone': { zh: '该账号已不存在或已停用', en: 'this account no longer exists or is disabled' },
  'auth.role': { zh: '当前角色（{role}）无权执行此操作', en: 'role "{role}" may not do this' },
  'auth.changePasswordFirst': { zh: '请先设置新密码', en: 'choose a new password first (POST /api/auth/password)' },
  'auth.crossOrigin': {
    zh: '已拒绝跨站请求：此操作必须在看板页面内进行',
    en: 'cross-origin request refused: this change must come from the dashboard itself',
  },
  'auth.notLocked': { zh: '账号“{username}”未被锁定', en: '"{username}" is not locked' },
  'apiKey.required': { zh: '缺少 X-Api-Key 请求头', en: 'X-Api-Key header required' },
  'apiKey.unknown': { zh: 'API 密钥无效或已吊销', en: 'unknown or revoked API key' },
  'source.unknown': { zh: '没有名为“{name}”的有效接入源', en: 'no active ingest source named "{name}"' },

  // Appeals, rectification, notifications, reports and trends.
  'appeal.noFinding': { zh: '{period} {dept} 没有与此复核申请对应的扣分项（{kind}）', en: 'no {kind} finding of {dept} in {period} matches this appeal' },
  'appeal.exists': { zh: '该扣分项已有待处理或已受理的复核申请', en: 'this finding already has an open or accepted appeal' },
  'appeal.unknown': { zh: '复核申请 {id} 不存在', en: 'appeal {id} does not exist' },
  'appeal.decided': { zh: '复核申请 {id} 已处理（{status}）', en: 'appeal {id} was already {status}' },
  'rectification.unknown': { zh: '整改事项 {id} 不存在', en: 'rectification case {id} does not exist' },
  'rectification.departmentOnly': { zh: '只有被通报的部门本身才能提交整改', en: 'only the department answers its case' },
  'rectification.notSubmittable': {
    zh: '整改事项 {id} 当前状态为 {state}，只有待整改或已退回的事项才能提交',
    en: 'rectification case {id} is {state}; only an open or returned case can be submitted',
  },
  'rectification.notDecidable': {
    zh: '整改事项 {id} 当前状态为 {state}，只有已提交的事项才能审核',
    en: 'rectification case {id} is {state}; only a submitted case can be decided',
  },
  'channel.exists': { zh: '已有名为“{name}”的通知渠道', en: 'a channel named "{name}" exists' },
  'channel.unknown': { zh: '通知渠道 {id} 不存在', en: 'no channel {id}' },
  'channel.testBusy': { zh: '刚刚已有一条测试消息在排队，请稍后再试', en: 'a test message was queued this very moment; try again' },
  'period.nonePublished': { zh: '尚无已发布的考核周期', en: 'no period is published' },
  'report.fileName': { zh: 'file：须为周期加格式，如 2026-10.xlsx', en: 'file: must be a period and a format, e.g. 2026-10.xlsx' },
  'report.noScores': { zh: '部门“{dept}”在 {period} 没有得分', en: 'department "{dept}" has no scores in {period}' },
  'report.unknown': { zh: '没有编号为 {id} 的已存报告', en: 'no kept report {id}' },
  'trend.kinds': { zh: 'from、to：须为同一种周期（{kind}）', en: 'from, to: must both be {kind} periods' },
  'trend.order': { zh: 'from：不能晚于 to', en: 'from: must not be after to' },
  'trend.tooMany': { zh: 'from、to：最多 {max} 个周期', en: 'from, to: at most {max} periods' },
  'upload.cutOff': { zh: '请求正文不完整（传输中断）', en: 'the request body was cut off' },
  'upload.badEncoding': { zh: 'body：压缩数据与 Content-Encoding 不符', en: 'body: the compressed data is not valid for its Content-Encoding' },

  // Why a scheme is refused: the English is libs/scoring's validateScheme text, read back by matchMessage.
  'scheme.object': { zh: '方案须为一个对象', en: 'the scheme must be an object' },
  'scheme.version': { zh: '版本号须为不小于 1 的整数', en: 'version must be a whole number, 1 or more' },
  'scheme.group': { zh: '须为包含 {keys} 的对象', en: '{field} must be an object with {keys}' },
  'scheme.weight': { zh: '须为不小于 0 的数（当前为 {value}）', en: '{field} must be a number of 0 or more (got {value})' },
  'scheme.weightsZero': { zh: '权重不能全为 0，至少一项须大于 0', en: 'the {label} weights are all zero: at least one must be positive' },
  'scheme.workdays': {
    zh: '须为 1 至 {max} 之间的工作日数（当前为 {value}）',
    en: '{field} must be a whole number of working days from 1 to {max} (got {value})',
  },
  'scheme.warnWorkdays': {
    zh: '须为 0 至 {max} 之间的工作日数（当前为 {value}）',
    en: 'warnWorkdays must be a whole number of working days from 0 to {max} (got {value})',
  },
  'scheme.grace': { zh: '须为 0 至 {max} 之间的小时数（当前为 {value}）', en: 'updateGraceHours must be a number of hours from 0 to {max} (got {value})' },
  'scheme.thresholds': { zh: '须为包含 A、B、C 的对象', en: 'gradeThresholds must be an object with A, B and C' },
  'scheme.threshold': {
    zh: '{grade} 等级分数线须为 0 至 100 之间的数（当前为 {value}）',
    en: 'the grade {grade} threshold must be a number from 0 to 100 (got {value})',
  },
  'scheme.descend': {
    zh: '等级分数线须依次降低：{lower}（{lowerValue}）须低于 {upper}（{upperValue}）',
    en: 'the grade thresholds must descend: {lower} ({lowerValue}) must be below {upper} ({upperValue})',
  },
  'scheme.commendTopN': { zh: '须为不小于 0 的整数（当前为 {value}）', en: 'commendTopN must be a whole number, 0 or more (got {value})' },
  'scheme.assessmentStart': {
    zh: '须为 YYYY-MM 格式的月份，或留空（当前为 {value}）',
    en: 'assessmentStart must be a month written YYYY-MM, or left unset (got {value})',
  },

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

  // Why a line of a sharing log was quarantined (sharing-log.md). The English is the text the
  // ingest stores; matchMessage reads code and parameters back from it. Specific before general.
  // Why a row of a master-data file was refused (same scheme: the English is the text reported).
  'row.date': { zh: '字段“{field}”须为 YYYY-MM-DD 格式的日期，而不是 {value}', en: 'field "{field}" must be a date YYYY-MM-DD, not {value}' },
  'row.frequency': { zh: '字段“frequency”须为 {values} 之一，而不是 {value}', en: 'field "frequency" must be one of {values}, not {value}' },
  'row.activeRange': { zh: '停用日期 active_to {to} 早于启用日期 active_from {from}', en: 'active_to {to} is before active_from {from}' },
  'row.calendarKind': {
    zh: '字段“kind”须为“holiday”（节假日）或“workday”（调休上班），而不是 {value}',
    en: 'field "kind" must be "holiday" or "workday", not {value}',
  },
  'row.active': { zh: '字段“active”须为 true、false 或留空，而不是 {value}', en: 'field "active" must be true, false or empty, not {value}' },
  'row.deptCode': { zh: '部门代码 {value} 无效：须为 1-32 个 A-Z a-z 0-9 _ - 字符', en: 'invalid department code {value}: 1-32 characters of A-Z a-z 0-9 _ -' },
  'row.duplicate': { zh: '{key} {value} 重复（首次出现在第 {first} 行）', en: 'duplicate {key} {value} (first on line {first})' },
  'upload.missingColumn': { zh: '表头缺少必需的列 {columns}', en: 'the header row lacks the required column {columns}' },
  'upload.missingColumns': { zh: '表头缺少必需的列 {columns}', en: 'the header row lacks the required columns {columns}' },
  'upload.badHeader': { zh: '表头无效：{detail}', en: 'invalid header row: {detail}' },
  // Master-data files with Chinese headers and values, and XLSX workbooks (issue 19): the field is named as the file's header names it.
  'row.oneOf': { zh: '字段“{field}”须为 {values} 之一，而不是 {value}', en: 'field "{field}" must be one of {values}, not {value}' },
  'row.yesNo': { zh: '字段“{field}”须为 {yes}、{no} 或留空，而不是 {value}', en: 'field "{field}" must be {yes}, {no} or empty, not {value}' },
  'row.eitherOf': { zh: '字段“{field}”须为“{first}”或“{second}”，而不是 {value}', en: 'field "{field}" must be "{first}" or "{second}", not {value}' },
  'upload.fileBody': {
    zh: '请把 CSV 或 XLSX 文件作为请求正文发送',
    en: 'body: send the CSV or XLSX file as the request body',
  },
  'upload.xls': {
    zh: '不能读取旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV 后再导入',
    en: 'old Excel (.xls) files cannot be read: save the sheet as .xlsx or CSV and import that',
  },
  'upload.badXlsx': { zh: '无法读取该 XLSX 工作簿：{detail}', en: 'the XLSX workbook cannot be read: {detail}' },

  'line.invalidJson': { zh: '不是有效的 JSON', en: 'invalid JSON' },
  'line.csvFieldCount': {
    zh: 'CSV 格式错误：该行有 {fields} 个字段，表头有 {columns} 个',
    en: 'invalid CSV: the record has {fields} fields, the header has {columns}',
  },
  'line.csvEmpty': { zh: 'CSV 格式错误：空记录', en: 'invalid CSV: empty record' },
  'line.csvMany': { zh: 'CSV 格式错误：不止一条记录', en: 'invalid CSV: more than one record' },
  'line.unknownDeptIn': { zh: '字段“{field}”中的部门 {value} 不存在', en: 'unknown department {value} in field "{field}"' },
  'line.unknownDept': { zh: '部门 {value} 不存在', en: 'unknown department {value}' },
  'line.unknownResource': { zh: '资源 {value} 不存在', en: 'unknown resource {value}' },
  'line.resourceNotOwned': { zh: '资源 {resource} 不属于部门 {dept}', en: 'resource {resource} does not belong to department {dept}' },
  'line.tooLong': { zh: '字段“{field}”超过 {max} 个字符', en: 'field "{field}" is longer than {max} characters' },
  'line.unknownType': { zh: '未知的事件类型 {value}', en: 'unknown event type {value}' },
  'line.atNotTimestamp': { zh: '字段“at”不是 ISO-8601 时间：{value}', en: 'field "at" is not an ISO-8601 timestamp: {value}' },
  'line.atUnstorable': {
    zh: '字段“at”超出可存储的范围 0001-01-02 至 9999-12-30：{value}',
    en: 'field "at" is outside the supported range 0001-01-02 to 9999-12-30: {value}',
  },
  'line.atImplausible': { zh: '字段“at”不在可信时间范围 {from} 至 {to} 内：{value}', en: 'field "at" is outside the plausible window {from} to {to}: {value}' },
  'line.completeOverRecords': { zh: '字段齐全记录数大于记录数（complete_records > records）', en: 'complete_records > records' },
  'line.requesterSelf': { zh: '字段“requester”须为“dept”（{dept}）以外的部门', en: 'field "requester" must be another department than "dept" ({dept})' },
  'line.decision': { zh: '字段“decision”须为“approved”或“rejected”，而不是 {value}', en: 'field "decision" must be "approved" or "rejected", not {value}' },
  'line.rejectedNoReason': { zh: '驳回的申请须写明理由（reason）', en: 'a rejected request needs a reason' },
  'line.notString': { zh: '字段“{field}”须为文本，而不是 {value}', en: 'field "{field}" must be a string, not {value}' },
  'line.nul': { zh: '字段“{field}”含有 NUL 字符', en: 'field "{field}" contains a NUL character' },
  'line.missing': { zh: '缺少字段“{field}”', en: 'missing field "{field}"' },
  'line.notNonNegative': { zh: '字段“{field}”须为不小于 0 的整数，而不是 {value}', en: 'field "{field}" must be an integer >= 0, not {value}' },
  'line.notStatus': { zh: '字段“{field}”须为 100 至 599 的整数，而不是 {value}', en: 'field "{field}" must be an integer from 100 to 599, not {value}' },
  'line.notLatency': {
    zh: '字段“{field}”须为 0 至 {max} 的数（一天以内），而不是 {value}',
    en: 'field "{field}" must be a number from 0 to {max} (one day), not {value}',
  },
  'line.notExpected': { zh: '字段“{field}”须为 {expected}，而不是 {value}', en: 'field "{field}" must be {expected}, not {value}' },
  'line.conflict': { zh: '编号“{id}”已存在且内容不同', en: 'id "{id}" already stored with different content' },
  'line.databaseRefused': { zh: '数据库拒绝了该行（{sqlState}）：{detail}', en: 'the database refused the line ({sqlState}): {detail}' },
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

/** A template with its `{name}` parameters filled in; a missing one stays visible as {name}. */
export function fillTemplate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message in a language, its parameters filled in. */
export function renderMessage(code: MessageCode, params: MessageParams = {}, locale: MessageLocale = 'en'): string {
  return fillTemplate(MESSAGES[code][locale], params);
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let matchers: { code: MessageCode; pattern: RegExp; names: string[] }[] | null = null;

/**
 * The code and parameters of a text written from the catalogue's English (a stored quarantine
 * reason), or null when no template makes it; the first template that does wins.
 */
export function matchMessage(text: string, prefix = ''): UserMessage | null {
  matchers ??= (Object.keys(MESSAGES) as MessageCode[]).map((code) => {
    const names: string[] = [];
    const source = MESSAGES[code].en
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escapeRegExp(part);
        names.push(name);
        return '([\\s\\S]+?)';
      })
      .join('');
    return { code, pattern: new RegExp(`^${source}$`), names };
  });
  for (const m of matchers) {
    if (!m.code.startsWith(prefix)) continue;
    const found = m.pattern.exec(text);
    if (found) return { code: m.code, params: Object.fromEntries(m.names.map((name, i) => [name, found[i + 1]])) };
  }
  return null;
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
