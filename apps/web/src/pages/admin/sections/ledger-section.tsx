import type { LedgerEntry } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ledgerQuery } from '../../../api/admin-queries';
import { formatBytes, formatInstant } from '../../../lib/format';
import { useAssessmentClock } from '../../../lib/use-period';
import { QueryView } from '../../../components/query-view';

const PAGE = 50;
const STATUS_COLORS: Record<LedgerEntry['status'], string> = { processing: 'processing', done: 'success', failed: 'error' };

/** Every ingest (inbox, command line, HTTP, demo), with its counts: what arrived, what was kept, what was set aside. */
export function LedgerSection() {
  const { t } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const [offset, setOffset] = useState(0);
  const ledger = useQuery(ledgerQuery({ limit: PAGE, offset }));
  const columns: TableColumnsType<LedgerEntry> = [
    { key: 'started', title: t('ledger.startedAt'), dataIndex: 'started_at', width: 150, render: (v: string) => formatInstant(v, timeZone) },
    {
      key: 'kind',
      title: t('ledger.sourceKind'),
      dataIndex: 'source_kind',
      width: 110,
      render: (k: LedgerEntry['source_kind']) => t(`ledger.sourceKinds.${k}`),
    },
    {
      key: 'name',
      title: t('ledger.file'),
      dataIndex: 'name',
      ellipsis: true,
      render: (n: string, e) => <Tooltip title={e.fingerprint ?? undefined}>{n}</Tooltip>,
    },
    { key: 'size', title: t('ledger.size'), dataIndex: 'size', width: 90, align: 'right', render: (s: string | number | null) => formatBytes(s) },
    {
      key: 'status',
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: LedgerEntry['status'], e) => (
        <Tooltip title={e.error ?? undefined}>
          <Tag color={STATUS_COLORS[s]}>{t(`ledger.status.${s}`)}</Tag>
        </Tooltip>
      ),
    },
    { key: 'read', title: t('ledger.read'), dataIndex: 'read', width: 90, align: 'right' },
    { key: 'accepted', title: t('ledger.accepted'), dataIndex: 'accepted', width: 90, align: 'right' },
    { key: 'duplicates', title: t('ledger.duplicates'), dataIndex: 'duplicates', width: 90, align: 'right' },
    {
      key: 'quarantined',
      title: t('ledger.quarantined'),
      dataIndex: 'quarantined',
      width: 90,
      align: 'right',
      render: (q: number) => <span className={q > 0 ? 'text-warning' : undefined}>{q}</span>,
    },
    { key: 'finished', title: t('ledger.finishedAt'), dataIndex: 'finished_at', width: 150, render: (v: string | null) => formatInstant(v, timeZone) },
  ];
  const rows = ledger.data ?? [];
  return (
    <Card size="small" title={t('admin.ledger')}>
      <QueryView query={ledger} minHeight={200} isEmpty={(d) => d.length === 0 && offset === 0}>
        {() => (
          <>
            <Table<LedgerEntry> size="small" rowKey="id" columns={columns} dataSource={rows} pagination={false} loading={ledger.isFetching} />
            <Space className="top-gap">
              <Button size="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('common.previous')}
              </Button>
              <span className="muted">{t('common.rows', { from: rows.length ? offset + 1 : 0, to: offset + rows.length })}</span>
              <Button size="small" disabled={rows.length < PAGE} onClick={() => setOffset(offset + PAGE)}>
                {t('common.next')}
              </Button>
            </Space>
          </>
        )}
      </QueryView>
    </Card>
  );
}
