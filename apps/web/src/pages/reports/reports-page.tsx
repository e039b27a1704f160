import { FileZipOutlined } from '@ant-design/icons';
import type { ReportHistoryEntry } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { departmentsZipUrl, keptReportUrl } from '../../api/admin-api';
import { reportHistoryQuery } from '../../api/admin-queries';
import { periodStatusQuery } from '../../api/score-queries';
import { useCurrentUser } from '../../lib/current-user';
import { formatBytes, formatInstant } from '../../lib/format';
import { periodLabel } from '../../lib/period';
import { usePreferences } from '../../lib/preferences';
import { useAssessmentClock, usePeriod } from '../../lib/use-period';
import { useDepartments } from '../../lib/use-departments';
import { ExportButtons } from '../../components/export-buttons';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';

/** The period's reports to download, and every report exported before. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { period } = usePeriod();
  const { timeZone } = useAssessmentClock();
  const { nameOf } = useDepartments();
  const user = useCurrentUser();
  const status = useQuery(periodStatusQuery(period));
  const history = useQuery(reportHistoryQuery);

  const columns: TableColumnsType<ReportHistoryEntry> = [
    { key: 'createdAt', title: t('reports.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatInstant(v, timeZone) },
    { key: 'period', title: t('common.period'), dataIndex: 'period', width: 140, render: (p: string) => periodLabel(p, language) },
    { key: 'format', title: t('reports.formatColumn'), dataIndex: 'format', width: 80, render: (f: string) => <Tag>{f.toUpperCase()}</Tag> },
    {
      key: 'dept',
      title: t('common.department'),
      render: (_: unknown, e) => (e.dept ? nameOf(e.dept) : e.format === 'zip' ? t('firstUse.reports.allDepartments') : t('reports.wholeCity')),
    },
    {
      key: 'file',
      title: t('reports.file'),
      ellipsis: true,
      render: (_: unknown, e) => (
        <a href={keptReportUrl(e.id)} download title={e.fileName} data-testid="kept-report" data-format={e.format}>
          {e.fileName}
        </a>
      ),
    },
    { key: 'bytes', title: t('reports.size'), dataIndex: 'bytes', width: 90, align: 'right', render: (b: number) => formatBytes(b) },
    { key: 'by', title: t('reports.createdBy'), dataIndex: 'createdBy', width: 130 },
    {
      key: 'sha',
      title: 'SHA-256',
      dataIndex: 'sha256',
      width: 120,
      render: (s: string) => (
        <Typography.Text code copyable={{ text: s }} title={s}>
          {s.slice(0, 8)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <div className="page reports-page">
      <PageHeading title={t('nav.reports')} period={period} />
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <Card size="small" title={t('reports.exportTitle', { period: periodLabel(period, language) })} data-testid="report-exports">
            {status.data?.provisional ? <Alert type="warning" showIcon title={t('reports.provisionalWarning')} className="form-alert" /> : null}
            <div className="report-actions">
              <ExportButtons period={period} />
              {/* access.md: the zip of every department's report is the inspectors' (others get 403). */}
              {user.role === 'inspector' ? (
                <Button icon={<FileZipOutlined />} href={departmentsZipUrl(period)} download data-format="zip">
                  {t('reports.format.zip')}
                </Button>
              ) : null}
            </div>
            <Typography.Paragraph type="secondary" className="footnote">
              {t('reports.exportHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('reports.history')}>
            <QueryView query={history} minHeight={160} isEmpty={(d) => d.length === 0}>
              {(data) => (
                <Table<ReportHistoryEntry>
                  size="small"
                  rowKey="id"
                  columns={columns}
                  dataSource={data}
                  pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
                />
              )}
            </QueryView>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
