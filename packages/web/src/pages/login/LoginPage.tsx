import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useMe } from '../../api/auth';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { loginErrorText } from './login-error';
import styles from './login.module.css';
import { safeNext } from './safe-next';

interface Credentials {
  username: string;
  password: string;
}

/**
 * Username and password; afterwards back to the page asked for, or the first list. Plain markup
 * rather than antd Card/Typography keeps this first screen light (Card pulls in Tabs and Menu).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const submit = (values: Credentials) =>
    login.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) });

  return (
    <main className={styles.page}>
      <div className={styles.language}>
        <LanguageSwitch compact={false} />
      </div>
      <header className={styles.brand}>
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <h1>{t('app.name')}</h1>
        <p>{t('login.subtitle')}</p>
      </header>
      <section className={styles.card}>
        <h2>{t('login.title')}</h2>
        {login.error && (
          <Alert
            type="error"
            showIcon
            message={loginErrorText(login.error)}
            className={styles.error}
            data-testid="login-error"
          />
        )}
        <Form<Credentials> layout="vertical" size="large" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </section>
      <footer className={styles.footer}>{t('login.footer')}</footer>
    </main>
  );
}
