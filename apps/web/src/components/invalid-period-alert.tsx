import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../lib/period';
import { usePreferences } from '../lib/preferences';
import { useInvalidPeriod, usePeriod } from '../lib/use-period';

/** Says that the link's `?period=` was not a period, and which period the page shows instead. */
export function InvalidPeriodAlert() {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const invalid = useInvalidPeriod();
  const { period } = usePeriod();
  if (invalid === null) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="invalid-period-alert"
      data-testid="invalid-period"
      title={t('periodUrl.invalidTitle')}
      description={t('periodUrl.invalid', { value: invalid, period: periodLabel(period, language) })}
    />
  );
}
