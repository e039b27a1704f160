import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

export function ReportsPage() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t('nav.reports')} willShow={t('pages.reports')} />;
}
