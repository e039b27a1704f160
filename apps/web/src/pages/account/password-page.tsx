import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { passwordProblem, type ChangePasswordRequest } from '@app/contracts';
import { changePassword, endMySignIn, fetchMySignIns } from '../../api/auth-api';
import { currentUserQuery } from '../../api/queries';
import { describeError } from '../../components/describe-error';
import { AccountShell } from '../../components/account-shell';
import { usePageTitle } from '../../components/use-page-title';
import { landingPath } from '../../lib/access';
import { formatInstant } from '../../lib/format';
import { useAssessmentClock } from '../../lib/use-period';
import { TWO_FACTOR_PATH } from '../../app/route-loaders';

interface PasswordForm extends ChangePasswordRequest {
  confirm: string;
}

/**
 * The user's own password. A first password set by an admin must be changed here before anything
 * else; the change ends every other sign-in and the server answers with a new one (its cookie).
 */
/** A sign-in's browser as its first 60 characters, marked when cut. */
const shortAgent = (agent: string): string => (agent.length > 60 ? `${agent.slice(0, 60)}…` : agent);

export function PasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: user } = useQuery(currentUserQuery);
  // Times as the rest of the dashboard writes them (the assessment time zone's clock), not in the browser's locale.
  const { timeZone } = useAssessmentClock();
  usePageTitle(t('account.passwordTitle'));

  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: PasswordForm) => changePassword({ currentPassword, newPassword }),
    onSuccess: ({ user: changed }) => {
      queryClient.clear();
      queryClient.setQueryData(currentUserQuery.queryKey, changed);
      void navigate(landingPath(changed), { replace: true, state: { passwordChanged: true } });
    },
  });
  const forced = user?.mustChangePassword === true;
  const signIns = useQuery({ queryKey: ['auth', 'sign-ins'] as const, queryFn: ({ signal }) => fetchMySignIns(signal), enabled: !!user && !forced });
  const endSignIn = useMutation({
    mutationFn: endMySignIn,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['auth', 'sign-ins'] }),
  });

  return (
    <AccountShell>
      <section className="login-card" aria-labelledby="password-title">
        <h2 id="password-title" className="login-card-title">
          {t('account.passwordTitle')}
        </h2>
        {forced ? <Alert type="warning" showIcon title={t('account.mustChange')} className="login-alert" /> : null}
        {change.isError ? (
          <Alert type="error" showIcon title={t('account.changeFailed', { message: describeError(change.error, t) })} className="login-alert" role="alert" />
        ) : null}
        <Form<PasswordForm> layout="vertical" requiredMark={false} disabled={change.isPending} onFinish={(values) => change.mutate(values)}>
          <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('account.newPassword')}
            extra={t('account.passwordRules')}
            rules={[
              { required: true, message: t('account.passwordRules') },
              {
                validator: (_rule, value: string | undefined) =>
                  !value || !passwordProblem(value, user?.username ?? '') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordRules'))),
              },
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('account.confirmMismatch') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.confirmMismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('account.submit')}
          </Button>
          {!forced && user ? (
            <>
              <Button type="link" block onClick={() => void navigate(TWO_FACTOR_PATH)}>
                {t('twoFactor.title')}
              </Button>
              <Button type="link" block onClick={() => void navigate(landingPath(user))}>
                {t('account.back')}
              </Button>
            </>
          ) : null}
        </Form>
      </section>
      {signIns.data ? (
        <section className="login-card" aria-labelledby="sign-ins-title">
          <h2 id="sign-ins-title" className="login-card-title">
            {t('account.signIns')}
          </h2>
          <List
            size="small"
            dataSource={signIns.data}
            renderItem={(s) => (
              <List.Item
                actions={
                  s.current
                    ? [<span key="current">{t('account.thisSignIn')}</span>]
                    : [
                        <Button key="end" size="small" loading={endSignIn.isPending} onClick={() => endSignIn.mutate(s.id)}>
                          {t('account.endSignIn')}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  title={`${s.address ?? '—'} · ${formatInstant(s.createdAt, timeZone)}`}
                  description={`${t('account.lastActive')} ${formatInstant(s.lastActivityAt, timeZone)}${s.userAgent ? ` · ${shortAgent(s.userAgent)}` : ''}`}
                />
              </List.Item>
            )}
          />
        </section>
      ) : null}
    </AccountShell>
  );
}
