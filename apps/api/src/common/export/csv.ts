import { neutraliseCell, type CellValue } from './neutralise';

/** One CSV field (RFC 4180): text neutralised (neutralise.ts) and quoted when it needs to be. */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseCell(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: CellValue[]): string {
  return values.map(csvField).join(',');
}
