import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResetPassword } from '../../../api/admin';
import type { User } from '../../../api/types';
import { applyProblem } from '../../../lib/form-problem';

interface Values {
  how: 'generate' | 'set';
  password?: string;
}

/** A generated password is shown exactly once; the user must change it at next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const how = Form.useWatch('how', form);
  const reset = useResetPassword();
  const [generated, setGenerated] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = (v: Values) =>
    reset.mutate(
      { id: user.id, password: v.how === 'set' ? v.password : undefined },
      {
        onSuccess: ({ password }) => {
          setGenerated(password);
          setDone(true);
          void message.success(t('users.passwordReset'));
        },
        onError: (error) => {
          const rest = applyProblem(form, error, ['password', 'newPassword']);
          if (rest) void message.error(rest);
        },
      },
    );

  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { name: user.name })}
      onCancel={onClose}
      onOk={() => (done ? onClose() : form.submit())}
      okText={done ? t('common.close') : t('users.resetPassword')}
      cancelButtonProps={{ style: done ? { display: 'none' } : undefined }}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      {done ? (
        generated ? (
          <Alert
            type="success"
            showIcon
            message={t('users.generatedOnce')}
            description={
              <Typography.Text copyable code style={{ fontSize: 16 }} data-testid="generated-password">
                {generated}
              </Typography.Text>
            }
          />
        ) : (
          <Alert type="success" showIcon message={t('users.passwordReset')} />
        )
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={{ how: 'generate' }} onFinish={submit}>
          <Form.Item name="how">
            <Radio.Group
              options={[
                { value: 'generate', label: t('users.generate') },
                { value: 'set', label: t('users.setPassword') },
              ]}
            />
          </Form.Item>
          {how === 'set' && (
            <Form.Item
              name="password"
              label={t('users.newPassword')}
              rules={[{ required: true }]}
              extra={t('users.passwordPolicy')}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Typography.Paragraph type="secondary">{t('users.resetNote')}</Typography.Paragraph>
        </Form>
      )}
    </Modal>
  );
}
