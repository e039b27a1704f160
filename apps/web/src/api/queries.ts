import { queryOptions } from '@tanstack/react-query';
import { fetchCurrentUser } from './auth-api';
import { fetchHealth, fetchSeeding, fetchSystemInfo } from './system-api';

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

export const SEEDING_POLL_MS = 2_000;

/** Demo seeding on first start: polled while it runs, then left alone. */
export const seedingQuery = queryOptions({
  queryKey: ['system', 'seeding'] as const,
  queryFn: ({ signal }) => fetchSeeding(signal),
  refetchInterval: (query) => (query.state.data?.state === 'running' ? SEEDING_POLL_MS : false),
  retry: false,
});
