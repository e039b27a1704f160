import type { EChartsParts } from '@app/charts';
import { init, use, type ECElementEvent, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

export interface EChartProps {
  /** A complete option (built by libs/charts); each change replaces the previous one. */
  option: EChartsCoreOption;
  /**
   * Exactly the parts this chart draws, renderer included, e.g.
   * `[...rankingBarParts, CanvasRenderer]`. Registering per chart keeps the rest of ECharts out of
   * the bundle.
   */
  parts: EChartsParts;
  renderer?: 'canvas' | 'svg';
  height?: CSSProperties['height'];
  className?: string;
  /** Accessible name: a chart is an image to a screen reader. */
  ariaLabel: string;
  /** A click on a data item (bar, node, cell). */
  onItemClick?: (event: ECElementEvent) => void;
  testId?: string;
}

/** A chart's container, as tests see it. */
export type ChartElement = HTMLDivElement & { echartsInstance?: ECharts };

/** The one ECharts renderer of the dashboard: registers its parts, draws, follows its container's size. */
export function EChart({ option, parts, renderer = 'canvas', height = 320, className, ariaLabel, onItemClick, testId }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;
  const { i18n } = useTranslation();
  const locale = i18n.language.startsWith('zh') ? 'ZH' : 'EN';

  // `use` ignores parts registered before, so registering on every mount is cheap.
  use([...parts]);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer, locale });
    chartRef.current = chart;
    // Browser tests read what was drawn (node positions, the option) from the element's instance.
    (element as ChartElement).echartsInstance = chart;
    chart.on('click', (event) => clickRef.current?.(event));
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
      delete (element as ChartElement).echartsInstance;
    };
  }, [renderer, locale]);

  // Declared after the init effect so a re-created chart gets the option in the same commit.
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setOption(option, { notMerge: true });
    // Marks the chart as drawn, for tests and the load-time budget.
    containerRef.current?.setAttribute('data-rendered', 'true');
  }, [option, renderer, locale]);

  return (
    <div
      ref={containerRef}
      className={className}
      style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined }}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
}
