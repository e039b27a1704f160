/**
 * Assessment periods as the API writes them: month '2026-10', quarter '2026-Q4', year '2026'.
 * Plain string arithmetic on purpose: the scoring library's period module brings luxon, which the
 * dashboard does not need to pick a period.
 */
export type PeriodKind = 'month' | 'quarter' | 'year';

export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** Month 1-12, quarter 1-4, or 1 for a year. */
  index: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

export function parsePeriod(text: string | null | undefined): ParsedPeriod | null {
  if (!text) return null;
  let m = MONTH.exec(text);
  if (m) return { kind: 'month', year: Number(m[1]), index: Number(m[2]) };
  m = QUARTER.exec(text);
  if (m) return { kind: 'quarter', year: Number(m[1]), index: Number(m[2]) };
  m = YEAR.exec(text);
  if (m && Number(m[1]) >= 1) return { kind: 'year', year: Number(m[1]), index: 1 };
  return null;
}

export function formatPeriod(p: ParsedPeriod): string {
  const y = String(p.year).padStart(4, '0');
  if (p.kind === 'month') return `${y}-${String(p.index).padStart(2, '0')}`;
  if (p.kind === 'quarter') return `${y}-Q${p.index}`;
  return y;
}

export function periodKind(text: string): PeriodKind {
  return parsePeriod(text)?.kind ?? 'month';
}

const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, year: 1 };

/** The period `n` steps after (negative: before) `p`, of the same kind. */
export function shiftPeriod(period: string, n: number): string {
  const p = parsePeriod(period);
  if (!p) return period;
  if (p.kind === 'year') return formatPeriod({ ...p, year: p.year + n });
  const per = PER_YEAR[p.kind];
  const ordinal = p.year * per + (p.index - 1) + n;
  return formatPeriod({ kind: p.kind, year: Math.floor(ordinal / per), index: (ordinal % per) + 1 });
}

/** `count` periods ending with `last`, oldest first. */
export function periodsEndingAt(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
}

/** The period of `kind` that contains (or, for a longer one, ends) the given period. */
export function convertPeriod(period: string, kind: PeriodKind): string {
  const p = parsePeriod(period);
  if (!p || p.kind === kind) return period;
  const firstMonth = p.kind === 'month' ? p.index : p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : 1;
  const lastMonth = p.kind === 'month' ? p.index : p.kind === 'quarter' ? p.index * 3 : 12;
  if (kind === 'year') return formatPeriod({ kind, year: p.year, index: 1 });
  if (kind === 'quarter') return formatPeriod({ kind, year: p.year, index: Math.ceil(firstMonth / 3) });
  return formatPeriod({ kind, year: p.year, index: lastMonth });
}

/** The month the wall clock shows in the assessment time zone. */
export function currentMonth(now: Date, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit' }).formatToParts(now);
  }
  const year = parts.find((x) => x.type === 'year')?.value ?? String(now.getFullYear());
  const month = parts.find((x) => x.type === 'month')?.value ?? String(now.getMonth() + 1).padStart(2, '0');
  return `${year}-${month}`;
}

/** The default view: the last month that has ended in the assessment time zone. */
export function lastCompleteMonth(now: Date, timeZone: string): string {
  return shiftPeriod(currentMonth(now, timeZone), -1);
}

/** Whether `period` has started by the current month (the picker offers no future periods). */
export function isPeriodStarted(period: string, current: string): boolean {
  const p = parsePeriod(period);
  if (!p) return false;
  return convertPeriod(current, p.kind) >= period;
}

/** Choices for the picker, newest first: from the period containing `current` back `count` periods. */
export function periodChoices(kind: PeriodKind, current: string, count: number): string[] {
  return periodsEndingAt(convertPeriod(current, kind), count).reverse();
}

export type Lang = 'zh-CN' | 'en';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026年10月' / 'Oct 2026', '2026年第4季度' / 'Q4 2026', '2026年' / '2026'. */
export function periodLabel(period: string, language: Lang): string {
  const p = parsePeriod(period);
  if (!p) return period;
  if (language === 'zh-CN') {
    if (p.kind === 'month') return `${p.year}年${p.index}月`;
    if (p.kind === 'quarter') return `${p.year}年第${p.index}季度`;
    return `${p.year}年`;
  }
  if (p.kind === 'month') return `${EN_MONTHS[p.index - 1]} ${p.year}`;
  if (p.kind === 'quarter') return `Q${p.index} ${p.year}`;
  return String(p.year);
}

/** Compact axis labels for a run of periods: the year only where it changes (and on the first). */
export function periodAxisLabels(periods: readonly string[], language: Lang): string[] {
  return periods.map((period, i) => {
    const p = parsePeriod(period);
    if (!p || p.kind === 'year') return period;
    const showYear = i === 0 || parsePeriod(periods[i - 1])?.year !== p.year;
    if (language === 'zh-CN') {
      const body = p.kind === 'month' ? `${p.index}月` : `Q${p.index}`;
      return showYear ? `${String(p.year).slice(2)}年${body}` : body;
    }
    const body = p.kind === 'month' ? EN_MONTHS[p.index - 1] : `Q${p.index}`;
    return showYear ? `${body} ${p.year}` : body;
  });
}

/** How many periods of history the trend charts show for each kind. */
export const TREND_LENGTH: Record<PeriodKind, number> = { month: 12, quarter: 8, year: 5 };
