import { buildSharingNetworkModel, buildSharingNetworkOption, ON_TIME_BANDS, sharingNetworkParts } from '@app/charts';
import type { NetworkResponse } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Col, Row, Segmented, Statistic, Typography } from 'antd';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo, useState } from 'react';
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

const PARTS = [...sharingNetworkParts, CanvasRenderer];

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

function NetworkView({ data }: { data: NetworkResponse }) {
  const { t } = useTranslation();
  const style = useChartStyle();
  const navigate = useNavigate();
  const link = usePeriodLink();
  const { nameOf } = useDepartments();
  const [layout, setLayout] = useState<'force' | 'circular'>('force');
  const model = useMemo(
    () => buildSharingNetworkModel({ nodes: data.nodes.map((n) => ({ ...n, name: nameOf(n.dept, n.name) })), edges: data.edges }),
    [data, nameOf],
  );
  const option = useMemo(
    () =>
      buildSharingNetworkOption(
        model,
        {
          category: (c) => c ?? t('network.uncategorised'),
          isolated: t('network.isolated'),
          bands: { good: t('network.bands.good'), fair: t('network.bands.fair'), poor: t('network.bands.poor'), unknown: t('network.bands.unknown') },
          requestsReceived: t('network.requestsReceived'),
          requests: t('network.requests'),
          onTimeRate: t('network.onTimeRate'),
          empty: t('state.empty'),
        },
        style,
        { layout },
      ),
    [model, t, style, layout],
  );
  const isolated = data.nodes.filter((n) => n.isolated);
  const totalRequests = data.edges.reduce((s, e) => s + e.requests, 0);
  const settled = data.edges.reduce((s, e) => s + e.onTime + e.late, 0);
  const onTime = data.edges.reduce((s, e) => s + e.onTime, 0);

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={18}>
        <ChartCard
          title={t('network.chartTitle')}
          testId="network-card"
          extra={
            <Segmented<'force' | 'circular'>
              size="small"
              value={layout}
              onChange={setLayout}
              options={[
                { value: 'force', label: t('network.layoutForce') },
                { value: 'circular', label: t('network.layoutCircular') },
              ]}
            />
          }
        >
          <EChart
            option={option}
            parts={PARTS}
            height={style.fontSize && style.fontSize > 12 ? 620 : 500}
            ariaLabel={t('network.chartTitle')}
            testId="network-chart"
            onItemClick={(e) => {
              if (e.dataType === 'node' && typeof e.dataIndex === 'number') {
                const node = model.nodes[e.dataIndex];
                if (node) void navigate(link(ownDepartmentPath(node.dept)));
              }
            }}
          />
          <Typography.Paragraph type="secondary" className="chart-footnote">
            {t('network.hint')}
          </Typography.Paragraph>
        </ChartCard>
      </Col>
      <Col xs={24} xl={6}>
        <Row gutter={[12, 12]}>
          <Col span={24}>
            <ChartCard title={t('network.summary')}>
              <Row gutter={[8, 8]}>
                <Col span={12}>
                  <Statistic title={t('network.departments')} value={data.nodes.length} />
                </Col>
                <Col span={12}>
                  <Statistic title={t('network.requests')} value={totalRequests} />
                </Col>
                <Col span={12}>
                  <Statistic title={t('network.onTimeRate')} value={settled > 0 ? formatPercent((100 * onTime) / settled) : '—'} />
                </Col>
                <Col span={12}>
                  <Statistic
                    title={t('network.isolatedCount')}
                    value={isolated.length}
                    styles={{ content: { color: isolated.length > 0 ? ON_TIME_BANDS[2].color : undefined } }}
                  />
                </Col>
              </Row>
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
