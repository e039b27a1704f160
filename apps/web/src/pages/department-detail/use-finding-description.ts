import type { Finding } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogQuery } from '../../api/score-queries';
import { formatInstant, formatPercent } from '../../lib/format';
import { useAssessmentClock } from '../../lib/use-period';
import { useDepartments } from '../../lib/use-departments';

/** One sentence per finding, with resource and department names: shared by the findings table and the points-lost steps. */
export function useFindingDescription(code: string): (f: Finding) => string {
  const { t } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const { nameOf } = useDepartments();
  const catalog = useQuery(catalogQuery(code));
  const resourceName = useMemo(() => {
    const names = new Map((catalog.data ?? []).map((r) => [r.code, r.name]));
    return (resource: string) => (names.has(resource) ? `${names.get(resource)}（${resource}）` : resource);
  }, [catalog.data]);

  return useCallback(
    (f: Finding): string => {
      const at = (iso: string | null) => formatInstant(iso, timeZone);
      switch (f.kind) {
        case 'missed_window':
          return t('findings.missedWindow', { resource: resourceName(f.resource), start: at(f.windowStart), end: at(f.windowEnd) });
        case 'late_request':
          return f.answeredAt
            ? t('findings.lateRequest', { request: f.request, requester: nameOf(f.requester), resource: resourceName(f.resource), days: f.workdaysLate })
            : t('findings.lateRequestOpen', { request: f.request, requester: nameOf(f.requester), resource: resourceName(f.resource), days: f.workdaysLate });
        case 'late_objection':
          return f.answeredAt
            ? t('findings.lateObjection', { objection: f.objection, raisedBy: nameOf(f.raisedBy), resource: resourceName(f.resource), days: f.workdaysLate })
            : t('findings.lateObjectionOpen', {
                objection: f.objection,
                raisedBy: nameOf(f.raisedBy),
                resource: resourceName(f.resource),
                days: f.workdaysLate,
              });
        case 'low_completeness':
          return t('findings.lowCompleteness', {
            resource: resourceName(f.resource),
            completeness: formatPercent(f.completeness, 2),
            complete: f.completeRecords,
            records: f.records,
          });
      }
    },
    [t, timeZone, nameOf, resourceName],
  );
}
