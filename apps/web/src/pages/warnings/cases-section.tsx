import type { RectificationCase } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { casesQuery } from '../../api/rectification-api';
import { ownDepartmentPath } from '../../lib/access';
import { formatInstant } from '../../lib/format';
import { useAssessmentClock, usePeriodLink } from '../../lib/use-period';
import { useDepartments } from '../../lib/use-departments';
import { ChartCard } from '../../components/chart-card';
import { QueryView } from '../../components/query-view';
import { CaseStateTag } from '../department-detail/rectification-panel';

/** 通报整改情况 for leaders and inspectors: every case (or one department's), overdue first and in red. */
export function CasesSection({ dept, onlyOpen = false, testId = 'cases-section' }: { dept?: string; onlyOpen?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const { nameOf } = useDepartments();
  const link = usePeriodLink();
  const cases = useQuery(casesQuery({}));
  const rows = (cases.data ?? [])
    .filter((c) => (!dept || c.dept === dept) && (!onlyOpen || c.state !== 'closed'))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.period.localeCompare(a.period) || a.dept.localeCompare(b.dept));
  const overdue = rows.filter((c) => c.overdue).length;

  const columns: TableColumnsType<RectificationCase> = [
    {
      key: 'dept',
      title: t('rectification.department'),
      width: 200,
      render: (_: unknown, c) => <Link to={link(ownDepartmentPath(c.dept))}>{nameOf(c.dept)}</Link>,
    },
    { key: 'period', title: t('rectification.period'), dataIndex: 'period', width: 90 },
    { key: 'state', title: t('common.status'), width: 160, render: (_: unknown, c) => <CaseStateTag c={c} /> },
    { key: 'due', title: t('rectification.due'), dataIndex: 'due', width: 110 },
    { key: 'closed', title: t('rectification.closedAt'), width: 150, render: (_: unknown, c) => (c.closedAt ? formatInstant(c.closedAt, timeZone) : '—') },
  ];

  return (
    <ChartCard
      title={t('rectification.pageTitle')}
      testId={testId}
      extra={
        <Tag color="red" data-testid="cases-overdue-count" data-value={overdue}>
          {t('rectification.overdueCount', { count: overdue })}
        </Tag>
      }
    >
      <QueryView query={cases} minHeight={80}>
        {() => (
          <Table<RectificationCase>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: t('rectification.none') }}
            rowClassName={(c) => (c.overdue ? 'todo-row-overdue overview-cases-overdue' : '')}
            onRow={(c) =>
              ({
                'data-testid': 'cases-row',
                'data-dept': c.dept,
                'data-state': c.state,
                'data-overdue': String(c.overdue),
              }) as React.HTMLAttributes<HTMLElement>
            }
          />
        )}
      </QueryView>
    </ChartCard>
  );
}
