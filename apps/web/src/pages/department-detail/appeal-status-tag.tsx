import type { AppealView } from '@app/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<AppealView['status'], string> = { pending: 'processing', accepted: 'success', rejected: 'default' };

export function AppealStatusTag({ status }: { status: AppealView['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="appeal-status" data-status={status}>
      {t(`appeals.status.${status}`)}
    </Tag>
  );
}
