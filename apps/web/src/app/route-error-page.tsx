import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { describeError } from '../components/describe-error';

/**
 * Last resort for a loader that failed (API down at start-up) or a page chunk that did not load.
 * Plain markup on purpose: it is part of the first download, and must work when antd's chunks do not.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="route-error">
      <div className="fatal-error" role="alert">
        <h1>{notFound ? t('state.notFoundTitle') : t('state.errorTitle')}</h1>
        <p>{notFound ? t('state.notFound') : describeError(error, t)}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('state.reload')}
        </button>
      </div>
    </main>
  );
}
