import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { ChannelInput, ChannelKind, ChannelView, DeliveryStatus, DeliveryView } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addChannel, channelsQuery, deleteChannel, deliveriesQuery, NOTIFICATIONS_QUERY_ROOT, sendTestMessage } from '../../../api/notifications-api';
import { departmentsQuery } from '../../../api/score-queries';
import { QueryView } from '../../../components/query-view';
import { formatInstant } from '../../../lib/format';
import { useAssessmentClock } from '../../../lib/use-period';
import { useFeedback } from './mutation-feedback';

const KINDS: readonly ChannelKind[] = ['dingtalk', 'wecom', 'feishu', 'webhook', 'email'];
const STATUS_COLOR: Record<DeliveryStatus, string> = { pending: 'blue', sent: 'green', failed: 'red' };

interface ChannelForm {
  name: string;
  kind: ChannelKind;
  target: string;
  secret?: string;
  owner: string;
}

/** Where messages go (robots, a webhook, email), a test message per channel, and the delivery log with each receiver's answer. */
export function NotificationsSection() {
  const { t } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const queryClient = useQueryClient();
  const feedback = useFeedback();
  const channels = useQuery(channelsQuery);
  const departments = useQuery(departmentsQuery);
  const [status, setStatus] = useState<DeliveryStatus | undefined>(undefined);
  const deliveries = useQuery(deliveriesQuery(status));
  const [form] = Form.useForm<ChannelForm>();
  const kind = Form.useWatch('kind', form);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_ROOT });

  const add = useMutation({
    mutationFn: (input: ChannelInput) => addChannel(input),
    onSuccess: () => {
      feedback.ok(t('notifications.added'));
      form.resetFields();
      refresh();
    },
    onError: feedback.fail,
  });
  const remove = useMutation({ mutationFn: deleteChannel, onSuccess: () => (feedback.ok(t('notifications.deleted')), refresh()), onError: feedback.fail });
  const test = useMutation({ mutationFn: sendTestMessage, onSuccess: () => (feedback.ok(t('notifications.testQueued')), refresh()), onError: feedback.fail });

  const submit = (v: ChannelForm) => {
    const [ownerKind, owner] = v.owner.split(':');
    add.mutate({
      name: v.name.trim(),
      kind: v.kind,
      target: v.target.trim(),
      ...(v.secret ? { secret: v.secret } : {}),
      ...(ownerKind === 'role' ? { role: owner as 'inspector' | 'leader' } : { dept: owner }),
    });
  };

  const ownerOptions = [
    { label: t('notifications.roleInspector'), value: 'role:inspector' },
    { label: t('notifications.roleLeader'), value: 'role:leader' },
    ...(departments.data ?? []).map((d) => ({ label: `${d.name}（${d.code}）`, value: `dept:${d.code}` })),
  ];

  const channelColumns: TableColumnsType<ChannelView> = [
    { key: 'name', title: t('notifications.name'), dataIndex: 'name' },
    { key: 'kind', title: t('notifications.kind'), dataIndex: 'kind', width: 110, render: (k: ChannelKind) => t(`notifications.kinds.${k}`) },
    { key: 'target', title: t('notifications.target'), dataIndex: 'target', ellipsis: true },
    {
      key: 'owner',
      title: t('notifications.owner'),
      width: 140,
      render: (_: unknown, c) => (c.role ? t(c.role === 'inspector' ? 'notifications.roleInspector' : 'notifications.roleLeader') : c.dept),
    },
    {
      key: 'secret',
      title: t('notifications.secret'),
      dataIndex: 'hasSecret',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="green">{t('notifications.hasSecret')}</Tag> : null),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 190,
      render: (_: unknown, c) => (
        <Space size="small">
          <Button size="small" icon={<SendOutlined />} onClick={() => test.mutate(c.id)} loading={test.isPending && test.variables === c.id}>
            {t('notifications.test')}
          </Button>
          <Popconfirm
            title={t('notifications.deleteConfirm', { name: c.name })}
            onConfirm={() => remove.mutate(c.id)}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
          >
            <Button size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const deliveryColumns: TableColumnsType<DeliveryView> = [
    { key: 'created', title: t('notifications.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatInstant(v, timeZone) },
    { key: 'channel', title: t('notifications.channel'), dataIndex: 'channelName', width: 140 },
    {
      key: 'kind',
      title: t('notifications.messageKind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: DeliveryView['kind']) => t(`notifications.messageKinds.${k}`),
    },
    { key: 'item', title: t('notifications.item'), dataIndex: 'itemKey', ellipsis: true },
    {
      key: 'status',
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: DeliveryStatus) => <Tag color={STATUS_COLOR[s]}>{t(`notifications.statuses.${s}`)}</Tag>,
    },
    { key: 'attempts', title: t('notifications.attempts'), width: 80, render: (_: unknown, d) => d.attempts.length },
    {
      key: 'answer',
      title: t('notifications.answer'),
      ellipsis: true,
      render: (_: unknown, d) => (
        <Typography.Text type={d.attempts.at(-1)?.ok === false ? 'danger' : undefined}>{d.attempts.at(-1)?.answer ?? '—'}</Typography.Text>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('notifications.channels')}>
        <Form form={form} layout="inline" onFinish={submit} className="table-toolbar" data-testid="channel-form" initialValues={{ kind: 'wecom' }}>
          <Form.Item name="name" rules={[{ required: true, max: 100, message: t('notifications.nameRule') }]}>
            <Input placeholder={t('notifications.name')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="kind" rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={KINDS.map((k) => ({ value: k, label: t(`notifications.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="target" rules={[{ required: true, message: t('notifications.targetRule') }]}>
            <Input placeholder={kind === 'email' ? t('notifications.addressPlaceholder') : t('notifications.urlPlaceholder')} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="secret">
            <Input.Password
              placeholder={kind === 'email' ? t('notifications.smtpPassword') : t('notifications.secretPlaceholder')}
              style={{ width: 180 }}
              autoComplete="new-password"
            />
          </Form.Item>
          <Form.Item name="owner" rules={[{ required: true, message: t('notifications.ownerRule') }]}>
            <Select placeholder={t('notifications.owner')} style={{ width: 200 }} options={ownerOptions} showSearch optionFilterProp="label" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
            {t('notifications.add')}
          </Button>
        </Form>
        <QueryView query={channels} minHeight={120} isEmpty={(d) => d.length === 0}>
          {(data) => <Table<ChannelView> size="small" rowKey="id" columns={channelColumns} dataSource={data} pagination={false} />}
        </QueryView>
      </Card>
      <Card
        size="small"
        title={t('notifications.deliveries')}
        extra={
          <Select<DeliveryStatus | 'all'>
            size="small"
            style={{ width: 120 }}
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? undefined : v)}
            options={[
              { value: 'all', label: t('notifications.allStatuses') },
              ...(['pending', 'sent', 'failed'] as const).map((s) => ({ value: s, label: t(`notifications.statuses.${s}`) })),
            ]}
          />
        }
      >
        <QueryView query={deliveries} minHeight={160} isEmpty={(d) => d.length === 0}>
          {(data) => (
            <Table<DeliveryView>
              size="small"
              rowKey="id"
              columns={deliveryColumns}
              dataSource={data}
              pagination={{ pageSize: 20 }}
              expandable={{
                expandedRowRender: (d) => (
                  <ol className="delivery-attempts">
                    {d.attempts.map((a, i) => (
                      <li key={i}>
                        {formatInstant(a.at, timeZone)} · {a.ok ? t('notifications.statuses.sent') : t('notifications.statuses.failed')} ·{' '}
                        <Typography.Text code>{a.answer}</Typography.Text>
                      </li>
                    ))}
                  </ol>
                ),
                rowExpandable: (d) => d.attempts.length > 0,
              }}
            />
          )}
        </QueryView>
      </Card>
    </Space>
  );
}
