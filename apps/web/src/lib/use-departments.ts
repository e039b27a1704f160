import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { DepartmentView } from '@app/contracts';
import { departmentsQuery } from '../api/score-queries';
import { useTranslation } from 'react-i18next';
import { usePreferences } from './preferences';

export interface DepartmentDirectory {
  byCode: ReadonlyMap<string, DepartmentView>;
  /** The department's name in the current language (English when the master data has one). */
  nameOf: (code: string, fallback?: string) => string;
  categoryOf: (code: string) => string | null;
  /** A category as the current language names it: the government's standard functions are translated, others shown as written. */
  categoryLabel: (category: string) => string;
  categories: string[];
  isLoading: boolean;
}

/** Master data about departments: names in both languages and categories, for every page. */
export function useDepartments(): DepartmentDirectory {
  const { language } = usePreferences();
  const query = useQuery(departmentsQuery);
  const byCode = useMemo(() => new Map((query.data ?? []).map((d) => [d.code, d])), [query.data]);
  const nameOf = useCallback(
    (code: string, fallback?: string) => {
      const d = byCode.get(code);
      if (language === 'en' && d?.nameEn) return d.nameEn;
      return d?.name ?? fallback ?? code;
    },
    [byCode, language],
  );
  const categoryOf = useCallback((code: string) => byCode.get(code)?.category ?? null, [byCode]);
  const { t } = useTranslation();
  const categoryLabel = useCallback((category: string) => t(`categoryNames.${category}`, { defaultValue: category }), [t]);
  const categories = useMemo(() => [...new Set((query.data ?? []).map((d) => d.category).filter((c): c is string => !!c))].sort(), [query.data]);
  return { byCode, nameOf, categoryOf, categoryLabel, categories, isLoading: query.isPending };
}
