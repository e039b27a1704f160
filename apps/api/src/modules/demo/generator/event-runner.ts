// The day loop: produces the log's lines one local day at a time from the
// prepared plan, scheduling answers, resolutions and window updates ahead.

import { REJECTION_REASONS } from './city-data';
import { formatDay, hms, lastDayOfMonth } from './dates';
import { rngFor } from './prng';
import { BAD_LINE_KINDS, EVENT_TYPES, type BadLineCounts, type EventStats, type EventType } from './types';
import {
  type Ctx,
  type DeptMonth,
  type Ev,
  K_ANS,
  K_API,
  K_OBJ,
  K_REQ,
  K_RES,
  K_UPD,
  ON_DEMAND_UPDATE_P,
  SALT,
  STATUS_4XX,
  STATUS_4XX_CODES,
  STATUS_5XX,
  STATUS_5XX_CODES,
  clamp,
  ev,
  metP,
  windowDip,
  windowStarting,
} from './event-plan';
import { DayBuffer, serialize } from './day-buffer';
import { makeBadLine } from './bad-lines';

export function newStats(c: Ctx): EventStats {
  return {
    lines: 0,
    events: 0,
    byType: Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>,
    bad: Object.fromEntries(BAD_LINE_KINDS.map((k) => [k, 0])) as BadLineCounts,
    answersBeyondRange: 0,
    months: c.months.map((month) => ({ month, read: 0, accepted: 0, duplicates: 0, quarantined: 0 })),
  };
}

/** The day the stream is in: set before the day's first line is yielded. */
export interface Cursor {
  date: string;
  month: string;
}

