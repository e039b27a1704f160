import {
  buildSharingMatrixModel,
  buildSharingMatrixOption,
  buildSharingNetworkModel,
  buildSharingNetworkOption,
  ON_TIME_BANDS,
  sharingMatrixHeight,
  sharingMatrixParts,
  sharingNetworkInsets,
  sharingNetworkParts,
  type SharingNetworkInput,
} from '@app/charts';
import type { NetworkResponse } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Col, Row, Segmented, Statistic, Tooltip, Typography } from 'antd';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { networkQuery } from '../../api/score-queries';
import { ownDepartmentPath } from '../../lib/access';
import { formatPercent } from '../../lib/format';
import { useChartStyle } from '../../lib/use-chart-style';
import { useDepartments } from '../../lib/use-departments';
import { usePeriod, usePeriodLink } from '../../lib/use-period';
import { ChartCard } from '../../components/chart-card';
import { EChart } from '../../components/echart';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';

const GRAPH_PARTS = [...sharingNetworkParts, CanvasRenderer];
const MATRIX_PARTS = [...sharingMatrixParts, CanvasRenderer];

type View = 'force' | 'circular' | 'matrix';

/** Who asks whom for data, and how promptly they are answered: the information-silo view. */
export function NetworkPage() {
  const { t } = useTranslation();
  const { period } = usePeriod();
  const network = useQuery(networkQuery(period));
  return (
    <div className="page network-page">
      <PageHeading title={t('nav.network')} period={period} />
      <QueryView query={network} minHeight={400} isEmpty={(d) => d.nodes.length === 0}>
        {(data) => <NetworkView data={data} />}
      </QueryView>
    </div>
  );
}

