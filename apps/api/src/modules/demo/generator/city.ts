// generateCity: departments with profiles and a resource catalog, from a seed.

import { DEPARTMENT_DEFS, ISOLATION_CANDIDATES, type DepartmentDef } from './city-data';
import { assertSeed, rngFor } from './prng';
import { PROFILES, type City, type CityDepartment, type CityResource, type Frequency, type GenerateCityOptions, type Profile } from './types';
import { shiftPeriod } from '@app/periods';
import { parseMonth } from './dates';

const SALT_CITY = 0xc17e;

/** Beyond the municipal departments, larger (benchmark) cities add district branches of them. */
const MAX_DEPARTMENTS = 999;

function departmentDefs(n: number): DepartmentDef[] {
  return Array.from({ length: n }, (_, i) => {
    const base = DEPARTMENT_DEFS[i % DEPARTMENT_DEFS.length];
    const district = Math.floor(i / DEPARTMENT_DEFS.length) + 1;
    if (district === 1) return base;
    return { ...base, code: `${base.code}${district}`, name: `${base.name}第${district}分局`, name_en: `${base.name_en}, branch ${district}` };
  });
}

/** Share of each frequency in the catalog (on_demand first, then fastest to slowest). */
const FREQUENCY_SHARES: readonly [Frequency, number][] = [
  ['on_demand', 0.16],
  ['realtime', 0.04],
  ['daily', 0.13],
  ['weekly', 0.1],
  ['monthly', 0.38],
  ['quarterly', 0.11],
  ['yearly', 0.08],
];

const FAST_WORDS =
  /户籍|机动车登记|监测|观测|结算|网签|办件|办理信息|发票|完税|缴费|接种|预警|速报|客流|市场主体登记|住宿|违法|疫情|预报|水位|水文|缴存|提取|查封|交易/;
const SLOW_WORDS = /统计|汇总|指数|报告|公告|预算|规划|名录|目录|评价|年度|调查|历史|归档|明细/;
const ON_DEMAND_WORDS = /名录|目录|清单|查询|证明|鉴定|档案|资格|资质|执业|证书/;

/** Extra names for departments whose base topics run out. */
function variants(base: string): string[] {
  if (base.endsWith('信息')) {
    const stem = base.slice(0, -2);
    // Registrations and licences change and get cancelled; other records only get summaries.
    if (/(登记|许可|备案|注册|资质|资格|证)$/.test(stem) && !/注销/.test(stem)) {
      return [`${stem}变更信息`, `${stem}统计数据`, `${stem}注销信息`, `${stem}历史数据`, `${stem}信息（区县汇总）`, `${stem}年度汇总数据`];
    }
    return [`${stem}统计数据`, `${stem}历史数据`, `${stem}信息（区县汇总）`, `${stem}月度明细数据`, `${stem}年度汇总数据`, `${stem}信息（归档）`];
  }
  return [`${base}（月度）`, `${base}（季度）`, `${base}（年度）`, `${base}（分区县）`, `${base}（历史）`];
}

function resourceNames(def: DepartmentDef, count: number, rng: () => number): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const push = (n: string) => {
    if (names.length < count && !seen.has(n)) {
      seen.add(n);
      names.push(n);
    }
  };
  for (const t of def.topics) push(t);
  if (names.length < count) {
    const vs = def.topics.map((t) => variants(t));
    // Shuffle each base's variants so cities differ.
    for (const v of vs) shuffle(v, rng);
    const maxLen = Math.max(...vs.map((v) => v.length));
    for (let k = 0; k < maxLen && names.length < count; k++) for (const v of vs) if (k < v.length) push(v[k]);
  }
  for (let k = 2; names.length < count; k++) for (const t of def.topics) push(`${t}（${k}）`);
  return names;
}

function shuffle<T>(a: T[], rng: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Integer split of `total` proportional to weights (largest remainder), deterministic. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (sum > 0 ? (w * total) / sum : 0));
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

function assignProfiles(defs: readonly DepartmentDef[], rng: () => number): Profile[] {
  const n = defs.length;
  // The isolated department: a small one, chosen by seed.
  const candidates = defs.map((_, i) => i).filter((i) => ISOLATION_CANDIDATES.includes(defs[i].code) && i >= 3);
  let iso: number;
  if (candidates.length > 0) iso = candidates[Math.floor(rng() * candidates.length)];
  else iso = defs.reduce((best, d, i) => (d.size < defs[best].size ? i : best), n - 1);

  const improving = Math.max(1, Math.round(n * 0.1));
  const declining = Math.max(1, Math.round(n * 0.1));
  const laggard = Math.round(n * 0.15);
  const diligent = Math.round(n * 0.2);
  const pool: Profile[] = [
    ...Array<Profile>(improving).fill('improving'),
    ...Array<Profile>(declining).fill('declining'),
    ...Array<Profile>(laggard).fill('laggard'),
    ...Array<Profile>(diligent).fill('diligent'),
  ].slice(0, n - 1);
  while (pool.length < n - 1) pool.push('average');
  shuffle(pool, rng);
  const profiles: Profile[] = [];
  for (let i = 0, k = 0; i < n; i++) profiles.push(i === iso ? 'isolated' : pool[k++]);
  return profiles;
}

