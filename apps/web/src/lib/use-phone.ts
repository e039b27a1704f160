import { Grid, type Breakpoint } from 'antd';

/** antd's md breakpoint (768px) from below, for the first render before useBreakpoint has measured. */
const PHONE_QUERY = '(max-width: 767.98px)';

/** A phone-sized screen (below antd's md breakpoint): one column, a menu drawer, tables with fewer columns. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === undefined ? window.matchMedia(PHONE_QUERY).matches : !screens.md;
}

/** A table column's `responsive` for the columns a phone leaves out. */
export const NOT_ON_PHONE: Breakpoint[] = ['md'];
