import type { Finding } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findingsQuery } from '../../api/score-queries';
import { useCurrentUser } from '../../lib/current-user';
import { formatInstant, formatScore } from '../../lib/format';
import { useAssessmentClock, usePeriod } from '../../lib/use-period';
import { NOT_ON_PHONE, useIsPhone } from '../../lib/use-phone';
import { ChartCard } from '../../components/chart-card';
import { QueryView } from '../../components/query-view';
import { AppealModal } from './appeal-modal';
import { AppealStatusTag } from './appeal-status-tag';
import { EventsTable } from './events-table';
import { findingEventIds, findingKey } from './finding-text';
import { useFindingDescription } from './use-finding-description';

const KIND_COLORS: Record<Finding['kind'], string> = { missed_window: 'orange', late_request: 'red', late_objection: 'volcano', low_completeness: 'gold' };

/** What cost the department points, each expandable to the events behind it, with appeals. */
export function FindingsPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { period } = usePeriod();
  const { timeZone } = useAssessmentClock();
  const findings = useQuery(findingsQuery(code, period));
  const [appealing, setAppealing] = useState<Finding | null>(null);
  const canAppeal = user.role === 'department' && user.dept === code;
  const describe = useFindingDescription(code);
  const phone = useIsPhone();
  const at = (iso: string | null) => formatInstant(iso, timeZone);

  const columns: TableColumnsType<Finding> = [
    {
      key: 'kind',
      title: t('findings.kind'),
      width: 120,
      // On a phone the description says it all (kind, deadline, days late): it keeps the room.
      responsive: NOT_ON_PHONE,
      render: (_: unknown, f) => <Tag color={KIND_COLORS[f.kind]}>{t(`findings.kinds.${f.kind}`)}</Tag>,
    },
    { key: 'what', title: t('findings.what'), render: (_: unknown, f) => describe(f) },
    {
      key: 'deadline',
      title: t('findings.deadline'),
      width: 150,
      responsive: NOT_ON_PHONE,
      render: (_: unknown, f) => (f.kind === 'late_request' || f.kind === 'late_objection' ? at(f.deadline) : '—'),
    },
    {
      key: 'late',
      title: t('findings.workdaysLate'),
      width: 96,
      responsive: NOT_ON_PHONE,
      align: 'right',
      render: (_: unknown, f) => (f.kind === 'late_request' || f.kind === 'late_objection' ? <strong className="text-danger">{f.workdaysLate}</strong> : '—'),
    },
    {
      key: 'points',
      title: t('findings.points'),
      width: phone ? 64 : 80,
      align: 'right',
      render: (_: unknown, f) =>
        f.pointsLost === undefined ? (
          <span className="muted">—</span>
        ) : (
          <strong className={f.pointsLost > 0 ? 'text-danger' : 'muted'} data-testid="finding-points" data-value={f.pointsLost}>
            {f.pointsLost > 0 ? `−${formatScore(f.pointsLost)}` : formatScore(f.pointsLost)}
          </strong>
        ),
    },
    {
      key: 'appeal',
      title: t('appeals.title'),
      width: phone ? 84 : 150,
      render: (_: unknown, f) => (
        <span className="finding-appeal">
          {f.appeal ? <AppealStatusTag status={f.appeal.status} /> : null}
          {canAppeal && (!f.appeal || f.appeal.status === 'rejected') ? (
            <Button size="small" onClick={() => setAppealing(f)} data-testid="appeal-button">
              {t('appeals.file')}
            </Button>
          ) : null}
          {!f.appeal && !canAppeal ? <span className="muted">—</span> : null}
        </span>
      ),
    },
  ];

  return (
    <ChartCard title={t('findings.title')} testId="findings-card" extra={<Typography.Text type="secondary">{t('findings.hint')}</Typography.Text>}>
      <QueryView query={findings} minHeight={160} isEmpty={(d) => d.findings.length === 0} empty={<p className="list-empty">{t('findings.none')}</p>}>
        {(data) => (
          <Table<Finding>
            size="small"
            rowKey={findingKey}
            columns={columns}
            dataSource={data.findings}
            pagination={data.findings.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            onRow={(f) => ({ 'data-testid': 'finding-row', 'data-kind': f.kind, 'data-points': f.pointsLost ?? '' }) as React.HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowRender: (f) => <FindingEvents code={code} finding={f} />,
              expandRowByClick: false,
            }}
          />
        )}
      </QueryView>
      {appealing ? <AppealModal code={code} period={period} finding={appealing} description={describe(appealing)} onClose={() => setAppealing(null)} /> : null}
    </ChartCard>
  );
}

function FindingEvents({ code, finding }: { code: string; finding: Finding }) {
  const { t } = useTranslation();
  const ids = findingEventIds(finding);
  if (finding.kind === 'missed_window' || ids.length === 0) {
    return (
      <Tooltip title={t('findings.noEventsHint')}>
        <p className="list-empty">{t('findings.noEvents')}</p>
      </Tooltip>
    );
  }
  return <EventsTable code={code} ids={ids} />;
}
