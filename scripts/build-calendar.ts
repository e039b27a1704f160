import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildChinaCalendarCsv, CHINA_CALENDAR_CSV } from '../apps/api/src/modules/demo/china-calendar';

/**
 * Regenerates the shipped working-day calendar from the chinese-days package
 * (State Council holiday notices): `npm run build:calendar -- 2025 2027`.
 */
const [from = '2025', to = String(new Date().getFullYear() + 1)] = process.argv.slice(2);
const csv = buildChinaCalendarCsv(Number(from), Number(to));
writeFileSync(join(__dirname, '..', CHINA_CALENDAR_CSV), csv);
process.stdout.write(`${JSON.stringify({ file: CHINA_CALENDAR_CSV, rows: csv.trim().split('\n').length - 1 })}\n`);
