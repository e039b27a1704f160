import { Inject, Injectable } from '@nestjs/common';
import type { CurrentUser, DepartmentTodo, TodoExportQuery, TodoItemKind, TodoState } from '@app/contracts';
import { computeTodo, formatInstant } from '@app/scoring';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MasterDataService } from '../master-data/master-data.service';
import { loadExcel } from '../../common/export/excel';
import { neutraliseValue, type CellValue } from '../../common/export/neutralise';
import { ScoresViewService } from '../scoring/scores-view.service';
import { ScoringService } from '../scoring/scoring.service';
import { notFound } from '../../common/user-error';

export const TODO_XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const KIND_ZH: Record<TodoItemKind, string> = { request: '共享申请', objection: '数据异议', window: '更新窗口' };
const STATE_ZH: Record<TodoState, string> = { overdue: '已逾期', atRisk: '即将到期' };

/** One row of the warnings list: a department's item with its state. */
export interface TodoRow {
  dept: string;
  state: TodoState;
  item: DepartmentTodo['overdue'][number] | DepartmentTodo['atRisk'][number];
}

/** Flattens to-dos into the warnings list (overdue before at risk, per department), keeping the filters' items. */
export function todoRows(todos: readonly DepartmentTodo[], filter: { dept?: string; kind?: TodoItemKind; state?: TodoState } = {}): TodoRow[] {
  const rows: TodoRow[] = [];
  for (const t of todos) {
    if (filter.dept !== undefined && t.dept !== filter.dept) continue;
    const items: TodoRow[] = [
      ...t.overdue.map((item) => ({ dept: t.dept, state: 'overdue' as const, item })),
      ...t.atRisk.map((item) => ({ dept: t.dept, state: 'atRisk' as const, item })),
    ];
    rows.push(...items.filter((r) => (filter.kind === undefined || r.item.kind === filter.kind) && (filter.state === undefined || r.state === filter.state)));
  }
  return rows;
}

/**
 * To-do and early warnings (scoring.md): the facts come from the scoring
 * service, the rule from libs/scoring; this only decides who reads what.
 */
@Injectable()
export class TodoService {
  constructor(
    private readonly scoring: ScoringService,
    private readonly view: ScoresViewService,
    private readonly masterData: MasterDataService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every active department's to-do as of an instant (default now), in code order; with `dept`, that department's only. */
  async todos(asOf: number, dept?: string): Promise<DepartmentTodo[]> {
    const todos = computeTodo(await this.scoring.todoInput(asOf));
    if (dept === undefined) return todos;
    // An inactive department has nothing to act on: its lists are empty.
    return [todos.find((t) => t.dept === dept) ?? { dept, asOf: formatInstant(asOf, this.config.ASSESSMENT_TIME_ZONE), overdue: [], atRisk: [] }];
  }

  /** A department's own to-do; another department's is 403 (audited) for a department user, an unknown one 404 for the others. */
  async department(user: CurrentUser, dept: string, asOf?: string): Promise<DepartmentTodo> {
    await this.view.assertMayRead(user, dept, 'to-do');
    const [todo] = await this.todos(this.view.parseAsOf(asOf) ?? Date.now(), dept);
    return todo;
  }

  async all(asOf?: string): Promise<DepartmentTodo[]> {
    return this.todos(this.view.parseAsOf(asOf) ?? Date.now());
  }

  /** The warnings list as an XLSX workbook; every text cell neutralised as the reports' are. */
  async workbook(query: TodoExportQuery): Promise<{ bytes: Buffer; filename: string }> {
    if (query.dept !== undefined && !(await this.masterData.departmentExists(query.dept))) throw notFound('dept.unknown', { dept: query.dept });
    const instant = this.view.parseAsOf(query.asOf) ?? Date.now();
    const [todos, departments] = await Promise.all([this.todos(instant), this.masterData.departments()]);
    const names = new Map(departments.map((d) => [d.code, d.name]));
    const asOf = formatInstant(instant, this.config.ASSESSMENT_TIME_ZONE);

    const ExcelJS = await loadExcel();
    const wb = new ExcelJS.Workbook();
    wb.creator = '政务数据共享绩效考核看板';
    wb.title = `待办与预警 ${asOf}`;
    wb.created = new Date(instant);
    const sheet = wb.addWorksheet('待办与预警');
    const columns: { header: string; width: number }[] = [
      { header: '部门代码', width: 12 },
      { header: '部门', width: 22 },
      { header: '状态', width: 10 },
      { header: '类型', width: 10 },
      { header: '编号', width: 16 },
      { header: '资源', width: 16 },
      { header: '对方部门', width: 12 },
      { header: '截止时间', width: 26 },
      { header: '逾期工作日', width: 11 },
      { header: '剩余工作日', width: 11 },
      { header: '窗口开始', width: 26 },
      { header: '窗口结束', width: 26 },
      { header: '事件', width: 30 },
    ];
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const rows = todoRows(todos, query);
    for (const { dept, state, item } of rows) {
      const cells: CellValue[] = [
        dept,
        names.get(dept) ?? dept,
        STATE_ZH[state],
        KIND_ZH[item.kind],
        item.kind === 'window' ? null : item.id,
        item.resource,
        item.kind === 'window' ? null : item.counterpart,
        item.kind === 'window' ? null : item.deadline,
        'workdaysOverdue' in item ? item.workdaysOverdue : null,
        'workdaysLeft' in item ? item.workdaysLeft : null,
        item.kind === 'window' ? item.windowStart : null,
        item.kind === 'window' ? item.windowEnd : null,
        item.eventIds.join(', '),
      ];
      sheet.addRow(cells.map((v) => neutraliseValue(v)));
    }
    if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
    const data = await wb.xlsx.writeBuffer();
    const stamp = asOf.slice(0, 16).replace(/[:T]/g, (c) => (c === 'T' ? ' ' : ''));
    return { bytes: Buffer.from(data), filename: `待办与预警 ${stamp}.xlsx` };
  }
}
