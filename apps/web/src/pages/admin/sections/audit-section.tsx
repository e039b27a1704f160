import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { AUDIT_EXPORT_FORMATS, describeAuditEntry, type AuditEntryView } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditExportUrl } from '../../../api/admin-api';
import { auditQuery } from '../../../api/admin-queries';
import { messageLocale } from '../../../lib/message-text';
import { useCurrentUser } from '../../../lib/current-user';
import { formatInstant } from '../../../lib/format';
import { useAssessmentClock } from '../../../lib/use-period';
import { QueryView } from '../../../components/query-view';

const PAGE = 50;

/** The append-only audit log: who did what, when. */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const locale = messageLocale(i18n.language);
  const { timeZone } = useAssessmentClock();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const me = useCurrentUser();
  const filter = {
    action: action.trim() || undefined,
    actor: actor.trim() || undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const audit = useQuery(auditQuery({ ...filter, limit: PAGE, offset: (page - 1) * PAGE }));
  const columns: TableColumnsType<AuditEntryView> = [
    { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => formatInstant(v, timeZone) },
    {
      key: 'what',
      title: t('audit.what'),
      render: (_: unknown, e) => {
        const { sentence, details } = describeAuditEntry(e, locale);
        return (
          <div className="audit-entry">
            <div title={`${e.actor} · ${e.action}`}>{sentence}</div>
            {details.length > 0 ? (
              <Typography.Text type="secondary" className="audit-details">
                {details.map((d) => `${d.label}${locale === 'zh' ? '：' : ': '}${d.value}`).join(locale === 'zh' ? '；' : '; ')}
              </Typography.Text>
            ) : null}
          </div>
        );
      },
    },
  ];
  return (
    <Card size="small" title={t('admin.audit')}>
      <Space wrap className="table-toolbar">
        <Input.Search allowClear placeholder={t('audit.action')} onSearch={(v) => (setAction(v), setPage(1))} style={{ width: 220 }} />
        <Input.Search allowClear placeholder={t('audit.actor')} onSearch={(v) => (setActor(v), setPage(1))} style={{ width: 220 }} />
        <DatePicker.RangePicker aria-label={t('audit.range')} value={range} onChange={(v) => (setRange(v), setPage(1))} allowEmpty={[true, true]} />
        {me.role === 'admin'
          ? AUDIT_EXPORT_FORMATS.map((format) => (
              <Button
                key={format}
                icon={format === 'xlsx' ? <FileExcelOutlined /> : <FileTextOutlined />}
                href={auditExportUrl(filter, format)}
                download
                data-testid={`audit-export-${format}`}
              >
                {t(`audit.export.${format}`)}
              </Button>
            ))
          : null}
      </Space>
      <Typography.Paragraph type="secondary" className="audit-retention">
        {t('audit.retention')}
      </Typography.Paragraph>
      <QueryView query={audit} minHeight={200}>
        {(data) => (
          <Table<AuditEntryView>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={data.items}
            loading={audit.isFetching}
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
