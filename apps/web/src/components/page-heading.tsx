import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../lib/period';
import { usePreferences } from '../lib/preferences';
import { PeriodStatusTag } from './period-status-tag';
import { usePageTitle } from './use-page-title';

/** A page's h1, the period it shows (with 暂定/已发布) and actions at the right. */
export function PageHeading({ title, period, extra, children }: { title: string; period?: string; extra?: ReactNode; children?: ReactNode }) {
  const { language } = usePreferences();
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <div className="page-heading">
      <div className="page-heading-main">
        <h1 className="page-title">{title}</h1>
        {period ? (
          <span className="page-period" data-testid="page-period" data-period={period}>
            {t('period.showing', { period: periodLabel(period, language) })}
            <PeriodStatusTag period={period} />
          </span>
        ) : null}
        {children}
      </div>
      {extra ? <div className="page-heading-extra">{extra}</div> : null}
    </div>
  );
}
