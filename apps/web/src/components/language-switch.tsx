import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../lib/preferences';
import { LANGUAGES, type Language } from '../i18n/i18n';

// Each language is named in itself, so it can be found whatever the current one is.
const NATIVE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch({ size = 'small' }: { size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  const { language, setLanguage } = usePreferences();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      size={size}
      aria-label={t('header.language')}
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((value) => ({ value, label: <span lang={value}>{NATIVE_NAMES[value]}</span> }))}
    />
  );
}
