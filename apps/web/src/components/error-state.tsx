import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-client';
import { describeError } from './describe-error';

function statusOf(error: unknown): '403' | '404' | 'warning' {
  if (isApiError(error) && error.status === 403) return '403';
  if (isApiError(error) && error.status === 404) return '404';
  return 'warning';
}

/** A failed load: what went wrong in words a user can act on, and a retry where retrying can help. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = statusOf(error);
  const title = status === '403' ? t('state.forbiddenTitle') : status === '404' ? t('state.notFoundTitle') : t('state.errorTitle');
  return (
    <div className="state-box" role="alert">
      <Result
        status={status}
        title={title}
        subTitle={describeError(error, t)}
        extra={
          onRetry && status === 'warning' ? (
            <Button type="primary" onClick={onRetry}>
              {t('state.retry')}
            </Button>
          ) : undefined
        }
      />
    </div>
  );
}
