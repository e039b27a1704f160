// The plan of a generated event log: department and resource profiles, the
// constants of the mix, the event record, and `prepare`, which turns a city and
// the options into everything the day loop reads (day ranges, samplers, per-day
// volumes) before the first line is produced.

import { REQUEST_LINES } from './city-data';
import { firstMonthOf, formatPeriod, periodOfMonth, shiftPeriod, type Period } from '@app/periods';
import { dayNumber, firstDayOf, formatDay, parseDate, parseMonth, weekday } from './dates';
import { AliasTable, assertSeed, rngFor } from './prng';
import {
  BAD_LINE_KINDS,
  EVENT_TYPES,
  type BadLineCounts,
  type City,
  type EventPlan,
  type EventType,
  type Frequency,
  type GenerateEventsOptions,
  type Profile,
} from './types';
import { WorkCalendar } from './workcal';

type Pair = readonly [number, number];

interface ProfileSpec {
  /** Probability that a due window is met: [first month, last month], linear in between. */
  met: Pair;
  /** How much a holiday dip (0..1) lowers the met probability. */
  dipSens: number;
  /** Completeness ratio of an incomplete update. */
  comp: Pair;
  /** Probability that an update is 100% complete. */
  full: Pair;
  /** Requests / objections: probability of an on-time answer; the rest are answered late. */
  onTime: Pair;
  /** The most working days a late answer comes after its deadline day (capped at MAX_LATE_SPAN). */
  lateSpan: Pair;
  /**
   * Probability that a late answer is left to run past the end of the month of
   * its deadline (an overdue request at the month's end puts the department on
   * the notice list); otherwise it is given by the month's last working day.
   * Clamped to 0..1, so [-0.3, 0.7] stays 0 for the first 30% of the months.
   */
  carry: Pair;
  /** Probability that an answer rejects the request. */
  reject: Pair;
  /** Interface calls: probability of a 5xx and of a 4xx status. */
  fail: Pair;
  client: Pair;
  /** Median latency in ms. */
  latency: Pair;
  /** > 1: updates early in a weekly-or-longer window; < 1: late. */
  earlyBias: number;
  /** Multiplier of the department's share of interface calls and requests. */
  activity: number;
  /** Half-width of a department's own lasting offset to `met` and `onTime` (a third of it to `comp`). */
  spread: number;
}

export const PROFILE_SPECS: Readonly<Record<Profile, ProfileSpec>> = {
  diligent: {
    met: [0.985, 0.985],
    dipSens: 0.06,
    comp: [0.996, 0.996],
    full: [0.55, 0.55],
    onTime: [0.95, 0.95],
    lateSpan: [3, 3],
    carry: [0, 0],
    reject: [0.08, 0.08],
    fail: [0.004, 0.004],
    client: [0.015, 0.015],
    latency: [90, 90],
    earlyBias: 2,
    activity: 1,
    spread: 0.01,
  },
  average: {
    met: [0.77, 0.77],
    dipSens: 0.2,
    comp: [0.91, 0.91],
    full: [0.15, 0.15],
    onTime: [0.78, 0.78],
    lateSpan: [6, 6],
    carry: [0, 0],
    reject: [0.12, 0.12],
    fail: [0.05, 0.05],
    client: [0.03, 0.03],
    latency: [180, 180],
    earlyBias: 1.2,
    activity: 1,
    spread: 0.06,
  },
  laggard: {
    met: [0.64, 0.64],
    dipSens: 0.3,
    comp: [0.78, 0.78],
    full: [0.03, 0.03],
    onTime: [0.45, 0.45],
    lateSpan: [16, 16],
    carry: [0.15, 0.15],
    reject: [0.2, 0.2],
    fail: [0.1, 0.1],
    client: [0.05, 0.05],
    latency: [450, 450],
    earlyBias: 0.6,
    activity: 0.9,
    spread: 0.06,
  },
  improving: {
    met: [0.58, 0.86],
    dipSens: 0.3,
    comp: [0.8, 0.95],
    full: [0.03, 0.3],
    onTime: [0.45, 0.88],
    lateSpan: [16, 4],
    carry: [0.3, -0.3],
    reject: [0.2, 0.1],
    fail: [0.1, 0.015],
    client: [0.05, 0.025],
    latency: [500, 150],
    earlyBias: 1,
    activity: 1,
    spread: 0.03,
  },
  declining: {
    met: [0.96, 0.62],
    dipSens: 0.3,
    comp: [0.985, 0.8],
    full: [0.35, 0.03],
    onTime: [0.92, 0.5],
    lateSpan: [4, 18],
    carry: [-0.3, 0.7],
    reject: [0.1, 0.2],
    fail: [0.012, 0.09],
    client: [0.025, 0.05],
    latency: [150, 500],
    earlyBias: 1,
    activity: 1,
    spread: 0.03,
  },
  isolated: {
    met: [0.08, 0.08],
    dipSens: 0.05,
    comp: [0.6, 0.6],
    full: [0, 0],
    onTime: [0.4, 0.4],
    lateSpan: [10, 10],
    carry: [0, 0],
    reject: [0.4, 0.4],
    fail: [0.15, 0.15],
    client: [0.06, 0.06],
    latency: [900, 900],
    earlyBias: 0.5,
    activity: 0.002,
    spread: 0,
  },
};

