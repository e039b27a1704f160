import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { systemInfoQuery } from '../../api/queries';
import { useCurrentUser } from '../../lib/current-user';
import { QueryView } from '../../components/query-view';
import { usePageTitle } from '../../components/use-page-title';

/** "About this system": what the dashboard is for, what this user's role may do, and the live service facts. */
export function AboutPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const system = useQuery(systemInfoQuery);
  usePageTitle(t('about.title'));

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={<h1 className="page-title">{t('about.title')}</h1>} className="page-card">
          <Typography.Paragraph className="lead">{t('about.intro')}</Typography.Paragraph>
          <Typography.Title level={2} className="section-title">
            {t('about.flowTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('about.flow')}</Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('about.yourRoleTitle')} className="page-card">
          <Typography.Paragraph>
            <strong>{user.username}</strong> <Tag>{t(`role.${user.role}`)}</Tag>
            {user.dept ? <Tag color="cyan">{user.dept}</Tag> : null}
          </Typography.Paragraph>
          <Typography.Paragraph>{t(`about.roleCan.${user.role}`)}</Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('about.systemTitle')} className="page-card">
          <QueryView query={system} minHeight={120}>
            {(info) => (
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'name', label: t('about.systemName'), children: info.name },
                  { key: 'version', label: t('status.version'), children: info.version },
                  { key: 'database', label: t('status.database'), children: t(`status.${info.database}`) },
                  { key: 'timeZone', label: t('status.timeZone'), children: info.timeZone },
                ]}
              />
            )}
          </QueryView>
        </Card>
      </Col>
    </Row>
  );
}
