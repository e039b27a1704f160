/**
 * Assessment periods as the API writes them: month '2026-10', quarter '2026-Q4', year '2026'.
 * The grammar and its arithmetic are @app/periods (no dependency); the scoring library's period
 * module brings luxon, which the dashboard does not need to pick a period.
 */
import {
  convertPeriod as convertTo,
  formatPeriod,
  parsePeriod as parseGrammar,
  periodsEndingAt as endingAt,
  shiftPeriod as shiftBy,
  type Period,
  type PeriodKind,
} from '@app/periods';

export { formatPeriod, type PeriodKind };

export type ParsedPeriod = Period;

export function parsePeriod(text: string | null | undefined): ParsedPeriod | null {
  return parseGrammar(text);
}

export function periodKind(text: string): PeriodKind {
  return parsePeriod(text)?.kind ?? 'month';
}

/** The period `n` steps after (negative: before) `p`, of the same kind. */
export function shiftPeriod(period: string, n: number): string {
  const p = parsePeriod(period);
  return p ? formatPeriod(shiftBy(p, n)) : period;
}

/** `count` periods ending with `last`, oldest first. */
export function periodsEndingAt(last: string, count: number): string[] {
  const p = parsePeriod(last);
  return p ? endingAt(p, count).map(formatPeriod) : Array.from({ length: count }, () => last);
}

/**
 * The period of `kind` that contains the given period; from a longer one, its last month, or its
 * first quarter (a year taken to quarters).
 */
export function convertPeriod(period: string, kind: PeriodKind): string {
  const p = parsePeriod(period);
  return p ? formatPeriod(convertTo(p, kind, kind === 'quarter' ? 'first' : 'last')) : period;
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
