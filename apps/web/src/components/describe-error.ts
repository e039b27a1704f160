import type { TFunction } from 'i18next';
import { renderErrorBody, isMessageCode } from '@app/contracts';
import { isApiError } from '../api/api-client';
import { i18n } from '../i18n/i18n';
import { messageLocale } from '../lib/message-text';

/** The server's reason in the user's language, when the refusal has a code the catalogue knows. */
function reasonOf(body: Parameters<typeof renderErrorBody>[0] | undefined): string | null {
  if (!body || !isMessageCode(body.code)) return null;
  return renderErrorBody(body, messageLocale(i18n.language));
}

/** A sentence a user can act on, from whatever a failed call threw: a 4xx says why, only a 5xx is a server error. */
export function describeError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('state.network');
    if (error.status === 502 || error.status === 503 || error.status === 504) return t('state.unavailable');
    if (error.status >= 500) return t('state.server', { message: error.message });
    const reason = reasonOf(error.body);
    if (reason) return t('state.refused', { message: reason });
    if (error.status === 403) return t('state.forbidden');
    if (error.status === 404) return t('state.notFound');
    if (error.status === 429) return t('state.rateLimited');
    return t('state.refused', { message: error.message });
  }
  if (error instanceof Error) return t('state.failed', { message: error.message });
  return t('state.errorTitle');
}
