import { csvLine } from '../../common/export/csv';
import type { CellValue } from '../../common/export/neutralise';
import { departmentCells, findingCells, findingRows, SCORE_COLUMNS, type DepartmentColumn, type ReportModel } from './report-model';

/** Position of the completeness value in findingCells: CSV writes it with two decimals. */
const COMPLETENESS_CELL = 14;
/** Position of the finding's points lost: two decimals too. */
const POINTS_CELL = 17;

const BOM = '\uFEFF';

/** The ranking's department columns (values from departmentCells), then the record's period, state and scheme. */
const DEPARTMENT_COLUMNS: readonly DepartmentColumn[] = [
  '名次',
  '名次变化',
  '部门代码',
  '部门名称',
  '总分',
  '等级',
  '及时性',
  '完整性',
  '响应',
  '应考核窗口数',
  '按时更新窗口数',
  '记录数',
  '字段齐全记录数',
  '已办结申请数',
  '按时答复申请数',
  '办理中申请数',
  '拖延不办申请数',
  '已办结异议数',
  '按时处理异议数',
  '接口成功次数',
  '接口失败次数',
];

export const RANKING_HEADER = [...DEPARTMENT_COLUMNS, '考核期', '结果状态', '方案版本'];

const FINDING_HEADER = [
  '部门代码',
  '部门名称',
  '问题类型',
  '资源',
  '申请/异议编号',
  '申请方/提出方',
  '窗口开始',
  '窗口结束',
  '提交时间',
  '答复期限',
  '答复时间',
  '逾期工作日',
  '记录数',
  '字段齐全记录数',
  '完整率',
  '相关事件',
  '申诉',
  '扣分',
];

/**
 * The ranking with the three dimensions and the counts behind them, UTF-8
 * with a BOM so Excel opens the Chinese text correctly. A department's CSV
 * adds its findings as a second table after an empty line.
 */
export function buildCsv(model: ReportModel): Buffer {
  const state = model.published ? '已发布' : '未发布';
  const lines = [csvLine(RANKING_HEADER)];
  for (const d of model.departments) {
    const cells = departmentCells(d);
    const values = DEPARTMENT_COLUMNS.map((column): CellValue => {
      const value = cells[column];
      return SCORE_COLUMNS.has(column) && typeof value === 'number' ? value.toFixed(2) : value;
    });
    lines.push(csvLine([...values, model.period, state, model.schemeVersion]));
  }
  if (model.scope.kind === 'department') {
    lines.push('', csvLine(FINDING_HEADER));
    for (const f of findingRows(model)) {
      lines.push(
        csvLine(findingCells(f).map((cell, i) => ((i === COMPLETENESS_CELL || i === POINTS_CELL) && typeof cell === 'number' ? cell.toFixed(2) : cell))),
      );
    }
  }
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
