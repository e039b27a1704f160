import { useQuery } from '@tanstack/react-query';
import { useRouteLoaderData } from 'react-router';
import type { CurrentUser } from '@app/contracts';
import { currentUserQuery } from '../api/queries';

/** The logged-in user, inside the authenticated layout (whose loader guarantees one). */
export function useCurrentUser(): CurrentUser {
  const fromLoader = useRouteLoaderData<CurrentUser | undefined>('authenticated');
  const { data } = useQuery(currentUserQuery);
  const user = data ?? fromLoader;
  if (!user) throw new Error('useCurrentUser outside the authenticated layout');
  return user;
}
