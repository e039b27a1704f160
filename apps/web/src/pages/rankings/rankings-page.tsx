import type { DepartmentScore, Grade, PointsLost } from '@app/contracts';
import { GRADE_COLORS, GRADE_ORDER } from '@app/charts';
import { POINTS_LOST_PARTS } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { scoresQuery } from '../../api/score-queries';
import { canAccess, ownDepartmentPath } from '../../lib/access';
import { useGradeLabels } from '../../lib/chart-labels';
import { useCurrentUser } from '../../lib/current-user';
import { formatScore } from '../../lib/format';
import { useDepartments } from '../../lib/use-departments';
import { useGradeThresholds } from '../../lib/use-grade-thresholds';
import { usePeriod, usePeriodLink } from '../../lib/use-period';
import { NOT_ON_PHONE, useIsPhone } from '../../lib/use-phone';
import { ExportButtons } from '../../components/export-buttons';
import { GradeTag } from '../../components/grade-tag';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { RankChange } from '../../components/rank-change';
import { ScoreValue } from '../../components/score-value';

interface Row extends DepartmentScore {
  displayName: string;
  category: string | null;
}

/** Nulls (no rank, N/A) sort last whatever the direction. */
function compareNullable(a: number | null | undefined, b: number | null | undefined, order: 'ascend' | 'descend' | null | undefined): number {
  const na = a === null || a === undefined;
  const nb = b === null || b === undefined;
  if (na && nb) return 0;
  if (na) return order === 'descend' ? -1 : 1;
  if (nb) return order === 'descend' ? 1 : -1;
  return a - b;
}

const CATEGORY_PARAM = 'category';
const GRADE_PARAM = 'grade';

