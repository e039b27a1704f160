// China's public holidays and adjusted working days for 2025 and 2026, from
// the State Council General Office notices on the holiday arrangements
// (国务院办公厅关于2025年/2026年部分节假日安排的通知). Only weekdays are listed as
// `holiday` and only weekend days as `workday` (sharing-log.md, calendar.csv):
// Saturdays and Sundays inside a holiday are non-working anyway.
//
// A built-in fallback until a calendar data source is wired in; the generator
// takes its calendar as an input.

import type { CalendarEntry } from './types';

export const CN_CALENDAR_2025_2026: readonly CalendarEntry[] = Object.freeze([
  // 2025 — New Year's Day: Jan 1 (Wed)
  { date: '2025-01-01', kind: 'holiday' },
  // Spring Festival: Jan 28 (Tue) – Feb 4 (Tue); workdays Sun Jan 26, Sat Feb 8
  { date: '2025-01-26', kind: 'workday' },
  { date: '2025-01-28', kind: 'holiday' },
  { date: '2025-01-29', kind: 'holiday' },
  { date: '2025-01-30', kind: 'holiday' },
  { date: '2025-01-31', kind: 'holiday' },
  { date: '2025-02-03', kind: 'holiday' },
  { date: '2025-02-04', kind: 'holiday' },
  { date: '2025-02-08', kind: 'workday' },
  // Qingming: Apr 4 (Fri) – Apr 6 (Sun)
  { date: '2025-04-04', kind: 'holiday' },
  // Labour Day: May 1 (Thu) – May 5 (Mon); workday Sun Apr 27
  { date: '2025-04-27', kind: 'workday' },
  { date: '2025-05-01', kind: 'holiday' },
  { date: '2025-05-02', kind: 'holiday' },
  { date: '2025-05-05', kind: 'holiday' },
  // Dragon Boat Festival: May 31 (Sat) – Jun 2 (Mon)
  { date: '2025-06-02', kind: 'holiday' },
  // National Day + Mid-Autumn: Oct 1 (Wed) – Oct 8 (Wed); workdays Sun Sep 28, Sat Oct 11
  { date: '2025-09-28', kind: 'workday' },
  { date: '2025-10-01', kind: 'holiday' },
  { date: '2025-10-02', kind: 'holiday' },
  { date: '2025-10-03', kind: 'holiday' },
  { date: '2025-10-06', kind: 'holiday' },
  { date: '2025-10-07', kind: 'holiday' },
  { date: '2025-10-08', kind: 'holiday' },
  { date: '2025-10-11', kind: 'workday' },

  // 2026 — New Year's Day: Jan 1 (Thu) – Jan 3 (Sat); workday Sun Jan 4
  { date: '2026-01-01', kind: 'holiday' },
  { date: '2026-01-02', kind: 'holiday' },
  { date: '2026-01-04', kind: 'workday' },
  // Spring Festival: Feb 15 (Sun) – Feb 23 (Mon); workdays Sat Feb 14, Sat Feb 28
  { date: '2026-02-14', kind: 'workday' },
  { date: '2026-02-16', kind: 'holiday' },
  { date: '2026-02-17', kind: 'holiday' },
  { date: '2026-02-18', kind: 'holiday' },
  { date: '2026-02-19', kind: 'holiday' },
  { date: '2026-02-20', kind: 'holiday' },
  { date: '2026-02-23', kind: 'holiday' },
  { date: '2026-02-28', kind: 'workday' },
  // Qingming: Apr 4 (Sat) – Apr 6 (Mon)
  { date: '2026-04-06', kind: 'holiday' },
  // Labour Day: May 1 (Fri) – May 5 (Tue); workday Sat May 9
  { date: '2026-05-01', kind: 'holiday' },
  { date: '2026-05-04', kind: 'holiday' },
  { date: '2026-05-05', kind: 'holiday' },
  { date: '2026-05-09', kind: 'workday' },
  // Dragon Boat Festival: Jun 19 (Fri) – Jun 21 (Sun)
  { date: '2026-06-19', kind: 'holiday' },
  // Mid-Autumn Festival: Sep 25 (Fri) – Sep 27 (Sun)
  { date: '2026-09-25', kind: 'holiday' },
  // National Day: Oct 1 (Thu) – Oct 7 (Wed); workdays Sun Sep 20, Sat Oct 10
  { date: '2026-09-20', kind: 'workday' },
  { date: '2026-10-01', kind: 'holiday' },
  { date: '2026-10-02', kind: 'holiday' },
  { date: '2026-10-05', kind: 'holiday' },
  { date: '2026-10-06', kind: 'holiday' },
  { date: '2026-10-07', kind: 'holiday' },
  { date: '2026-10-10', kind: 'workday' },
] as CalendarEntry[]);
