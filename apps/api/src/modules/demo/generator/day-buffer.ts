// Serialisation of events as sharing-log NDJSON lines, and the buffer holding
// one local day's events while they are sorted by second.

import { REJECTION_REASONS } from './city-data';
import { type Ctx, type Ev, K_ANS, K_OBJ, K_REQ, K_RES, K_UPD, TYPE_OF_KIND, ev } from './event-plan';

export function serialize(c: Ctx, kind: number, dept: number, res: number, other: number, a: number, b: number, ref: string, id: string, at: string): string {
  const head = `{"id":"${id}","type":"${TYPE_OF_KIND[kind]}","at":"${at}","dept":${c.deptQ[dept]}`;
  switch (kind) {
    case K_UPD:
      return `${head},"resource":${c.resQ[res]},"records":${a},"complete_records":${b}}`;
    case K_REQ:
      return `${head},"request":"${ref}","resource":${c.resQ[res]},"requester":${c.deptQ[other]}}`;
    case K_ANS:
      return a === 1
        ? `${head},"request":"${ref}","decision":"rejected","reason":${JSON.stringify(REJECTION_REASONS[b])}}`
        : `${head},"request":"${ref}","decision":"approved"}`;
    case K_OBJ:
      return `${head},"objection":"${ref}","resource":${c.resQ[res]},"raised_by":${c.deptQ[other]}}`;
    case K_RES:
      return `${head},"objection":"${ref}"}`;
    default:
      return `${head},"resource":${c.resQ[res]},"consumer":${c.deptQ[other]},"status":${a},"latency_ms":${b}}`;
  }
}

export const serializeEv = (c: Ctx, e: Ev, id: string, at: string) => serialize(c, e.kind, e.dept, e.res, e.other, e.a, e.b, e.ref, id, at);

/** One day's events in reusable typed arrays (no per-event objects on the hot path). */
export class DayBuffer {
  n = 0;
  sec = new Int32Array(1024);
  kind = new Uint8Array(1024);
  dept = new Int32Array(1024);
  res = new Int32Array(1024);
  other = new Int32Array(1024);
  a = new Float64Array(1024);
  b = new Float64Array(1024);
  ref: string[] = [];
  order = new Int32Array(1024);
  private readonly counts = new Int32Array(86_400);

  push(sec: number, kind: number, dept: number, res: number, other: number, a: number, b: number, ref: string): void {
    if (this.n === this.sec.length) this.grow();
    const i = this.n++;
    this.sec[i] = sec;
    this.kind[i] = kind;
    this.dept[i] = dept;
    this.res[i] = res;
    this.other[i] = other;
    this.a[i] = a;
    this.b[i] = b;
    this.ref[i] = ref;
  }

  pushEv(e: Ev): void {
    this.push(e.sec, e.kind, e.dept, e.res, e.other, e.a, e.b, e.ref);
  }

  toEv(i: number): Ev {
    return ev(this.sec[i], this.kind[i], this.dept[i], this.res[i], this.other[i], this.a[i], this.b[i], this.ref[i]);
  }

  /** order[k] = index of the k-th event by second (stable). */
  sort(): void {
    const n = this.n;
    const order = this.order;
    if (n < 256) {
      for (let i = 0; i < n; i++) order[i] = i;
      const sub = Array.from(order.subarray(0, n)).sort((x, y) => this.sec[x] - this.sec[y] || x - y);
      order.set(sub);
      return;
    }
    const counts = this.counts;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[this.sec[i]]++;
    let acc = 0;
    for (let s = 0; s < 86_400; s++) {
      const k = counts[s];
      counts[s] = acc;
      acc += k;
    }
    for (let i = 0; i < n; i++) order[counts[this.sec[i]]++] = i;
  }

  private grow(): void {
    const cap = this.sec.length * 2;
    const g = <A extends Int32Array | Uint8Array | Float64Array>(x: A, make: (n: number) => A): A => {
      const y = make(cap);
      y.set(x);
      return y;
    };
    this.sec = g(this.sec, (n) => new Int32Array(n));
    this.kind = g(this.kind, (n) => new Uint8Array(n));
    this.dept = g(this.dept, (n) => new Int32Array(n));
    this.res = g(this.res, (n) => new Int32Array(n));
    this.other = g(this.other, (n) => new Int32Array(n));
    this.a = g(this.a, (n) => new Float64Array(n));
    this.b = g(this.b, (n) => new Float64Array(n));
    this.order = new Int32Array(cap);
  }
}
