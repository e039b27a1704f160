import type { DepartmentTodo } from '@app/contracts';
import { Tag, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { formatInstant } from '../../lib/format';
import { NOT_ON_PHONE } from '../../lib/use-phone';

export type TodoState = 'overdue' | 'atRisk';
export type TodoItem = DepartmentTodo['overdue'][number] | DepartmentTodo['atRisk'][number];

/** One line of a to-do: the department's item with its state, overdue first. */
export interface TodoRow {
  key: string;
  dept: string;
  state: TodoState;
  item: TodoItem;
}

export function todoRows(todo: DepartmentTodo): TodoRow[] {
  const key = (state: TodoState, item: TodoItem) =>
    `${todo.dept}:${state}:${item.kind}:${item.kind === 'window' ? `${item.resource}@${item.windowStart}` : item.id}`;
  return [
    ...todo.overdue.map((item) => ({ key: key('overdue', item), dept: todo.dept, state: 'overdue' as const, item })),
    ...todo.atRisk.map((item) => ({ key: key('atRisk', item), dept: todo.dept, state: 'atRisk' as const, item })),
  ];
}

export function overdueRequestCount(todo: DepartmentTodo): number {
  return todo.overdue.filter((i) => i.kind === 'request').length;
}

const KIND_COLORS: Record<TodoItem['kind'], string> = { request: 'blue', objection: 'purple', window: 'cyan' };

/** The columns both the department's panel and the warnings page show. */
export function todoColumns(
  t: TFunction,
  timeZone: string,
  nameOf: (code: string) => string,
  resourceName: (code: string) => string,
  phone = false,
): TableColumnsType<TodoRow> {
  const at = (iso: string) => formatInstant(iso, timeZone);
  const describe = ({ state, item }: TodoRow): string => {
    if (item.kind === 'window') return t('todo.window', { resource: resourceName(item.resource), start: at(item.windowStart), end: at(item.windowEnd) });
    const params = { id: item.id, counterpart: nameOf(item.counterpart), resource: resourceName(item.resource) };
    return t(`todo.${item.kind}.${state}`, params);
  };
  return [
    {
      key: 'state',
      title: t('todo.state'),
      width: 104,
      // A phone shows the item and its days: the row's colour and the days say overdue or at risk.
      responsive: NOT_ON_PHONE,
      render: (_: unknown, r) => <Tag color={r.state === 'overdue' ? 'red' : 'orange'}>{t(`todo.states.${r.state}`)}</Tag>,
    },
    {
      key: 'kind',
      title: t('todo.kind'),
      width: 104,
      responsive: NOT_ON_PHONE,
      render: (_: unknown, r) => <Tag color={KIND_COLORS[r.item.kind]}>{t(`todo.kinds.${r.item.kind}`)}</Tag>,
    },
    { key: 'what', title: t('todo.what'), render: (_: unknown, r) => describe(r) },
    {
      key: 'deadline',
      title: t('todo.deadline'),
      width: 150,
      responsive: NOT_ON_PHONE,
      // A window's deadline (its end plus the grace) is in its description's range.
      render: (_: unknown, r) => (r.item.kind === 'window' ? '—' : at(r.item.deadline)),
    },
    {
      key: 'days',
      title: t('todo.workdays'),
      width: phone ? 88 : 160,
      align: 'right',
      render: (_: unknown, r) =>
        'workdaysOverdue' in r.item ? (
          <strong className="text-danger" data-testid="todo-workdays-overdue">
            {t('todo.overdueDays', { count: r.item.workdaysOverdue })}
          </strong>
        ) : (
          <strong className="text-warning" data-testid="todo-workdays-left">
            {t('todo.daysLeft', { count: r.item.workdaysLeft })}
          </strong>
        ),
    },
  ];
}
