// A small city that exercises every corner of points lost (scoring.md "Points
// lost"): an N/A dimension, an N/A sub-indicator, a zero weight, an accepted
// appeal of each kind and a total on a half cent. Exported for the API's
// integration tests too.
import type { AppealFact, ScoringInput, UpdateFact } from '../types';
import { DEFAULT_SCHEME } from '../scheme';
import { api, dept, input, objection, request, resource, t, update } from './builders';

export const EDGE_CASE_CITY_PERIOD = '2026-10';
export const EDGE_CASE_CITY_AS_OF = '2026-11-05T00:00:00+08:00';

/**
 * - NA: completeness N/A (its updates carry no records), objections N/A, interface
 *   calls under a zero sub-weight; a missed window appealed and accepted, another pending.
 * - APL: weekly windows with an accepted appeal, an accepted low-completeness appeal
 *   beside five other low resources (it takes none of the five places), an accepted
 *   late request and an accepted late objection beside unappealed ones.
 * - HALF: completeness only, exactly 87.525.
 * - NONE: no data.
 */
export function edgeCaseCity(): ScoringInput {
  const naDaily = resource('NA-D', 'NA', 'daily');
  const aplWeekly = resource('APL-W', 'APL', 'weekly');
  const aplOthers = [1, 2, 3, 4, 5, 6].map((i) => resource(`APL-X${i}`, 'APL', 'on_demand'));
  const half = resource('HALF-R', 'HALF', 'on_demand');

  const updates: UpdateFact[] = [];
  for (let day = 1; day <= 31; day++) {
    if (day === 3 || day === 4) continue;
    updates.push(update(naDaily, `2026-10-${String(day).padStart(2, '0')}T12:00:00`, 0, 0, `na-${day}`));
  }
  // Weeks ending Oct 5, 12, 19, 26 are due: met in the second and third only.
  updates.push(update(aplWeekly, '2026-10-07T10:00', 100, 100, 'apl-w1'));
  updates.push(update(aplWeekly, '2026-10-14T10:00', 100, 40, 'apl-w2'));
  aplOthers.forEach((r, i) => updates.push(update(r, '2026-10-15T10:00', 100, 90 + i, `apl-x${i + 1}`)));
  updates.push(update(half, '2026-10-20T10:00', 4000, 3501, 'half-1'));

  const appeals: AppealFact[] = [
    { id: 1, status: 'accepted', kind: 'missed_window', dept: 'NA', resource: 'NA-D', windowStart: t('2026-10-03') },
    { id: 2, status: 'pending', kind: 'missed_window', dept: 'NA', resource: 'NA-D', windowStart: t('2026-10-04') },
    { id: 3, status: 'accepted', kind: 'missed_window', dept: 'APL', resource: 'APL-W', windowStart: t('2026-10-19') },
    { id: 4, status: 'accepted', kind: 'low_completeness', dept: 'APL', resource: 'APL-W', eventIds: ['apl-w2'] },
    { id: 5, status: 'accepted', kind: 'late_request', dept: 'APL', request: 'RA1' },
    { id: 6, status: 'rejected', kind: 'late_request', dept: 'APL', request: 'RA2' },
    { id: 7, status: 'accepted', kind: 'late_objection', dept: 'APL', objection: 'OA1' },
  ];

  return input({
    period: EDGE_CASE_CITY_PERIOD,
    asOf: t(EDGE_CASE_CITY_AS_OF),
    scheme: { ...DEFAULT_SCHEME, responseWeights: { requests: 0.5, objections: 0.2, api: 0 } },
    calendar: { holidays: [], workdays: [] },
    departments: [dept('NA'), dept('APL'), dept('HALF'), dept('NONE')],
    resources: [naDaily, aplWeekly, ...aplOthers, half],
    updates,
    requests: [
      request('RN1', 'NA', '2026-10-08T09:00', '2026-10-09T09:00'),
      request('RN2', 'NA', '2026-10-08T09:00', null),
      // Submitted Mon Oct 5: deadline day Mon Oct 19.
      request('RA1', 'APL', '2026-10-05T09:00', null),
      request('RA2', 'APL', '2026-10-05T09:00', '2026-10-21T09:00'),
      request('RA3', 'APL', '2026-10-05T09:00', '2026-10-06T09:00'),
    ],
    objections: [
      // Raised Mon Oct 5: deadline day Mon Oct 12.
      objection('OA1', 'APL', '2026-10-05T09:00', null),
      objection('OA2', 'APL', '2026-10-05T09:00', '2026-10-06T09:00'),
      objection('OA3', 'APL', '2026-10-05T09:00', '2026-10-14T09:00'),
    ],
    api: [api('NA', [0, 9, 1, 3, 2])],
    appeals,
  });
}