/** A department's behaviour in one month (profile interpolated, with per-department jitter). */
export interface DeptMonth {
  met: number;
  comp: number;
  full: number;
  onTime: number;
  lateSpan: number;
  carry: number;
  reject: number;
  fail: number;
  client: number;
  latency: number;
}

export const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
const lerp = (p: Pair, t: number) => p[0] + (p[1] - p[0]) * t;

// ---------------------------------------------------------------------------
// Constants

export const K_UPD = 0;
export const K_REQ = 1;
export const K_ANS = 2;
export const K_OBJ = 3;
export const K_RES = 4;
export const K_API = 5;
export const TYPE_OF_KIND: readonly EventType[] = EVENT_TYPES;

const FREQ_CODE: Record<Frequency, number> = { realtime: 0, daily: 1, weekly: 2, monthly: 3, quarterly: 4, yearly: 5, on_demand: 6 };
/** Scale of the holiday dip for a window of each frequency (a week is hit harder than a year). */
const WINDOW_DIP_SCALE = [1, 1, 0.6, 0.35, 0.15, 0.05, 0];
/** Log-uniform range of records per update, by frequency. */
const RECORD_RANGE: readonly Pair[] = [
  [5, 800],
  [50, 20_000],
  [200, 50_000],
  [500, 200_000],
  [100, 100_000],
  [50, 50_000],
  [10, 5_000],
];
export const ON_DEMAND_UPDATE_P = 0.02;
const RT_MULTI_MEAN = 2.5;

export const SALT = { dept: 11, res: 12, upd: 21, extra: 22, req: 23, obj: 24, api: 25, bad: 26 } as const;

const DEMO_REQ_PER_DEPT_WORKDAY = 0.4;
const DEMO_OBJ_PER_DEPT_WORKDAY = 0.03;
const DEMO_API_SHARE = 0.6;
/** Share of requests and objections between departments that are not on one of the REQUEST_LINES. */
const RANDOM_PAIR_SHARE = 0.6;
const BENCH_API_SHARE = 0.85;
const BENCH_REQ_SHARE = 0.016;
const BENCH_OBJ_SHARE = 0.004;
const ANSWER_RATE_ESTIMATE = 0.9;

export const STATUS_5XX = new AliasTable([0.35, 0.2, 0.3, 0.15]);
export const STATUS_5XX_CODES = [500, 502, 503, 504];
export const STATUS_4XX = new AliasTable([0.3, 0.15, 0.2, 0.25, 0.1]);
export const STATUS_4XX_CODES = [400, 401, 403, 404, 429];

/** With the default 10-day SLA, nothing stays open beyond 30 working days. */
const MAX_LATE_SPAN = 20;

const ID_PREFIX = /^[A-Za-z0-9_-]{1,40}$/;
const GHOST_DEPTS = ['XYZ', 'OLD-BUREAU', 'DEPT-404', 'ZZZ-UNKNOWN'];

// ---------------------------------------------------------------------------
// Event records (one shape for all kinds, so V8 keeps them monomorphic)

export interface Ev {
  sec: number;
  kind: number;
  dept: number;
  /** Resource index (updates, submissions, objections, calls), else -1. */
  res: number;
  /** requester / raised_by / consumer department index, else -1. */
  other: number;
  /** records | decision (1 = rejected) | status. */
  a: number;
  /** complete_records | reason index | latency_ms. */
  b: number;
  /** request / objection id. */
  ref: string;
}

