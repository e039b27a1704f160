// Master data as CSV text (sharing-log.md: departments.csv, catalog.csv, calendar.csv).

import type { CalendarEntry, City } from './types';

function cell(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function rows(header: string[], data: (string | null | undefined)[][]): string {
  return [header.join(','), ...data.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

export function departmentsCsv(city: City): string {
  return rows(
    ['code', 'name', 'name_en', 'category', 'active'],
    city.departments.map((d) => [d.code, d.name, d.name_en, d.category, 'true']),
  );
}

export function catalogCsv(city: City): string {
  return rows(
    ['code', 'name', 'dept', 'frequency', 'active_from', 'active_to'],
    city.resources.map((r) => [r.code, r.name, r.dept, r.frequency, r.active_from, r.active_to]),
  );
}

/** Sorted by date; with the name column when any entry has a name. */
export function calendarCsv(calendar: readonly CalendarEntry[]): string {
  const sorted = [...calendar].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const named = sorted.some((e) => e.name !== undefined);
  return rows(
    named ? ['date', 'kind', 'name'] : ['date', 'kind'],
    sorted.map((e) => (named ? [e.date, e.kind, e.name] : [e.date, e.kind])),
  );
}
