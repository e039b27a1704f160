import { useQuery } from '@tanstack/react-query';
import { Segmented, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { publishedPeriodsQuery } from '../api/score-queries';
import { convertPeriod, lastCompleteMonth, periodChoices, periodLabel, type PeriodKind } from '../lib/period';
import { usePreferences } from '../lib/preferences';
import { isAssessedPeriod, useAssessmentClock, useAssessmentStart, usePeriod } from '../lib/use-period';
import { PeriodStatusTag } from '../components/period-status-tag';

const HISTORY: Record<PeriodKind, number> = { month: 36, quarter: 12, year: 6 };

/**
 * The one period picker: kind (month / quarter / year) and period, written to `?period=` so every
 * page and every shared link show the same view. Published periods are marked in the list.
 */
export function PeriodPicker() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { period, kind, setPeriod } = usePeriod();
  const { currentMonth, timeZone } = useAssessmentClock();
  const published = useQuery({ ...publishedPeriodsQuery, retry: false });
  const assessmentStart = useAssessmentStart();
  const publishedSet = useMemo(() => new Set((published.data ?? []).map((p) => p.period)), [published.data]);

  const options = useMemo(() => {
    // From the assessment start to the current period (scoring.md "Time").
    const choices = periodChoices(kind, currentMonth, HISTORY[kind]).filter((p) => isAssessedPeriod(p, assessmentStart));
    if (!choices.includes(period)) choices.push(period);
    return choices.map((value) => ({
      value,
      label: (
        <span className="period-option">
          {periodLabel(value, language)}
          {publishedSet.has(value) ? <span className="period-option-mark">{t('period.published')}</span> : null}
        </span>
      ),
      text: periodLabel(value, language),
    }));
  }, [kind, currentMonth, period, language, publishedSet, t, assessmentStart]);

  const changeKind = (next: PeriodKind) => {
    // Month -> quarter/year: the one containing it; back to months: the last complete month of it.
    let target = convertPeriod(period, next);
    if (next === 'month') {
      const latest = lastCompleteMonth(new Date(), timeZone);
      if (target > latest) target = latest;
    }
    setPeriod(target);
  };

  return (
    <div className="period-slot" data-testid="period-picker">
      <span className="period-label">{t('header.period')}</span>
      <Segmented<PeriodKind>
        size="small"
        value={kind}
        onChange={changeKind}
        aria-label={t('period.kind')}
        options={[
          { value: 'month', label: t('period.kinds.month') },
          { value: 'quarter', label: t('period.kinds.quarter') },
          { value: 'year', label: t('period.kinds.year') },
        ]}
      />
      <Select
        size="small"
        className="period-select"
        value={period}
        onChange={setPeriod}
        options={options}
        optionLabelProp="text"
        aria-label={t('header.period')}
        popupMatchSelectWidth={false}
        data-testid="period-select"
      />
      <PeriodStatusTag period={period} />
    </div>
  );
}
