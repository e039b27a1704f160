import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

export function OverviewPage() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t('nav.overview')} willShow={t('pages.overview')} />;
}
