import type { Role } from '@app/contracts';

/** Administration sections; each becomes /admin/<section>. Inspectors see the audit log and publish periods. */
export const ADMIN_SECTIONS = [
  { key: 'users', labelKey: 'admin.users', roles: ['admin'] },
  { key: 'master-data', labelKey: 'admin.masterData', roles: ['admin'] },
  { key: 'calendar', labelKey: 'admin.calendar', roles: ['admin'] },
  { key: 'schemes', labelKey: 'admin.schemes', roles: ['admin'] },
  { key: 'sources', labelKey: 'admin.sources', roles: ['admin'] },
  { key: 'ledger', labelKey: 'admin.ledger', roles: ['admin'] },
  { key: 'quarantine', labelKey: 'admin.quarantine', roles: ['admin'] },
  { key: 'notifications', labelKey: 'admin.notifications', roles: ['admin'] },
  { key: 'periods', labelKey: 'admin.periods', roles: ['admin', 'inspector'] },
  { key: 'audit', labelKey: 'admin.audit', roles: ['admin', 'inspector'] },
] as const satisfies readonly { key: string; labelKey: string; roles: readonly Role[] }[];

export type AdminSection = (typeof ADMIN_SECTIONS)[number];
export type AdminSectionKey = AdminSection['key'];

export function findAdminSection(key: string | undefined): AdminSection | undefined {
  return ADMIN_SECTIONS.find((section) => section.key === key);
}

export function adminSectionsFor(role: Role): AdminSection[] {
  return ADMIN_SECTIONS.filter((section) => (section.roles as readonly Role[]).includes(role));
}
