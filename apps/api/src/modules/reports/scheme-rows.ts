import type { Scheme } from '@app/scoring';

export interface SchemeRow {
  name: string;
  value: number;
  unit: string;
  note: string;
}

/** The scheme's parameters as labelled rows, for the workbook's 考核方案 sheet and the bulletin. */
export function schemeRows(scheme: Scheme): SchemeRow[] {
  return [
    { name: '方案版本', value: scheme.version, unit: '', note: '本报告得分所用的考核方案版本' },
    { name: '及时性权重', value: scheme.weights.timeliness, unit: '', note: '三个维度的权重按有数据的维度重新分摊' },
    { name: '完整性权重', value: scheme.weights.completeness, unit: '', note: '' },
    { name: '响应权重', value: scheme.weights.response, unit: '', note: '' },
    { name: '响应：申请按时答复权重', value: scheme.responseWeights.requests, unit: '', note: '响应内三项按有数据的项重新分摊' },
    { name: '响应：异议按时处理权重', value: scheme.responseWeights.objections, unit: '', note: '' },
    { name: '响应：接口调用成功率权重', value: scheme.responseWeights.api, unit: '', note: '' },
    { name: '共享申请答复时限', value: scheme.requestSlaWorkdays, unit: '工作日', note: '提交之日后第 N 个工作日结束前答复为按时' },
    { name: '数据异议处理时限', value: scheme.objectionSlaWorkdays, unit: '工作日', note: '' },
    { name: '更新宽限期', value: scheme.updateGraceHours, unit: '小时', note: '窗口结束后仍算按时更新的时长' },
    { name: '优秀（A）分数线', value: scheme.gradeThresholds.A, unit: '分', note: '总分不低于此分为优秀' },
    { name: '良好（B）分数线', value: scheme.gradeThresholds.B, unit: '分', note: '' },
    { name: '合格（C）分数线', value: scheme.gradeThresholds.C, unit: '分', note: '低于此分为不合格（D）' },
    { name: '表彰名额', value: scheme.commendTopN, unit: '名', note: '等级为优秀且排名在此名次以内、且未被通报的部门' },
  ];
}
