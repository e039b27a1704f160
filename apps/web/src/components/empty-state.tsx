import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function EmptyState({ description, children }: { description?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="state-box">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('state.empty')}>
        {children}
      </Empty>
    </div>
  );
}
