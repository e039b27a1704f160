import type { RectificationCase } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASES_ROOT, casesQuery, decideCase, submitCase } from '../../api/rectification-api';
import { useCurrentUser } from '../../lib/current-user';
import { formatInstant } from '../../lib/format';
import { useAssessmentClock } from '../../lib/use-period';
import { ChartCard } from '../../components/chart-card';
import { describeError } from '../../components/describe-error';
import { QueryView } from '../../components/query-view';

const STATE_COLOR: Record<RectificationCase['state'], string> = { open: 'blue', submitted: 'gold', returned: 'volcano', closed: 'green' };

/** The case's state, red when it is past due and not closed. */
export function CaseStateTag({ c }: { c: Pick<RectificationCase, 'state' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Space size={2}>
      <Tag color={STATE_COLOR[c.state]} data-testid="case-state" data-state={c.state}>
        {t(`rectification.states.${c.state}`)}
      </Tag>
      {c.overdue ? (
        <Tag color="red" data-testid="case-overdue">
          {t('rectification.overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * 通报整改: the department's cases opened by published notices. The
 * department answers an open or returned case; an inspector accepts or
 * returns a submitted one.
 */
export function RectificationPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { timeZone } = useAssessmentClock();
  const cases = useQuery(casesQuery({ dept: code }));
  const [submitting, setSubmitting] = useState<RectificationCase | null>(null);
  const [deciding, setDeciding] = useState<{ c: RectificationCase; decision: 'accept' | 'return' } | null>(null);
  const own = user.role === 'department' && user.dept === code;
  const canDecide = user.role === 'inspector';

  const columns: TableColumnsType<RectificationCase> = [
    { key: 'period', title: t('rectification.period'), dataIndex: 'period', width: 90 },
    { key: 'state', title: t('common.status'), width: 150, render: (_: unknown, c) => <CaseStateTag c={c} /> },
    { key: 'due', title: t('rectification.due'), dataIndex: 'due', width: 110 },
    {
      key: 'answer',
      title: t('rectification.answer'),
      render: (_: unknown, c) =>
        c.cause ? (
          <div className="case-answer">
            <div>
              <b>{t('rectification.cause')}：</b>
              {c.cause}
            </div>
            <div>
              <b>{t('rectification.measures')}：</b>
              {c.measures}
            </div>
            {c.concerned.resources.length + c.concerned.requests.length > 0 ? (
              <div className="muted">{[...c.concerned.resources, ...c.concerned.requests].join('、')}</div>
            ) : null}
            {c.inspectorComment ? (
              <div data-testid="case-comment">
                <b>{t('rectification.comment')}：</b>
                {c.inspectorComment}
              </div>
            ) : null}
          </div>
        ) : (
          <span className="muted">{t('rectification.notAnswered')}</span>
        ),
    },
    { key: 'closed', title: t('rectification.closedAt'), width: 150, render: (_: unknown, c) => (c.closedAt ? formatInstant(c.closedAt, timeZone) : '—') },
    {
      key: 'action',
      title: t('rectification.action'),
      width: 170,
      render: (_: unknown, c) => {
        if (own && (c.state === 'open' || c.state === 'returned')) {
          return (
            <Button size="small" type="primary" onClick={() => setSubmitting(c)} data-testid="case-submit">
              {c.state === 'returned' ? t('rectification.resubmit') : t('rectification.submit')}
            </Button>
          );
        }
        if (canDecide && c.state === 'submitted') {
          return (
            <Space size={4}>
              <Button size="small" type="primary" onClick={() => setDeciding({ c, decision: 'accept' })} data-testid="case-accept">
                {t('rectification.accept')}
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ c, decision: 'return' })} data-testid="case-return">
                {t('rectification.return')}
              </Button>
            </Space>
          );
        }
        return <span className="muted">{c.state === 'submitted' ? t('rectification.awaiting') : '—'}</span>;
      },
    },
  ];

  return (
    <ChartCard title={t('rectification.title')} testId="rectification-panel">
      <QueryView query={cases} minHeight={80} isEmpty={(d) => d.length === 0} empty={<p className="list-empty">{t('rectification.none')}</p>}>
        {(data) => (
          <Table<RectificationCase>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={data}
            pagination={false}
            rowClassName={(c) => (c.overdue ? 'todo-row-overdue' : '')}
            onRow={(c) =>
              ({
                'data-testid': 'case-row',
                'data-state': c.state,
                'data-period': c.period,
                'data-overdue': String(c.overdue),
              }) as React.HTMLAttributes<HTMLElement>
            }
          />
        )}
      </QueryView>
      {submitting ? <SubmitModal c={submitting} onClose={() => setSubmitting(null)} /> : null}
      {deciding ? <DecideModal c={deciding.c} decision={deciding.decision} onClose={() => setDeciding(null)} /> : null}
    </ChartCard>
  );
}

function SubmitModal({ c, onClose }: { c: RectificationCase; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ cause: string; measures: string; resources?: string; requests?: string }>();
  const submit = useMutation({
    mutationFn: (v: { cause: string; measures: string; resources?: string; requests?: string }) =>
      submitCase(c.id, { cause: v.cause.trim(), measures: v.measures.trim(), resources: list(v.resources), requests: list(v.requests) }),
    onSuccess: () => {
      void message.success(t('rectification.submitted'));
      void queryClient.invalidateQueries({ queryKey: [CASES_ROOT] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('rectification.submitTitle', { period: c.period })}
      okText={t('rectification.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      {c.inspectorComment ? <Alert type="warning" showIcon title={`${t('rectification.comment')}：${c.inspectorComment}`} className="form-alert" /> : null}
      {submit.isError ? <Alert type="error" showIcon title={describeError(submit.error, t)} className="form-alert" /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          cause: c.cause ?? '',
          measures: c.measures ?? '',
          resources: c.concerned.resources.join(', '),
          requests: c.concerned.requests.join(', '),
        }}
        onFinish={(v) => submit.mutate(v)}
        data-testid="case-submit-form"
      >
        <Form.Item name="cause" label={t('rectification.cause')} rules={[{ required: true, whitespace: true, message: t('rectification.required') }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="measures" label={t('rectification.measures')} rules={[{ required: true, whitespace: true, message: t('rectification.required') }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="resources" label={t('rectification.resources')}>
          <Input placeholder="CAB-MAR, …" />
        </Form.Item>
        <Form.Item name="requests" label={t('rectification.requests')}>
          <Input placeholder="RQ-3, …" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideModal({ c, decision, onClose }: { c: RectificationCase; decision: 'accept' | 'return'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment?: string }>();
  const decide = useMutation({
    mutationFn: (comment: string) => decideCase(c.id, { decision, comment: comment || undefined }),
    onSuccess: () => {
      void message.success(t('rectification.decided'));
      void queryClient.invalidateQueries({ queryKey: [CASES_ROOT] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={decision === 'accept' ? t('rectification.acceptTitle') : t('rectification.returnTitle')}
      okText={decision === 'accept' ? t('rectification.accept') : t('rectification.return')}
      okButtonProps={{ danger: decision === 'return' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {decide.isError ? <Alert type="error" showIcon title={describeError(decide.error, t)} className="form-alert" /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate((v.comment ?? '').trim())} data-testid="case-decision-form">
        <Form.Item
          name="comment"
          label={t('rectification.comment')}
          rules={decision === 'return' ? [{ required: true, whitespace: true, message: t('rectification.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
