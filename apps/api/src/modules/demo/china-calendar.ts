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
 * calendar.csv rows from the chinese-days package: official holidays that
 * fall on a weekday are `holiday`, adjusted working days on a weekend are
 * `workday` (sharing-log.md); holidays on a weekend change nothing and are
 * left out.
 */
export function buildChinaCalendarCsv(fromYear: number, toYear: number): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const inRange = (date: string) => Number(date.slice(0, 4)) >= fromYear && Number(date.slice(0, 4)) <= toYear;
  const rows = [
    ...Object.keys(data.holidays)
      .filter((d) => inRange(d) && !isWeekend(d))
      .map((d) => `${d},holiday`),
    ...Object.keys(data.workdays)
      .filter((d) => inRange(d) && isWeekend(d))
      .map((d) => `${d},workday`),
  ].sort();
  return `date,kind\n${rows.join('\n')}\n`;
}

/** The shipped calendar file, and its entries for the generator. */
export function chinaCalendar(): { file: Buffer; entries: { date: string; kind: 'holiday' | 'workday' }[] } {
  const file = readFileSync(CHINA_CALENDAR_FILE);
  return { file, entries: parseCalendarCsv(file).rows.map((r) => ({ date: r.date, kind: r.kind })) };
}
