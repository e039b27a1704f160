import { LockOutlined, SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CurrentUser } from '@app/contracts';
import { beginTwoFactor, confirmTwoFactor, fetchTwoFactor, removeTwoFactor } from '../../api/auth-api';
import { currentUserQuery } from '../../api/queries';
import { describeError } from '../../components/describe-error';
import { AccountShell } from '../../components/account-shell';
import { usePageTitle } from '../../components/use-page-title';
import { landingPath } from '../../lib/access';

const STATUS_KEY = ['auth', 'two-factor'] as const;

/**
 * The user's second factor (TOTP): scan the QR code, confirm with a first code, keep the recovery
 * codes shown once; or turn it off with the password. An admin held to it (REQUIRE_ADMIN_2FA)
 * lands here after login and reaches nothing else until it is set up.
 */
export function TwoFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: user } = useQuery(currentUserQuery);
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: ({ signal }) => fetchTwoFactor(signal), enabled: !!user });
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [signedInAs, setSignedInAs] = useState<CurrentUser | null>(null);
  usePageTitle(t('twoFactor.title'));

  const begin = useMutation({ mutationFn: beginTwoFactor });
  const confirm = useMutation({
    mutationFn: (values: { code: string }) => confirmTwoFactor(values.code.trim()),
    onSuccess: (result) => {
      // Every other sign-in ended; this answer is the new one (its cookie is set). Show the codes before moving on.
      setRecoveryCodes(result.recoveryCodes);
      setSignedInAs(result.user);
      begin.reset();
      void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });
  const remove = useMutation({
    mutationFn: (values: { password: string }) => removeTwoFactor(values.password),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
  });

  const forced = user?.mustEnrolTwoFactor === true && !signedInAs;
  const done = () => {
    const next = signedInAs ?? user;
    if (signedInAs) {
      queryClient.clear();
      queryClient.setQueryData(currentUserQuery.queryKey, signedInAs);
    }
    if (next) void navigate(landingPath(next), { replace: true });
  };

  return (
    <AccountShell>
      <section className="login-card" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title" className="login-card-title">
          {t('twoFactor.title')}
        </h2>
        {forced ? <Alert type="warning" showIcon title={t('twoFactor.required')} className="login-alert" /> : null}
        {status.isError ? <Alert type="error" showIcon title={describeError(status.error, t)} className="login-alert" /> : null}

        {recoveryCodes ? (
          <div data-testid="recovery-codes">
            <Alert type="success" showIcon title={t('twoFactor.enabled')} description={t('twoFactor.recoveryHint')} className="login-alert" />
            <ul className="recovery-codes">
              {recoveryCodes.map((code) => (
                <li key={code}>
                  <code>{code}</code>
                </li>
              ))}
            </ul>
            <Button type="primary" block onClick={done}>
              {t('twoFactor.savedCodes')}
            </Button>
          </div>
        ) : status.data?.enabled ? (
          <>
            <p>{t('twoFactor.isOn', { date: new Date(status.data.enabledAt!).toLocaleString(), left: status.data.recoveryCodesLeft })}</p>
            {status.data.required ? (
              <Alert type="info" showIcon title={t('twoFactor.cannotRemove')} className="login-alert" />
            ) : (
              <Form<{ password: string }> layout="vertical" requiredMark={false} disabled={remove.isPending} onFinish={(values) => remove.mutate(values)}>
                {remove.isError ? <Alert type="error" showIcon title={describeError(remove.error, t)} className="login-alert" role="alert" /> : null}
                <Form.Item name="password" label={t('twoFactor.passwordToRemove')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
                  <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={200} />
                </Form.Item>
                <Button danger block htmlType="submit" loading={remove.isPending}>
                  {t('twoFactor.remove')}
                </Button>
              </Form>
            )}
          </>
        ) : begin.data ? (
          <Form<{ code: string }> layout="vertical" requiredMark={false} disabled={confirm.isPending} onFinish={(values) => confirm.mutate(values)}>
            <p>{t('twoFactor.scan')}</p>
            <img className="two-factor-qr" src={begin.data.qrDataUrl} alt={t('twoFactor.qrAlt')} width={220} height={220} />
            <p className="two-factor-secret">
              {t('twoFactor.orKey')} <code data-testid="two-factor-secret">{begin.data.secret}</code>
            </p>
            {confirm.isError ? <Alert type="error" showIcon title={describeError(confirm.error, t)} className="login-alert" role="alert" /> : null}
            <Form.Item name="code" label={t('twoFactor.firstCode')} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('twoFactor.codeDigits') }]}>
              <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus />
            </Form.Item>
            <Button type="primary" block htmlType="submit" loading={confirm.isPending}>
              {t('twoFactor.confirm')}
            </Button>
          </Form>
        ) : status.data ? (
          <>
            <p>{t('twoFactor.intro')}</p>
            {begin.isError ? <Alert type="error" showIcon title={describeError(begin.error, t)} className="login-alert" role="alert" /> : null}
            <Button type="primary" block icon={<SafetyOutlined />} loading={begin.isPending} onClick={() => begin.mutate()}>
              {t('twoFactor.start')}
            </Button>
          </>
        ) : null}

        {!forced && !recoveryCodes && user ? (
          <Button type="link" block onClick={() => void navigate(landingPath(user))}>
            {t('account.back')}
          </Button>
        ) : null}
      </section>
    </AccountShell>
  );
}
