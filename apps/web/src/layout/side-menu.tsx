import { Drawer, Layout, Menu, type MenuProps } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CurrentUser } from '@app/contracts';
import { usePeriodLink } from '../lib/use-period';
import { navigationFor, selectedNavPath, type NavItem } from './navigation';

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItems(items: NavItem[], t: (key: string) => string, link: (path: string) => string): MenuItem[] {
  return items.map((item) =>
    item.children
      ? { key: item.path, icon: item.icon, label: t(item.labelKey), children: toMenuItems(item.children, t, link) }
      : { key: item.path, icon: item.icon, label: <Link to={link(item.path)}>{t(item.labelKey)}</Link> },
  );
}

function useNavMenu(user: CurrentUser) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const nav = useMemo(() => navigationFor(user), [user]);
  // Links keep the chosen period, so moving between pages keeps the view.
  const link = usePeriodLink();
  const items = useMemo(() => toMenuItems(nav, (key) => t(key as never), link), [nav, t, link]);
  const selected = selectedNavPath(nav, pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => (pathname.startsWith('/admin') ? ['/admin'] : []));
  return { items, selected, openKeys, setOpenKeys };
}

export function SideMenu({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  const { items, selected, openKeys, setOpenKeys } = useNavMenu(user);
  const navRef = useRef<HTMLElement>(null);

  // In large-display mode the admin menu is taller than a 768px screen: keep the current item in view.
  useEffect(() => {
    navRef.current?.querySelector('.ant-menu-item-selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <Layout.Sider
      theme="light"
      width={200}
      collapsedWidth={64}
      collapsible
      collapsed={collapsed}
      onCollapse={setCollapsed}
      breakpoint="lg"
      className="app-sider"
    >
      <nav ref={navRef} aria-label={t('nav.mainMenu')}>
        <Menu
          mode="inline"
          items={items}
          style={{ borderInlineEnd: 'none' }}
          selectedKeys={selected ? [selected] : []}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
        />
      </nav>
    </Layout.Sider>
  );
}

/** On a phone the side menu is a drawer, opened from the header; it closes when a page is picked. */
export function MenuDrawer({ user, open, onClose, footer }: { user: CurrentUser; open: boolean; onClose: () => void; footer: ReactNode }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const { items, selected, openKeys, setOpenKeys } = useNavMenu(user);
  const shown = useRef(`${pathname}${search}`);
  useEffect(() => {
    if (shown.current !== `${pathname}${search}`) onClose();
    shown.current = `${pathname}${search}`;
  }, [pathname, search, onClose]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="left"
      size={280}
      title={t('app.shortName')}
      className="menu-drawer"
      styles={{ body: { padding: 0 } }}
      footer={footer}
    >
      <nav aria-label={t('nav.mainMenu')}>
        <Menu
          mode="inline"
          items={items}
          style={{ borderInlineEnd: 'none' }}
          selectedKeys={selected ? [selected] : []}
          openKeys={openKeys}
          onOpenChange={setOpenKeys}
        />
      </nav>
    </Drawer>
  );
}
