import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { formatPeriod, periodContaining } from '@app/scoring';
import { chinaCalendar } from '../apps/api/src/modules/demo/china-calendar';
import { writeCityFiles } from '../apps/api/src/modules/demo/generator';
import { DEMO_BAD_LINES, DEMO_MONTHS, DEMO_SEED } from '../apps/api/src/modules/demo/demo-seed.service';

const USAGE = 'usage: npm run generate -- --out DIR [--events N] [--seed S] [--months M] [--end-month YYYY-MM] [--mix demo|benchmark] [--bad-lines N]';

/** Writes the demo city's files (departments, catalog, calendar, one NDJSON file per month) for benchmarks and the inbox. */
async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string' },
        events: { type: 'string' },
        seed: { type: 'string' },
        months: { type: 'string' },
        'end-month': { type: 'string' },
        mix: { type: 'string' },
        'bad-lines': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`, { cause: error });
  }
  if (!values.out) throw new Error(`--out is required\n${USAGE}`);
  const int = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${text}"`);
    return n;
  };
  const mix = values.mix ?? 'demo';
  if (mix !== 'demo' && mix !== 'benchmark') throw new Error(`--mix must be demo or benchmark, got "${mix}"`);
  const endMonth = values['end-month'] ?? formatPeriod(periodContaining('month', Date.now(), 'Asia/Shanghai'));
  if (!/^\d{4}-\d{2}$/.test(endMonth)) throw new Error(`--end-month must look like 2026-11, got "${endMonth}"`);
  const result = await writeCityFiles(resolve(values.out), {
    seed: int('seed', values.seed, DEMO_SEED),
    endMonth,
    months: int('months', values.months, DEMO_MONTHS),
    targetEvents: int('events', values.events, 300_000),
    mix,
    calendar: chinaCalendar().entries,
    badLines: int('bad-lines', values['bad-lines'], mix === 'demo' ? DEMO_BAD_LINES : 0),
  });
  process.stdout.write(
    `${JSON.stringify({ dir: result.dir, files: result.files.map((f) => f.name), events: result.counts.events.lines, expected: result.counts.expected })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
