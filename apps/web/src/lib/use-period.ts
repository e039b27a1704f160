import type { SchemeVersion } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { systemInfoQuery } from '../api/queries';
import { publishedPeriodsQuery, schemesQuery } from '../api/score-queries';
import { convertPeriod, currentMonth, lastCompleteMonth, parsePeriod, periodKind, type PeriodKind } from './period';

export const PERIOD_PARAM = 'period';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The assessment time zone (from /api/system), and the month it is now there. */
export function useAssessmentClock(): { timeZone: string; currentMonth: string; defaultPeriod: string; ready: boolean } {
  const { data, isPending } = useQuery(systemInfoQuery);
  const timeZone = data?.timeZone ?? DEFAULT_TIME_ZONE;
  return useMemo(() => {
    const now = new Date();
    return { timeZone, currentMonth: currentMonth(now, timeZone), defaultPeriod: lastCompleteMonth(now, timeZone), ready: !isPending };
  }, [timeZone, isPending]);
}

export interface PeriodSelection {
  /** The period every page shows: `?period=` when valid, else the last complete month. */
  period: string;
  kind: PeriodKind;
  /** True when the URL names the period (a shared link), false when it is the default. */
  explicit: boolean;
  setPeriod: (period: string) => void;
}

/** The one period shared by the header picker and every page, kept in the URL. */
export function usePeriod(): PeriodSelection {
  const [params, setParams] = useSearchParams();
  const { defaultPeriod } = useAssessmentClock();
  const fromUrl = params.get(PERIOD_PARAM);
  const explicit = parsePeriod(fromUrl) !== null;
  const period = explicit ? (fromUrl as string) : defaultPeriod;

  const setPeriod = useCallback(
    (next: string) => {
      setParams(
        (prev) => {
          const copy = new URLSearchParams(prev);
          copy.set(PERIOD_PARAM, next);
          return copy;
        },
        { preventScrollReset: true },
      );
    },
    [setParams],
  );

  return { period, kind: periodKind(period), explicit, setPeriod };
}

/** Location state of the rewrite that replaced an unusable `?period=` with the default: what the link said. */
export interface InvalidPeriodState {
  invalidPeriod: string;
}

/**
 * The `?period=` value the page could not use, or null: still in the URL (a page that does not
 * rewrite it), or just replaced by the default (the app layout's rewrite leaves it in the
 * location state, until the user picks a period or follows a link).
 */
export function useInvalidPeriod(): string | null {
  const [params] = useSearchParams();
  const { state } = useLocation() as { state: Partial<InvalidPeriodState> | null };
  const fromUrl = params.get(PERIOD_PARAM);
  if (fromUrl !== null && parsePeriod(fromUrl) === null) return fromUrl;
  return typeof state?.invalidPeriod === 'string' ? state.invalidPeriod : null;
}

/** `path` with the current period carried along, so moving between pages keeps the view. */
export function usePeriodLink(): (path: string) => string {
  const [params] = useSearchParams();
  const fromUrl = params.get(PERIOD_PARAM);
  return useCallback(
    (path: string) => (parsePeriod(fromUrl) ? `${path}${path.includes('?') ? '&' : '?'}${PERIOD_PARAM}=${encodeURIComponent(fromUrl as string)}` : path),
    [fromUrl],
  );
}

/** The current scheme's first assessed month ('YYYY-MM'), null when it assesses everything (GET /api/schemes). */
export function useAssessmentStart(): string | null {
  const { data } = useQuery({ ...schemesQuery, staleTime: 10 * 60_000 });
  const current = (data ?? []).reduce<SchemeVersion | undefined>((a, s) => (!a || s.version > a.version ? s : a), undefined);
  return current?.assessmentStart ?? null;
}

/** Whether a period ends after the assessment start month begins, i.e. its last month is the start or later. */
export function isAssessedPeriod(period: string, assessmentStart: string | null): boolean {
  if (!assessmentStart || !parsePeriod(period)) return true;
  return convertPeriod(period, 'month') >= assessmentStart;
}

/**
 * True for a period the API refuses (scoring.md "Time"): it ends by the assessment start and was
 * never published. False while either is still loading, so nothing flashes.
 */
export function useBeforeAssessmentStart(period: string): { before: boolean; start: string | null } {
  const start = useAssessmentStart();
  const published = useQuery({ ...publishedPeriodsQuery, retry: false, enabled: !isAssessedPeriod(period, start) });
  const before = !isAssessedPeriod(period, start) && published.isSuccess && !published.data.some((p) => p.period === period);
  return { before, start };
}
