import type { FieldError } from '@kjj/domain';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  warnings: FieldError[];
  labelOf: (path: string) => string;
  busy: boolean;
  onConfirm: (reasons: Record<string, string>) => void;
  onCancel: () => void;
}

/**
 * Values that only need confirming (a USCC whose check digit is off, DOMAIN §7): the user either
 * corrects them or saves anyway with a reason per field, which the record keeps as an override.
 */
export function OverridePanel({ warnings, labelOf, busy, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  const fields = [...new Set(warnings.map((w) => w.path))];
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="override-panel"
      message={t('form.warningsTitle')}
      description={
        <Form
          form={form}
          layout="vertical"
          onFinish={(reasons) => onConfirm(reasons)}
          style={{ marginTop: 8 }}
        >
          {fields.map((path) => (
            <Form.Item
              key={path}
              name={path}
              label={`${labelOf(path)}：${warnings
                .filter((w) => w.path === path)
                .map((w) => w.message)
                .join('；')}`}
              rules={[
                { required: true, min: 2, max: 200, whitespace: true, message: t('form.reasonRequired') },
              ]}
              style={{ marginBottom: 12 }}
            >
              <Input
                placeholder={t('form.reasonPlaceholder')}
                maxLength={200}
                data-testid={`override-reason-${path}`}
              />
            </Form.Item>
          ))}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="override-confirm">
              {t('form.confirmAndSave')}
            </Button>
            <Button onClick={onCancel}>{t('form.backToEdit')}</Button>
          </Space>
        </Form>
      }
    />
  );
}
