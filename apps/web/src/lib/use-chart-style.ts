import type { ChartStyle } from '@app/charts';
import { useMemo } from 'react';
import { usePreferences } from './preferences';

/** Chart text follows the large-display switch, like antd's tokens. */
export function useChartStyle(): ChartStyle {
  const { largeDisplay } = usePreferences();
  return useMemo(() => ({ fontSize: largeDisplay ? 16 : 12, largeDisplay }), [largeDisplay]);
}
