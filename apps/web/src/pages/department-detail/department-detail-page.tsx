import { useQuery } from '@tanstack/react-query';
import { Col, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { departmentSummaryQuery } from '../../api/score-queries';
import { useCurrentUser } from '../../lib/current-user';
import { useDepartments } from '../../lib/use-departments';
import { usePeriod } from '../../lib/use-period';
import { ErrorState } from '../../components/error-state';
import { ExportButtons } from '../../components/export-buttons';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { AppealsPanel } from './appeals-panel';
import { CountsPanel } from './counts-panel';
import { DepartmentTrendCard } from './department-trend-card';
import { DimensionsPanel } from './dimensions-panel';
import { FindingsPanel } from './findings-panel';
import { PointsLostPanel } from './points-lost-panel';
import { RectificationPanel } from './rectification-panel';
import { TodoPanel } from './todo-panel';

/** One department for one period: scores against the city, the counts, the findings and appeals. */
export function DepartmentDetailPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const user = useCurrentUser();
  const { period } = usePeriod();
  const { nameOf, categoryLabel } = useDepartments();
  const summary = useQuery(departmentSummaryQuery(code, period));
  const own = user.role === 'department' && user.dept === code;
  const name = summary.data ? nameOf(code, summary.data.department.name) : nameOf(code);
  const title = own ? t('department.myTitle', { name }) : name;
  const canExport = own || user.role === 'inspector' || user.role === 'leader';
  // Admins read no department's to-do (access.md).
  const showTodo = own || user.role === 'inspector' || user.role === 'leader';

  return (
    <div className="page department-page" data-testid="department-page" data-dept={code}>
      <PageHeading
        title={title}
        period={period}
        extra={canExport ? <ExportButtons period={period} dept={code} formats={['pdf', 'xlsx']} size="small" /> : undefined}
      >
        {summary.data ? (
          <Space size={4} className="page-tags">
            <Tag>{code}</Tag>
            {summary.data.department.category ? <Tag color="blue">{categoryLabel(summary.data.department.category)}</Tag> : null}
            {!summary.data.department.active ? <Tag color="default">{t('department.inactive')}</Tag> : null}
          </Space>
        ) : null}
      </PageHeading>
      {showTodo ? <TodoPanel code={code} /> : null}
      {showTodo ? <RectificationPanel code={code} /> : null}
      {summary.isPending ? (
        <LoadingState minHeight={320} />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={10}>
            <DimensionsPanel summary={summary.data} name={name} />
          </Col>
          <Col xs={24} xl={14}>
            <DepartmentTrendCard code={code} name={name} />
          </Col>
          <Col span={24}>
            <PointsLostPanel code={code} score={summary.data.score} />
          </Col>
          <Col span={24}>
            <CountsPanel summary={summary.data} />
          </Col>
          <Col span={24}>
            <FindingsPanel code={code} />
          </Col>
          <Col span={24}>
            <AppealsPanel code={code} />
          </Col>
        </Row>
      )}
    </div>
  );
}
