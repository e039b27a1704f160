// generateEvents: a deterministic, streaming event log (NDJSON lines, the
// contract of sharing-log.md) for a generated city.
//
// The stream is produced one local day at a time: the day's events are
// generated from per-day random streams (seed, day, purpose), merged with
// events scheduled earlier for that day (answers, resolutions, updates of
// weekly and longer windows), sorted by second and serialised. Memory is
// bounded by one day's events plus the open requests/windows, whatever the
// number of months or events.

import { BAD_LINE_KINDS, type City, type EventDay, type EventStats, type EventStream, type ExpectedIngest, type GenerateEventsOptions } from './types';
import { type Ctx, prepare } from './event-plan';
import { type Cursor, newStats, runLines } from './event-runner';

function withInfo<T>(gen: Generator<T, void, undefined>, c: Ctx, stats: EventStats): EventStream<T> {
  return Object.assign(gen, { expectedBadLines: { ...c.badCounts }, plan: c.plan, stats });
}

/** The lines plus the day the stream is in (for writers that split files by month). */
export function openEventStream(city: City, opts: GenerateEventsOptions): { stream: EventStream<string>; cursor: Cursor } {
  const c = prepare(city, opts);
  const stats = newStats(c);
  const cursor: Cursor = { date: '', month: '' };
  return { stream: withInfo(runLines(c, stats, cursor), c, stats), cursor };
}

/**
 * The log as NDJSON lines (no trailing newline), in chronological order,
 * streaming with bounded memory. Same seed and options: the same lines.
 */
export function generateEvents(city: City, opts: GenerateEventsOptions): EventStream<string> {
  return openEventStream(city, opts).stream;
}

/**
 * The log day by day: each item is one local day's lines (chronological,
 * with the day's bad lines interleaved); days without lines are skipped.
 */
export function generateEventDays(city: City, opts: GenerateEventsOptions): EventStream<EventDay> {
  const { stream, cursor } = openEventStream(city, opts);
  function* days(): Generator<EventDay, void, undefined> {
    let cur: EventDay | null = null;
    for (const line of stream) {
      if (!cur || cur.date !== cursor.date) {
        if (cur) yield cur;
        cur = { date: cursor.date, month: cursor.month, lines: [] };
      }
      cur.lines.push(line);
    }
    if (cur) yield cur;
  }
  return Object.assign(days(), { expectedBadLines: stream.expectedBadLines, plan: stream.plan, stats: stream.stats });
}

/** What an importer must report for a stream's lines once it is exhausted. */
export function expectedIngest(stats: EventStats): ExpectedIngest {
  const duplicates = stats.bad.identicalDuplicate;
  const quarantined = BAD_LINE_KINDS.reduce((s, k) => s + (k === 'identicalDuplicate' ? 0 : stats.bad[k]), 0);
  return { read: stats.lines, accepted: stats.lines - duplicates - quarantined, duplicates, quarantined };
}
