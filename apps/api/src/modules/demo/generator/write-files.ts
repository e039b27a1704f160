// writeCityFiles: the generator's only I/O. Writes the master data and one
// NDJSON file per month into a directory, streaming day by day.

import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCity } from './city';
import { calendarCsv, catalogCsv, departmentsCsv } from './csv';
import { expectedIngest, openEventStream } from './events';
import type { BadLineCounts, City, EventPlan, EventStats, ExpectedIngest, GenerateCityOptions, GenerateEventsOptions } from './types';

export interface WriteCityFilesOptions extends Omit<GenerateCityOptions, 'endMonth'>, GenerateEventsOptions {
  /** Use this city instead of generating one from seed/departments/resources. */
  city?: City;
}

export interface WrittenFile {
  name: string;
  path: string;
  kind: 'departments' | 'catalog' | 'calendar' | 'events';
  /** Data rows (CSV, header excluded) or NDJSON lines. */
  lines: number;
  bytes: number;
  /** Events files: the month and what an importer must report for the file. */
  month?: string;
  expected?: ExpectedIngest;
}

export interface WriteCityFilesResult {
  dir: string;
  city: City;
  /** Master data first (departments, catalog, calendar), then events by month. */
  files: WrittenFile[];
  counts: {
    departments: number;
    resources: number;
    calendar: number;
    events: EventStats;
    badLines: BadLineCounts;
    /** Over all events files, in order. */
    expected: ExpectedIngest;
  };
  plan: EventPlan;
}

export async function writeCityFiles(dir: string, opts: WriteCityFilesOptions): Promise<WriteCityFilesResult> {
  const city =
    opts.city ??
    generateCity({
      seed: opts.seed,
      departments: opts.departments,
      resources: opts.resources,
      endMonth: opts.endMonth,
      activeFromMonth: opts.activeFromMonth,
      profiles: opts.profiles,
    });
  await mkdir(dir, { recursive: true });
  const files: WrittenFile[] = [];

  const master: [WrittenFile['kind'], string, string, number][] = [
    ['departments', 'departments.csv', departmentsCsv(city), city.departments.length],
    ['catalog', 'catalog.csv', catalogCsv(city), city.resources.length],
    ['calendar', 'calendar.csv', calendarCsv(opts.calendar), opts.calendar.length],
  ];
  for (const [kind, name, text, lines] of master) {
    const path = join(dir, name);
    await writeFile(path, text, 'utf8');
    files.push({ name, path, kind, lines, bytes: Buffer.byteLength(text, 'utf8') });
  }

  const { stream, cursor } = openEventStream(city, opts);
  const byMonth = new Map<string, WrittenFile>();
  for (const m of stream.stats.months) {
    const name = `events-${m.month}.ndjson`;
    const file: WrittenFile = { name, path: join(dir, name), kind: 'events', lines: 0, bytes: 0, month: m.month };
    byMonth.set(m.month, file);
    files.push(file);
    // Every month gets a file, even an empty one.
    await writeFile(file.path, '', 'utf8');
  }
  // Lines are gathered into ~1 MB chunks and appended to the month's file.
  let handle: FileHandle | null = null;
  let file: WrittenFile | null = null;
  let chunk: string[] = [];
  let chunkChars = 0;
  const flush = async () => {
    if (!handle || !file || chunk.length === 0) return;
    const text = chunk.join('\n') + '\n';
    await handle.write(text);
    file.lines += chunk.length;
    file.bytes += Buffer.byteLength(text, 'utf8');
    chunk = [];
    chunkChars = 0;
  };
  try {
    for (const line of stream) {
      if (!file || file.month !== cursor.month) {
        await flush();
        if (handle) await handle.close();
        file = byMonth.get(cursor.month)!;
        handle = await open(file.path, 'a');
      }
      chunk.push(line);
      chunkChars += line.length;
      if (chunkChars >= 1 << 20) await flush();
    }
    await flush();
  } finally {
    if (handle) await handle.close();
  }
  for (const m of stream.stats.months) {
    const { read, accepted, duplicates, quarantined } = m;
    byMonth.get(m.month)!.expected = { read, accepted, duplicates, quarantined };
  }

  return {
    dir,
    city,
    files,
    counts: {
      departments: city.departments.length,
      resources: city.resources.length,
      calendar: opts.calendar.length,
      events: stream.stats,
      badLines: stream.expectedBadLines,
      expected: expectedIngest(stream.stats),
    },
    plan: stream.plan,
  };
}
