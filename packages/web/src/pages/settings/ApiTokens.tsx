import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../api/auth';
import type { ApiToken } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { applyProblem } from '../../lib/form-problem';

interface Values {
  name: string;
  expiresInDays?: number | null;
}

/** Personal API tokens for scripts: created here, shown once, revocable. */
export function ApiTokens() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [fresh, setFresh] = useState<string | null>(null);

  const submit = (v: Values) =>
    create.mutate(
      { name: v.name.trim(), ...(v.expiresInDays ? { expiresInDays: v.expiresInDays } : {}) },
      {
        onSuccess: (created) => {
          setFresh(created.token);
          form.resetFields();
        },
        onError: (error) => {
          const rest = applyProblem(form, error, ['name', 'expiresInDays']);
          if (rest) void message.error(rest);
        },
      },
    );

  const state = (token: ApiToken) => {
    if (token.revokedAt) return <Tag>{t('settings.revoked')}</Tag>;
    if (token.expiresAt && token.expiresAt < new Date().toISOString())
      return <Tag>{t('settings.expired')}</Tag>;
    return <Tag color="green">{t('settings.activeToken')}</Tag>;
  };
  const columns: TableColumnsType<ApiToken> = [
    { key: 'name', title: t('settings.tokenName'), dataIndex: 'name' },
    {
      key: 'prefix',
      title: t('settings.prefix'),
      className: 'kjj-nowrap',
      render: (_, tk) => <Typography.Text code>{tk.prefix}…</Typography.Text>,
    },
    {
      key: 'created',
      title: t('settings.createdAt'),
      className: 'kjj-nowrap',
      render: (_, tk) => formatDateTime(tk.createdAt),
    },
    {
      key: 'used',
      title: t('settings.lastUsed'),
      className: 'kjj-nowrap',
      render: (_, tk) => formatDateTime(tk.lastUsedAt) || '—',
    },
    {
      key: 'expires',
      title: t('settings.expiresAt'),
      className: 'kjj-nowrap',
      render: (_, tk) => formatDateTime(tk.expiresAt) || t('settings.never'),
    },
    { key: 'state', title: t('users.status'), render: (_, tk) => state(tk) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, tk) =>
        !tk.revokedAt && (
          <Popconfirm
            title={t('settings.revokeConfirm')}
            onConfirm={() => revoke.mutate(tk.id)}
            okButtonProps={{ danger: true }}
          >
            <Button type="link" danger size="small">
              {t('settings.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {fresh && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setFresh(null)}
          message={t('settings.tokenOnce')}
          description={
            <Typography.Text copyable code style={{ wordBreak: 'break-all' }} data-testid="fresh-token">
              {fresh}
            </Typography.Text>
          }
        />
      )}
      <Form<Values> form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item name="name" rules={[{ required: true, max: 50, whitespace: true }]}>
          <Input placeholder={t('settings.tokenName')} maxLength={50} />
        </Form.Item>
        <Form.Item name="expiresInDays">
          <InputNumber
            min={1}
            max={3650}
            precision={0}
            placeholder={t('settings.expiresInDays')}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('settings.createToken')}
        </Button>
      </Form>
      <Table<ApiToken>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tokens.data?.items ?? []}
        loading={tokens.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Space>
  );
}
