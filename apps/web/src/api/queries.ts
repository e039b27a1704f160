import { queryOptions } from '@tanstack/react-query';
import { fetchCurrentUser } from './auth-api';
import { fetchHealth, fetchSystemInfo } from './system-api';

export const currentUserQuery = queryOptions({
  queryKey: ['auth', 'me'] as const,
  queryFn: ({ signal }) => fetchCurrentUser(signal),
  // Set on login, cleared on logout or any 401; re-checked when the tab comes back.
  staleTime: 5 * 60_000,
  retry: false,
});

export const HEALTH_POLL_MS = 30_000;

export const healthQuery = queryOptions({
  queryKey: ['health'] as const,
  queryFn: ({ signal }) => fetchHealth(signal),
  refetchInterval: HEALTH_POLL_MS,
  refetchIntervalInBackground: false,
  retry: false,
});

export const systemInfoQuery = queryOptions({
  queryKey: ['system'] as const,
  queryFn: ({ signal }) => fetchSystemInfo(signal),
  staleTime: 10 * 60_000,
});
