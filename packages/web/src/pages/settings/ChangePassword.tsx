import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../api/auth';
import { applyProblem } from '../../lib/form-problem';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change my password; the server applies the policy and ends my other sessions. */
export function ChangePassword() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('settings.passwordChanged'));
        },
        onError: (error) => {
          const rest = applyProblem(form, error, ['currentPassword', 'newPassword']);
          if (rest) void message.error(rest);
        },
      },
    );
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
      <Form.Item name="currentPassword" label={t('settings.currentPassword')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('settings.newPassword')}
        rules={[{ required: true }]}
        extra={t('users.passwordPolicy')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('settings.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('settings.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('settings.changePassword')}
      </Button>
    </Form>
  );
}
