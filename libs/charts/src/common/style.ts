import type { TitleComponentOption } from 'echarts/components';

/** Presentation knobs shared by every builder: the web passes a larger font in large-display mode. */
export interface ChartStyle {
  /** Base font size in px (axis labels, legends); default 12. */
  fontSize?: number;
  /** Draw without animation (server-side SVG, screenshots). */
  animation?: boolean;
  /** The dashboard's large-display (big-screen) mode: charts that can write values in place do. */
  largeDisplay?: boolean;
}

export const DEFAULT_FONT_SIZE = 12;
export const BRAND_COLOR = '#1554b8';
export const CITY_AVERAGE_COLOR = '#5b6474';
export const TEXT_COLOR = '#333a47';
export const MUTED_TEXT_COLOR = '#6b7280';
export const FONT_FAMILY = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

export function fontSizeOf(style: ChartStyle | undefined): number {
  return style?.fontSize ?? DEFAULT_FONT_SIZE;
}

/** Options every chart starts from. */
export function baseOption(style: ChartStyle | undefined) {
  return {
    animation: style?.animation ?? true,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: fontSizeOf(style), color: TEXT_COLOR },
  };
}

/** The centred message a chart shows instead of an empty plot (the PDF has no empty-state widget). */
export function emptyTitle(text: string, style: ChartStyle | undefined): TitleComponentOption {
  return {
    text,
    left: 'center',
    top: 'middle',
    textStyle: { fontSize: fontSizeOf(style) + 2, fontWeight: 'normal', color: MUTED_TEXT_COLOR },
  };
}

/** A score as shown in charts: two decimals as stored, no trailing zeros. */
export function formatScore(value: number | null | undefined, missing = '—'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missing;
  return String(Math.round(value * 100) / 100);
}

/** A score with exactly two decimals, as the tables write it (87.50, not 87.5). */
export function formatScoreFixed(value: number | null | undefined, missing = '—'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missing;
  return (Math.round(value * 100) / 100).toFixed(2);
}

/** Text for an HTML tooltip: names come from master data, so they are written as text, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Departments by code, for stable tie-breaks that do not depend on the locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
