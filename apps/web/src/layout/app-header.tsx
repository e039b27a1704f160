import { DesktopOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, ConfigProvider, Layout, Space, Switch, Tag, Tooltip, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CurrentUser, Role } from '@app/contracts';
import { logout } from '../api/auth-api';
import { usePreferences } from '../lib/preferences';
import { LOGIN_PATH, PASSWORD_PATH } from '../app/route-loaders';
import { LanguageSwitch } from '../components/language-switch';
import { PeriodPicker } from './period-picker';

const ROLE_COLORS: Record<Role, string> = { leader: 'gold', inspector: 'volcano', department: 'cyan', admin: 'purple' };

// The header is dark: its controls use antd's dark algorithm on top of the app theme.
const HEADER_THEME = { algorithm: theme.darkAlgorithm };

/** Who is signed in, the password page and logout: in the header, or in the phone's menu drawer. */
function useSignOut() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: logout,
    onSettled: (_data, error) => {
      if (error) void message.warning(t('header.logoutFailed'));
      // Nothing cached for this user may outlive the session.
      queryClient.clear();
      void navigate(LOGIN_PATH, { replace: true });
    },
  });
}

function UserTag({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  return (
    <span className="header-user" data-testid="current-user">
      <UserOutlined aria-hidden />
      <span className="header-user-name">{user.username}</span>
      <Tag color={ROLE_COLORS[user.role]} variant="solid" className="header-role">
        {t(`role.${user.role}`)}
      </Tag>
    </span>
  );
}

/** The header's account controls as the phone's menu drawer shows them (the header has no room for them). */
export function DrawerAccountActions({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <div className="drawer-account">
      <UserTag user={user} />
      <LanguageSwitch />
      <Space size="small" wrap>
        <Button size="small" icon={<KeyOutlined />} onClick={() => void navigate(PASSWORD_PATH)}>
          {t('header.changePassword')}
        </Button>
        <Button size="small" icon={<LogoutOutlined />} loading={signOut.isPending} onClick={() => signOut.mutate()}>
          {t('header.logout')}
        </Button>
      </Space>
    </div>
  );
}

export function AppHeader({ user, mobile, onOpenMenu }: { user: CurrentUser; mobile: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const { largeDisplay, setLargeDisplay } = usePreferences();
  const navigate = useNavigate();
  const signOut = useSignOut();

  return (
    <Layout.Header className={mobile ? 'app-header app-header-mobile' : 'app-header'}>
      <div className="app-brand">
        {mobile ? (
          <Button
            type="text"
            className="menu-button"
            icon={<MenuOutlined />}
            onClick={onOpenMenu}
            aria-label={t('firstUse.shell.openMenu')}
            data-testid="menu-button"
          />
        ) : null}
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span className="app-brand-text" title={t('app.name')}>
          {t('app.shortName')}
        </span>
      </div>
      <ConfigProvider theme={HEADER_THEME}>
        <PeriodPicker />
        {mobile ? null : (
          <Space size="middle" className="app-header-actions">
            <Tooltip title={t('header.largeDisplayHint')}>
              <label className="header-toggle">
                <DesktopOutlined aria-hidden />
                <span>{t('header.largeDisplay')}</span>
                <Switch size="small" checked={largeDisplay} onChange={setLargeDisplay} aria-label={t('header.largeDisplayHint')} />
              </label>
            </Tooltip>
            <LanguageSwitch />
            <UserTag user={user} />
            <Button size="small" icon={<KeyOutlined />} onClick={() => void navigate(PASSWORD_PATH)}>
              {t('header.changePassword')}
            </Button>
            <Button size="small" icon={<LogoutOutlined />} loading={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('header.logout')}
            </Button>
          </Space>
        )}
      </ConfigProvider>
    </Layout.Header>
  );
}
