import { useQuery } from '@tanstack/react-query';
import { App as AntApp, Layout } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Outlet, useMatches, useNavigation, useSearchParams } from 'react-router';
import { ApiError, notifyUnauthorized } from '../api/api-client';
import { currentUserQuery } from '../api/queries';
import { canAccess, PERIOD_AREAS, routeArea } from '../lib/access';
import { parsePeriod } from '../lib/period';
import { PERIOD_PARAM, useAssessmentClock, useBeforeAssessmentStart, type InvalidPeriodState } from '../lib/use-period';
import { useCurrentUser } from '../lib/current-user';
import { useIsPhone } from '../lib/use-phone';
import { ErrorState } from '../components/error-state';
import { BeforeStartState } from '../components/before-start-state';
import { InvalidPeriodAlert } from '../components/invalid-period-alert';
import { AppHeader, DrawerAccountActions } from './app-header';
import { MenuDrawer, SideMenu } from './side-menu';
import { StatusFooter } from './status-footer';

// The API answers 403 as well; this spares the request and shows the same page.
const FORBIDDEN = new ApiError(403, 'forbidden');

/** Everything after login: header, role menu, the page, and the live status bar. */
export function AppLayout() {
  const user = useCurrentUser();
  const me = useQuery(currentUserQuery);
  const matches = useMatches();
  const navigation = useNavigation();

  // /auth/me re-checked (tab refocus) and answered "nobody": the session ended.
  useEffect(() => {
    if (me.data === null) notifyUnauthorized();
  }, [me.data]);

  const leaf = matches[matches.length - 1];
  const area = [...matches]
    .reverse()
    .map((m) => routeArea(m.handle))
    .find((a) => a !== undefined);
  const allowed = !area || canAccess(user, area, leaf?.params ?? {});

  // A page of one period always names it in the URL, so the address bar is a link to this exact view
  // (the default, the last complete month, would move on next month).
  const [params, setParams] = useSearchParams();
  const clock = useAssessmentClock();
  const needsPeriod = allowed && area !== undefined && PERIOD_AREAS.has(area) && parsePeriod(params.get(PERIOD_PARAM)) === null;
  useEffect(() => {
    if (!needsPeriod || !clock.ready) return;
    const given = params.get(PERIOD_PARAM);
    const state: InvalidPeriodState | undefined = given !== null ? { invalidPeriod: given } : undefined;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(PERIOD_PARAM, clock.defaultPeriod);
        return next;
      },
      { replace: true, state },
    );
  }, [needsPeriod, clock.ready, clock.defaultPeriod, setParams, params]);
  const periodPage = allowed && area !== undefined && PERIOD_AREAS.has(area);
  const urlPeriod = params.get(PERIOD_PARAM) ?? clock.defaultPeriod;
  const beforeStart = useBeforeAssessmentStart(urlPeriod);
  // On a phone the side menu and the header's account controls move into a drawer.
  const mobile = useIsPhone();
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = useCallback(() => setMenuOpen(false), []);

  // antd's App (message, modal, notification) lives here, not at the root, to keep it out of the login download.
  return (
    <AntApp>
      <Layout className={mobile ? 'app-shell app-shell-mobile' : 'app-shell'}>
        <AppHeader user={user} mobile={mobile} onOpenMenu={() => setMenuOpen(true)} />
        <Layout hasSider={!mobile} className="app-body">
          {mobile ? <MenuDrawer user={user} open={menuOpen} onClose={closeMenu} footer={<DrawerAccountActions user={user} />} /> : <SideMenu user={user} />}
          <Layout className="app-main">
            <div className={navigation.state === 'loading' ? 'route-progress active' : 'route-progress'} aria-hidden />
            <Layout.Content className="app-content" id="main-content">
              {allowed ? <InvalidPeriodAlert /> : null}
              {!allowed ? <ErrorState error={FORBIDDEN} /> : periodPage && beforeStart.before ? <BeforeStartState start={beforeStart.start!} /> : <Outlet />}
            </Layout.Content>
            <StatusFooter />
          </Layout>
        </Layout>
      </Layout>
    </AntApp>
  );
}