export function ev(sec: number, kind: number, dept: number, res: number, other: number, a: number, b: number, ref: string): Ev {
  return { sec, kind, dept, res, other, a, b, ref };
}

// ---------------------------------------------------------------------------
// Planning

/** Exact counts of each bad-line kind for `badLines` lines (kinds taken in turn). */
export function planBadLines(badLines: number): BadLineCounts {
  const counts = Object.fromEntries(BAD_LINE_KINDS.map((k) => [k, 0])) as BadLineCounts;
  for (let j = 0; j < badLines; j++) counts[BAD_LINE_KINDS[j % BAD_LINE_KINDS.length]]++;
  return counts;
}

/** Integer split of `total` over days proportional to weights (cumulative rounding). */
function allocate(total: number, weights: Float64Array): Int32Array {
  const out = new Int32Array(weights.length);
  let sum = 0;
  for (const w of weights) sum += w;
  if (sum <= 0 || total <= 0) return out;
  let cum = 0;
  let prev = 0;
  for (let i = 0; i < weights.length; i++) {
    cum += weights[i];
    const cur = i === weights.length - 1 ? total : Math.round((cum / sum) * total);
    out[i] = cur - prev;
    prev = cur;
  }
  return out;
}

/** Everything the day loop reads, prepared once from the city and the options. */
export interface Ctx {
  seed: number;
  prefix: string;
  reqSla: number;
  objSla: number;
  startDay: number;
  endDay: number;
  months: string[];
  monthOf: Int16Array;
  cal: WorkCalendar;
  dip: Float64Array;
  work: Uint8Array;
  // departments
  nDepts: number;
  deptCode: string[];
  deptQ: string[];
  deptMonth: DeptMonth[][];
  earlyBias: Float64Array;
  dipSens: Float64Array;
  // resources
  resDept: Int32Array;
  resFreq: Uint8Array;
  resFrom: Float64Array;
  resTo: Float64Array;
  resQ: string[];
  resMin: Float64Array;
  resSpan: Float64Array;
  resCompOff: Float64Array;
  resMetOff: Float64Array;
  resBatch: Int32Array;
  fastRes: Int32Array;
  periodicRes: Int32Array;
  onDemandRes: Int32Array;
  // samplers
  apiDept: AliasTable | null;
  apiRes: (AliasTable | null)[];
  deptRes: Int32Array[];
  consumersOf: (AliasTable | null)[];
  consumersIdx: Int32Array[];
  anyConsumer: AliasTable;
  pairs: AliasTable;
  pairReq: Int32Array;
  pairProv: Int32Array;
  reqRes: (AliasTable | null)[];
  objRes: (AliasTable | null)[];
  extraRes: AliasTable | null;
  extraResIdx: Int32Array;
  // volumes
  windowScale: number;
  rtMultiRandom: boolean;
  nExtra: Int32Array;
  nReq: Int32Array;
  nObj: Int32Array;
  nApi: Int32Array;
  nBad: Int32Array;
  badCounts: BadLineCounts;
  ghost: string;
  plan: EventPlan;
}

function validate(city: City, opts: GenerateEventsOptions): void {
  assertSeed(opts.seed);
  if (!Number.isInteger(opts.months) || opts.months < 1 || opts.months > 240)
    throw new RangeError(`months must be an integer from 1 to 240, got ${opts.months}`);
  if (opts.targetEvents !== undefined && (!Number.isSafeInteger(opts.targetEvents) || opts.targetEvents < 0)) {
    throw new RangeError(`targetEvents must be a non-negative integer, got ${opts.targetEvents}`);
  }
  if (opts.badLines !== undefined && (!Number.isSafeInteger(opts.badLines) || opts.badLines < 0)) {
    throw new RangeError(`badLines must be a non-negative integer, got ${opts.badLines}`);
  }
  if (opts.mix !== undefined && opts.mix !== 'demo' && opts.mix !== 'benchmark')
    throw new RangeError(`mix must be 'demo' or 'benchmark', got ${String(opts.mix)}`);
  for (const [name, v] of [
    ['requestSlaWorkdays', opts.requestSlaWorkdays],
    ['objectionSlaWorkdays', opts.objectionSlaWorkdays],
  ] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > 100)) throw new RangeError(`${name} must be an integer from 1 to 100, got ${v}`);
  }
  if (opts.idPrefix !== undefined && !ID_PREFIX.test(opts.idPrefix))
    throw new RangeError(`idPrefix must be 1-40 chars of A-Z a-z 0-9 _ -, got ${JSON.stringify(opts.idPrefix)}`);
  const codes = new Set<string>();
  for (const d of city.departments) {
    if (codes.has(d.code)) throw new RangeError(`duplicate department ${d.code}`);
    codes.add(d.code);
  }
  if (codes.size < 2) throw new RangeError('the city needs at least 2 departments');
  const resCodes = new Set<string>();
  for (const r of city.resources) {
    if (!codes.has(r.dept)) throw new RangeError(`resource ${r.code}: unknown department ${r.dept}`);
    if (resCodes.has(r.code)) throw new RangeError(`duplicate resource ${r.code}`);
    resCodes.add(r.code);
  }
}

