import { useTranslation } from 'react-i18next';
import { PagePlaceholder } from '../../components/page-placeholder';

export function DepartmentsPage() {
  const { t } = useTranslation();
  return <PagePlaceholder title={t('nav.departments')} willShow={t('pages.departments')} />;
}
