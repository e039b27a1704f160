import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_CALENDAR_2025_2026 } from './calendar-cn';
import { simulateIngest } from '../../../../../../test/unit-support/generator-contract-check';
import { generateEvents } from './events';
import { writeCityFiles, type WriteCityFilesResult } from './write-files';

describe('writeCityFiles', () => {
  let dir: string;
  let result: WriteCityFilesResult;
  const opts = { seed: 99, departments: 12, resources: 90, endMonth: '2026-03', months: 3, calendar: CN_CALENDAR_2025_2026, badLines: 18 };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'city-files-'));
    result = await writeCityFiles(dir, opts);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the master data and one events file per month', async () => {
    expect((await readdir(dir)).sort()).toEqual([
      'calendar.csv',
      'catalog.csv',
      'departments.csv',
      'events-2026-01.ndjson',
      'events-2026-02.ndjson',
      'events-2026-03.ndjson',
    ]);
    expect(result.files.map((f) => f.name)).toEqual([
      'departments.csv',
      'catalog.csv',
      'calendar.csv',
      'events-2026-01.ndjson',
      'events-2026-02.ndjson',
      'events-2026-03.ndjson',
    ]);
    const deps = (await readFile(join(dir, 'departments.csv'), 'utf8')).trimEnd().split('\n');
    expect(deps).toHaveLength(13);
    expect(result.counts.departments).toBe(12);
    const catalog = (await readFile(join(dir, 'catalog.csv'), 'utf8')).trimEnd().split('\n');
    expect(catalog).toHaveLength(91);
    expect(catalog.slice(1).map((l) => l.split(',')[0])).toEqual(result.city.resources.map((r) => r.code));
    const cal = (await readFile(join(dir, 'calendar.csv'), 'utf8')).trimEnd().split('\n');
    expect(cal[0]).toBe('date,kind');
    expect(cal).toHaveLength(CN_CALENDAR_2025_2026.length + 1);
    expect(cal).toContain('2026-02-16,holiday');
    expect(cal).toContain('2026-02-14,workday');
  });

  it('writes exactly the generated lines, each in the file of its month, with the expected ingest counts', async () => {
    const all: string[] = [];
    for (const f of result.files.filter((x) => x.kind === 'events')) {
      const text = await readFile(f.path, 'utf8');
      expect(Buffer.byteLength(text)).toBe(f.bytes);
      const lines = text.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.length).toBe(f.lines);
      const months = new Set<string>();
      const sim = simulateIngest(lines, result.city, (e) => months.add(e.atText.slice(0, 7)));
      expect({ read: sim.read, accepted: sim.accepted, duplicates: sim.duplicates, quarantined: sim.quarantined }).toEqual(f.expected);
      expect([...months]).toEqual([f.month]);
      all.push(...lines);
    }
    expect(all).toEqual([...generateEvents(result.city, opts)]);
    const sim = simulateIngest(all, result.city);
    expect({ read: sim.read, accepted: sim.accepted, duplicates: sim.duplicates, quarantined: sim.quarantined }).toEqual(result.counts.expected);
    expect(result.counts.expected.quarantined).toBe(15);
    expect(result.counts.expected.duplicates).toBe(3);
    expect(result.counts.badLines.conflictingDuplicate).toBe(3);
  });
});