/** The element's width, in steps of 40 px so a resize does not recompute the layout on every pixel. */
function useSteppedWidth(): [RefObject<HTMLDivElement | null>, number | null] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(Math.round(element.clientWidth / 40) * 40));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function NetworkView({ data }: { data: NetworkResponse }) {
  const { t } = useTranslation();
  const style = useChartStyle();
  const navigate = useNavigate();
  const link = usePeriodLink();
  const { nameOf } = useDepartments();
  const [view, setView] = useState<View>('force');
  const [boxRef, boxWidth] = useSteppedWidth();
  const graphHeight = style.fontSize && style.fontSize > 12 ? 620 : 500;

  const input = useMemo<SharingNetworkInput>(
    () => ({
      nodes: data.nodes.map((n) => ({ ...n, name: nameOf(n.dept, n.name) })),
      edges: data.edges.map((e) => ({ ...e, settled: e.onTime + e.late })),
    }),
    [data, nameOf],
  );
  const model = useMemo(() => buildSharingNetworkModel(input), [input]);
  const bands = useMemo(
    () => ({ good: t('network.bands.good'), fair: t('network.bands.fair'), poor: t('network.bands.poor'), unknown: t('network.bands.unknown') }),
    [t],
  );
  const graphOption = useMemo(() => {
    // Drawn once the width is known: a layout for a guessed shape would jump when it is replaced.
    if (view === 'matrix' || boxWidth === null) return null;
    const insets = sharingNetworkInsets(model, style);
    // The layout is computed for the drawing area's own proportions, so ECharts need not stretch it.
    const aspect = Math.max(1, boxWidth - insets.left - insets.right) / Math.max(1, graphHeight - insets.top - insets.bottom);
    return buildSharingNetworkOption(
      model,
      {
        category: (c) => c ?? t('network.uncategorised'),
        isolated: t('network.isolated'),
        bands,
        requestsReceived: t('network.requestsReceived'),
        requests: t('networkView.requestsTip'),
        onTimeRate: t('network.onTimeRate'),
        settled: t('networkView.settledTip'),
        empty: t('state.empty'),
      },
      style,
      { layout: view, aspect },
    );
  }, [model, t, bands, style, view, boxWidth, graphHeight]);

  const matrixModel = useMemo(() => buildSharingMatrixModel(input), [input]);
  const matrixOption = useMemo(
    () =>
      view === 'matrix'
        ? buildSharingMatrixOption(
            matrixModel,
            {
              requester: t('networkView.requester'),
              provider: t('networkView.provider'),
              bands,
              requests: t('networkView.requestsTip'),
              onTimeRate: t('network.onTimeRate'),
              settled: t('networkView.settledTip'),
              empty: t('state.empty'),
            },
            style,
          )
        : null,
    [matrixModel, t, bands, style, view],
  );

  const isolated = data.nodes.filter((n) => n.isolated);
  const { summary } = data;

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={18}>
        <ChartCard
          title={view === 'matrix' ? t('networkView.matrixTitle') : t('network.chartTitle')}
          testId="network-card"
          extra={
            <Segmented<View>
              size="small"
              value={view}
              onChange={setView}
              data-testid="network-view-switch"
              options={[
                { value: 'force', label: t('network.layoutForce') },
                { value: 'circular', label: t('network.layoutCircular') },
                { value: 'matrix', label: t('networkView.matrix') },
              ]}
            />
          }
        >
          <div ref={boxRef}>
            {graphOption ? (
              <EChart
                key="graph"
                option={graphOption}
                parts={GRAPH_PARTS}
                height={graphHeight}
                ariaLabel={t('network.chartTitle')}
                testId="network-chart"
                onItemClick={(e) => {
                  if (e.dataType === 'node' && typeof e.dataIndex === 'number') {
                    const node = model.nodes[e.dataIndex];
                    if (node) void navigate(link(ownDepartmentPath(node.dept)));
                  }
                }}
              />
            ) : matrixOption ? (
              <EChart
                key="matrix"
                option={matrixOption}
                parts={MATRIX_PARTS}
                height={sharingMatrixHeight(matrixModel, style)}
                ariaLabel={t('networkView.matrixTitle')}
                testId="network-matrix"
              />
            ) : (
              <div style={{ height: graphHeight }} />
            )}
          </div>
          <Typography.Paragraph type="secondary" className="chart-footnote">
            {view === 'matrix' ? t('networkView.matrixHint') : t('network.hint')}
          </Typography.Paragraph>
        </ChartCard>
      </Col>
      <Col xs={24} xl={6}>
        <Row gutter={[12, 12]}>
          <Col span={24}>
            <ChartCard title={t('network.summary')} testId="network-summary">
              <Row gutter={[8, 8]}>
                <Col span={12}>
                  <Statistic title={t('network.departments')} value={data.nodes.length} />
                </Col>
                <Col span={12}>
                  <Tooltip title={t('networkView.submittedHelp')}>
                    <div data-testid="network-submitted" data-value={summary.requestsSubmitted}>
                      <Statistic title={<span className="network-help">{t('networkView.submitted')}</span>} value={summary.requestsSubmitted} />
                    </div>
                  </Tooltip>
                </Col>
                <Col span={12}>
                  <Tooltip title={t('networkView.onTimeHelp')}>
                    <div data-testid="network-on-time" data-value={summary.onTimeRate ?? ''} data-settled={summary.requestsSettled}>
                      <Statistic
                        title={<span className="network-help">{t('network.onTimeRate')}</span>}
                        value={summary.onTimeRate === null ? '—' : formatPercent(summary.onTimeRate, 2)}
                      />
                      <Typography.Text type="secondary" className="network-note">
                        {t('networkView.settledCount', { count: summary.requestsSettled })}
                      </Typography.Text>
                    </div>
                  </Tooltip>
                </Col>
                <Col span={12}>
                  <Statistic
                    title={t('network.isolatedCount')}
                    value={isolated.length}
                    styles={{ content: { color: isolated.length > 0 ? ON_TIME_BANDS[2].color : undefined } }}
                  />
                </Col>
              </Row>
              <Typography.Paragraph type="secondary" className="chart-footnote">
                {t('networkView.notOverdue')}
              </Typography.Paragraph>
            </ChartCard>
          </Col>
          <Col span={24}>
            <ChartCard title={t('network.isolatedList')} testId="isolated-list">
              {isolated.length === 0 ? (
                <p className="list-empty">{t('network.noIsolated')}</p>
              ) : (
                <ul className="plain-list">
                  {isolated.map((n) => (
                    <li key={n.dept} data-dept={n.dept}>
                      <Link to={link(ownDepartmentPath(n.dept))}>{nameOf(n.dept, n.name)}</Link>
                      <span className="list-value muted">{t('network.exchanges', { made: n.requestsMade, received: n.requestsReceived })}</span>
                    </li>
                  ))}
                </ul>
              )}
            </ChartCard>
          </Col>
        </Row>
      </Col>
    </Row>
  );
}
