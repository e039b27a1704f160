import type { AuditEntryView } from './audit';
import { fillTemplate, type MessageLocale } from './messages';

type Text = { zh: string; en: string };

/** What each audited action says, as a sentence about its actor (`{actor}`) and its target (`{target}`). */
export const AUDIT_ACTIONS: Record<string, Text> = {
  'access.denied': { zh: '{actor} 试图查看部门 {target} 的数据，已被拒绝', en: "{actor} tried to see department {target}'s data and was refused" },
  'appeal.file': { zh: '{actor} 代部门 {target} 提出申诉', en: '{actor} filed an appeal for department {target}' },
  'appeal.accepted': { zh: '{actor} 采纳了部门 {target} 的申诉', en: "{actor} accepted department {target}'s appeal" },
  'appeal.rejected': { zh: '{actor} 驳回了部门 {target} 的申诉', en: "{actor} rejected department {target}'s appeal" },
  'audit.export': { zh: '{actor} 导出了审计日志', en: '{actor} exported the audit log' },
  'audit.purged': { zh: '{actor} 清理了超过保存期的审计日志', en: '{actor} purged the audit entries past their retention' },
  'auth.2fa_enrolled': { zh: '{actor} 启用了双因素登录', en: '{actor} turned on two-factor sign-in' },
  'auth.2fa_recovery_code_used': { zh: '{actor} 使用恢复码登录', en: '{actor} signed in with a recovery code' },
  'auth.2fa_removed': { zh: '{actor} 移除了 {target} 的双因素登录', en: '{actor} removed the two-factor sign-in of {target}' },
  'auth.address_limited': { zh: '来自同一地址的登录失败过多，已限制该地址', en: 'too many failed logins from one address: the address is held back' },
  'auth.lockout': { zh: '用户名 {target} 因连续登录失败被锁定', en: 'username {target} was locked after failed logins' },
  'auth.login': { zh: '{actor} 登录', en: '{actor} signed in' },
  'auth.login_after_2fa_enrolment': { zh: '{actor} 启用双因素登录后重新登录', en: '{actor} signed in again after turning on two-factor sign-in' },
  'auth.login_after_password_change': { zh: '{actor} 修改密码后重新登录', en: '{actor} signed in again after changing the password' },
  'auth.login_failed': { zh: '用户名 {target} 登录失败', en: 'failed login for username {target}' },
  'auth.login_locked': { zh: '已锁定的用户名 {target} 尝试登录', en: 'login attempt for the locked username {target}' },
  'auth.logout': { zh: '{actor} 退出登录', en: '{actor} signed out' },
  'auth.password_change': { zh: '{actor} 修改了密码', en: '{actor} changed the password' },
  'auth.sign_in_ended': { zh: '{actor} 结束了一个登录', en: '{actor} ended a sign-in' },
  'auth.sign_ins_ended': { zh: '{actor} 结束了 {target} 的登录', en: '{actor} ended the sign-ins of {target}' },
  'auth.unlock': { zh: '{actor} 解除了用户名 {target} 的锁定', en: '{actor} unlocked username {target}' },
  'calendar.remove': { zh: '{actor} 删除了工作日历中的 {target}', en: '{actor} removed {target} from the working-day calendar' },
  'calendar.set': { zh: '{actor} 设置了工作日历中的 {target}', en: '{actor} set {target} in the working-day calendar' },
  'ingest_source.key_issued': { zh: '{actor} 为接入源 {target} 签发了密钥', en: '{actor} issued a key for ingest source {target}' },
  'ingest_source.revoke': { zh: '{actor} 停用了接入源 {target}', en: '{actor} revoked ingest source {target}' },
  'master_data.import.departments': { zh: '{actor} 导入了部门名录 {target}', en: '{actor} imported the departments {target}' },
  'master_data.import.catalog': { zh: '{actor} 导入了资源目录 {target}', en: '{actor} imported the resource catalog {target}' },
  'master_data.import.calendar': { zh: '{actor} 导入了工作日历 {target}', en: '{actor} imported the working-day calendar {target}' },
  'notify.channel.add': { zh: '{actor} 添加了通知渠道 {target}', en: '{actor} added notification channel {target}' },
  'notify.channel.delete': { zh: '{actor} 删除了通知渠道 {target}', en: '{actor} deleted notification channel {target}' },
  'period.publish': { zh: '{actor} 发布了 {target} 考核结果', en: '{actor} published the results of {target}' },
  'period.reopen': { zh: '{actor} 重新打开了 {target} 考核结果', en: '{actor} re-opened the results of {target}' },
  'rectification.accept': { zh: '{actor} 验收通过整改 {target}', en: '{actor} accepted rectification {target}' },
  'rectification.open': { zh: '{actor} 立案整改 {target}', en: '{actor} opened rectification {target}' },
  'rectification.overdue': { zh: '整改 {target} 已逾期', en: 'rectification {target} is overdue' },
  'rectification.return': { zh: '{actor} 退回整改 {target}', en: '{actor} returned rectification {target}' },
  'rectification.submit': { zh: '{actor} 提交了整改 {target}', en: '{actor} submitted rectification {target}' },
  'report.download': { zh: '{actor} 下载了报告 {target}', en: '{actor} downloaded report {target}' },
  'report.export': { zh: '{actor} 导出了报告 {target}', en: '{actor} exported report {target}' },
  'report.generate': { zh: '{actor} 生成了报告 {target}', en: '{actor} generated report {target}' },
  'report.zip': { zh: '{actor} 打包下载了 {target} 各部门报告', en: "{actor} downloaded {target}'s department reports as a zip" },
  'scheme.create': { zh: '{actor} 启用了新的考核方案 {target}', en: '{actor} put a new assessment scheme {target} in force' },
  'user.create': { zh: '{actor} 创建了用户 {target}', en: '{actor} created user {target}' },
  'user.disable': { zh: '{actor} 停用了用户 {target}', en: '{actor} disabled user {target}' },
  'user.update': { zh: '{actor} 修改了用户 {target}', en: '{actor} changed user {target}' },
};

