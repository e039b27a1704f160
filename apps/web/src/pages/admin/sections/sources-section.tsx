import { PlusOutlined } from '@ant-design/icons';
import type { SourceView } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addSource, revokeSource } from '../../../api/admin-api';
import { sourcesQuery } from '../../../api/admin-queries';
import { formatInstant } from '../../../lib/format';
import { useAssessmentClock } from '../../../lib/use-period';
import { QueryView } from '../../../components/query-view';
import { useFeedback } from './mutation-feedback';

/** Systems allowed to push events, each with its own API key (shown once, when created). */
export function SourcesSection() {
  const { t } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const sources = useQuery(sourcesQuery);
  const queryClient = useQueryClient();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ name: string }>();
  const [created, setCreated] = useState<{ name: string; apiKey: string } | null>(null);
  const add = useMutation({
    mutationFn: (name: string) => addSource(name),
    onSuccess: (result) => {
      setCreated(result);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: sourcesQuery.queryKey });
    },
    onError: feedback.fail,
  });
  const revoke = useMutation({
    mutationFn: revokeSource,
    onSuccess: () => {
      feedback.ok(t('sources.revokedDone'));
      void queryClient.invalidateQueries({ queryKey: sourcesQuery.queryKey });
    },
    onError: feedback.fail,
  });

  const columns: TableColumnsType<SourceView> = [
    { key: 'name', title: t('sources.name'), dataIndex: 'name' },
    { key: 'prefix', title: t('sources.keyPrefix'), dataIndex: 'keyPrefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    { key: 'created', title: t('sources.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatInstant(v, timeZone) },
    {
      key: 'status',
      title: t('common.status'),
      dataIndex: 'revokedAt',
      width: 200,
      render: (v: string | null) =>
        v ? <Tag>{t('sources.revokedAt', { time: formatInstant(v, timeZone) })}</Tag> : <Tag color="green">{t('sources.active')}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_: unknown, s) =>
        s.revokedAt ? null : (
          <Popconfirm
            title={t('sources.revokeConfirm', { name: s.name })}
            onConfirm={() => revoke.mutate(s.name)}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
          >
            <Button size="small" danger>
              {t('sources.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card size="small" title={t('admin.sources')}>
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v.name.trim())} className="table-toolbar" data-testid="source-form">
        <Form.Item name="name" rules={[{ required: true, pattern: /^[A-Za-z0-9_.:-]{1,100}$/, message: t('sources.nameRule') }]}>
          <Input placeholder={t('sources.namePlaceholder')} style={{ width: 260 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
          {t('sources.add')}
        </Button>
      </Form>
      <QueryView query={sources} minHeight={160} isEmpty={(d) => d.length === 0}>
        {(data) => <Table<SourceView> size="small" rowKey="name" columns={columns} dataSource={data} pagination={false} />}
      </QueryView>
      <Modal
        open={created !== null}
        title={t('sources.createdTitle', { name: created?.name ?? '' })}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('sources.keySaved')}
          </Button>
        }
        maskClosable={false}
      >
        <Alert type="warning" showIcon title={t('sources.keyOnce')} className="form-alert" />
        <Typography.Paragraph copyable={{ text: created?.apiKey ?? '' }} code className="api-key" data-testid="api-key">
          {created?.apiKey}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('sources.keyUsage')}</Typography.Paragraph>
      </Modal>
    </Card>
  );
}
