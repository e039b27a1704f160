import { init, use, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** What `use()` accepts: chart types, components, features and one renderer from 'echarts/...'. */
export type EChartsParts = Parameters<typeof use>[0];

export interface EChartProps {
  /** A complete option (built by libs/charts); each change replaces the previous one. */
  option: EChartsCoreOption;
  /**
   * Exactly the parts this chart draws, renderer included, e.g.
   * `[BarChart, GridComponent, TooltipComponent, CanvasRenderer]`. Registering per chart keeps
   * the rest of ECharts out of the bundle.
   */
  parts: EChartsParts;
  renderer?: 'canvas' | 'svg';
  height?: CSSProperties['height'];
  className?: string;
  /** Accessible name: a chart is an image to a screen reader. */
  ariaLabel: string;
}

/** The one ECharts renderer of the dashboard: registers its parts, draws, follows its container's size. */
export function EChart({ option, parts, renderer = 'canvas', height = 320, className, ariaLabel }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const { i18n } = useTranslation();
  const locale = i18n.language.startsWith('zh') ? 'ZH' : 'EN';

  // `use` ignores parts registered before, so registering on every mount is cheap.
  use(parts);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer, locale });
    chartRef.current = chart;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => chart.resize());
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [renderer, locale]);

  // Declared after the init effect so a re-created chart gets the option in the same commit.
  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option, renderer, locale]);

  return <div ref={containerRef} className={className} style={{ width: '100%', height }} role="img" aria-label={ariaLabel} />;
}
