import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

export function MethodPage() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t('nav.method')} willShow={t('pages.method')} />;
}
