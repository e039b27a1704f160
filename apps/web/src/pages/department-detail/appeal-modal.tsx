import type { FileAppealRequest, Finding } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { periodStatusQuery, SCORES_ROOT } from '../../api/score-queries';
import { fileAppeal } from '../../api/scores-api';
import { describeError } from '../../components/describe-error';
import { periodLabel } from '../../lib/period';
import { usePreferences } from '../../lib/preferences';

function appealTarget(f: Finding): Pick<FileAppealRequest, 'kind' | 'resource' | 'windowStart' | 'request' | 'objection'> {
  switch (f.kind) {
    case 'missed_window':
      return { kind: f.kind, resource: f.resource, windowStart: f.windowStart };
    case 'late_request':
      return { kind: f.kind, request: f.request };
    case 'late_objection':
      return { kind: f.kind, objection: f.objection };
    case 'low_completeness':
      return { kind: f.kind, resource: f.resource };
  }
}

/** A department files an appeal against one of its findings, with its reason. */
export function AppealModal({
  code,
  period,
  finding,
  description,
  onClose,
}: {
  code: string;
  period: string;
  finding: Finding;
  description: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { language } = usePreferences();
  const [form] = Form.useForm<{ reason: string }>();
  // scoring.md "Appeals": a published period's record stays frozen until an admin re-opens it; say so before filing.
  const published = useQuery(periodStatusQuery(period)).data?.origin === 'published';
  const file = useMutation({
    mutationFn: (reason: string) => fileAppeal({ dept: code, period, reason, ...appealTarget(finding) }),
    onSuccess: () => {
      void message.success(t('appeals.filed'));
      void queryClient.invalidateQueries({ queryKey: [SCORES_ROOT] });
      onClose();
    },
  });

  return (
    <Modal
      open
      title={t('appeals.fileTitle')}
      okText={t('appeals.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={file.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>
      {published ? (
        <Alert
          type="warning"
          showIcon
          title={t('firstUse.appeals.publishedNotice', { period: periodLabel(period, language) })}
          className="form-alert"
          data-testid="appeal-published-notice"
        />
      ) : null}
      {file.isError ? <Alert type="error" showIcon title={describeError(file.error, t)} className="form-alert" /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => file.mutate(v.reason.trim())} data-testid="appeal-form">
        <Form.Item
          name="reason"
          label={t('appeals.reason')}
          rules={[{ required: true, whitespace: true, message: t('appeals.reasonRequired') }]}
          extra={t('appeals.reasonHint')}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount autoFocus data-testid="appeal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