/** The city ranking: every department, sortable, filterable by category and grade. */
export function RankingsPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const { period } = usePeriod();
  const link = usePeriodLink();
  const scores = useQuery(scoresQuery(period));
  const { nameOf, categoryOf, categoryLabel, categories } = useDepartments();
  const thresholds = useGradeThresholds(scores.data?.schemeVersion);
  const grades = useGradeLabels();
  const [params, setParams] = useSearchParams();
  const category = params.get(CATEGORY_PARAM) ?? undefined;
  const gradeFilter = (params.get(GRADE_PARAM) ?? undefined) as Grade | 'none' | undefined;
  const canExport = user.role === 'inspector' || user.role === 'leader';
  // A phone shows rank, department, total and grade; the department's page has the rest.
  const phone = useIsPhone();

  const setFilter = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const rows: Row[] = useMemo(
    () =>
      (scores.data?.departments ?? [])
        .map((d) => ({ ...d, displayName: nameOf(d.dept, d.name), category: categoryOf(d.dept) }))
        .filter((d) => !category || d.category === category)
        .filter((d) => !gradeFilter || (gradeFilter === 'none' ? d.grade === null : d.grade === gradeFilter)),
    [scores.data, nameOf, categoryOf, category, gradeFilter],
  );

  const dimension = (key: 'timeliness' | 'completeness' | 'response'): TableColumnsType<Row>[number] => ({
    key,
    title: t(`dimension.${key}`),
    dataIndex: key,
    align: 'right',
    // "Completeness" needs more room than 完整性 to stay one word.
    width: i18n.language === 'en' ? 136 : 96,
    responsive: NOT_ON_PHONE,
    sorter: (a, b, order) => compareNullable(a[key], b[key], order),
    render: (value: number | null | undefined, row) => <ScoreValue value={value} thresholds={thresholds} testId={`cell-${key}-${row.dept}`} />,
  });

  const columns: TableColumnsType<Row> = [
    {
      key: 'rank',
      title: t('common.rank'),
      dataIndex: 'rank',
      width: phone ? 56 : 72,
      align: 'center',
      defaultSortOrder: 'ascend',
      sorter: (a, b, order) => compareNullable(a.rank, b.rank, order) || (a.dept < b.dept ? -1 : 1),
      render: (rank: number | null) => (rank === null ? <span className="muted">—</span> : <strong>{rank}</strong>),
    },
    {
      key: 'rankChange',
      title: t('common.rankChange'),
      dataIndex: 'rankChange',
      width: 96,
      responsive: NOT_ON_PHONE,
      align: 'center',
      sorter: (a, b, order) => compareNullable(a.rankChange, b.rankChange, order),
      render: (value: number | null) => <RankChange value={value} />,
    },
    {
      key: 'name',
      title: t('common.department'),
      dataIndex: 'displayName',
      // A phone has the room of the columns it leaves out: names wrap rather than end in "…".
      ellipsis: !phone,
      render: (name: string, row) =>
        canAccess(user, 'department', { code: row.dept }) ? (
          <Link to={link(ownDepartmentPath(row.dept))} data-testid="ranking-dept-link">
            {name}
          </Link>
        ) : (
          name
        ),
    },
    {
      key: 'category',
      title: t('common.category'),
      dataIndex: 'category',
      width: 120,
      responsive: NOT_ON_PHONE,
      ellipsis: true,
      render: (c: string | null) => (c ? categoryLabel(c) : '—'),
    },
    {
      key: 'total',
      title: t('dimension.total'),
      dataIndex: 'total',
      width: phone ? 72 : 96,
      align: 'right',
      sorter: (a, b, order) => compareNullable(a.total, b.total, order),
      render: (total: number | null, row) => (
        <strong data-testid={`cell-total-${row.dept}`} data-value={total ?? ''}>
          {formatScore(total)}
        </strong>
      ),
    },
    {
      key: 'grade',
      title: t('common.grade'),
      dataIndex: 'grade',
      width: phone ? 88 : 104,
      sorter: (a, b, order) => compareNullable(a.grade ? GRADE_ORDER.indexOf(a.grade) : null, b.grade ? GRADE_ORDER.indexOf(b.grade) : null, order),
      render: (grade: Grade | null) => <GradeTag grade={grade} />,
    },
    dimension('timeliness'),
    dimension('completeness'),
    dimension('response'),
  ];

  // Points lost per part: leaders, inspectors and admins only (a department user's record has none for others).
  const showPointsLost = user.role !== 'department';
  const lost = (key: keyof PointsLost): TableColumnsType<Row>[number] => ({
    key: `pointsLost-${key}`,
    title: key === 'total' ? t('pointsLost.columnTotal') : t(`pointsLost.parts.${key}`),
    align: 'right',
    width: 88,
    responsive: NOT_ON_PHONE,
    sorter: (a, b, order) => compareNullable(a.pointsLost?.[key], b.pointsLost?.[key], order),
    render: (_: unknown, row) => {
      const v = row.pointsLost?.[key];
      return (
        <span data-testid={`cell-lost-${key}-${row.dept}`} data-value={v ?? ''} className={v ? 'text-danger' : 'muted'}>
          {v === null || v === undefined ? '—' : formatScore(v)}
        </span>
      );
    },
  });
  if (showPointsLost) {
    columns.push({ key: 'pointsLost', title: t('pointsLost.column'), responsive: NOT_ON_PHONE, children: [lost('total'), ...POINTS_LOST_PARTS.map(lost)] });
  }

  return (
    <div className="page rankings-page">
      <PageHeading title={t('nav.rankings')} period={period} extra={canExport ? <ExportButtons period={period} size="small" /> : undefined} />
      <Card size="small">
        <Space wrap className="table-toolbar">
          <Select
            allowClear
            placeholder={t('rankings.allCategories')}
            value={category}
            onChange={(v?: string) => setFilter(CATEGORY_PARAM, v)}
            options={categories.map((c) => ({ value: c, label: categoryLabel(c) }))}
            style={{ minWidth: 160 }}
            aria-label={t('rankings.filterCategory')}
            data-testid="category-filter"
          />
          <Select
            allowClear
            placeholder={t('rankings.allGrades')}
            value={gradeFilter}
            onChange={(v?: string) => setFilter(GRADE_PARAM, v)}
            options={[...GRADE_ORDER.map((g) => ({ value: g, label: grades[g] })), { value: 'none', label: t('grade.none') }]}
            style={{ minWidth: 140 }}
            aria-label={t('rankings.filterGrade')}
          />
          <Typography.Text type="secondary">
            {t('rankings.showing', { count: rows.length })}
            {user.role === 'department' ? ` · ${t('rankings.redactedHint')}` : ''}
          </Typography.Text>
          <span className="legend-inline" aria-hidden>
            {GRADE_ORDER.map((g) => (
              <span key={g} className="legend-item">
                <span className="grade-dot" style={{ background: GRADE_COLORS[g] }} />
                {g === 'D' ? `D <${thresholds.C}` : `${g} ≥${thresholds[g]}`}
              </span>
            ))}
          </span>
        </Space>
        <QueryView query={scores} minHeight={320}>
          {() => (
            <Table<Row>
              size="small"
              rowKey="dept"
              columns={columns}
              dataSource={rows}
              pagination={false}
              sticky
              onRow={(row) => ({ 'data-testid': 'ranking-row', 'data-dept': row.dept, 'data-rank': row.rank ?? '' }) as HTMLAttributes<HTMLElement>}
              rowClassName={(row) => (user.dept === row.dept ? 'row-own' : row.rank === null ? 'row-unranked' : '')}
              locale={{ emptyText: t('state.empty') }}
              scroll={phone ? undefined : { x: (showPointsLost ? 1450 : 900) + (i18n.language === 'en' ? 240 : 0) }}
            />
          )}
        </QueryView>
      </Card>
      <p className="footnote">{t('rankings.colourNote', { a: thresholds.A, b: thresholds.B, c: thresholds.C })}</p>
    </div>
  );
}
