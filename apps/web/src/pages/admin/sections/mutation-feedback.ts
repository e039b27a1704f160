import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../components/describe-error';

/** Success and failure toasts for admin actions, in words a user can act on. */
export function useFeedback() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return {
    ok: (text: string) => void message.success(text),
    fail: (error: unknown) => void message.error(t('common.failed', { message: describeError(error, t) })),
  };
}
