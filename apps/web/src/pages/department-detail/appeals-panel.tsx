import type { AppealView } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealsQuery, catalogQuery, findingsQuery, SCORES_ROOT } from '../../api/score-queries';
import { decideAppeal } from '../../api/scores-api';
import { useCurrentUser } from '../../lib/current-user';
import { formatInstant } from '../../lib/format';
import { useAssessmentClock, usePeriod } from '../../lib/use-period';
import { NOT_ON_PHONE, useIsPhone } from '../../lib/use-phone';
import { ChartCard } from '../../components/chart-card';
import { describeError } from '../../components/describe-error';
import { QueryView } from '../../components/query-view';
import { AppealStatusTag } from './appeal-status-tag';

/** What an appeal names, so that two appeals on one resource read apart: the resource and its missed window, or the request or objection id. */
function useAppealTarget(code: string, period: string): (a: AppealView) => string {
  const { t } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const catalog = useQuery(catalogQuery(code));
  const findings = useQuery(findingsQuery(code, period));
  return useMemo(() => {
    const names = new Map((catalog.data ?? []).map((r) => [r.code, r.name]));
    const windowEnds = new Map<string, string>();
    for (const f of findings.data?.findings ?? []) if (f.kind === 'missed_window') windowEnds.set(`${f.resource}|${f.windowStart}`, f.windowEnd);
    const at = (iso: string) => formatInstant(iso, timeZone);
    return (a: AppealView) => {
      const target = a.target;
      const parts: string[] = [];
      if (typeof target.resource === 'string') parts.push(names.has(target.resource) ? `${names.get(target.resource)}（${target.resource}）` : target.resource);
      if (a.windowStart) {
        const end = typeof target.resource === 'string' ? windowEnds.get(`${target.resource}|${a.windowStart}`) : undefined;
        parts.push(
          end ? t('firstUse.appeals.window', { start: at(a.windowStart), end: at(end) }) : t('firstUse.appeals.windowFrom', { start: at(a.windowStart) }),
        );
      }
      if (typeof target.request === 'string') parts.push(t('firstUse.appeals.request', { id: target.request }));
      if (typeof target.objection === 'string') parts.push(t('firstUse.appeals.objection', { id: target.objection }));
      return parts.join(' · ') || '—';
    };
  }, [catalog.data, findings.data, timeZone, t]);
}

/** The department's appeals for the period; inspectors accept or reject the pending ones here. */
export function AppealsPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { period } = usePeriod();
  const { timeZone } = useAssessmentClock();
  const appeals = useQuery(appealsQuery({ dept: code, period }));
  const [deciding, setDeciding] = useState<{ appeal: AppealView; status: 'accepted' | 'rejected' } | null>(null);
  const canDecide = user.role === 'inspector';
  const targetText = useAppealTarget(code, period);
  const phone = useIsPhone();

  const columns: TableColumnsType<AppealView> = [
    { key: 'id', title: '#', dataIndex: 'id', width: 60, responsive: NOT_ON_PHONE },
    {
      key: 'kind',
      title: t('findings.kind'),
      dataIndex: 'kind',
      width: 120,
      responsive: NOT_ON_PHONE,
      render: (k: AppealView['kind']) => t(`findings.kinds.${k}`),
    },
    { key: 'target', title: t('appeals.target'), render: (_: unknown, a) => <span data-testid="appeal-target">{targetText(a)}</span> },
    { key: 'reason', title: t('appeals.reason'), dataIndex: 'reason', ellipsis: true, responsive: NOT_ON_PHONE },
    { key: 'filed', title: t('appeals.filedAt'), width: 150, responsive: NOT_ON_PHONE, render: (_: unknown, a) => formatInstant(a.filedAt, timeZone) },
    {
      key: 'status',
      title: t('common.status'),
      width: phone ? 84 : 130,
      render: (_: unknown, a) => (
        <Space size={4} wrap>
          <AppealStatusTag status={a.status} />
          {a.takesEffectOnReopen ? (
            <Tooltip title={t('firstUse.appeals.publishedTagHint')}>
              <Tag color="warning" data-testid="appeal-awaits-reopen">
                {t('firstUse.appeals.publishedTag')}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'decision',
      title: t('appeals.decision'),
      render: (_: unknown, a) =>
        a.status === 'pending' ? (
          canDecide ? (
            <Space size={4}>
              <Button size="small" type="primary" onClick={() => setDeciding({ appeal: a, status: 'accepted' })} data-testid="appeal-accept">
                {t('appeals.accept')}
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ appeal: a, status: 'rejected' })} data-testid="appeal-reject">
                {t('appeals.reject')}
              </Button>
            </Space>
          ) : (
            <span className="muted">{t('appeals.awaiting')}</span>
          )
        ) : (
          <span>
            {a.decisionComment || '—'}
            <span className="muted">
              {' '}
              · {a.decidedBy} {formatInstant(a.decidedAt, timeZone)}
            </span>
          </span>
        ),
    },
  ];

  return (
    <ChartCard title={t('appeals.title')} testId="appeals-card">
      <QueryView query={appeals} minHeight={100} isEmpty={(d) => d.length === 0} empty={<p className="list-empty">{t('appeals.none')}</p>}>
        {(data) => (
          <Table<AppealView>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={data}
            pagination={false}
            onRow={(a) => ({ 'data-testid': 'appeal-row', 'data-status': a.status }) as React.HTMLAttributes<HTMLElement>}
          />
        )}
      </QueryView>
      {deciding ? <DecisionModal appeal={deciding.appeal} status={deciding.status} onClose={() => setDeciding(null)} /> : null}
    </ChartCard>
  );
}

function DecisionModal({ appeal, status, onClose }: { appeal: AppealView; status: 'accepted' | 'rejected'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment: string }>();
  const decide = useMutation({
    mutationFn: (comment: string) => decideAppeal(appeal.id, status, comment),
    onSuccess: () => {
      void message.success(t('appeals.decided'));
      // An accepted appeal changes inputs: every score, list and count may move.
      void queryClient.invalidateQueries({ queryKey: [SCORES_ROOT] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={status === 'accepted' ? t('appeals.acceptTitle') : t('appeals.rejectTitle')}
      okText={status === 'accepted' ? t('appeals.accept') : t('appeals.reject')}
      okButtonProps={{ danger: status === 'rejected' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <p>{appeal.reason}</p>
      {appeal.takesEffectOnReopen && status === 'accepted' ? (
        <Alert type="warning" showIcon title={t('firstUse.appeals.decisionNotice')} className="form-alert" />
      ) : null}
      {decide.isError ? <Alert type="error" showIcon title={describeError(decide.error, t)} className="form-alert" /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate((v.comment ?? '').trim())} data-testid="decision-form">
        <Form.Item name="comment" label={t('appeals.comment')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
