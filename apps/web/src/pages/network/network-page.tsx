import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

export function NetworkPage() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t('nav.network')} willShow={t('pages.network')} />;
}
