import { useQuery } from '@tanstack/react-query';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { overviewQuery, scoresQuery, trendsQuery } from '../../api/score-queries';
import { shiftPeriod, TREND_LENGTH } from '../../lib/period';
import { useCurrentUser } from '../../lib/current-user';
import { usePeriod } from '../../lib/use-period';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { HeadlineCards } from './headline-cards';
import { HeatmapCard, RankingBarCard, TrendCard } from './overview-charts';
import { CasesSection } from '../warnings/cases-section';
import { MoversCard, RecognitionCard } from './overview-lists';

/** The leadership overview: headline numbers, the ranking, trends, the heatmap and the lists. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { period, kind } = usePeriod();
  const user = useCurrentUser();
  // Admins read no rectification case (access.md): the open cases are for leaders and inspectors.
  const showCases = user.role === 'leader' || user.role === 'inspector';
  const overview = useQuery(overviewQuery(period));
  const scores = useQuery(scoresQuery(period));
  const trends = useQuery(trendsQuery({ kind, from: shiftPeriod(period, -(TREND_LENGTH[kind] - 1)), to: period }));

  return (
    <div className="page overview-page" data-testid="overview-page">
      <PageHeading title={t('nav.overview')} period={period} />
      {overview.isPending ? (
        <LoadingState minHeight={320} />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <Row gutter={[12, 12]}>
          <Col span={24}>
            <HeadlineCards overview={overview.data} totalDepartments={scores.data?.departments.length} />
          </Col>
          <Col xs={24} xl={12}>
            <RankingBarCard scores={scores} cityAverage={overview.data.cityAverage} />
          </Col>
          <Col xs={24} xl={12}>
            <Row gutter={[12, 12]}>
              <Col span={24}>
                <TrendCard trends={trends} />
              </Col>
              <Col span={24}>
                <RecognitionCard overview={overview.data} />
              </Col>
              <Col span={24}>
                <MoversCard overview={overview.data} />
              </Col>
            </Row>
          </Col>
          <Col span={24}>
            <HeatmapCard overview={overview.data} schemeVersion={scores.data?.schemeVersion} />
          </Col>
          {showCases ? (
            <Col span={24}>
              <CasesSection onlyOpen testId="overview-cases" />
            </Col>
          ) : null}
        </Row>
      )}
    </div>
  );
}
