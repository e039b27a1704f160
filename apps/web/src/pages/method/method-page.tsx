import { useQuery } from '@tanstack/react-query';
import { Anchor, Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { methodQuery } from '../../api/score-queries';
import { usePreferences } from '../../lib/preferences';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';

/** "How scores are computed": rendered from the active scheme by the server, never written by hand. */
export function MethodPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const method = useQuery(methodQuery(language === 'en' ? 'en' : 'zh'));
  return (
    <div className="page method-page">
      <PageHeading title={t('nav.method')} />
      <QueryView query={method} minHeight={320}>
        {(d) => (
          <Row gutter={16}>
            <Col xs={24} lg={18}>
              <Card size="small" data-testid="method-content">
                <Typography.Title level={2} className="method-title">
                  {d.title} <Tag color="blue">{t('method.version', { version: d.schemeVersion })}</Tag>
                </Typography.Title>
                <Typography.Paragraph type="secondary">{t('method.generated')}</Typography.Paragraph>
                {d.sections.map((section) => (
                  <section key={section.id} id={`method-${section.id}`} className="method-section" data-section={section.id}>
                    <Typography.Title level={3} className="method-section-title">
                      {section.title}
                    </Typography.Title>
                    {section.paragraphs.map((p, i) => (
                      <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
                    ))}
                  </section>
                ))}
              </Card>
            </Col>
            <Col xs={0} lg={6}>
              <Anchor
                getContainer={() => document.getElementById('main-content') ?? window}
                offsetTop={16}
                items={d.sections.map((s) => ({ key: s.id, href: `#method-${s.id}`, title: s.title }))}
              />
            </Col>
          </Row>
        )}
      </QueryView>
    </div>
  );
}
