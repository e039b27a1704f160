import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { CurrentUser, LoginRequest } from '@app/contracts';
import { isApiError } from '../../api/api-client';
import { login } from '../../api/auth-api';
import { currentUserQuery } from '../../api/queries';
import { REDIRECT_PARAM, type LoginLocationState } from '../../app/route-loaders';
import { describeError } from '../../components/describe-error';
import { LanguageSwitch } from '../../components/language-switch';
import { usePageTitle } from '../../components/use-page-title';

function loginErrorMessage(error: unknown, t: TFunction): string {
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

  const signIn = useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      // The token stays in the httpOnly cookie the server set; only the user is kept.
      queryClient.clear();
      queryClient.setQueryData(currentUserQuery.queryKey, user);
      void navigate(nextPath(user, searchParams.get(REDIRECT_PARAM)), { replace: true });
    },
  });

  return (
    <main className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <div className="login-panel">
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
          {signIn.isError ? (
            <Alert type="error" showIcon title={loginErrorMessage(signIn.error, t)} className="login-alert" role="alert" />
          ) : expired ? (
            <Alert type="warning" showIcon title={t('login.expired')} className="login-alert" />
          ) : null}
          <Form<LoginRequest>
            layout="vertical"
            requiredMark={false}
            disabled={signIn.isPending}
            onFinish={(values) => signIn.mutate({ username: values.username.trim(), password: values.password })}
            onValuesChange={() => signIn.isError && signIn.reset()}
          >
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
          <p className="login-footnote">{t('login.footer')}</p>
        </section>
      </div>
    </main>
  );
}
