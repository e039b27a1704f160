import { useTranslation } from 'react-i18next';

/** While the first route's code and the session check load: CSS only, so it costs the first download nothing. */
export function FullPageLoading() {
  const { t } = useTranslation();
  return (
    <div className="full-page-center" role="status" aria-live="polite">
      <span className="boot-spinner" aria-hidden />
      <span className="visually-hidden">{t('state.loading')}</span>
    </div>
  );
}
