import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A spinner that holds the space the content will take. */
export function LoadingState({ minHeight = 160, label }: { minHeight?: number | string; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state-box" style={{ minHeight }} role="status" aria-live="polite">
      <Spin description={label ?? t('state.loading')} />
    </div>
  );
}
