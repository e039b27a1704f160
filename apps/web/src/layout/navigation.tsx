import {
  AlertOutlined,
  ApartmentOutlined,
  BankOutlined,
  DashboardOutlined,
  FileTextOutlined,
  InfoCircleOutlined,
  ReadOutlined,
  SettingOutlined,
  ShareAltOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { CurrentUser } from '@app/contracts';
import { canAccess, ownDepartmentPath, type Area } from '../lib/access';
import { adminSectionsFor } from '../lib/admin-sections';

export interface NavItem {
  /** The path the item opens; also its menu key. */
  path: string;
  labelKey: string;
  icon?: ReactNode;
  area: Area;
  children?: NavItem[];
}

const CITY_NAV: NavItem[] = [
  { path: '/overview', labelKey: 'nav.overview', icon: <DashboardOutlined />, area: 'overview' },
  { path: '/rankings', labelKey: 'nav.rankings', icon: <TrophyOutlined />, area: 'rankings' },
  { path: '/departments', labelKey: 'nav.departments', icon: <ApartmentOutlined />, area: 'departments' },
  { path: '/warnings', labelKey: 'nav.warnings', icon: <AlertOutlined />, area: 'warnings' },
  { path: '/network', labelKey: 'nav.network', icon: <ShareAltOutlined />, area: 'network' },
  { path: '/method', labelKey: 'nav.method', icon: <ReadOutlined />, area: 'method' },
  { path: '/reports', labelKey: 'nav.reports', icon: <FileTextOutlined />, area: 'reports' },
];

function adminNav(user: CurrentUser): NavItem[] {
  const sections = adminSectionsFor(user.role);
  if (sections.length === 0) return [];
  return [
    {
      path: '/admin',
      labelKey: 'nav.admin',
      icon: <SettingOutlined />,
      area: 'admin',
      children: sections.map((section) => ({ path: `/admin/${section.key}`, labelKey: section.labelKey, area: 'admin' as const })),
    },
  ];
}

const ABOUT: NavItem = { path: '/about', labelKey: 'nav.about', icon: <InfoCircleOutlined />, area: 'about' };

/** The menu for this user: the role rules in access.ts decide which items appear. */
export function navigationFor(user: CurrentUser): NavItem[] {
  if (user.role === 'department') {
    const own: NavItem[] = user.dept ? [{ path: ownDepartmentPath(user.dept), labelKey: 'nav.myDepartment', icon: <BankOutlined />, area: 'department' }] : [];
    return [
      ...own,
      { path: '/rankings', labelKey: 'nav.rankings', icon: <TrophyOutlined />, area: 'rankings' },
      { path: '/method', labelKey: 'nav.method', icon: <ReadOutlined />, area: 'method' },
      ABOUT,
    ];
  }
  return [...CITY_NAV.filter((item) => canAccess(user, item.area)), ...adminNav(user), ABOUT];
}

/** The item to highlight: the longest item path that the current path starts with. */
export function selectedNavPath(items: NavItem[], pathname: string): string | undefined {
  let best: string | undefined;
  const visit = (list: NavItem[]) => {
    for (const item of list) {
      const hit = pathname === item.path || pathname.startsWith(`${item.path}/`);
      if (hit && !item.children && (!best || item.path.length > best.length)) best = item.path;
      if (item.children) visit(item.children);
    }
  };
  visit(items);
  return best;
}
