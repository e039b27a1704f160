import type { TFunction } from 'i18next';
import { isApiError } from '../api/api-client';

/** A sentence a user can act on, from whatever a failed call threw. */
export function describeError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('state.network');
    if (error.status === 403) return t('state.forbidden');
    if (error.status === 404) return t('state.notFound');
    if (error.status === 429) return t('state.rateLimited');
    if (error.status === 502 || error.status === 503 || error.status === 504) return t('state.unavailable');
    return t('state.server', { message: error.message });
  }
  if (error instanceof Error) return t('state.server', { message: error.message });
  return t('state.errorTitle');
}
