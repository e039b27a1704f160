import type ExcelJS from 'exceljs';
import { loadExcel } from '../../../common/export/excel';
import { CsvHeaderError } from '../../ingest/parsing';
import { readCsvRecords, type RawRecord, type RawTable } from './csv-table';

const MS_PER_DAY = 86_400_000;
/** Excel's serial day of 1970-01-01 (1900 date system), and the 1904 system's offset from it. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_OFFSET_DAYS = 1_462;

/** A date cell as the importers read dates: YYYY-MM-DD, with the time only when there is one. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Whether a number format shows a date (y or d outside quoted literals), as for a formula's numeric result. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt || /general/i.test(numFmt)) return false;
  return /[yd]/i.test(numFmt.replace(/"[^"]*"|\\./g, '').replace(/\[[^\]]*\]/g, ''));
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number') {
    if (!isDateFormat(numFmt)) return String(value);
    const serial = value + (date1904 ? DATE_1904_OFFSET_DAYS : 0);
    return dateText(new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY)));
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    return typeof text === 'string' ? text : valueText(text as ExcelJS.CellValue, numFmt, date1904);
  }
  if ('result' in value) return valueText(value.result ?? null, numFmt, date1904);
  return '';
}

/**
 * The first sheet of an XLSX workbook, read like a CSV file: each non-blank row is a record
 * numbered by its row number, each cell its displayed value (a date cell as YYYY-MM-DD, a
 * formula as its result, TRUE/FALSE as true/false).
 * @throws CsvHeaderError when the bytes are no readable workbook.
 */
export async function readXlsxRecords(buf: Buffer): Promise<RawTable> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(buf).buffer);
  } catch (error) {
    throw new CsvHeaderError(`the XLSX workbook cannot be read: ${((error as Error).message || 'not a workbook').split('\n')[0].slice(0, 200)}`);
  }
  const sheet = workbook.worksheets[0];
  const records: RawRecord[] = [];
  if (!sheet) return { format: 'xlsx', records };
  const date1904 = (workbook.properties as { date1904?: boolean }).date1904 === true;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      fields[column - 1] = valueText(cell.value, cell.numFmt, date1904);
    });
    for (let i = 0; i < fields.length; i++) fields[i] ??= '';
    if (fields.some((f) => f.trim() !== '')) records.push({ line: rowNumber, fields });
  });
  return { format: 'xlsx', records };
}

const isZip = (buf: Buffer) => buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
const isOleCompound = (buf: Buffer) => buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1;

/**
 * A master-data file by its content, whatever its name: an XLSX workbook (a ZIP), else CSV
 * (UTF-8 or GB18030). An old binary .xls is refused with what to do instead.
 * @throws CsvHeaderError for an .xls or an unreadable workbook.
 */
export async function readMasterDataFile(buf: Buffer): Promise<RawTable> {
  if (isZip(buf)) return readXlsxRecords(buf);
  if (isOleCompound(buf)) throw new CsvHeaderError('old Excel (.xls) files cannot be read: save the sheet as .xlsx or CSV and import that');
  return readCsvRecords(buf);
}
