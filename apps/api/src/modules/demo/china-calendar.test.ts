import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_2025_2026 } from './generator';
import { buildChinaCalendarCsv, chinaCalendar } from './china-calendar';

describe('the shipped China working-day calendar', () => {
  it('is what the chinese-days package (State Council notices) gives for 2025-2026', () => {
    expect(chinaCalendar().file.toString('utf8')).toBe(buildChinaCalendarCsv(2025, 2026));
  });

  it("agrees with the generator's built-in calendar", () => {
    const shipped = chinaCalendar().entries.map((e) => `${e.date},${e.kind}`);
    expect(shipped).toEqual(CN_CALENDAR_2025_2026.map((e) => `${e.date},${e.kind}`).sort());
  });

  it('marks Spring Festival 2026 and its adjusted working Saturday', () => {
    const kinds = new Map(chinaCalendar().entries.map((e) => [e.date, e.kind]));
    expect(kinds.get('2026-02-16')).toBe('holiday');
    expect(kinds.get('2026-02-14')).toBe('workday');
    expect(kinds.has('2026-02-15')).toBe(false); // a Sunday: a holiday there changes nothing
  });

  it('names the holiday each day belongs to, as the State Council notices do', () => {
    const names = new Map(chinaCalendar().entries.map((e) => [e.date, e.name]));
    expect(names.get('2026-02-16')).toBe('春节');
    expect(names.get('2026-02-14')).toBe('春节'); // the adjusted working Saturday belongs to the holiday it pays for
    expect(names.get('2025-04-04')).toBe('清明节');
    expect(new Set(names.values())).toEqual(new Set(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']));
  });
});
