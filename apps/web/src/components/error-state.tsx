import { ExclamationCircleOutlined, LockOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-client';
import { describeError } from './describe-error';

function statusOf(error: unknown): '403' | '404' | 'warning' {
  if (isApiError(error) && error.status === 403) return '403';
  if (isApiError(error) && error.status === 404) return '404';
  return 'warning';
}

const ICONS = { '403': <LockOutlined />, '404': <QuestionCircleOutlined />, warning: <ExclamationCircleOutlined /> };

/**
 * A failed load: what went wrong in words a user can act on, and a retry where retrying can help.
 * Plain markup with an icon rather than antd's Result, whose illustrations cost every route ~10 KB.
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = statusOf(error);
  const title = status === '403' ? t('state.forbiddenTitle') : status === '404' ? t('state.notFoundTitle') : t('state.errorTitle');
  return (
    <div className="state-box" role="alert" data-testid="error-state" data-status={status}>
      <div className={`error-state error-state-${status}`}>
        <div className="error-state-icon" aria-hidden>
          {ICONS[status]}
        </div>
        <div className="error-state-title">{title}</div>
        <div className="error-state-text">{describeError(error, t)}</div>
        {onRetry && status === 'warning' ? (
          <Button type="primary" onClick={onRetry}>
            {t('state.retry')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
