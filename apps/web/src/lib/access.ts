import type { CurrentUser, Role } from '@app/contracts';
import { findAdminSection } from './admin-sections';

/** What a route shows; each route's `handle.area` names one. */
export type Area = 'about' | 'overview' | 'rankings' | 'departments' | 'department' | 'network' | 'method' | 'reports' | 'warnings' | 'admin';

const EVERYONE: readonly Role[] = ['leader', 'inspector', 'department', 'admin'];
const CITY_WIDE: readonly Role[] = ['leader', 'inspector', 'admin'];

/** Client-side mirror of spec/access.md, for navigation only: the API enforces the rules. */
const AREA_ROLES: Record<Area, readonly Role[]> = {
  about: EVERYONE,
  overview: CITY_WIDE,
  rankings: EVERYONE,
  departments: CITY_WIDE,
  department: EVERYONE,
  network: CITY_WIDE,
  method: EVERYONE,
  reports: ['leader', 'inspector'],
  // Every department's to-do: leaders and inspectors; admins read none (access.md).
  warnings: ['leader', 'inspector'],
  // Per section below: inspectors publish periods and read the audit log.
  admin: ['admin', 'inspector'],
};

export function canAccess(user: CurrentUser, area: Area, params: Readonly<Record<string, string | undefined>> = {}): boolean {
  if (!AREA_ROLES[area].includes(user.role)) return false;
  // A department user sees only its own department's detail.
  if (area === 'department' && user.role === 'department') return params.code !== undefined && params.code === user.dept;
  if (area === 'admin' && params.section !== undefined) {
    const section = findAdminSection(params.section);
    return section === undefined || (section.roles as readonly Role[]).includes(user.role);
  }
  return true;
}

export function ownDepartmentPath(dept: string): string {
  return `/departments/${encodeURIComponent(dept)}`;
}

/** Pages that show one period's data: they write the default period into the URL. */
export const PERIOD_AREAS: ReadonlySet<Area> = new Set(['overview', 'rankings', 'departments', 'department', 'network', 'reports']);

/** Where a user lands after login or on `/`. */
export function landingPath(user: CurrentUser): string {
  if (user.role === 'department') return user.dept ? ownDepartmentPath(user.dept) : '/rankings';
  return '/overview';
}

export interface RouteHandle {
  area?: Area;
}

export function routeArea(handle: unknown): Area | undefined {
  return handle && typeof handle === 'object' && 'area' in handle ? (handle as RouteHandle).area : undefined;
}
