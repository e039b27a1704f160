import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  /** When true for the loaded data, show the empty state instead of the content. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  minHeight?: number | string;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry), empty or content: the four states every data view has. */
export function QueryView<T>({ query, isEmpty, empty, minHeight, children }: QueryViewProps<T>) {
  if (query.isPending) return <LoadingState minHeight={minHeight} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <>{empty ?? <EmptyState />}</>;
  return <>{children(query.data)}</>;
}
