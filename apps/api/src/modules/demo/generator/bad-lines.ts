// The deliberately broken lines of a log (one per bad-line kind, derived from a
// real line of the same day), which an importer must quarantine or count as duplicates.

import { hms } from './dates';
import { BAD_LINE_KINDS, type BadLineKind } from './types';
import { type Ctx, type Ev, K_UPD } from './event-plan';
import { serialize, serializeEv } from './day-buffer';

interface Original {
  ev: Ev;
  id: string;
  line: string;
  date: string;
}

export function makeBadLine(c: Ctx, kind: BadLineKind, j: number, o: Original, rng: () => number): string {
  const T = hms();
  const e = o.ev;
  const at = `${o.date}T${T[e.sec]}+08:00`;
  const freshId = `${c.prefix}x${j}`;
  const variant = Math.floor(j / BAD_LINE_KINDS.length);
  switch (kind) {
    case 'invalidJson': {
      const full = serializeEv(c, e, freshId, at);
      if (variant % 3 === 0) return full.slice(0, Math.max(12, Math.floor(full.length * 0.55)));
      if (variant % 3 === 1) return full.replace('"type":', 'type:');
      return `${full.slice(0, -1)},}`;
    }
    case 'unknownDepartment':
      return serializeEv(c, e, freshId, at).replace(`"dept":${c.deptQ[e.dept]}`, `"dept":${JSON.stringify(c.ghost)}`);
    case 'completeExceedsRecords': {
      const records = e.kind === K_UPD ? e.a : 10 + Math.floor(rng() * 1000);
      return serialize(c, K_UPD, e.dept, e.res, -1, records, records + 1 + Math.floor(rng() * 20), '', freshId, at);
    }
    case 'impossibleDate': {
      const y = o.date.slice(0, 4);
      const t = T[e.sec];
      const bad = [
        `${y}-02-30T${t}+08:00`,
        `${y}-04-31T${t}+08:00`,
        `${o.date}T25:00:00+08:00`,
        `${y}-09-31T${t}+08:00`,
        `${o.date}T23:60:00+08:00`,
        `${y}-13-01T${t}+08:00`,
      ][variant % 6];
      return serializeEv(c, e, freshId, bad);
    }
    case 'conflictingDuplicate':
      return e.kind === K_UPD
        ? serialize(c, e.kind, e.dept, e.res, e.other, e.a + 1 + Math.floor(rng() * 50), e.b, e.ref, o.id, at)
        : serialize(c, e.kind, e.dept, e.res, e.other, e.a >= 500 ? 200 : 503, e.b + 13, e.ref, o.id, at);
    case 'identicalDuplicate': {
      if (variant % 3 === 0) return o.line;
      if (variant % 3 === 1) {
        // Same content: keys in reverse order, with spaces.
        const parsed = JSON.parse(o.line) as Record<string, unknown>;
        return JSON.stringify(Object.fromEntries(Object.entries(parsed).reverse()), null, 1).replace(/\n */g, ' ');
      }
      // Same instant written in UTC.
      const utc = new Date(Date.parse(`${o.date}T00:00:00Z`) + (e.sec - 8 * 3600) * 1000);
      return o.line.replace(`"at":"${at}"`, `"at":"${utc.toISOString().slice(0, 19)}Z"`);
    }
  }
}
