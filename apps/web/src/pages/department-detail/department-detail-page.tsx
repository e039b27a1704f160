import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentUser } from '../../app/current-user';
import { PagePlaceholder } from '../../components/page-placeholder';

export function DepartmentDetailPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const user = useCurrentUser();
  const own = user.role === 'department' && user.dept === code;
  return (
    <PagePlaceholder
      title={own ? t('pages.myDepartmentTitle', { code }) : t('pages.departmentTitle', { code })}
      willShow={t('pages.department')}
    />
  );
}