/** The labels of the detail fields the audit entries carry. */
export const AUDIT_DETAIL_LABELS: Record<string, Text> = {
  address: { zh: '地址', en: 'address' },
  signIn: { zh: '登录编号', en: 'sign-in' },
  reason: { zh: '原因', en: 'reason' },
  count: { zh: '数量', en: 'count' },
  what: { zh: '内容', en: 'what' },
  ownDept: { zh: '本部门', en: 'own department' },
  read: { zh: '读取行数', en: 'lines read' },
  upserted: { zh: '写入行数', en: 'lines stored' },
  rejected: { zh: '拒绝行数', en: 'lines refused' },
  schemeVersion: { zh: '方案版本', en: 'scheme version' },
  asOf: { zh: '计算时点', en: 'as of' },
  format: { zh: '格式', en: 'format' },
  action: { zh: '操作', en: 'action' },
  actor: { zh: '操作人', en: 'actor' },
  from: { zh: '起', en: 'from' },
  to: { zh: '止', en: 'to' },
  left: { zh: '剩余', en: 'left' },
  by: { zh: '操作方', en: 'by' },
  deleted: { zh: '删除条数', en: 'deleted' },
  olderThanDays: { zh: '保存天数', en: 'kept days' },
  role: { zh: '角色', en: 'role' },
  dept: { zh: '部门', en: 'department' },
  comment: { zh: '意见', en: 'comment' },
  appeal: { zh: '申诉编号', en: 'appeal' },
  kind: { zh: '类别', en: 'kind' },
  period: { zh: '周期', en: 'period' },
  decision: { zh: '决定', en: 'decision' },
  name: { zh: '名称', en: 'name' },
};

/** Who did it, in words: a user, the command line (with the system user), a part of the system, or nobody signed in. */
export function describeActor(actor: string, locale: MessageLocale): string {
  const zh = locale === 'zh';
  const [kind, name] = actor.includes(':') ? [actor.slice(0, actor.indexOf(':')), actor.slice(actor.indexOf(':') + 1)] : [actor, ''];
  switch (kind) {
    case 'user':
      return zh ? `用户 ${name}` : `user ${name}`;
    case 'cli':
      return zh ? `命令行（${name}）` : `command line (${name})`;
    case 'anonymous':
      return zh ? '未登录的访问者' : 'someone not signed in';
    case 'system': {
      const part: Record<string, Text> = {
        demo: { zh: '演示数据', en: 'demo data' },
        auth: { zh: '登录', en: 'sign-in' },
        env: { zh: '环境配置', en: 'environment settings' },
      };
      const label = part[name];
      if (label) return zh ? `系统（${label.zh}）` : `the system (${label.en})`;
      return zh ? '系统' : 'the system';
    }
    case 'source':
    case 'ingest':
      return zh ? `接入源 ${name}`.trim() : `ingest source ${name}`.trim();
    default:
      return actor;
  }
}

/** An audit entry as a sentence, and its details as labelled fields, in a language. */
export function describeAuditEntry(
  entry: Pick<AuditEntryView, 'actor' | 'action' | 'target' | 'detail'>,
  locale: MessageLocale,
): {
  sentence: string;
  details: { label: string; value: string }[];
} {
  const actor = describeActor(entry.actor, locale);
  const text = AUDIT_ACTIONS[entry.action];
  const sentence = text
    ? fillTemplate(text[locale], { actor, target: entry.target ?? '' })
        .replace(/\s+/g, ' ')
        .trim()
    : `${actor} · ${entry.action}${entry.target ? ` · ${entry.target}` : ''}`;
  const details = Object.entries(entry.detail ?? {}).map(([key, value]) => ({
    label: AUDIT_DETAIL_LABELS[key]?.[locale] ?? key,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  }));
  return { sentence, details };
}
