import { ArrowDownOutlined, ArrowUpOutlined, FlagOutlined, TrophyOutlined } from '@ant-design/icons';
import type { OverviewResponse } from '@app/contracts';
import { Col, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ownDepartmentPath } from '../../lib/access';
import { formatScore } from '../../lib/format';
import { useDepartments } from '../../lib/use-departments';
import { usePeriodLink } from '../../lib/use-period';
import { ChartCard } from '../../components/chart-card';
import { GradeTag } from '../../components/grade-tag';

function DeptLink({ code, name }: { code: string; name: string }) {
  const link = usePeriodLink();
  const { nameOf } = useDepartments();
  return <Link to={link(ownDepartmentPath(code))}>{nameOf(code, name)}</Link>;
}

/** 表彰 and 通报: who is commended, who is named, and why. */
export function RecognitionCard({ overview }: { overview: OverviewResponse }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={12}>
        <ChartCard
          title={
            <span>
              <TrophyOutlined className="icon-commend" aria-hidden /> {t('overview.commended')}
            </span>
          }
          testId="commended-list"
        >
          {overview.commended.length === 0 ? (
            <p className="list-empty">{t('overview.noneCommended')}</p>
          ) : (
            <ol className="plain-list">
              {overview.commended.map((c) => (
                <li key={c.dept} data-dept={c.dept}>
                  <DeptLink code={c.dept} name={c.name} />
                  <span className="list-value">{t('overview.points', { value: formatScore(c.total) })}</span>
                </li>
              ))}
            </ol>
          )}
        </ChartCard>
      </Col>
      <Col xs={24} md={12}>
        <ChartCard
          title={
            <span>
              <FlagOutlined className="icon-notice" aria-hidden /> {t('overview.noticed')}
            </span>
          }
          testId="noticed-list"
        >
          {overview.noticed.length === 0 ? (
            <p className="list-empty">{t('overview.noneNoticed')}</p>
          ) : (
            <ul className="plain-list">
              {overview.noticed.map((n) => (
                <li key={n.dept} data-dept={n.dept}>
                  <DeptLink code={n.dept} name={n.name} />
                  <span className="list-value">
                    {n.grade === 'D' ? <GradeTag grade="D" /> : null}
                    {n.overdueOpenRequests > 0 ? <Tag color="red">{t('overview.overdueCount', { count: n.overdueOpenRequests })}</Tag> : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </ChartCard>
      </Col>
    </Row>
  );
}

/** The biggest climbers and fallers in rank since the previous period. */
export function MoversCard({ overview }: { overview: OverviewResponse }) {
  const { t } = useTranslation();
  const column = (kind: 'climbers' | 'fallers') => {
    const list = overview[kind].slice(0, 5);
    return (
      <div className="movers" data-testid={kind}>
        <div className="movers-title">{t(`overview.${kind}`)}</div>
        {list.length === 0 ? (
          <p className="list-empty">{t('overview.noMovers')}</p>
        ) : (
          <ol className="plain-list">
            {list.map((m) => (
              <li key={m.dept} data-dept={m.dept}>
                <DeptLink code={m.dept} name={m.name} />
                <span className="list-value">
                  <span className={m.rankChange > 0 ? 'rank-change rank-change-up' : 'rank-change rank-change-down'}>
                    {m.rankChange > 0 ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {Math.abs(m.rankChange)}
                  </span>
                  {m.rank !== null ? <span className="muted"> {t('overview.nowRank', { rank: m.rank })}</span> : null}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    );
  };
  return (
    <ChartCard title={t('overview.movers')} testId="movers-card">
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          {column('climbers')}
        </Col>
        <Col xs={24} sm={12}>
          {column('fallers')}
        </Col>
      </Row>
    </ChartCard>
  );
}
