/** Numbers and instants as the dashboard shows them. */

export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return (Math.round(value * 100) / 100).toFixed(2);
}

export function formatNumber(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(language).format(value);
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toFixed(digits)}%`;
}

export function formatBytes(value: number | string | null | undefined): string {
  const n = typeof value === 'string' ? Number(value) : value;
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hourCycle: 'h23' };
    if (withTime) Object.assign(options, { hour: '2-digit', minute: '2-digit' });
    try {
      f = new Intl.DateTimeFormat('sv-SE', { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('sv-SE', options);
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * An instant as the assessment time zone's wall clock ('2026-10-08 09:00'), whatever the
 * browser's zone: deadlines and windows are defined in local time.
 */
export function formatInstant(iso: string | null | undefined, timeZone: string, withTime = true): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatterFor(timeZone, withTime).format(date);
}
