import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Modal, Popconfirm, Row, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodStatusQuery, publishedPeriodsQuery, SCORES_ROOT } from '../../../api/score-queries';
import { publishPeriod, reopenPeriod, type PublishedPeriod } from '../../../api/scores-api';
import { useCurrentUser } from '../../../lib/current-user';
import { formatInstant } from '../../../lib/format';
import { periodLabel } from '../../../lib/period';
import { usePreferences } from '../../../lib/preferences';
import { useAssessmentClock, usePeriod } from '../../../lib/use-period';
import { PeriodStatusTag } from '../../../components/period-status-tag';
import { QueryView } from '../../../components/query-view';
import { useFeedback } from './mutation-feedback';

/** Publishing freezes a period's record (inspectors); re-opening unfreezes it (admins, with a reason). */
export function PeriodsSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { language } = usePreferences();
  const { timeZone } = useAssessmentClock();
  const { period } = usePeriod();
  const status = useQuery(periodStatusQuery(period));
  const published = useQuery(publishedPeriodsQuery);
  const queryClient = useQueryClient();
  const feedback = useFeedback();
  const [reopening, setReopening] = useState<string | null>(null);

  const publish = useMutation({
    mutationFn: () => publishPeriod(period),
    onSuccess: () => {
      feedback.ok(t('periods.publishedDone', { period: periodLabel(period, language) }));
      void queryClient.invalidateQueries({ queryKey: [SCORES_ROOT] });
    },
    onError: feedback.fail,
  });

  const s = status.data;
  const isPublished = s?.origin === 'published';
  const columns: TableColumnsType<PublishedPeriod> = [
    { key: 'period', title: t('common.period'), dataIndex: 'period', render: (p: string) => periodLabel(p, language) },
    { key: 'at', title: t('periods.publishedAt'), dataIndex: 'publishedAt', render: (v: string) => formatInstant(v, timeZone) },
    { key: 'by', title: t('periods.publishedBy'), dataIndex: 'publishedBy' },
    { key: 'scheme', title: t('schemes.version'), dataIndex: 'schemeVersion', width: 100 },
    ...(user.role === 'admin'
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_: unknown, p: PublishedPeriod) => (
              <Button size="small" danger onClick={() => setReopening(p.period)}>
                {t('periods.reopen')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('periods.current', { period: periodLabel(period, language) })} data-testid="period-card">
          <QueryView query={status} minHeight={120}>
            {(d) => (
              <>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'status', label: t('common.status'), children: <PeriodStatusTag period={period} /> },
                    { key: 'computed', label: t('periods.computedAt'), children: formatInstant(d.computedAt, timeZone) },
                    { key: 'scheme', label: t('schemes.version'), children: d.schemeVersion },
                    ...(d.publishedAt
                      ? [{ key: 'published', label: t('periods.publishedAt'), children: `${formatInstant(d.publishedAt, timeZone)} · ${d.publishedBy ?? ''}` }]
                      : []),
                  ]}
                />
                {user.role === 'inspector' && !isPublished ? (
                  d.provisional ? (
                    <Alert type="info" showIcon title={t('periods.cannotPublishProvisional')} />
                  ) : (
                    <Popconfirm
                      title={t('periods.publishConfirm', { period: periodLabel(period, language) })}
                      onConfirm={() => publish.mutate()}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                    >
                      <Button type="primary" loading={publish.isPending} data-testid="publish-period">
                        {t('periods.publish')}
                      </Button>
                    </Popconfirm>
                  )
                ) : null}
                {user.role === 'admin' && isPublished ? (
                  <Button danger onClick={() => setReopening(period)} data-testid="reopen-period">
                    {t('periods.reopen')}
                  </Button>
                ) : null}
                <p className="footnote">{user.role === 'admin' ? t('periods.adminHint') : t('periods.inspectorHint')}</p>
              </>
            )}
          </QueryView>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('periods.publishedList')}>
          <QueryView query={published} minHeight={120} isEmpty={(d) => d.length === 0}>
            {(data) => (
              <Table<PublishedPeriod>
                size="small"
                rowKey="period"
                columns={columns}
                dataSource={[...data].sort((a, b) => (a.period < b.period ? 1 : -1))}
                pagination={false}
              />
            )}
          </QueryView>
        </Card>
      </Col>
      {reopening ? <ReopenModal period={reopening} onClose={() => setReopening(null)} /> : null}
    </Row>
  );
}

function ReopenModal({ period, onClose }: { period: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const queryClient = useQueryClient();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useMutation({
    mutationFn: (reason: string) => reopenPeriod(period, reason),
    onSuccess: () => {
      feedback.ok(t('periods.reopenedDone', { period: periodLabel(period, language) }));
      void queryClient.invalidateQueries({ queryKey: [SCORES_ROOT] });
      onClose();
    },
    onError: feedback.fail,
  });
  return (
    <Modal
      open
      title={t('periods.reopenTitle', { period: periodLabel(period, language) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('periods.reopen')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={reopen.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('periods.reopenWarning')} className="form-alert" />
      <Form form={form} layout="vertical" onFinish={(v) => reopen.mutate(v.reason.trim())}>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('periods.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
