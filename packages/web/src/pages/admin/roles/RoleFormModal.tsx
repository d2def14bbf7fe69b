import { DATA_SCOPES, type DataScope } from '@kjj/domain';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissionRegistry, useSaveRole } from '../../../api/admin';
import type { Role } from '../../../api/types';
import { useLang } from '../../../i18n/use-lang';
import { applyProblem } from '../../../lib/form-problem';
import { PermissionChecklist } from './PermissionChecklist';

interface Values {
  code: string;
  name: string;
  nameEn: string;
  scope: DataScope;
  readScope?: DataScope | null;
  permissions: string[];
}

const FIELDS = ['code', 'name', 'nameEn', 'scope', 'readScope', 'permissions'];

/** Create or edit a role: names, write scope, optional wider read scope, permission checklist. */
export function RoleFormModal({ role, onClose }: { role?: Role; onClose: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const registry = usePermissionRegistry();
  const save = useSaveRole();
  const scopeOptions = DATA_SCOPES.codes.map((s) => ({ value: s, label: pick(DATA_SCOPES.labels[s]) }));

  const submit = (v: Values) => {
    const common = {
      name: v.name.trim(),
      nameEn: v.nameEn.trim(),
      scope: v.scope,
      readScope: v.readScope ?? null,
      permissions: v.permissions,
    };
    save.mutate(
      {
        id: role?.id,
        values: role ? { ...common, version: role.version } : { ...common, code: v.code.trim() },
      },
      {
        onSuccess: () => {
          void message.success(t('form.saved'));
          onClose();
        },
        onError: (error) => {
          const rest = applyProblem(form, error, FIELDS);
          if (rest) void message.error(rest);
        },
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={role ? t('roles.editTitle', { name: role.name }) : t('roles.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          role ? { ...role, readScope: role.readScope ?? undefined } : { scope: 'org', permissions: [] }
        }
      >
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              name="code"
              label={t('roles.code')}
              rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('roles.codeHint') }]}
            >
              <Input disabled={Boolean(role)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, min: 2, max: 30 }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="nameEn" label={t('roles.nameEn')} rules={[{ required: true, min: 2, max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="scope"
              label={t('roles.scope')}
              rules={[{ required: true }]}
              extra={t('roles.scopeHint')}
            >
              <Select options={scopeOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="readScope" label={t('roles.readScope')} extra={t('roles.readScopeHint')}>
              <Select allowClear options={scopeOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <PermissionChecklist permissions={registry.data ?? []} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
