import { DEFAULT_GRADE_THRESHOLDS, type GradeThresholds } from '@app/charts';
import { useQuery } from '@tanstack/react-query';
import { schemesQuery } from '../api/score-queries';
import { useCurrentUser } from './current-user';

/**
 * The grade thresholds of the scheme a record was computed with (its `schemeVersion`), to colour
 * dimension scores like totals. Falls back to the defaults when the scheme list is not readable.
 */
export function useGradeThresholds(schemeVersion?: number): GradeThresholds {
  const user = useCurrentUser();
  const schemes = useQuery({ ...schemesQuery, enabled: user.role !== 'department', retry: false, staleTime: 10 * 60_000 });
  const list = schemes.data ?? [];
  const match =
    list.find((s) => s.version === schemeVersion) ?? list.reduce<(typeof list)[number] | undefined>((a, s) => (!a || s.version > a.version ? s : a), undefined);
  return match?.gradeThresholds ?? DEFAULT_GRADE_THRESHOLDS;
}
