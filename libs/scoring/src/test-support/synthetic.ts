// Test-only generator of a city-sized year: 100 departments, 2,000 resources
// (mostly daily) and about a million updates. Deterministic (own PRNG).
import type { AppealFact, DepartmentInfo, Frequency, ObjectionFact, RequestFact, ResourceInfo, ScoringInput, UpdateFact, ApiFact } from '../types';
import { DEFAULT_SCHEME } from '../scheme';
import { DEFAULT_TIME_ZONE } from '../time';

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
/** 2026-01-01T00:00:00+08:00 */
const YEAR_START = Date.UTC(2025, 11, 31, 16);

export function syntheticYear(options: { departments?: number; resources?: number; updates?: number; seed?: number } = {}): ScoringInput {
  const nDept = options.departments ?? 100;
  const nRes = options.resources ?? 2000;
  const target = options.updates ?? 1_000_000;
  const rand = prng(options.seed ?? 42);
  const departments: DepartmentInfo[] = Array.from({ length: nDept }, (_, i) => ({
    code: `D${String(i).padStart(3, '0')}`,
    name: `部门${i}`,
    active: true,
  }));
  const freqs: Frequency[] = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'realtime', 'on_demand'];
  const resources: ResourceInfo[] = Array.from({ length: nRes }, (_, i) => {
    const r = rand();
    const frequency = r < 0.85 ? 'daily' : freqs[1 + Math.floor(rand() * (freqs.length - 1))];
    return {
      code: `R${String(i).padStart(5, '0')}`,
      name: `资源${i}`,
      dept: departments[i % nDept].code,
      frequency,
      activeFrom: rand() < 0.05 ? '2026-03-01' : null,
      activeTo: rand() < 0.03 ? '2026-10-31' : null,
    };
  });
  const updates: UpdateFact[] = [];
  let n = 0;
  const daily = resources.filter((r) => r.frequency === 'daily' || r.frequency === 'realtime');
  // Most updates go to daily resources (a few days missed), the rest anywhere in the year.
  const rate = (0.9 * target) / (daily.length * 365);
  for (const r of daily) {
    for (let d = 0; d < 365; d++) {
      if (rand() < 0.03) continue;
      const count = Math.floor(rate) + (rand() < rate - Math.floor(rate) ? 1 : 0);
      for (let k = 0; k < count && updates.length < target; k++) {
        const records = 100 + Math.floor(rand() * 900);
        updates.push({
          id: `u${n++}`,
          dept: r.dept,
          resource: r.code,
          at: YEAR_START + d * DAY + Math.floor(rand() * DAY),
          records,
          completeRecords: records - (rand() < 0.2 ? Math.floor(rand() * 50) : 0),
        });
      }
    }
  }
  const others = resources.filter((r) => !(r.frequency === 'daily' || r.frequency === 'realtime'));
  while (updates.length < target) {
    const r = others[Math.floor(rand() * others.length)];
    const records = Math.floor(rand() * 500);
    updates.push({ id: `u${n++}`, dept: r.dept, resource: r.code, at: YEAR_START + Math.floor(rand() * 365 * DAY), records, completeRecords: records });
  }
  const requests: RequestFact[] = Array.from({ length: 20_000 }, (_, i) => {
    const r = resources[Math.floor(rand() * nRes)];
    const submittedAt = YEAR_START + Math.floor(rand() * 365 * DAY);
    const answered = rand() < 0.9;
    return {
      id: `RQ-${i}`,
      dept: r.dept,
      resource: r.code,
      requester: departments[Math.floor(rand() * nDept)].code,
      submittedAt,
      submissionEventId: `s${i}`,
      answeredAt: answered ? submittedAt + Math.floor(rand() * 20 * DAY) : null,
      answerEventId: answered ? `a${i}` : null,
      decision: answered ? (rand() < 0.2 ? 'rejected' : 'approved') : null,
    };
  });
  const objections: ObjectionFact[] = Array.from({ length: 5_000 }, (_, i) => {
    const r = resources[Math.floor(rand() * nRes)];
    const raisedAt = YEAR_START + Math.floor(rand() * 365 * DAY);
    const resolved = rand() < 0.9;
    return {
      id: `OB-${i}`,
      dept: r.dept,
      resource: r.code,
      raisedBy: departments[Math.floor(rand() * nDept)].code,
      raisedAt,
      raiseEventId: `o${i}`,
      resolvedAt: resolved ? raisedAt + Math.floor(rand() * 10 * DAY) : null,
      resolveEventId: resolved ? `or${i}` : null,
    };
  });
  const api: ApiFact[] = departments.map((d) => ({
    dept: d.code,
    byStatusClass: [0, Math.floor(rand() * 1e6), Math.floor(rand() * 1e3), Math.floor(rand() * 1e4), Math.floor(rand() * 1e4)],
    latencyP95Ms: Math.floor(rand() * 500),
  }));
  const appeals: AppealFact[] = [];
  return {
    period: '2026',
    asOf: YEAR_START + 400 * DAY,
    timeZone: DEFAULT_TIME_ZONE,
    scheme: DEFAULT_SCHEME,
    calendar: { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] },
    departments,
    resources,
    updates,
    requests,
    objections,
    api,
    appeals,
    previousRanks: null,
  };
}
