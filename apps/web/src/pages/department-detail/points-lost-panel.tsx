import { buildPointsLostWaterfallModel, buildPointsLostWaterfallOption, pointsLostWaterfallParts } from '@app/charts';
import { FINDING_PART, POINTS_LOST_PARTS, type DepartmentScore, type Finding, type PointsLostPart } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Collapse, Typography, type CollapseProps } from 'antd';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findingsQuery } from '../../api/score-queries';
import { formatScore } from '../../lib/format';
import { useChartStyle } from '../../lib/use-chart-style';
import { usePeriod } from '../../lib/use-period';
import { useIsPhone } from '../../lib/use-phone';
import { ChartCard } from '../../components/chart-card';
import { EChart } from '../../components/echart';
import { AppealStatusTag } from './appeal-status-tag';
import { findingKey } from './finding-text';
import { useFindingDescription } from './use-finding-description';

const WATERFALL_PARTS = [...pointsLostWaterfallParts, CanvasRenderer];
/** A seventh of a phone's chart width, in px. */
const PHONE_LABEL_WIDTH = 40;
/** 申请答复 as 申请 over 答复, not 申请答 over 复 (ECharts breaks Chinese where the width runs out). */
const halveChinese = (label: string): string => (/^[\u4e00-\u9fff]{4}$/.test(label) ? `${label.slice(0, 2)}\n${label.slice(2)}` : label);

const cents = (x: number): number => Math.round(x * 100);
const lossText = (x: number): string => (x > 0 ? `−${formatScore(x)}` : formatScore(x));

/**
 * From 100 down to the department's total, one step per part (scoring.md "Points lost"); each step
 * opens what is behind it: the findings of that part with their points, the interface counts, and for
 * completeness what the listed resources leave to the others.
 */
export function PointsLostPanel({ code, score }: { code: string; score: DepartmentScore | null }) {
  const { t } = useTranslation();
  const style = useChartStyle();
  const { period } = usePeriod();
  const findings = useQuery(findingsQuery(code, period));
  const describe = useFindingDescription(code);
  const [open, setOpen] = useState<string[]>([]);
  const pointsLost = score?.pointsLost ?? null;

  const model = useMemo(() => buildPointsLostWaterfallModel({ pointsLost }), [pointsLost]);
  const phone = useIsPhone();
  const option = useMemo(() => {
    const built = buildPointsLostWaterfallOption(
      model,
      {
        start: t('pointsLost.start'),
        total: t('pointsLost.total'),
        parts: Object.fromEntries(POINTS_LOST_PARTS.map((p) => [p, t(`pointsLost.parts.${p}`)])) as Record<PointsLostPart, string>,
        notApplicable: t('dimension.notApplicable'),
        empty: t('state.empty'),
      },
      style,
    );
    // Seven labels side by side run into each other on a phone: each wraps within its bar's width.
    if (!phone || !built.xAxis || Array.isArray(built.xAxis)) return built;
    const axisLabel = { interval: 0, width: PHONE_LABEL_WIDTH, overflow: 'break' as const, formatter: halveChinese };
    return { ...built, xAxis: { ...built.xAxis, axisLabel } };
  }, [model, t, style, phone]);

  const byPart = useMemo(() => {
    const out = new Map<PointsLostPart, Finding[]>();
    for (const f of findings.data?.findings ?? []) {
      const part = FINDING_PART[f.kind];
      out.set(part, [...(out.get(part) ?? []), f]);
    }
    return out;
  }, [findings.data]);

  const findingList = (list: readonly Finding[]) => (
    <ul className="points-lost-findings">
      {list.map((f) => (
        <li key={findingKey(f)} data-testid="points-lost-finding" data-kind={f.kind} data-value={f.pointsLost ?? ''}>
          <span className="points-lost-finding-text">
            {describe(f)} {f.appeal ? <AppealStatusTag status={f.appeal.status} /> : null}
          </span>
          <strong className={f.pointsLost ? 'text-danger' : 'muted'}>{f.pointsLost === undefined ? '—' : lossText(f.pointsLost)}</strong>
        </li>
      ))}
    </ul>
  );

  const detail = (part: PointsLostPart, lost: number) => {
    if (part === 'interfaces') {
      return (
        <p className="points-lost-note" data-testid="points-lost-interfaces">
          {t('pointsLost.interfaces', { success: score?.counts.apiSuccess ?? 0, failure: score?.counts.apiFailure ?? 0 })}
        </p>
      );
    }
    if (findings.isPending) return <p className="list-empty">{t('state.loading')}</p>;
    const list = byPart.get(part) ?? [];
    if (part === 'completeness') {
      const listed = list.reduce((sum, f) => sum + cents(f.pointsLost ?? 0), 0);
      const other = Math.max(0, cents(lost) - listed) / 100;
      return (
        <>
          {list.length ? findingList(list) : null}
          {other > 0 || list.length === 0 ? (
            <ul className="points-lost-findings">
              <li data-testid="points-lost-other" data-value={other}>
                <span className="points-lost-finding-text">{t('pointsLost.otherResources')}</span>
                <strong className={other > 0 ? 'text-danger' : 'muted'}>{lossText(other)}</strong>
              </li>
            </ul>
          ) : null}
        </>
      );
    }
    return list.length ? findingList(list) : <p className="list-empty">{t('pointsLost.noFindings')}</p>;
  };

  const items: CollapseProps['items'] = POINTS_LOST_PARTS.map((part) => {
    const lost = pointsLost?.[part] ?? null;
    const count = part === 'interfaces' ? null : (byPart.get(part)?.length ?? 0);
    return {
      key: part,
      collapsible: lost === null ? 'disabled' : undefined,
      showArrow: lost !== null,
      label: (
        <span className="points-lost-step" data-testid="points-lost-step" data-part={part} data-value={lost ?? ''}>
          <span>{t(`pointsLost.parts.${part}`)}</span>
          {count !== null && lost !== null ? <span className="muted">{t('pointsLost.findings', { count })}</span> : null}
        </span>
      ),
      extra: <strong className={lost ? 'text-danger' : 'muted'}>{lost === null ? t('dimension.notApplicable') : lossText(lost)}</strong>,
      children: lost === null ? null : detail(part, lost),
    };
  });

  return (
    <ChartCard title={t('pointsLost.title')} testId="points-lost-card" extra={<Typography.Text type="secondary">{t('pointsLost.hint')}</Typography.Text>}>
      {model.empty ? (
        <p className="list-empty">{t('department.noData')}</p>
      ) : (
        <div className="points-lost" data-testid="points-lost" data-total={pointsLost?.total ?? ''}>
          <EChart
            option={option}
            parts={WATERFALL_PARTS}
            height={style.fontSize && style.fontSize > 12 ? 340 : 280}
            ariaLabel={t('pointsLost.chart')}
            testId="points-lost-chart"
            onItemClick={(event) => {
              const step = model.steps[(event.dataIndex ?? 0) - 1];
              if (step) setOpen((keys) => (keys.includes(step.part) ? keys : [...keys, step.part]));
            }}
          />
          <Collapse size="small" items={items} activeKey={open} onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])} />
          <p className="footnote">{t('pointsLost.roundingNote', { total: formatScore(pointsLost?.total) })}</p>
        </div>
      )}
    </ChartCard>
  );
}
