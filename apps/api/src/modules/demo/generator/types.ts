// Types of the deterministic demo / benchmark data generator. Field names of
// master data follow the CSV columns of sharing-log.md (snake_case).

import type { EventType } from '../../ingest/parsing/types';

export type Frequency = 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'on_demand';

export const FREQUENCIES: readonly Frequency[] = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'on_demand'];

/**
 * How a department behaves in the generated log:
 * - diligent: meets almost every window, near-complete data, answers on time, reliable interfaces;
 * - average: mostly on time, some gaps;
 * - laggard: misses many windows, incomplete data, slow or no answers, flaky interfaces;
 * - improving / declining: moves from laggard-like to diligent-like (or back) over the generated months;
 * - isolated: exactly one per city; shares and requests almost nothing.
 */
export type Profile = 'diligent' | 'average' | 'laggard' | 'improving' | 'declining' | 'isolated';

export const PROFILES: readonly Profile[] = ['diligent', 'average', 'laggard', 'improving', 'declining', 'isolated'];

export interface CityDepartment {
  code: string;
  name: string;
  name_en: string;
  category: string;
  profile: Profile;
}

export interface CityResource {
  code: string;
  name: string;
  dept: string;
  frequency: Frequency;
  /** YYYY-MM-DD or null (always active). */
  active_from: string | null;
  /** YYYY-MM-DD (inclusive) or null. */
  active_to: string | null;
}

export interface City {
  seed: number;
  departments: readonly CityDepartment[];
  resources: readonly CityResource[];
}

export interface GenerateCityOptions {
  seed: number;
  /** Number of departments, 3 to DEPARTMENT_DEFS.length (default 40). */
  departments?: number;
  /** Number of catalog resources, at least 2 per department (default 600). */
  resources?: number;
  /**
   * 'YYYY-MM' around which the few `active_from` dates are placed (2 to 10
   * months before it). Default '2026-12'. Pass the events' endMonth to have
   * them inside the generated range.
   */
  endMonth?: string;
  /**
   * 'YYYY-MM': every resource is given an `active_from`, this month's first
   * day unless it is published later (the demo city: its first generated
   * month, so the catalog says when each resource begins). Default: only the
   * recently published few have one.
   */
  activeFromMonth?: string;
  /**
   * Profiles fixed by department code (not 'isolated'): each such department
   * swaps profiles with one the seed gave that profile, so the city's mix of
   * profiles stays the same. The demo fixes the profile of a login department
   * so its pages have something to show.
   */
  profiles?: Readonly<Record<string, Profile>>;
}

/** One working-day calendar row (calendar.csv). */
export interface CalendarEntry {
  date: string;
  kind: 'holiday' | 'workday';
  /** The holiday the day belongs to (春节), written as the file's name column when any entry has one. */
  name?: string | null;
}

export type EventMix = 'demo' | 'benchmark';

export interface GenerateEventsOptions {
  seed: number;
  /** Last generated month, 'YYYY-MM' (inclusive). */
  endMonth: string;
  /** Number of months generated, ending with endMonth (>= 1). */
  months: number;
  /**
   * Last generated day, 'YYYY-MM-DD' in endMonth (inclusive); default the
   * month's last day. The demo city stops at today: ingest quarantines
   * events too far in the future.
   */
  lastDay?: string;
  /**
   * Approximate number of valid events. demo: interface calls fill up to it
   * (default: calls are 60% of all events); benchmark: default 1,000,000.
   */
  targetEvents?: number;
  mix?: EventMix;
  /** Working-day calendar (holidays on weekdays, adjusted workdays on weekends). */
  calendar: readonly CalendarEntry[];
  /** Number of deliberately malformed or conflicting lines mixed in (default 0). */
  badLines?: number;
  /** Default 10 (scoring.md request_sla_workdays). */
  requestSlaWorkdays?: number;
  /** Default 5 (scoring.md objection_sla_workdays). */
  objectionSlaWorkdays?: number;
  /** Prefix of event ids (default `g<seed>-`); 1-40 chars of A-Z a-z 0-9 _ -. */
  idPrefix?: string;
}

// The six event types are the contract's (sharing-log.md), declared once where events are validated.
export { EVENT_TYPES, type EventType } from '../../ingest/parsing/types';

/**
 * Deliberate bad lines. All but identicalDuplicate must be quarantined by an
 * importer; identicalDuplicate lines are duplicates (same id, same content:
 * an exact copy, the same fields re-ordered with spaces, or `at` written in
 * UTC with `Z`).
 */
export type BadLineKind = 'invalidJson' | 'unknownDepartment' | 'completeExceedsRecords' | 'impossibleDate' | 'conflictingDuplicate' | 'identicalDuplicate';

export const BAD_LINE_KINDS: readonly BadLineKind[] = [
  'invalidJson',
  'unknownDepartment',
  'completeExceedsRecords',
  'impossibleDate',
  'conflictingDuplicate',
  'identicalDuplicate',
];

export type BadLineCounts = Record<BadLineKind, number>;

/** What an importer must report for the lines (sharing-log.md: accepted + duplicates + quarantined = read). */
export interface ExpectedIngest {
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
}

/** Counts of one month's lines. */
export interface MonthStats extends ExpectedIngest {
  month: string;
}

/** Live counters of a stream; final once the stream is exhausted. */
export interface EventStats {
  /** Lines yielded, bad ones included. */
  lines: number;
  /** Valid, distinct events (= expected accepted). */
  events: number;
  byType: Record<EventType, number>;
  bad: BadLineCounts;
  /** Requests whose answer would fall after the generated range (left unanswered). */
  answersBeyondRange: number;
  months: MonthStats[];
}

/** The quantities the stream was planned with (estimates except where noted). */
export interface EventPlan {
  mix: EventMix;
  startDate: string;
  endDate: string;
  days: number;
  /** Expected number of update events from met windows. */
  windowUpdates: number;
  /** Exact numbers of extra updates, requests, objections and interface calls. */
  extraUpdates: number;
  requests: number;
  objections: number;
  apiCalls: number;
  /** Factor applied to window-met probabilities (1 except in a small benchmark). */
  windowScale: number;
  /** Exact bad line counts. */
  badLines: BadLineCounts;
}

/** One generated day: its lines in file order (chronological, bad lines interleaved). */
export interface EventDay {
  date: string;
  month: string;
  lines: string[];
}

export type EventStream<T> = Generator<T, void, undefined> & {
  /** Exact counts of the deliberate bad lines, known before iterating. */
  readonly expectedBadLines: BadLineCounts;
  readonly plan: EventPlan;
  /** Live counters, complete once the stream is exhausted. */
  readonly stats: EventStats;
};
