// Shared by the unit tests of apps/api/src/modules/ingest/parsing (not a test file itself).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCatalogCsv, parseDepartmentsCsv } from '../../apps/api/src/modules/master-data/parsing';
import { readEventLines, type ReadEventLinesOptions } from '../../apps/api/src/modules/ingest/parsing/read-event-lines';
import type { EventLine, EventValidationContext } from '../../apps/api/src/modules/ingest/parsing/types';
import { validateEvent } from '../../apps/api/src/modules/ingest/parsing/validate-event';

export const EXAMPLE_DIR = resolve(__dirname, '../fixtures/example');

export function exampleFile(name: string): Buffer {
  return readFileSync(resolve(EXAMPLE_DIR, name));
}

/** The example's departments and catalog as a validation context. */
export function exampleContext(): EventValidationContext {
  const departments = new Set(parseDepartmentsCsv(exampleFile('departments.csv')).rows.map((d) => d.code));
  const resources = new Map(parseCatalogCsv(exampleFile('catalog.csv')).rows.map((r) => [r.code, r.dept]));
  return { timeZone: 'Asia/Shanghai', departments: (c) => departments.has(c), resourceDept: (c) => resources.get(c) };
}

/** The bytes in chunks of `size`, as a stream would deliver them. */
export async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function collect(bytes: Buffer | AsyncIterable<Buffer>, opts: ReadEventLinesOptions): Promise<EventLine[]> {
  const lines: EventLine[] = [];
  const input = Buffer.isBuffer(bytes) ? chunked(bytes, 1 << 16) : bytes;
  for await (const line of readEventLines(input, opts)) lines.push(line);
  return lines;
}

export interface IngestOutcome {
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: { line: number; reason: string; text: string }[];
  hashes: Map<string, string>;
}

/** Ingest with storage simulated by a Map<id, contentHash>: the first valid line of an id wins. */
export async function simulateIngest(
  input: Buffer | AsyncIterable<Buffer>,
  opts: ReadEventLinesOptions,
  ctx: EventValidationContext,
  hashes = new Map<string, string>(),
): Promise<IngestOutcome> {
  const out: IngestOutcome = { read: 0, accepted: 0, duplicates: 0, quarantined: [], hashes };
  for (const l of await collect(input, opts)) {
    out.read++;
    const v = validateEvent(l.record, ctx, opts.format === 'csv' ? 'csv' : 'json');
    if (!v.ok) {
      out.quarantined.push({ line: l.line, reason: v.reason, text: l.text });
      continue;
    }
    const stored = hashes.get(v.event.id);
    if (stored === undefined) {
      hashes.set(v.event.id, v.contentHash);
      out.accepted++;
    } else if (stored === v.contentHash) {
      out.duplicates++;
    } else {
      out.quarantined.push({ line: l.line, reason: `id "${v.event.id}" already stored with different content`, text: l.text });
    }
  }
  return out;
}

/** A CSV file (header + rows) from objects, with the given column order; values written as String(v). */
export function toCsv(columns: string[], rows: Record<string, unknown>[], eol = '\n'): string {
  const cell = (v: unknown): string => {
    if (v === undefined || v === null) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join(eol) + eol;
}
