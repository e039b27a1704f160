import { matchRoutes, type RouteObject } from 'react-router';
import type { CurrentUser } from '@app/contracts';
import { canAccess, landingPath, routeArea } from '../lib/access';
import { LOGIN_PATH, PASSWORD_PATH, TWO_FACTOR_PATH } from './route-loaders';

/**
 * Where to go after logging in: back to the page that asked for a login when it is an in-app
 * path this user may see (another user may log in on the same screen), else the user's start page.
 * `routes` is the route table (passed in: the table itself loads the login page).
 */
export function postLoginPath(user: CurrentUser, requested: string | null, routes: RouteObject[]): string {
  if (user.mustChangePassword) return PASSWORD_PATH;
  if (user.mustEnrolTwoFactor) return TWO_FACTOR_PATH;
  if (!requested || !requested.startsWith('/') || requested.startsWith('//') || requested.includes('\\')) return landingPath(user);
  const url = new URL(requested, window.location.origin);
  if (url.pathname === LOGIN_PATH || url.pathname === '/') return landingPath(user);
  const matches = matchRoutes(routes, url.pathname) ?? [];
  const leaf = matches[matches.length - 1];
  const area = [...matches]
    .reverse()
    .map((m) => routeArea(m.route.handle))
    .find((a) => a !== undefined);
  if (!leaf || !area || !canAccess(user, area, leaf.params)) return landingPath(user);
  return url.pathname + url.search;
}
