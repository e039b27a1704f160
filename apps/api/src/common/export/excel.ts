import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: it is a large module graph that most processes (the server at
 * idle, most CLI commands) never need, so nothing imports it at start-up.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
