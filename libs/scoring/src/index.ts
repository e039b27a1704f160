export * from './types';
export { DEFAULT_TIME_ZONE, parseTimestamp, formatInstant, localDate, startOfLocalDate, isValidDate } from './time';
export {
  type Period,
  type PeriodKind,
  type PeriodBounds,
  InvalidPeriodError,
  parsePeriod,
  parsePeriodOrThrow,
  toPeriod,
  formatPeriod,
  periodBounds,
  previousPeriod,
  nextPeriod,
  comparePeriods,
  periodsBetween,
  periodContaining,
  subPeriods,
  isPeriodEnded,
} from './period';
export { type WorkingDayDeadline, isWorkingDay, addWorkingDays, workingDaysBetween, workdaysLate } from './working-days';
export {
  type SchemeIssue,
  DEFAULT_SCHEME,
  GRADES,
  GRADE_LABELS,
  MAX_SLA_WORKDAYS,
  MAX_GRACE_HOURS,
  DEFAULT_WARN_WORKDAYS,
  DEFAULT_RECTIFICATION_WORKDAYS,
  SCORE_NEUTRAL_SCHEME_PARAMS,
  schemeChangeAffectsScores,
  validateScheme,
  assertValidScheme,
  graceMs,
} from './scheme';
export { type InstantRange, updateFetchRanges } from './fetch-ranges';
export { computeScores, gradeOf, departmentFindings } from './compute-scores';
export { assessmentStartInstant, isPeriodAssessed } from './assessment-start';
export { type TodoInput, type CaseKind, type OverdueItem, type AtRiskItem, type DepartmentTodo, computeTodo, todoUpdateRange, rectificationDue } from './todo';
export { type SchemeDescription, type SchemeDescriptionSection, type DescribeLocale, describeScheme } from './describe-scheme';
export { type DimensionAverages, cityAverages, gradeDistribution, rankMovers } from './summary';
export { type RequestOutcome, requestOutcome } from './request-outcome';
export { type RequestSettlementInput, type SettledRequest, requestsSettledInPeriod } from './request-settlement';
