import { createReadStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { matchMessage } from '@app/contracts';
import { detectFormat } from './format';
import { readEventLines } from './read-event-lines';
import { EXAMPLE_DIR, exampleContext, exampleFile, simulateIngest, toCsv } from '../../../../../../test/unit-support/ingest-parsing';

const expectedIngest = JSON.parse(readFileSync(resolve(EXAMPLE_DIR, 'expected-ingest.json'), 'utf8'));
const expectedQuarantine = JSON.parse(readFileSync(resolve(EXAMPLE_DIR, 'expected-quarantine.json'), 'utf8'));

describe('the worked example', () => {
  it('gives expected-ingest.json counts and expected-quarantine.json lines', async () => {
    const stream = createReadStream(resolve(EXAMPLE_DIR, 'events.ndjson'), { highWaterMark: 1000 });
    const lines = [];
    for await (const l of readEventLines(stream, detectFormat('events.ndjson'))) lines.push(l);
    expect(lines).toHaveLength(127);

    const out = await simulateIngest(exampleFile('events.ndjson'), detectFormat('events.ndjson'), exampleContext());
    const { file: _file, ...counts } = expectedIngest[0];
    expect({ read: out.read, accepted: out.accepted, duplicates: out.duplicates, quarantined: out.quarantined.length }).toEqual(counts);
    expect(out.quarantined.map((q) => ({ source: 'events.ndjson', ...q }))).toEqual(
      expectedQuarantine.map((q: Record<string, unknown>) => ({ source: q.source, line: q.line, reason: q.reason, text: q.text })),
    );
    // Each reason has its code in the message catalogue, so the dashboard shows it in the user's language.
    for (const q of out.quarantined) expect(matchMessage(q.reason, 'line.'), q.reason).not.toBeNull();
  });

  it('gives the same counts gzipped, and ingesting again makes every valid line a duplicate', async () => {
    const ctx = exampleContext();
    const gz = gzipSync(exampleFile('events.ndjson'));
    const first = await simulateIngest(gz, detectFormat('events.ndjson.gz'), ctx);
    expect([first.read, first.accepted, first.duplicates, first.quarantined.length]).toEqual([127, 121, 1, 5]);
    const again = await simulateIngest(gz, { format: 'ndjson' }, ctx, first.hashes);
    expect([again.read, again.accepted, again.duplicates, again.quarantined.length]).toEqual([127, 0, 122, 5]);
  });

  it('as CSV (other column order, CRLF) gives the same events and content hashes', async () => {
    const ctx = exampleContext();
    const json = await simulateIngest(exampleFile('events.ndjson'), { format: 'ndjson' }, ctx);
    const objects = exampleFile('events.ndjson')
      .toString('utf8')
      .split('\n')
      .slice(0, 125)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const columns = ['latency_ms', 'status', 'consumer', 'raised_by', 'objection', 'reason', 'decision', 'requester', 'request'];
    columns.push('complete_records', 'records', 'resource', 'dept', 'at', 'type', 'id', 'note');
    const csv = Buffer.from(toCsv(columns, objects, '\r\n'));
    const fromCsv = await simulateIngest(csv, detectFormat('events.csv'), ctx);
    expect([fromCsv.read, fromCsv.accepted, fromCsv.duplicates]).toEqual([125, 121, 1]);
    expect(fromCsv.quarantined.map((q) => [q.line, q.reason])).toEqual([
      [124, 'unknown department "XYZ"'],
      [125, 'complete_records > records'],
      [126, 'a rejected request needs a reason'],
    ]);
    expect(fromCsv.hashes).toEqual(json.hashes);
  });
});
