import type { QuarantineEntryView } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Input, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { replayQuarantine, type ReplayResult } from '../../../api/admin-api';
import { quarantineQuery } from '../../../api/admin-queries';
import { SCORES_ROOT } from '../../../api/score-queries';
import { formatInstant } from '../../../lib/format';
import { messageText } from '../../../lib/message-text';
import { useAssessmentClock } from '../../../lib/use-period';
import { QueryView } from '../../../components/query-view';
import { useFeedback } from './mutation-feedback';

const PAGE = 50;
const OUTCOME_COLORS = { accepted: 'green', duplicate: 'blue', quarantined: 'orange' } as const;

/** Lines set aside at ingest, filterable, and re-validated against the current master data on request. */
export function QuarantineSection() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const queryClient = useQueryClient();
  const feedback = useFeedback();
  const [source, setSource] = useState('');
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(true);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<ReplayResult | null>(null);
  const filter = { source: source.trim() || undefined, reason: reason.trim() || undefined, open, limit: PAGE, offset: (page - 1) * PAGE };
  const entries = useQuery(quarantineQuery(filter));
  const replay = useMutation({
    mutationFn: () => replayQuarantine(filter.source),
    onSuccess: (r) => {
      setResult(r);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'quarantine'] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'ledger'] });
      if (r.accepted > 0) void queryClient.invalidateQueries({ queryKey: [SCORES_ROOT] });
    },
    onError: feedback.fail,
  });

  const columns: TableColumnsType<QuarantineEntryView> = [
    { key: 'source', title: t('quarantine.source'), dataIndex: 'source', width: 200, ellipsis: true, render: (s: string, e) => `${s}:${e.line}` },
    {
      key: 'reason',
      title: t('common.reason'),
      dataIndex: 'reason',
      width: 240,
      ellipsis: true,
      // The stored reason is English; its code renders it in the user's language.
      render: (reason: string, e) => <span title={reason}>{messageText(e.reasonMessage, reason, i18n.language)}</span>,
    },
    {
      key: 'raw',
      title: t('quarantine.raw'),
      dataIndex: 'raw',
      ellipsis: true,
      render: (raw: string) => (
        <Typography.Text code className="raw-line" title={raw}>
          {raw}
        </Typography.Text>
      ),
    },
    { key: 'times', title: t('quarantine.times'), dataIndex: 'times', width: 70, align: 'right' },
    { key: 'last', title: t('quarantine.lastAt'), dataIndex: 'lastAt', width: 150, render: (v: string) => formatInstant(v, timeZone) },
    {
      key: 'replay',
      title: t('quarantine.replayOutcome'),
      width: 150,
      render: (_: unknown, e) =>
        e.replayOutcome ? (
          <Tag color={OUTCOME_COLORS[e.replayOutcome]} title={e.replayReason ?? undefined}>
            {t(`quarantine.outcome.${e.replayOutcome}`)}
          </Tag>
        ) : (
          <span className="muted">{t('quarantine.notReplayed')}</span>
        ),
    },
  ];

  return (
    <Card size="small" title={t('admin.quarantine')}>
      <Space wrap className="table-toolbar">
        <Input.Search
          allowClear
          placeholder={t('quarantine.source')}
          defaultValue={source}
          onSearch={(v) => (setSource(v), setPage(1))}
          style={{ width: 220 }}
        />
        <Input.Search allowClear placeholder={t('common.reason')} defaultValue={reason} onSearch={(v) => (setReason(v), setPage(1))} style={{ width: 220 }} />
        <Checkbox checked={open} onChange={(e) => (setOpen(e.target.checked), setPage(1))}>
          {t('quarantine.openOnly')}
        </Checkbox>
        <Popconfirm
          title={filter.source ? t('quarantine.replayConfirmSource', { source: filter.source }) : t('quarantine.replayConfirmAll')}
          onConfirm={() => replay.mutate()}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button type="primary" loading={replay.isPending} data-testid="quarantine-replay">
            {filter.source ? t('quarantine.replaySource') : t('quarantine.replayAll')}
          </Button>
        </Popconfirm>
      </Space>
      {result ? (
        <Alert
          type={result.quarantined > 0 ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          title={t('quarantine.replayDone', {
            replayed: result.replayed,
            accepted: result.accepted,
            duplicates: result.duplicates,
            quarantined: result.quarantined,
          })}
          className="form-alert"
        />
      ) : null}
      <QueryView query={entries} minHeight={200}>
        {(data) => (
          <Table<QuarantineEntryView>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            loading={entries.isFetching}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: data.total,
              showSizeChanger: false,
              onChange: setPage,
              showTotal: (total) => t('common.total', { count: total }),
            }}
          />
        )}
      </QueryView>
    </Card>
  );
}
