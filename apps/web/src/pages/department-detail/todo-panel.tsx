import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogQuery } from '../../api/score-queries';
import { casesQuery } from '../../api/rectification-api';
import { departmentTodoQuery } from '../../api/todo-api';
import { formatInstant } from '../../lib/format';
import { useAssessmentClock } from '../../lib/use-period';
import { useIsPhone } from '../../lib/use-phone';
import { useDepartments } from '../../lib/use-departments';
import { ChartCard } from '../../components/chart-card';
import { QueryView } from '../../components/query-view';
import { EventsTable } from './events-table';
import { CaseStateTag } from './rectification-panel';
import { overdueRequestCount, todoColumns, todoRows, type TodoRow } from './todo-items';

/** 待办与预警: what the department must act on now, overdue first (red), then at risk (amber), each with its events. */
export function TodoPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const { nameOf } = useDepartments();
  const todo = useQuery(departmentTodoQuery(code));
  const catalog = useQuery(catalogQuery(code));
  // A rectification case not yet closed is on the department's to-do too (issue 15).
  const cases = useQuery(casesQuery({ dept: code }));
  const openCases = (cases.data ?? []).filter((c) => c.state !== 'closed');
  const resourceName = useMemo(() => {
    const names = new Map((catalog.data ?? []).map((r) => [r.code, r.name]));
    return (resource: string) => (names.has(resource) ? `${names.get(resource)}（${resource}）` : resource);
  }, [catalog.data]);
  const phone = useIsPhone();
  const columns = useMemo(() => todoColumns(t, timeZone, (c) => nameOf(c), resourceName, phone), [t, timeZone, nameOf, resourceName, phone]);

  const counts = todo.data ? (
    <Space size={4} wrap>
      <Tag color="red" data-testid="todo-overdue-requests" data-value={overdueRequestCount(todo.data)} data-as-of={todo.data.asOf}>
        {t('todo.overdueRequests', { count: overdueRequestCount(todo.data) })}
      </Tag>
      <Tag color="red" data-testid="todo-overdue-objections">
        {t('todo.overdueObjections', { count: todo.data.overdue.length - overdueRequestCount(todo.data) })}
      </Tag>
      <Tag color="orange" data-testid="todo-at-risk" data-value={todo.data.atRisk.length}>
        {t('todo.atRiskCount', { count: todo.data.atRisk.length })}
      </Tag>
      <Typography.Text type="secondary">{t('todo.asOf', { time: formatInstant(todo.data.asOf, timeZone) })}</Typography.Text>
    </Space>
  ) : null;

  return (
    <ChartCard title={t('todo.title')} testId="todo-panel" className="todo-panel" extra={counts}>
      {openCases.length > 0 ? (
        <ul className="todo-cases">
          {openCases.map((c) => (
            <li
              key={c.id}
              data-testid="todo-case"
              data-state={c.state}
              data-overdue={String(c.overdue)}
              className={c.overdue ? 'todo-case-overdue' : undefined}
            >
              <CaseStateTag c={c} /> {t('rectification.todoLine', { period: c.period, state: t(`rectification.states.${c.state}`), due: c.due })}
            </li>
          ))}
        </ul>
      ) : null}
      <QueryView query={todo} minHeight={80} isEmpty={(d) => d.overdue.length + d.atRisk.length === 0} empty={<p className="list-empty">{t('todo.none')}</p>}>
        {(data) => {
          const rows = todoRows(data);
          return (
            <Table<TodoRow>
              size="small"
              rowKey="key"
              columns={columns}
              dataSource={rows}
              pagination={rows.length > 5 ? { pageSize: 5, showSizeChanger: false } : false}
              onRow={(r) => ({ 'data-testid': 'todo-row', 'data-state': r.state, 'data-kind': r.item.kind }) as React.HTMLAttributes<HTMLElement>}
              rowClassName={(r) => (r.state === 'overdue' ? 'todo-row-overdue' : 'todo-row-at-risk')}
              expandable={{
                rowExpandable: (r) => r.item.eventIds.length > 0,
                expandedRowRender: (r) => <EventsTable code={r.dept} ids={r.item.eventIds} />,
              }}
            />
          );
        }}
      </QueryView>
    </ChartCard>
  );
}
