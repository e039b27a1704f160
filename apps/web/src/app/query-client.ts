import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: true,
      // Retrying a 4xx gives the same answer; retry only outages (network, 5xx).
      retry: (failureCount, error) => failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
  },
});