/** The last generated day: the end of `month`, or `lastDay` when it lies in it. */
function lastDayOf(month: Period, lastDay: string | undefined): number {
  const monthEnd = firstDayOf(shiftPeriod(month, 1)) - 1;
  if (lastDay === undefined) return monthEnd;
  const day = parseDate(lastDay);
  if (day === null || day < firstDayOf(month) || day > monthEnd)
    throw new RangeError(`lastDay must be a date YYYY-MM-DD in endMonth ${formatPeriod(month)}, got ${JSON.stringify(lastDay)}`);
  return day;
}

export function prepare(city: City, opts: GenerateEventsOptions): Ctx {
  validate(city, opts);
  const seed = opts.seed;
  const mix = opts.mix ?? 'demo';
  const end = parseMonth(opts.endMonth);
  const start = shiftPeriod(end, -(opts.months - 1));
  const startDay = firstDayOf(start);
  const endDay = lastDayOf(end, opts.lastDay);
  const nDays = endDay - startDay + 1;
  const months: string[] = [];
  const monthOf = new Int16Array(nDays);
  for (let m = 0; m < opts.months; m++) {
    const ym = shiftPeriod(start, m);
    months.push(formatPeriod(ym));
    const a = firstDayOf(ym) - startDay;
    const b = firstDayOf(shiftPeriod(ym, 1)) - startDay;
    monthOf.fill(m, a, b);
  }
  const cal = new WorkCalendar(opts.calendar);
  const dip = cal.dips(startDay, endDay);
  const work = new Uint8Array(nDays);
  for (let i = 0; i < nDays; i++) work[i] = cal.isWorkday(startDay + i) ? 1 : 0;

  // Departments
  const nDepts = city.departments.length;
  const deptIndex = new Map(city.departments.map((d, i) => [d.code, i]));
  const deptCode = city.departments.map((d) => d.code);
  const deptQ = deptCode.map((c) => JSON.stringify(c));
  const earlyBias = new Float64Array(nDepts);
  const dipSens = new Float64Array(nDepts);
  const activity = new Float64Array(nDepts);
  const deptMonth: DeptMonth[][] = city.departments.map((d, i) => {
    const spec = PROFILE_SPECS[d.profile] ?? PROFILE_SPECS.average;
    const r = rngFor(seed, SALT.dept, i);
    const j = (w: number) => (r() - 0.5) * 2 * w;
    const jMet = j(spec.spread);
    const jComp = j(spec.spread / 3);
    const jOn = j(spec.spread);
    const fFail = 0.7 + 0.6 * r();
    const fLat = 0.7 + 0.7 * r();
    earlyBias[i] = spec.earlyBias;
    dipSens[i] = spec.dipSens;
    activity[i] = spec.activity;
    return months.map((_, m) => {
      const t = opts.months > 1 ? m / (opts.months - 1) : 1;
      const onTime = clamp(lerp(spec.onTime, t) + jOn, 0.01, 0.99);
      return {
        met: clamp(lerp(spec.met, t) + jMet, 0.01, 0.999),
        comp: clamp(lerp(spec.comp, t) + jComp, 0.3, 1),
        full: clamp(lerp(spec.full, t), 0, 1),
        onTime,
        lateSpan: Math.round(clamp(lerp(spec.lateSpan, t), 1, MAX_LATE_SPAN)),
        carry: clamp(lerp(spec.carry, t), 0, 1),
        reject: lerp(spec.reject, t),
        fail: clamp(lerp(spec.fail, t) * fFail, 0, 0.5),
        client: lerp(spec.client, t),
        latency: lerp(spec.latency, t) * fLat,
      };
    });
  });

  // Resources
  const nRes = city.resources.length;
  const resDept = new Int32Array(nRes);
  const resFreq = new Uint8Array(nRes);
  const resFrom = new Float64Array(nRes);
  const resTo = new Float64Array(nRes);
  const resMin = new Float64Array(nRes);
  const resSpan = new Float64Array(nRes);
  const resCompOff = new Float64Array(nRes);
  const resMetOff = new Float64Array(nRes);
  const resBatch = new Int32Array(nRes);
  const resQ: string[] = [];
  const fast: number[] = [];
  const periodic: number[] = [];
  const onDemand: number[] = [];
  const deptResList: number[][] = city.departments.map(() => []);
  city.resources.forEach((res, i) => {
    const di = deptIndex.get(res.dept)!;
    const fc = FREQ_CODE[res.frequency];
    if (fc === undefined) throw new RangeError(`resource ${res.code}: invalid frequency ${String(res.frequency)}`);
    resDept[i] = di;
    resFreq[i] = fc;
    resQ.push(JSON.stringify(res.code));
    const from = res.active_from ? parseIsoDay(res.active_from, res.code) : -Infinity;
    const to = res.active_to ? parseIsoDay(res.active_to, res.code) : Infinity;
    resFrom[i] = from;
    resTo[i] = to;
    const r = rngFor(seed, SALT.res, i);
    const [lo, hi] = RECORD_RANGE[fc];
    const size = Math.exp(Math.log(lo) + r() * (Math.log(hi) - Math.log(lo)));
    resMin[i] = size * 0.6;
    resSpan[i] = size * 0.8;
    const profile = city.departments[di].profile;
    const mild = profile === 'diligent' ? 0.2 : 1;
    resCompOff[i] = r() < 0.15 ? -(0.02 + 0.13 * r()) * mild : 0;
    resMetOff[i] = r() < 0.15 ? -0.12 * r() * mild : 0;
    resBatch[i] = r() < 0.7 ? 1800 + Math.floor(r() * 21_600) : 28_800 + Math.floor(r() * 43_200);
    deptResList[di].push(i);
    if (fc <= 1) fast.push(i);
    else if (fc <= 5) periodic.push(i);
    else onDemand.push(i);
  });

  // Samplers
  const FREQ_API_W = [4, 3, 1, 1, 0.5, 0.3, 2];
  const FREQ_REQ_W = [1, 1, 1, 1.5, 1, 1, 3];
  const FREQ_OBJ_W = [3, 3, 1.5, 1, 1, 1, 0.5];
  const deptRes = deptResList.map((l) => Int32Array.from(l));
  const tableOf = (l: number[], w: readonly number[]) => (l.length > 0 ? new AliasTable(l.map((i) => w[resFreq[i]])) : null);
  const apiRes = deptResList.map((l) => tableOf(l, FREQ_API_W));
  const reqRes = deptResList.map((l) => tableOf(l, FREQ_REQ_W));
  const objRes = deptResList.map((l) => tableOf(l, FREQ_OBJ_W));
  const apiWeights = deptResList.map((l, i) => {
    if (l.length === 0) return 0;
    const nFast = l.filter((r) => resFreq[r] <= 1).length;
    return (1 + nFast + 0.2 * l.length) * activity[i];
  });
  const apiDept = apiWeights.some((w) => w > 0) ? new AliasTable(apiWeights) : null;
  const anyConsumer = new AliasTable(Array.from(activity, (a) => Math.min(1, a)));

  // Who asks whom: the lines of REQUEST_LINES, plus RANDOM_PAIR_SHARE of random pairs.
  const edge = new Map<string, number>();
  for (const [q, p, w] of REQUEST_LINES) if (deptIndex.has(q) && deptIndex.has(p)) edge.set(`${q}>${p}`, w);
  let edgeSum = 0;
  for (const w of edge.values()) edgeSum += w;
  const nPairs = nDepts * (nDepts - 1);
  const others = nPairs - edge.size;
  const base = edgeSum > 0 && others > 0 ? ((RANDOM_PAIR_SHARE / (1 - RANDOM_PAIR_SHARE)) * edgeSum) / others : 1;
  const pairReq = new Int32Array(nPairs);
  const pairProv = new Int32Array(nPairs);
  const pairW: number[] = [];
  const consumerW: number[][] = city.departments.map(() => []);
  const consumerIdx: number[][] = city.departments.map(() => []);
  let k = 0;
  for (let q = 0; q < nDepts; q++) {
    for (let p = 0; p < nDepts; p++) {
      if (p === q) continue;
      const e = edge.get(`${deptCode[q]}>${deptCode[p]}`);
      pairReq[k] = q;
      pairProv[k] = p;
      const act = Math.min(1, activity[q]) * Math.min(1, activity[p]) * (deptResList[p].length > 0 ? 1 : 0);
      pairW.push((e ?? base) * act);
      if (e !== undefined && act > 0) {
        consumerW[p].push(e * act);
        consumerIdx[p].push(q);
      }
      k++;
    }
  }
  if (!pairW.some((w) => w > 0)) throw new RangeError('no department pair can exchange requests');
  const pairs = new AliasTable(pairW);
  const consumersOf = consumerW.map((w) => (w.length > 0 ? new AliasTable(w) : null));
  const consumersIdx = consumerIdx.map((l) => Int32Array.from(l));

  // Expected updates from windows (same probabilities as generation).
  let eDaily = 0;
  let eRt = 0;
  let eOther = 0;
  for (let d = startDay; d <= endDay; d++) {
    const off = d - startDay;
    const mi = monthOf[off];
    for (const r of fast) {
      if (!(resFrom[r] <= d && resTo[r] >= d)) continue;
      const p = metP(deptMonth, dipSens, resDept, resMetOff, r, mi, dip[off]);
      if (resFreq[r] === 0) eRt += p;
      else eDaily += p;
    }
    for (const r of periodic) {
      const w = windowStarting(resFreq[r], d, startDay, endDay);
      if (!w || !(resFrom[r] <= w.ws && resTo[r] >= w.we - 1)) continue;
      eOther += metP(deptMonth, dipSens, resDept, resMetOff, r, monthOf[w.ce - 1 - startDay], windowDip(dip, w.cs - startDay, w.ce - startDay, resFreq[r]));
    }
    if (work[off]) eOther += onDemand.length * ON_DEMAND_UPDATE_P;
  }

  let workdays = 0;
  for (const w of work) workdays += w;
  const activeDepts = Array.from(activity).filter((a) => a >= 0.5).length;
  let requests: number;
  let objections: number;
  let apiCalls: number;
  let extraUpdates = 0;
  let windowScale = 1;
  let rtMultiRandom = true;
  let windowUpdates = eDaily + RT_MULTI_MEAN * eRt + eOther;
  if (mix === 'demo') {
    requests = Math.round(DEMO_REQ_PER_DEPT_WORKDAY * activeDepts * workdays);
    objections = Math.round(DEMO_OBJ_PER_DEPT_WORKDAY * activeDepts * workdays);
    const nonApi = windowUpdates + (requests + objections) * (1 + ANSWER_RATE_ESTIMATE);
    apiCalls =
      opts.targetEvents !== undefined ? Math.max(0, Math.round(opts.targetEvents - nonApi)) : Math.round((nonApi * DEMO_API_SHARE) / (1 - DEMO_API_SHARE));
  } else {
    const target = opts.targetEvents ?? 1_000_000;
    apiCalls = Math.round(target * BENCH_API_SHARE);
    requests = Math.round(target * BENCH_REQ_SHARE);
    objections = Math.round(target * BENCH_OBJ_SHARE);
    const budget = Math.max(0, target - apiCalls - (requests + objections) * (1 + ANSWER_RATE_ESTIMATE));
    if (windowUpdates <= budget) {
      extraUpdates = Math.round(budget - windowUpdates);
    } else {
      rtMultiRandom = false;
      const plain = eDaily + eRt + eOther;
      windowScale = plain > 0 ? Math.min(1, budget / plain) : 1;
      windowUpdates = plain * windowScale;
      extraUpdates = Math.max(0, Math.round(budget - windowUpdates));
    }
  }

  const wApi = new Float64Array(nDays);
  const wWork = new Float64Array(nDays);
  const wAll = new Float64Array(nDays).fill(1);
  for (let i = 0; i < nDays; i++) {
    wApi[i] = (work[i] ? 1 : 0.3) * (1 - 0.4 * dip[i]);
    wWork[i] = work[i];
  }
  if (!wWork.some((w) => w > 0)) wWork.fill(1);
  const badLines = opts.badLines ?? 0;
  const badCounts = planBadLines(badLines);

  // Extra updates (benchmark): realtime/daily resources, weighted by department activity.
  const extraPool = fast.length > 0 ? fast : city.resources.map((_, i) => i);
  const extraW = extraPool.map((r) => activity[resDept[r]] * (resFreq[r] === 0 ? 3 : 1));
  const extraRes = extraUpdates > 0 && extraW.some((w) => w > 0) ? new AliasTable(extraW) : null;
  if (!extraRes) extraUpdates = 0;
  if (!apiDept) apiCalls = 0;

  const ghost = GHOST_DEPTS.find((g) => !deptIndex.has(g)) ?? `X${deptCode.join('').length}-UNKNOWN`;
  const plan: EventPlan = {
    mix,
    startDate: formatDay(startDay),
    endDate: formatDay(endDay),
    days: nDays,
    windowUpdates: Math.round(windowUpdates),
    extraUpdates,
    requests,
    objections,
    apiCalls,
    windowScale,
    badLines: { ...badCounts },
  };

  return {
    seed,
    prefix: opts.idPrefix ?? `g${seed}-`,
    reqSla: opts.requestSlaWorkdays ?? 10,
    objSla: opts.objectionSlaWorkdays ?? 5,
    startDay,
    endDay,
    months,
    monthOf,
    cal,
    dip,
    work,
    nDepts,
    deptCode,
    deptQ,
    deptMonth,
    earlyBias,
    dipSens,
    resDept,
    resFreq,
    resFrom,
    resTo,
    resQ,
    resMin,
    resSpan,
    resCompOff,
    resMetOff,
    resBatch,
    fastRes: Int32Array.from(fast),
    periodicRes: Int32Array.from(periodic),
    onDemandRes: Int32Array.from(onDemand),
    apiDept,
    apiRes,
    deptRes,
    consumersOf,
    consumersIdx,
    anyConsumer,
    pairs,
    pairReq,
    pairProv,
    reqRes,
    objRes,
    extraRes,
    extraResIdx: Int32Array.from(extraPool),
    windowScale,
    rtMultiRandom,
    nExtra: allocate(extraUpdates, wAll),
    nReq: allocate(requests, wWork),
    nObj: allocate(objections, wWork),
    nApi: allocate(apiCalls, wApi),
    nBad: allocate(badLines, wAll),
    badCounts,
    ghost,
    plan,
  };
}

