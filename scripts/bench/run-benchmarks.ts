import { benchApi } from './api.bench';
import { benchEngine } from './engine.bench';
import { benchHostile } from './hostile.bench';
import { benchIngest } from './ingest.bench';
import { benchRuntime } from './runtime.bench';
import { benchScoring } from './scoring.bench';
import { benchWeb } from './web.bench';
import { log, print } from './bench-support';

/**
 * `npm run bench`: every benchmark prints one JSON line of figures.
 * BENCH_ONLY=engine,ingest,scoring,api,web,hostile,runtime selects; sizes come from the
 * environment (see README), defaults are the issues' figures.
 */
async function main(): Promise<void> {
  const only = new Set((process.env.BENCH_ONLY ?? 'engine,ingest,scoring,api,web,hostile,runtime').split(','));
  const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  if (only.has('engine')) print(benchEngine());
  if (only.has('ingest')) print(await benchIngest(number('BENCH_INGEST_EVENTS', 1_000_000)));
  if (only.has('scoring')) {
    for (const size of (process.env.BENCH_SCORING_EVENTS ?? '1000000,10000000').split(',').map(Number)) print(await benchScoring(size));
  }
  if (only.has('api')) print(await benchApi());
  if (only.has('web')) print(await benchWeb());
  if (only.has('hostile')) print(await benchHostile());
  if (only.has('runtime')) print(await benchRuntime());
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
