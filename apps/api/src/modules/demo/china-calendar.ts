import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCalendarCsv } from '../master-data/parsing';

/** The shipped calendar of China's public holidays and adjusted working days (repository path). */
export const CHINA_CALENDAR_CSV = 'apps/api/src/modules/demo/calendar-cn.csv';
const CHINA_CALENDAR_FILE = join(__dirname, 'calendar-cn.csv');

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const isWeekend = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * The Chinese name of a chinese-days entry ("Spring Festival,春节,4"), as the State Council
 * notices name the holidays: chinese-days writes 清明, 端午 and 中秋 without their 节.
 */
function holidayName(entry: string): string {
  const name = entry.split(',')[1]?.trim() ?? '';
  return name === '' || name === '元旦' || name.endsWith('节') ? name : `${name}节`;
}

/**
 * calendar.csv rows from the chinese-days package: official holidays that
 * fall on a weekday are `holiday`, adjusted working days on a weekend are
 * `workday` (sharing-log.md), each with the holiday it belongs to; holidays
 * on a weekend change nothing and are left out.
 */
export function buildChinaCalendarCsv(fromYear: number, toYear: number): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const inRange = (date: string) => Number(date.slice(0, 4)) >= fromYear && Number(date.slice(0, 4)) <= toYear;
  const rows = [
    ...Object.entries(data.holidays)
      .filter(([d]) => inRange(d) && !isWeekend(d))
      .map(([d, entry]) => `${d},holiday,${holidayName(entry)}`),
    ...Object.entries(data.workdays)
      .filter(([d]) => inRange(d) && isWeekend(d))
      .map(([d, entry]) => `${d},workday,${holidayName(entry)}`),
  ].sort();
  return `date,kind,name\n${rows.join('\n')}\n`;
}

/** The shipped calendar file, and its entries for the generator. */
export function chinaCalendar(): { file: Buffer; entries: { date: string; kind: 'holiday' | 'workday'; name: string | null }[] } {
  const file = readFileSync(CHINA_CALENDAR_FILE);
  return { file, entries: parseCalendarCsv(file).rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name ?? null })) };
}
