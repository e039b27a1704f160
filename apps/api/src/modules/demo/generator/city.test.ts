import { describe, expect, it } from 'vitest';
import { generateCity } from './city';
import { DEPARTMENT_DEFS } from './city-data';
import { catalogCsv, departmentsCsv } from './csv';
import { PROFILES } from './types';

describe('generateCity', () => {
  const city = generateCity({ seed: 7 });

  it('is deterministic for a seed and varies with it', () => {
    expect(generateCity({ seed: 7 })).toEqual(city);
    const other = generateCity({ seed: 8 });
    expect(other.departments.map((d) => d.profile)).not.toEqual(city.departments.map((d) => d.profile));
  });

  it('has 40 real departments with valid unique codes and every profile, exactly one isolated', () => {
    expect(city.departments).toHaveLength(40);
    const codes = city.departments.map((d) => d.code);
    expect(new Set(codes).size).toBe(40);
    for (const d of city.departments) {
      expect(d.code).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
      expect(d.name).toMatch(/^市/);
      expect(d.name_en.length).toBeGreaterThan(3);
      expect(['经济调节', '市场监管', '社会管理', '公共服务', '生态环境保护']).toContain(d.category);
    }
    expect(city.departments.find((d) => d.code === 'PSB')).toMatchObject({ name: '市公安局', name_en: 'Public Security Bureau' });
    const profiles = city.departments.map((d) => d.profile);
    for (const p of PROFILES) expect(profiles, p).toContain(p);
    expect(profiles.filter((p) => p === 'isolated')).toHaveLength(1);
  });

  it('has a 600-resource catalog with about 100 daily/realtime, mostly monthly, and a few active_from dates', () => {
    const { resources } = city;
    expect(resources).toHaveLength(600);
    expect(new Set(resources.map((r) => r.code)).size).toBe(600);
    const codes = new Set(city.departments.map((d) => d.code));
    for (const r of resources) {
      expect(codes.has(r.dept)).toBe(true);
      expect(r.code.startsWith(`${r.dept}-`)).toBe(true);
    }
    const byDept = new Map<string, Set<string>>();
    for (const r of resources) byDept.set(r.dept, (byDept.get(r.dept) ?? new Set()).add(r.name));
    for (const d of city.departments) expect(byDept.get(d.code)!.size, d.code).toBe(resources.filter((r) => r.dept === d.code).length);

    const count = (f: string) => resources.filter((r) => r.frequency === f).length;
    expect(count('daily') + count('realtime')).toBeGreaterThanOrEqual(90);
    expect(count('daily') + count('realtime')).toBeLessThanOrEqual(110);
    for (const f of ['weekly', 'quarterly', 'yearly', 'on_demand']) {
      expect(count(f), f).toBeGreaterThan(20);
      expect(count(f), f).toBeLessThan(count('monthly'));
    }
    const dated = resources.filter((r) => r.active_from !== null);
    expect(dated.length).toBeGreaterThanOrEqual(2);
    expect(dated.length).toBeLessThanOrEqual(30);
    for (const r of dated) expect(r.active_from! >= '2026-02-01' && r.active_from! <= '2026-10-31', r.active_from!).toBe(true);
    expect(resources.some((r) => r.name === '户籍人口信息' && r.dept === 'PSB')).toBe(true);
    expect(resources.some((r) => r.name === '企业纳税信用等级' && r.dept === 'TAX')).toBe(true);
  });

  it('with activeFromMonth, dates every resource from that month (or later, for the recently published) and is the same city otherwise', () => {
    const dated = generateCity({ seed: 7, activeFromMonth: '2026-03' });
    expect(dated.departments).toEqual(city.departments);
    dated.resources.forEach((r, i) => {
      const plain = city.resources[i];
      expect({ ...r, active_from: plain.active_from }).toEqual(plain);
      expect(r.active_from).toBe(plain.active_from !== null && plain.active_from > '2026-03-01' ? plain.active_from : '2026-03-01');
    });
  });

  it('with profiles, gives those departments their profile by a swap, keeping the mix and the rest of the city', () => {
    const want = city.departments.find((d) => d.code === 'PSB')!.profile === 'declining' ? 'laggard' : 'declining';
    const fixed = generateCity({ seed: 7, profiles: { PSB: want } });
    expect(fixed.departments.find((d) => d.code === 'PSB')!.profile).toBe(want);
    expect(fixed.departments.map((d) => d.profile).sort()).toEqual(city.departments.map((d) => d.profile).sort());
    const changed = fixed.departments.filter((d, i) => d.profile !== city.departments[i].profile).map((d) => d.code);
    expect(changed).toHaveLength(2);
    expect(changed).toContain('PSB');
    expect(generateCity({ seed: 7, profiles: { PSB: want } })).toEqual(fixed);
    const iso = city.departments.find((d) => d.profile === 'isolated')!.code;
    expect(() => generateCity({ seed: 7, profiles: { NOPE: 'laggard' } })).toThrow(RangeError);
    expect(() => generateCity({ seed: 7, profiles: { PSB: 'isolated' } })).toThrow(RangeError);
    expect(() => generateCity({ seed: 7, profiles: { [iso]: 'laggard' } })).toThrow(RangeError);
  });

  it('gives the isolated department only a couple of resources', () => {
    const iso = city.departments.find((d) => d.profile === 'isolated')!;
    expect(city.resources.filter((r) => r.dept === iso.code).length).toBeLessThanOrEqual(3);
  });

  it('supports other sizes and rejects impossible ones', () => {
    const small = generateCity({ seed: 1, departments: 3, resources: 6 });
    expect(small.departments.map((d) => d.profile).sort()).toEqual(['declining', 'improving', 'isolated']);
    expect(small.resources).toHaveLength(6);
    const big = generateCity({ seed: 1, departments: DEPARTMENT_DEFS.length, resources: 3000 });
    expect(new Set(big.resources.map((r) => `${r.dept}/${r.name}`)).size).toBe(3000);
    expect(() => generateCity({ seed: 1, departments: 2 })).toThrow(RangeError);
    expect(() => generateCity({ seed: 1, departments: 40, resources: 50 })).toThrow(RangeError);
    expect(() => generateCity({ seed: 1.5 })).toThrow(RangeError);
  });

  it('writes master-data CSV with the contract columns', () => {
    const deps = departmentsCsv(city).trimEnd().split('\n');
    expect(deps[0]).toBe('code,name,name_en,category,active');
    expect(deps).toHaveLength(41);
    const cat = catalogCsv(city).trimEnd().split('\n');
    expect(cat[0]).toBe('code,name,dept,frequency,active_from,active_to');
    expect(cat).toHaveLength(601);
    expect(cat[1].split(',')).toHaveLength(6);
  });
});
