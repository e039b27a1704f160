import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

export function RankingsPage() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t('nav.rankings')} willShow={t('pages.rankings')} />;
}
