import { CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../lib/period';
import { usePreferences } from '../lib/preferences';

/** A period that ends by the assessment start has no results (scoring.md "Time"): said so, instead of a table of zeros. */
export function BeforeStartState({ start }: { start: string }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  return (
    <div className="state-box" role="status" data-testid="before-assessment-start">
      <div className="error-state error-state-404">
        <div className="error-state-icon" aria-hidden>
          <CalendarOutlined />
        </div>
        <div className="error-state-title">{t('period.beforeStart')}</div>
        <div className="error-state-text">{t('period.beforeStartHint', { start: periodLabel(start, language) })}</div>
      </div>
    </div>
  );
}