export function* runLines(c: Ctx, stats: EventStats, cursor: Cursor): Generator<string, void, undefined> {
  const T = hms();
  const pending = new Map<number, Ev[]>();
  const buf = new DayBuffer();
  let badIndex = 0;
  let badCarry = 0;
  let reqSeq = 0;
  let objSeq = 0;
  const byType = EVENT_TYPES.map(() => 0);

  for (let d = c.startDay; d <= c.endDay; d++) {
    const off = d - c.startDay;
    const mi = c.monthOf[off];
    const date = formatDay(d);
    const ymd = date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
    buf.n = 0;
    const scheduled = pending.get(d);
    if (scheduled) {
      for (const e of scheduled) buf.pushEv(e);
      pending.delete(d);
    }
    const schedule = (day: number, e: Ev): boolean => {
      if (day > c.endDay) return false;
      if (day === d) buf.pushEv(e);
      else {
        const l = pending.get(day);
        if (l) l.push(e);
        else pending.set(day, [e]);
      }
      return true;
    };
    // records / complete_records of an update of resource r in month m.
    let records = 0;
    let complete = 0;
    const size = (r: number, rng: () => number, m: number) => {
      const dm = c.deptMonth[c.resDept[r]][m];
      records = Math.round(c.resMin[r] + c.resSpan[r] * rng());
      complete = records;
      if (rng() >= dm.full) {
        const ratio = clamp(dm.comp + c.resCompOff[r] + (rng() - 0.5) * 0.02, 0, 1);
        complete = Math.min(records, Math.floor(records * ratio));
      }
    };

    // 1. Windows: daily / realtime resources, one decision per day.
    const rU = rngFor(c.seed, SALT.upd, d);
    const dayDip = c.dip[off];
    for (let i = 0; i < c.fastRes.length; i++) {
      const r = c.fastRes[i];
      if (!(c.resFrom[r] <= d && c.resTo[r] >= d)) continue;
      const p = metP(c.deptMonth, c.dipSens, c.resDept, c.resMetOff, r, mi, dayDip) * c.windowScale;
      if (rU() >= p) continue;
      if (c.resFreq[r] === 1) {
        const sec = clamp(c.resBatch[r] + Math.round((rU() - 0.5) * 2400), 0, 86_399);
        size(r, rU, mi);
        buf.push(sec, K_UPD, c.resDept[r], r, -1, records, complete, '');
      } else {
        const n = c.rtMultiRandom ? 1 + Math.floor(rU() * 4) : 1;
        for (let k = 0; k < n; k++) {
          const sec = Math.floor(rU() * 86_400);
          size(r, rU, mi);
          buf.push(sec, K_UPD, c.resDept[r], r, -1, records, complete, '');
        }
      }
    }
    // Weekly and longer windows: decided when they open, the update scheduled on a working day inside.
    for (let i = 0; i < c.periodicRes.length; i++) {
      const r = c.periodicRes[i];
      const w = windowStarting(c.resFreq[r], d, c.startDay, c.endDay);
      if (!w || !(c.resFrom[r] <= w.ws && c.resTo[r] >= w.we - 1)) continue;
      const wm = c.monthOf[w.ce - 1 - c.startDay];
      const p =
        metP(c.deptMonth, c.dipSens, c.resDept, c.resMetOff, r, wm, windowDip(c.dip, w.cs - c.startDay, w.ce - c.startDay, c.resFreq[r])) * c.windowScale;
      if (rU() >= p) continue;
      let nWork = 0;
      for (let x = w.cs; x < w.ce; x++) nWork += c.work[x - c.startDay];
      const u = Math.pow(rU(), c.earlyBias[c.resDept[r]]);
      let day = w.cs;
      if (nWork > 0) {
        let target = Math.min(nWork - 1, Math.floor(u * nWork));
        for (let x = w.cs; x < w.ce; x++) {
          if (c.work[x - c.startDay] && target-- === 0) {
            day = x;
            break;
          }
        }
      } else day = w.cs + Math.min(w.ce - w.cs - 1, Math.floor(u * (w.ce - w.cs)));
      const sec = 32_400 + Math.floor(rU() * 30_600);
      size(r, rU, c.monthOf[day - c.startDay]);
      schedule(day, ev(sec, K_UPD, c.resDept[r], r, -1, records, complete, ''));
    }
    // On-demand resources: an occasional update on working days.
    if (c.work[off]) {
      for (let i = 0; i < c.onDemandRes.length; i++) {
        const r = c.onDemandRes[i];
        if (rU() < ON_DEMAND_UPDATE_P && c.resFrom[r] <= d && c.resTo[r] >= d) {
          const sec = 32_400 + Math.floor(rU() * 30_600);
          size(r, rU, mi);
          buf.push(sec, K_UPD, c.resDept[r], r, -1, records, complete, '');
        }
      }
    }

    // 2. Extra updates (benchmark volume).
    const nExtra = c.nExtra[off];
    if (nExtra > 0 && c.extraRes) {
      const rX = rngFor(c.seed, SALT.extra, d);
      for (let i = 0; i < nExtra; i++) {
        const r = c.extraResIdx[c.extraRes.sample(rX)];
        const sec = Math.floor(rX() * 86_400);
        size(r, rX, mi);
        buf.push(sec, K_UPD, c.resDept[r], r, -1, records, complete, '');
      }
    }

    // 3. Requests, answered on time / late / never by the provider's profile.
    const nReq = c.nReq[off];
    if (nReq > 0) {
      const rR = rngFor(c.seed, SALT.req, d);
      for (let i = 0; i < nReq; i++) {
        const pi = c.pairs.sample(rR);
        const q = c.pairReq[pi];
        const p = c.pairProv[pi];
        const res = c.deptRes[p][c.reqRes[p]!.sample(rR)];
        const sec = 30_600 + Math.floor(rR() * 32_400);
        const id = `RQ-${c.prefix}${ymd}-${++reqSeq}`;
        buf.push(sec, K_REQ, p, res, q, 0, 0, id);
        const dm = c.deptMonth[p][mi];
        const reject = rR() < dm.reject ? 1 : 0;
        const reason = Math.floor(rR() * REJECTION_REASONS.length);
        const answer = respond(c, d, sec, dm, c.reqSla, rR);
        if (!schedule(answer[0], ev(answer[1], K_ANS, p, -1, -1, reject, reason, id))) stats.answersBeyondRange++;
      }
    }

    // 4. Objections, resolved on time / late / never by the provider's profile.
    const nObj = c.nObj[off];
    if (nObj > 0) {
      const rO = rngFor(c.seed, SALT.obj, d);
      for (let i = 0; i < nObj; i++) {
        const pi = c.pairs.sample(rO);
        const q = c.pairReq[pi];
        const p = c.pairProv[pi];
        const res = c.deptRes[p][c.objRes[p]!.sample(rO)];
        const sec = 30_600 + Math.floor(rO() * 32_400);
        const id = `OB-${c.prefix}${ymd}-${++objSeq}`;
        buf.push(sec, K_OBJ, p, res, q, 0, 0, id);
        const resolved = respond(c, d, sec, c.deptMonth[p][mi], c.objSla, rO);
        schedule(resolved[0], ev(resolved[1], K_RES, p, -1, -1, 0, 0, id));
      }
    }

    // 5. Interface calls.
    const nApi = c.nApi[off];
    if (nApi > 0 && c.apiDept) {
      const rA = rngFor(c.seed, SALT.api, d);
      for (let i = 0; i < nApi; i++) {
        const p = c.apiDept.sample(rA);
        const res = c.deptRes[p][c.apiRes[p]!.sample(rA)];
        const cons = c.consumersOf[p];
        const consumer = cons && rA() < 0.6 ? c.consumersIdx[p][cons.sample(rA)] : c.anyConsumer.sample(rA);
        const dm = c.deptMonth[p][mi];
        const u = rA();
        let status: number;
        const g = (rA() + rA() + rA() - 1.5) * 2;
        let latency = dm.latency * Math.exp(0.5 * g);
        if (u < dm.fail) {
          status = STATUS_5XX_CODES[STATUS_5XX.sample(rA)];
          if (status === 504) latency = 30_000 + rA() * 5_000;
        } else if (u < dm.fail + dm.client) {
          status = STATUS_4XX_CODES[STATUS_4XX.sample(rA)];
          latency *= 0.3;
        } else {
          const s = rA();
          status = s < 0.94 ? 200 : s < 0.97 ? 204 : 304;
        }
        const sec = rA() < 0.75 ? 28_800 + Math.floor(rA() * 36_000) : Math.floor(rA() * 86_400);
        buf.push(sec, K_API, p, res, consumer, status, Math.round(latency), '');
      }
    }

    // Bad lines copy an update or a call of their day; make sure the last day has one.
    let badToday = c.nBad[off] + badCarry;
    if (d === c.endDay && badToday > 0) {
      let any = false;
      for (let i = 0; i < buf.n && !any; i++) any = buf.kind[i] === K_UPD || buf.kind[i] === K_API;
      if (!any) {
        const r = c.deptRes.findIndex((l) => l.length > 0);
        size(c.deptRes[r][0], rU, mi);
        buf.push(86_399, K_UPD, r, c.deptRes[r][0], -1, records, complete, '');
      }
    }

    buf.sort();
    const n = buf.n;
    const order = buf.order;
    const atOf = (k: number) => `${date}T${T[buf.sec[order[k]]]}+08:00`;
    const idOf = (k: number) => `${c.prefix}${ymd}-${k + 1}`;
    const lineOf = (k: number) => {
      const i = order[k];
      return serialize(c, buf.kind[i], buf.dept[i], buf.res[i], buf.other[i], buf.a[i], buf.b[i], buf.ref[i], idOf(k), atOf(k));
    };

    // Bad lines of the day, each after the line it copies.
    const ms = stats.months[mi];
    let inserts: { pos: number; line: string }[] = [];
    if (badToday > 0) {
      const candidates: number[] = [];
      for (let k = 0; k < n; k++) {
        const kind = buf.kind[order[k]];
        if (kind === K_UPD || kind === K_API) candidates.push(k);
      }
      if (candidates.length > 0) {
        const rB = rngFor(c.seed, SALT.bad, d);
        for (; badToday > 0; badToday--) {
          const j = badIndex++;
          const kind = BAD_LINE_KINDS[j % BAD_LINE_KINDS.length];
          const k = candidates[Math.floor(rB() * candidates.length)];
          const line = makeBadLine(c, kind, j, { ev: buf.toEv(order[k]), id: idOf(k), line: lineOf(k), date }, rB);
          inserts.push({ pos: k + 1 + Math.floor(rB() * (n - k)), line });
          stats.bad[kind]++;
          if (kind === 'identicalDuplicate') ms.duplicates++;
          else ms.quarantined++;
        }
        inserts = inserts.sort((x, y) => x.pos - y.pos);
      }
    }
    badCarry = badToday;

    for (let k = 0; k < n; k++) byType[buf.kind[order[k]]]++;
    const nBad = inserts.length;
    stats.events += n;
    stats.lines += n + nBad;
    ms.accepted += n;
    ms.read += n + nBad;
    for (let t = 0; t < EVENT_TYPES.length; t++) stats.byType[EVENT_TYPES[t]] = byType[t];

    cursor.date = date;
    cursor.month = c.months[mi];
    let next = 0;
    for (let k = 0; k < n; k++) {
      while (next < nBad && inserts[next].pos === k) yield inserts[next++].line;
      yield lineOf(k);
    }
    while (next < nBad) yield inserts[next++].line;
  }
}

/** When an answer / resolution arrives: [day, second], on time or late by the provider's month profile. */
function respond(c: Ctx, d: number, sec: number, dm: DeptMonth, sla: number, rng: () => number): [number, number] {
  const at = 30_600 + Math.floor(rng() * 32_400);
  if (rng() < dm.onTime) {
    if (rng() < 0.2 && sec < 61_200) return [d, Math.min(86_399, sec + 300 + Math.floor(rng() * (66_600 - sec)))];
    const k = Math.min(sla, 1 + Math.floor(rng() * rng() * sla));
    return [c.cal.nthWorkdayAfter(d, k), at];
  }
  const deadlineDay = c.cal.nthWorkdayAfter(d, sla);
  const day = c.cal.nthWorkdayAfter(deadlineDay, 1 + Math.floor(Math.pow(rng(), 1.5) * dm.lateSpan));
  if (rng() < dm.carry) return [day, at];
  // A department that minds the monthly notice list answers before the month closes, late or not.
  const monthEnd = lastDayOfMonth(deadlineDay);
  if (day <= monthEnd) return [day, at];
  return [Math.max(deadlineDay, c.cal.lastWorkdayOnOrBefore(monthEnd)), at];
}
