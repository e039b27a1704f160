import type { DepartmentScore, DepartmentView } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { departmentsQuery, scoresQuery } from '../../api/score-queries';
import { ownDepartmentPath } from '../../lib/access';
import { formatScore } from '../../lib/format';
import { usePreferences } from '../../lib/preferences';
import { usePeriod, usePeriodLink } from '../../lib/use-period';
import { GradeTag } from '../../components/grade-tag';
import { PageHeading } from '../../components/page-heading';
import { QueryView } from '../../components/query-view';
import { useDepartments } from '../../lib/use-departments';

interface Row extends DepartmentView {
  score: DepartmentScore | undefined;
}

/** Every department of the master data with its score for the period: the way into a department's page. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const { categoryLabel } = useDepartments();
  const { language } = usePreferences();
  const { period } = usePeriod();
  const link = usePeriodLink();
  const departments = useQuery(departmentsQuery);
  const scores = useQuery(scoresQuery(period));
  const [search, setSearch] = useState('');

  const rows: Row[] = useMemo(() => {
    const byDept = new Map((scores.data?.departments ?? []).map((d) => [d.dept, d]));
    const q = search.trim().toLowerCase();
    return (departments.data ?? [])
      .map((d) => ({ ...d, score: byDept.get(d.code) }))
      .filter((d) => !q || [d.code, d.name, d.nameEn ?? '', d.category ?? ''].some((s) => s.toLowerCase().includes(q)));
  }, [departments.data, scores.data, search]);

  const columns: TableColumnsType<Row> = [
    { key: 'code', title: t('common.code'), dataIndex: 'code', width: 90, sorter: (a, b) => (a.code < b.code ? -1 : 1) },
    {
      key: 'name',
      title: t('common.department'),
      render: (_: unknown, d) => <Link to={link(ownDepartmentPath(d.code))}>{language === 'en' && d.nameEn ? d.nameEn : d.name}</Link>,
    },
    {
      key: 'category',
      title: t('common.category'),
      dataIndex: 'category',
      width: 140,
      filters: [...new Set((departments.data ?? []).map((d) => d.category ?? ''))].map((c) => ({ text: c ? categoryLabel(c) : '—', value: c })),
      onFilter: (value, d) => (d.category ?? '') === value,
      render: (c: string | null) => (c ? categoryLabel(c) : '—'),
    },
    {
      key: 'active',
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (a: boolean) => (a ? <Tag color="green">{t('departments.active')}</Tag> : <Tag>{t('departments.inactive')}</Tag>),
    },
    {
      key: 'total',
      title: t('dimension.total'),
      width: 96,
      align: 'right',
      sorter: (a, b) => (a.score?.total ?? -1) - (b.score?.total ?? -1),
      render: (_: unknown, d) => formatScore(d.score?.total),
    },
    { key: 'rank', title: t('common.rank'), width: 72, align: 'center', render: (_: unknown, d) => d.score?.rank ?? '—' },
    { key: 'grade', title: t('common.grade'), width: 100, render: (_: unknown, d) => <GradeTag grade={d.score?.grade ?? null} /> },
  ];

  return (
    <div className="page departments-page">
      <PageHeading title={t('nav.departments')} period={period} />
      <Card size="small">
        <div className="table-toolbar">
          <Input.Search allowClear placeholder={t('departments.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 280 }} />
        </div>
        <QueryView query={departments} minHeight={240}>
          {() => (
            <Table<Row>
              size="small"
              rowKey="code"
              columns={columns}
              dataSource={rows}
              pagination={false}
              loading={scores.isPending}
              onRow={(d) => ({ 'data-testid': 'department-row', 'data-dept': d.code }) as React.HTMLAttributes<HTMLElement>}
            />
          )}
        </QueryView>
      </Card>
    </div>
  );
}
