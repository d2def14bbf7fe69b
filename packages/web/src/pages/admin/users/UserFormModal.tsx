import { POSITIONS } from '@kjj/domain';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveUser, type UserCreateInput, type UserUpdateInput } from '../../../api/admin';
import { useOrgs } from '../../../api/orgs';
import type { Role, User } from '../../../api/types';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useLang } from '../../../i18n/use-lang';
import { applyProblem } from '../../../lib/form-problem';

interface Values {
  username: string;
  name: string;
  orgId?: number;
  sectionId?: number | null;
  position?: string | null;
  phone?: string;
  password?: string;
  roleIds: number[];
  active: boolean;
}

const FIELDS = [
  'username',
  'name',
  'orgId',
  'sectionId',
  'position',
  'phone',
  'password',
  'roleIds',
  'status',
];

/** Create a user, or edit one: name, section, position, phone, roles, active/disabled. */
export function UserFormModal({ user, roles, onClose }: { user?: User; roles: Role[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveUser();
  const orgs = useOrgs();
  const orgId = Form.useWatch('orgId', form) ?? user?.orgId;
  const sections = (orgs.data ?? []).filter((o) => o.kind === 'section' && o.parentId === orgId);

  const submit = (v: Values) => {
    const common = {
      name: v.name.trim(),
      sectionId: v.sectionId ?? null,
      position: v.position ?? null,
      phone: v.phone?.trim() || null,
      roleIds: v.roleIds,
    };
    const values: UserCreateInput | UserUpdateInput = user
      ? { ...common, version: user.version, status: v.active ? 'active' : 'disabled' }
      : { ...common, username: v.username.trim(), orgId: v.orgId ?? 0, password: v.password ?? '' };
    save.mutate(
      { id: user?.id, values },
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

  const initial: Partial<Values> = user
    ? {
        username: user.username,
        name: user.name,
        orgId: user.orgId,
        sectionId: user.sectionId,
        position: user.position,
        phone: user.phone ?? undefined,
        roleIds: user.roleIds,
        active: user.status === 'active',
      }
    : { roleIds: [], active: true };

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.name }) : t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) =>
          changed.orgId !== undefined && form.setFieldValue('sectionId', null)
        }
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,64}$/, message: t('users.usernameHint') }]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('users.name')}
          rules={[{ required: true, min: 2, max: 30, whitespace: true }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        {user ? (
          <Form.Item label={t('record.org')}>
            <Input disabled value={orgs.data?.find((o) => o.id === user.orgId)?.fullName} />
          </Form.Item>
        ) : (
          <Form.Item name="orgId" label={t('record.org')} rules={[{ required: true }]}>
            <OrgTreeSelect allowClear={false} />
          </Form.Item>
        )}
        <Form.Item name="sectionId" label={t('record.section')}>
          <Select
            allowClear
            options={sections.map((s) => ({ value: s.id, label: s.shortName }))}
            placeholder={t('form.choose')}
          />
        </Form.Item>
        <Form.Item name="position" label={t('users.position')}>
          <Select
            allowClear
            options={POSITIONS.codes.map((p) => ({ value: p, label: pick(POSITIONS.labels[p]) }))}
            placeholder={t('form.choose')}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            rules={[{ required: true }]}
            extra={t('users.passwordPolicy')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="roleIds" label={t('users.roles')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={roles.map((r) => ({ value: r.id, label: lang === 'en' ? r.nameEn : r.name }))}
          />
        </Form.Item>
        {user && (
          <Form.Item name="active" label={t('users.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
