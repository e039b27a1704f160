import type { TodoItemKind, TodoState } from '@app/contracts';
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { catalogQuery } from '../../api/score-queries';
import { allTodoQuery, todoXlsxUrl } from '../../api/todo-api';
import { ownDepartmentPath } from '../../lib/access';
import { formatInstant } from '../../lib/format';
import { useAssessmentClock, usePeriodLink } from '../../lib/use-period';
import { useDepartments } from '../../lib/use-departments';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { EventsTable } from '../department-detail/events-table';
import { todoColumns, todoRows, type TodoRow } from '../department-detail/todo-items';
import { CasesSection } from './cases-section';

const KINDS: readonly TodoItemKind[] = ['request', 'objection', 'window'];
const STATES: readonly TodoState[] = ['overdue', 'atRisk'];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** 预警: every department's to-do for leaders and inspectors, filterable by department, kind and state, exportable to XLSX. */
export function WarningsPage() {
  const { t } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const { nameOf } = useDepartments();
  const link = usePeriodLink();
  const todo = useQuery(allTodoQuery());
  const catalog = useQuery(catalogQuery(''));
  // The filters live in the URL, so the overview's card can open the page filtered and a view can be shared.
  const [search, setSearch] = useSearchParams();
  const dept = search.get('dept') ?? undefined;
  const kind = pick(search.get('kind'), KINDS);
  const state = pick(search.get('state'), STATES);
  const setFilter = (name: 'dept' | 'kind' | 'state', value: string | undefined) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const resourceName = useMemo(() => {
    const names = new Map((catalog.data ?? []).map((r) => [r.code, r.name]));
    return (resource: string) => (names.has(resource) ? `${names.get(resource)}（${resource}）` : resource);
  }, [catalog.data]);

  const allRows = useMemo(() => (todo.data ?? []).flatMap(todoRows), [todo.data]);
  const rows = useMemo(
    () => allRows.filter((r) => (!dept || r.dept === dept) && (!kind || r.item.kind === kind) && (!state || r.state === state)),
    [allRows, dept, kind, state],
  );

  const columns: TableColumnsType<TodoRow> = [
    {
      key: 'dept',
      title: t('todo.department'),
      width: 200,
      render: (_: unknown, r) => <Link to={link(ownDepartmentPath(r.dept))}>{nameOf(r.dept)}</Link>,
    },
    ...todoColumns(t, timeZone, (c) => nameOf(c), resourceName),
  ];

  const departmentOptions = useMemo(() => (todo.data ?? []).map((d) => ({ value: d.dept, label: `${nameOf(d.dept)}（${d.dept}）` })), [todo.data, nameOf]);
  const overdue = rows.filter((r) => r.state === 'overdue').length;

  return (
    <div className="page warnings-page" data-testid="warnings-page">
      <PageHeading
        title={t('todo.warningsTitle')}
        extra={
          <Button icon={<FileExcelOutlined />} href={todoXlsxUrl({ dept, kind, state })} download data-testid="warnings-export">
            {t('todo.exportXlsx')}
          </Button>
        }
      >
        {todo.data && todo.data[0] ? <span className="muted">{t('todo.asOf', { time: formatInstant(todo.data[0].asOf, timeZone) })}</span> : null}
      </PageHeading>
      <Space wrap className="warnings-filters">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('todo.allDepartments')}
          value={dept}
          onChange={(v?: string) => setFilter('dept', v)}
          options={departmentOptions}
          data-testid="warnings-filter-dept"
          aria-label={t('todo.department')}
        />
        <Select
          allowClear
          placeholder={t('todo.allKinds')}
          value={kind}
          onChange={(v?: string) => setFilter('kind', v)}
          options={KINDS.map((k) => ({ value: k, label: t(`todo.kinds.${k}`) }))}
          data-testid="warnings-filter-kind"
          aria-label={t('todo.kind')}
        />
        <Select
          allowClear
          placeholder={t('todo.allStates')}
          value={state}
          onChange={(v?: string) => setFilter('state', v)}
          options={STATES.map((s) => ({ value: s, label: t(`todo.states.${s}`) }))}
          data-testid="warnings-filter-state"
          aria-label={t('todo.state')}
        />
        <Tag color="red" data-testid="warnings-overdue-count" data-value={overdue} data-as-of={todo.data?.[0]?.asOf}>
          {t('todo.overdueItems', { count: overdue })}
        </Tag>
        <Tag color="orange" data-testid="warnings-at-risk-count" data-value={rows.length - overdue}>
          {t('todo.atRiskCount', { count: rows.length - overdue })}
        </Tag>
      </Space>
      <QueryView query={todo} minHeight={240}>
        {() => (
          <Table<TodoRow>
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: t('todo.noneFiltered') }}
            onRow={(r) =>
              ({ 'data-testid': 'warning-row', 'data-dept': r.dept, 'data-state': r.state, 'data-kind': r.item.kind }) as React.HTMLAttributes<HTMLElement>
            }
            rowClassName={(r) => (r.state === 'overdue' ? 'todo-row-overdue' : 'todo-row-at-risk')}
            expandable={{
              rowExpandable: (r) => r.item.eventIds.length > 0,
              expandedRowRender: (r) => <EventsTable code={r.dept} ids={r.item.eventIds} />,
            }}
          />
        )}
      </QueryView>
      <CasesSection dept={dept} />
    </div>
  );
}
