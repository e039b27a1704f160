import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useState } from 'react';
import { TWO_FACTOR_CODES, type CurrentUser, type LoginRequest } from '@app/contracts';
import { isApiError } from '../../api/api-client';
import { login } from '../../api/auth-api';
import { currentUserQuery } from '../../api/queries';
import { REDIRECT_PARAM, type LoginLocationState } from '../../app/route-loaders';
import { describeError } from '../../components/describe-error';
import { AccountShell } from '../../components/account-shell';
import { SeedingProgress } from '../../components/seeding-progress';
import { usePageTitle } from '../../components/use-page-title';

const asksForCode = (error: unknown) => isApiError(error) && error.status === 401 && TWO_FACTOR_CODES.includes(error.code ?? '');

function loginErrorMessage(error: unknown, t: TFunction, codeSent: boolean): string {
  if (asksForCode(error)) return codeSent ? t('login.badCode') : t('login.enterCode');
  if (isApiError(error) && error.status === 401) return t('login.badCredentials');
  if (isApiError(error) && error.status === 429) return t('login.rateLimited');
  return t('login.failed', { message: describeError(error, t) });
}

export interface LoginPageProps {
  /** Where to go once logged in, given the page that asked for the login (if any). */
  nextPath: (user: CurrentUser, requested: string | null) => string;
}

export function LoginPage({ nextPath }: LoginPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const expired = (location.state as LoginLocationState | null)?.expired === true;
  usePageTitle(t('login.title'));

  // Once the server asks for the second factor's code, the form keeps its field.
  const [needsCode, setNeedsCode] = useState(false);
  const signIn = useMutation({
    mutationFn: login,
    onError: (error) => asksForCode(error) && setNeedsCode(true),
    onSuccess: ({ user }) => {
      // The token stays in the httpOnly cookie the server set; only the user is kept.
      queryClient.clear();
      queryClient.setQueryData(currentUserQuery.queryKey, user);
      void navigate(nextPath(user, searchParams.get(REDIRECT_PARAM)), { replace: true });
    },
  });

  return (
    <AccountShell>
      <div className="login-brand">
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <h1>{t('app.name')}</h1>
        <p>{t('app.subtitle')}</p>
      </div>
      {/* Plain markup rather than antd Card/Typography: they bring tabs, menus and tooltips into this first download. */}
      <section className="login-card" aria-labelledby="login-title">
        <h2 id="login-title" className="login-card-title">
          {t('login.title')}
        </h2>
        <SeedingProgress variant="login" />
        {signIn.isError ? (
          <Alert
            type={asksForCode(signIn.error) && !signIn.variables?.code ? 'info' : 'error'}
            showIcon
            title={loginErrorMessage(signIn.error, t, !!signIn.variables?.code)}
            className="login-alert"
            role="alert"
          />
        ) : expired ? (
          <Alert type="warning" showIcon title={t('login.expired')} className="login-alert" />
        ) : null}
        <Form<LoginRequest>
          layout="vertical"
          requiredMark={false}
          disabled={signIn.isPending}
          onFinish={(values) => signIn.mutate({ username: values.username.trim(), password: values.password, code: values.code?.trim() || undefined })}
          onValuesChange={() => signIn.isError && signIn.reset()}
        >
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={200} />
          </Form.Item>
          {needsCode ? (
            <Form.Item
              name="code"
              label={t('login.code')}
              extra={t('login.codeHint')}
              rules={[{ required: true, whitespace: true, message: t('login.enterCode') }]}
            >
              <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="text" autoFocus maxLength={32} />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <p className="login-footnote">{t('login.footer')}</p>
      </section>
    </AccountShell>
  );
}