/** Gives each department of `fixed` its profile by swapping with a department that has it (the lowest index not fixed). */
function fixProfiles(defs: readonly DepartmentDef[], profiles: Profile[], fixed: Readonly<Record<string, Profile>>): void {
  const codes = Object.keys(fixed);
  for (const code of codes) {
    const i = defs.findIndex((d) => d.code === code);
    const want = fixed[code];
    if (i < 0) throw new RangeError(`profiles: unknown department ${code}`);
    if (!PROFILES.includes(want) || want === 'isolated') throw new RangeError(`profiles: ${code} cannot be given the profile ${String(want)}`);
    if (profiles[i] === want) continue;
    if (profiles[i] === 'isolated') throw new RangeError(`profiles: ${code} is the isolated department of this city`);
    const j = profiles.findIndex((p, k) => p === want && !codes.includes(defs[k].code));
    if (j < 0) throw new RangeError(`profiles: no department left with the profile ${want} to swap with ${code}`);
    [profiles[i], profiles[j]] = [profiles[j], profiles[i]];
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A deterministic city: `departments` real kinds of departments of a
 * prefecture-level city, each with a behaviour profile (exactly one
 * 'isolated'), and a catalog of `resources` resources with realistic names
 * and a frequency mix (about 17% daily or realtime, 38% monthly, …).
 */
export function generateCity(opts: GenerateCityOptions): City {
  const { seed } = opts;
  assertSeed(seed);
  const nDepts = opts.departments ?? 40;
  const nRes = opts.resources ?? 600;
  const endMonth = parseMonth(opts.endMonth ?? '2026-12');
  if (!Number.isInteger(nDepts) || nDepts < 3 || nDepts > MAX_DEPARTMENTS) {
    throw new RangeError(`departments must be an integer from 3 to ${MAX_DEPARTMENTS}, got ${nDepts}`);
  }
  if (!Number.isInteger(nRes) || nRes < 2 * nDepts || nRes > 99_999) {
    throw new RangeError(`resources must be an integer from ${2 * nDepts} (2 per department) to 99999, got ${nRes}`);
  }
  const rng = rngFor(seed, SALT_CITY);
  const defs = departmentDefs(nDepts);
  const profiles = assignProfiles(defs, rng);
  fixProfiles(defs, profiles, opts.profiles ?? {});
  const departments: CityDepartment[] = defs.map((d, i) => ({
    code: d.code,
    name: d.name,
    name_en: d.name_en,
    category: d.category,
    profile: profiles[i],
  }));

  // Resources per department: 2 each, the isolated one at most 3, the rest by size (±20%).
  const isoIdx = profiles.indexOf('isolated');
  const isoCount = Math.min(3, nRes - 2 * (nDepts - 1));
  const weights = defs.map((d, i) => (i === isoIdx ? 0 : d.size * (0.8 + 0.4 * rng())));
  const rest = nRes - isoCount - 2 * (nDepts - 1);
  const extra = apportion(rest, weights);
  const counts = defs.map((_, i) => (i === isoIdx ? isoCount : 2 + extra[i]));

  const resources: CityResource[] = [];
  defs.forEach((d, i) => {
    const names = resourceNames(d, counts[i], rng);
    const width = counts[i] >= 1000 ? 4 : 3;
    names.forEach((name, k) => {
      resources.push({ code: `${d.code}-${pad(k + 1, width)}`, name, dept: d.code, frequency: 'monthly', active_from: null, active_to: null });
    });
  });

  // Frequencies: exact quotas; on_demand to the most "look-up"-like names,
  // the rest by how fast-moving the name sounds (with noise).
  const quotas = apportion(
    nRes,
    FREQUENCY_SHARES.map(([, s]) => s),
  );
  const onDemandScore = resources.map((r) => (ON_DEMAND_WORDS.test(r.name) ? 1 : 0) + rng() * 0.9);
  const byOnDemand = resources.map((_, i) => i).sort((a, b) => onDemandScore[b] - onDemandScore[a] || a - b);
  const onDemand = new Set(byOnDemand.slice(0, quotas[0]));
  const fastness = resources.map((r) => {
    let s = SLOW_WORDS.test(r.name) ? 2.4 : FAST_WORDS.test(r.name) ? 0 : 1.2;
    if (/年度/.test(r.name)) s += 1.5;
    else if (/季度|历史|归档/.test(r.name)) s += 1;
    return s + rng() * 1.4;
  });
  const rest2 = resources
    .map((_, i) => i)
    .filter((i) => !onDemand.has(i))
    .sort((a, b) => fastness[a] - fastness[b] || a - b);
  for (const i of onDemand) resources[i].frequency = 'on_demand';
  let pos = 0;
  for (let q = 1; q < FREQUENCY_SHARES.length; q++) {
    for (let k = 0; k < quotas[q]; k++) resources[rest2[pos++]].frequency = FREQUENCY_SHARES[q][0];
  }

  // A few resources published recently: active_from 2..10 months before endMonth.
  const nNew = Math.max(2, Math.round(nRes * 0.02));
  const eligible = resources.map((_, i) => i).filter((i) => resources[i].frequency !== 'on_demand' && resources[i].dept !== defs[isoIdx].code);
  shuffle(eligible, rng);
  for (const i of eligible.slice(0, nNew)) {
    const m = shiftPeriod(endMonth, -(2 + Math.floor(rng() * 9)));
    const day = 1 + Math.floor(rng() * 28);
    resources[i].active_from = `${m.year}-${pad(m.index, 2)}-${pad(day, 2)}`;
  }
  if (opts.activeFromMonth !== undefined) {
    const first = parseMonth(opts.activeFromMonth);
    const firstDay = `${first.year}-${pad(first.index, 2)}-01`;
    for (const r of resources) if (r.active_from === null || r.active_from < firstDay) r.active_from = firstDay;
  }

  return { seed, departments, resources };
}
