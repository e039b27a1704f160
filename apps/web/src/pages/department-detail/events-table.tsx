import type { EventView } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { eventsQuery } from '../../api/score-queries';
import { formatInstant } from '../../lib/format';
import { useAssessmentClock } from '../../lib/use-period';
import { QueryView } from '../../components/query-view';

/** The raw events behind a finding, as ingested (source file and line included). */
export function EventsTable({ code, ids }: { code: string; ids: string[] }) {
  const { t } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const events = useQuery(eventsQuery(code, ids));
  const text = (v: string | number | null) => (v === null || v === '' ? '—' : v);
  const columns: TableColumnsType<EventView> = [
    { key: 'id', title: t('events.id'), dataIndex: 'id', width: 120 },
    { key: 'type', title: t('events.type'), dataIndex: 'type', width: 150 },
    { key: 'at', title: t('events.at'), dataIndex: 'at', width: 150, render: (v: string) => formatInstant(v, timeZone) },
    { key: 'resource', title: t('events.resource'), dataIndex: 'resource', render: text },
    {
      key: 'records',
      title: t('events.records'),
      width: 130,
      render: (_: unknown, e) => (e.records === null ? '—' : `${e.completeRecords ?? '—'} / ${e.records}`),
    },
    { key: 'ref', title: t('events.reference'), render: (_: unknown, e) => text(e.request ?? e.objection) },
    { key: 'party', title: t('events.party'), render: (_: unknown, e) => text(e.requester ?? e.raisedBy) },
    { key: 'decision', title: t('events.decision'), render: (_: unknown, e) => text(e.decision ?? e.reason) },
    { key: 'source', title: t('events.source'), render: (_: unknown, e) => `${e.source}:${e.line}` },
  ];
  return (
    <QueryView query={events} minHeight={80}>
      {(data) => (
        <Table<EventView>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={data}
          pagination={data.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          data-testid="events-table"
          className="events-table"
        />
      )}
    </QueryView>
  );
}
