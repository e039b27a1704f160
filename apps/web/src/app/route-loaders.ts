import { redirect, type LoaderFunctionArgs } from 'react-router';
import type { CurrentUser } from '@app/contracts';
import { currentUserQuery } from '../api/queries';
import { landingPath } from '../lib/access';
import { queryClient } from './query-client';

export const LOGIN_PATH = '/login';
export const PASSWORD_PATH = '/account/password';
export const TWO_FACTOR_PATH = '/account/two-factor';
export const REDIRECT_PARAM = 'redirect';

/** Navigation state of the login page. */
export interface LoginLocationState {
  /** The session ended while the user was working (401), as opposed to never having logged in. */
  expired?: boolean;
}

export function loginHref(from?: { pathname: string; search?: string }): string {
  if (!from || from.pathname === '/' || from.pathname === LOGIN_PATH) return LOGIN_PATH;
  return `${LOGIN_PATH}?${new URLSearchParams({ [REDIRECT_PARAM]: from.pathname + (from.search ?? '') })}`;
}

/** Session check for every authenticated route; runs while the route's code downloads. */
export async function requireUser({ request }: LoaderFunctionArgs): Promise<CurrentUser> {
  const user = await queryClient.ensureQueryData(currentUserQuery);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(loginHref(url));
  }
  // A first password set by an admin is changed before anything else (the server refuses the rest).
  if (user.mustChangePassword) throw redirect(PASSWORD_PATH);
  // An admin held to a second factor (REQUIRE_ADMIN_2FA) sets it up next.
  if (user.mustEnrolTwoFactor) throw redirect(TWO_FACTOR_PATH);
  return user;
}

/** The account pages (password, second factor): any signed-in user, including one who must set either up first. */
export async function requireSignedIn({ request }: LoaderFunctionArgs): Promise<CurrentUser> {
  const user = await queryClient.ensureQueryData(currentUserQuery);
  if (!user) throw redirect(loginHref(new URL(request.url)));
  return user;
}

/** `/`: send each role to its own start page. */
export async function landingRedirect(args: LoaderFunctionArgs): Promise<Response> {
  return redirect(landingPath(await requireUser(args)));
}

/** `/login` when already logged in goes straight to the start page. */
export async function loginLoader(): Promise<null> {
  let user: CurrentUser | null = null;
  try {
    user = await queryClient.ensureQueryData(currentUserQuery);
  } catch {
    // API unreachable: show the form; submitting it reports the problem.
  }
  if (user) throw redirect(landingPath(user));
  return null;
}
