import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './use-page-title';

/** A page whose content arrives with the scoring API: its title, and what it will show. */
export function PagePlaceholder({ title, willShow, extra }: { title: string; willShow: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Card title={<h1 className="page-title">{title}</h1>} className="page-card">
      <div className="placeholder-body">
        <ClockCircleOutlined className="placeholder-icon" aria-hidden />
        <Typography.Paragraph strong>{t('placeholder.arrives')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('placeholder.willShow', { content: willShow })}</Typography.Paragraph>
        {extra}
      </div>
    </Card>
  );
}
