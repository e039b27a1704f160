/** Administration sections; each becomes /admin/<section>. */
export const ADMIN_SECTIONS = [
  { key: 'users', labelKey: 'admin.users' },
  { key: 'master-data', labelKey: 'admin.masterData' },
  { key: 'calendar', labelKey: 'admin.calendar' },
  { key: 'schemes', labelKey: 'admin.schemes' },
  { key: 'sources', labelKey: 'admin.sources' },
  { key: 'quarantine', labelKey: 'admin.quarantine' },
  { key: 'audit', labelKey: 'admin.audit' },
] as const;

export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export function findAdminSection(key: string | undefined): AdminSection | undefined {
  return ADMIN_SECTIONS.find((section) => section.key === key);
}
