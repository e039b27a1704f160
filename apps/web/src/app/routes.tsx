import { redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { FullPageLoading } from '../components/full-page-loading';
import type { RouteHandle } from '../lib/access';
import { adminSectionsFor } from '../lib/admin-sections';
import { postLoginPath } from './post-login-path';
import { landingRedirect, loginLoader, requireSignedIn, requireUser } from './route-loaders';
import { RouteErrorPage } from './route-error-page';

const handle = (h: RouteHandle): RouteHandle => h;

/** /admin: the first section this role may open. */
async function adminIndex(args: LoaderFunctionArgs): Promise<Response> {
  const user = await requireUser(args);
  const first = adminSectionsFor(user.role)[0];
  return redirect(`/admin/${first?.key ?? 'users'}`);
}

/**
 * The route table. Every page is its own chunk (src/pages/<page>/), loaded when first visited;
 * the authenticated layout is a chunk too, so the login page ships without it.
 * `handle.area` ties a route to the role rules in access.ts (menu and guard).
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <FullPageLoading />,
    children: [
      {
        path: 'login',
        loader: loginLoader,
        // The page is handed the route table instead of importing it (the table is what loads the page).
        lazy: () =>
          import('../pages/login/login-page').then(({ LoginPage }) => ({
            Component: () => <LoginPage nextPath={(user, requested) => postLoginPath(user, requested, routes)} />,
          })),
      },
      {
        path: 'account/password',
        loader: requireSignedIn,
        lazy: () => import('../pages/account/password-page').then((m) => ({ Component: m.PasswordPage })),
      },
      {
        path: 'account/two-factor',
        loader: requireSignedIn,
        lazy: () => import('../pages/account/two-factor-page').then((m) => ({ Component: m.TwoFactorPage })),
      },
      {
        id: 'authenticated',
        loader: requireUser,
        lazy: () => import('../layout/app-layout').then((m) => ({ Component: m.AppLayout })),
        children: [
          {
            // A page that fails to render or load keeps the header, menu and status bar around its error.
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, loader: landingRedirect },
              {
                path: 'about',
                handle: handle({ area: 'about' }),
                lazy: () => import('../pages/about/about-page').then((m) => ({ Component: m.AboutPage })),
              },
              {
                path: 'overview',
                handle: handle({ area: 'overview' }),
                lazy: () => import('../pages/overview/overview-page').then((m) => ({ Component: m.OverviewPage })),
              },
              {
                path: 'rankings',
                handle: handle({ area: 'rankings' }),
                lazy: () => import('../pages/rankings/rankings-page').then((m) => ({ Component: m.RankingsPage })),
              },
              {
                path: 'departments',
                handle: handle({ area: 'departments' }),
                lazy: () => import('../pages/departments/departments-page').then((m) => ({ Component: m.DepartmentsPage })),
              },
              {
                path: 'departments/:code',
                handle: handle({ area: 'department' }),
                lazy: () => import('../pages/department-detail/department-detail-page').then((m) => ({ Component: m.DepartmentDetailPage })),
              },
              {
                path: 'warnings',
                handle: handle({ area: 'warnings' }),
                lazy: () => import('../pages/warnings/warnings-page').then((m) => ({ Component: m.WarningsPage })),
              },
              {
                path: 'network',
                handle: handle({ area: 'network' }),
                lazy: () => import('../pages/network/network-page').then((m) => ({ Component: m.NetworkPage })),
              },
              {
                path: 'method',
                handle: handle({ area: 'method' }),
                lazy: () => import('../pages/method/method-page').then((m) => ({ Component: m.MethodPage })),
              },
              {
                path: 'reports',
                handle: handle({ area: 'reports' }),
                lazy: () => import('../pages/reports/reports-page').then((m) => ({ Component: m.ReportsPage })),
              },
              {
                path: 'admin',
                handle: handle({ area: 'admin' }),
                children: [
                  { index: true, loader: adminIndex },
                  {
                    path: ':section',
                    lazy: () => import('../pages/admin/admin-page').then((m) => ({ Component: m.AdminPage })),
                  },
                ],
              },
              {
                path: '*',
                lazy: () => import('../pages/not-found/not-found-page').then((m) => ({ Component: m.NotFoundPage })),
              },
            ],
          },
        ],
      },
    ],
  },
];