function parseIsoDay(text: string, code: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`resource ${code}: invalid date ${JSON.stringify(text)}`);
  return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function metP(
  deptMonth: DeptMonth[][],
  dipSens: Float64Array,
  resDept: Int32Array,
  resMetOff: Float64Array,
  r: number,
  mi: number,
  dip: number,
): number {
  const d = resDept[r];
  return clamp(deptMonth[d][mi].met + resMetOff[r] - dip * dipSens[d], 0.01, 0.999);
}

export function windowDip(dip: Float64Array, from: number, to: number, freq: number): number {
  let m = 0;
  for (let i = from; i < to; i++) if (dip[i] > m) m = dip[i];
  return m * WINDOW_DIP_SCALE[freq];
}

interface Window {
  /** Window start and end (exclusive), and the part inside the generated range. */
  ws: number;
  we: number;
  cs: number;
  ce: number;
}

/** The window of a weekly-or-longer frequency that starts on `day` (or is open on the first generated day). */
export function windowStarting(freq: number, day: number, startDay: number, endDay: number): Window | null {
  let ws: number;
  let we: number;
  if (freq === 2) {
    ws = day - ((weekday(day) + 6) % 7);
    we = ws + 7;
  } else {
    const dt = new Date(day * 86_400_000);
    const y = dt.getUTCFullYear();
    const m = dt.getUTCMonth() + 1;
    if (freq === 3) {
      ws = dayNumber(y, m, 1);
      we = dayNumber(y, m + 1, 1);
    } else if (freq === 4) {
      const q = firstMonthOf(periodOfMonth('quarter', y, m));
      ws = dayNumber(y, q, 1);
      we = dayNumber(y, q + 3, 1);
    } else {
      ws = dayNumber(y, 1, 1);
      we = dayNumber(y + 1, 1, 1);
    }
  }
  if (ws !== day && day !== startDay) return null;
  return { ws, we, cs: Math.max(ws, startDay), ce: Math.min(we, endDay + 1) };
}
