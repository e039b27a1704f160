import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useMemo, type ReactNode } from 'react';
import { PreferencesProvider, usePreferences } from '../lib/preferences';
import { queryClient } from './query-client';

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

export const BRAND_COLOR = '#1554b8';
const HEADER_BG = '#0d3275';

function themeFor(largeDisplay: boolean): ThemeConfig {
  return {
    token: {
      colorPrimary: BRAND_COLOR,
      colorInfo: BRAND_COLOR,
      fontFamily: FONT_FAMILY,
      // Projectors in meeting rooms: everything antd draws scales with these two tokens.
      fontSize: largeDisplay ? 18 : 14,
      controlHeight: largeDisplay ? 40 : 32,
      borderRadius: 6,
    },
    components: {
      Layout: {
        headerBg: HEADER_BG,
        headerColor: '#fff',
        headerHeight: largeDisplay ? 64 : 56,
        headerPadding: '0 16px',
        siderBg: '#fff',
        bodyBg: '#f2f4f8',
        footerBg: '#fff',
        footerPadding: '0 16px',
        lightTriggerBg: '#fff',
      },
    },
  };
}

function ThemedConfig({ children }: { children: ReactNode }) {
  const { language, largeDisplay } = usePreferences();
  const theme = useMemo(() => themeFor(largeDisplay), [largeDisplay]);
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={theme}>
      {children}
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider>
        <ThemedConfig>{children}</ThemedConfig>
      </PreferencesProvider>
    </QueryClientProvider>
  );
}
