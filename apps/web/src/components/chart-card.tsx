import type { ReactNode } from 'react';

/**
 * A titled panel holding one chart or list; `extra` sits at the right of the title. Plain markup
 * styled like antd's small Card: the overview draws eight of these and antd's Card would add
 * ~14 KB (gzip) to the route for a border and a title.
 */
export function ChartCard({
  title,
  extra,
  children,
  testId,
  className,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <section className={className ? `panel ${className}` : 'panel'} data-testid={testId}>
      <header className="panel-head">
        <h2 className="panel-title">{title}</h2>
        {extra ? <div className="panel-extra">{extra}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
