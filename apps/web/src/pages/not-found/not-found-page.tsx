import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../components/use-page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('state.notFoundTitle'));
  return (
    <Result
      status="404"
      title={t('state.notFoundTitle')}
      subTitle={t('state.notFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('state.backHome')}
        </Button>
      }
    />
  );
}
