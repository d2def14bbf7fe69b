import { ORG_KINDS, type OrgKind } from '@kjj/domain';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveOrg, type OrgCreateInput, type OrgUpdateInput } from '../../../api/orgs';
import type { Org } from '../../../api/types';
import { useLang } from '../../../i18n/use-lang';
import { applyProblem } from '../../../lib/form-problem';

export type OrgFormTarget = { mode: 'create'; parent: Org } | { mode: 'edit'; org: Org };

interface Values {
  kind: OrgKind;
  fullName: string;
  shortName: string;
  divisionCode?: string;
  docPrefix?: string;
  address?: string;
  phone?: string;
  disabled?: boolean;
}

const FIELDS = [
  'kind',
  'fullName',
  'shortName',
  'divisionCode',
  'docPrefix',
  'address',
  'phone',
  'disabled',
  'parentId',
];
const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Add a section or a subordinate bureau under an org, or edit one (incl. disabling it). */
export function OrgFormModal({ target, onClose }: { target: OrgFormTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveOrg();
  const kind = Form.useWatch('kind', form);
  const editing = target.mode === 'edit' ? target.org : undefined;
  const initial: Partial<Values> = editing
    ? {
        ...editing,
        kind: editing.kind,
        divisionCode: editing.divisionCode ?? undefined,
        docPrefix: editing.docPrefix ?? undefined,
        address: editing.address ?? undefined,
        phone: editing.phone ?? undefined,
        disabled: editing.disabledAt !== null,
      }
    : { kind: 'section' };

  const submit = (v: Values) => {
    const common = {
      fullName: v.fullName.trim(),
      shortName: v.shortName.trim(),
      docPrefix: blankToNull(v.docPrefix),
      address: blankToNull(v.address),
      phone: blankToNull(v.phone),
    };
    const values: OrgCreateInput | OrgUpdateInput = editing
      ? { ...common, version: editing.version, disabled: v.disabled ?? false }
      : {
          ...common,
          parentId: target.mode === 'create' ? target.parent.id : 0,
          kind: v.kind,
          divisionCode: v.kind === 'section' ? null : blankToNull(v.divisionCode),
        };
    save.mutate(
      { id: editing?.id, values },
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

  const title = editing
    ? t('orgs.editTitle', { name: editing.shortName })
    : t('orgs.createTitle', { parent: target.mode === 'create' ? target.parent.shortName : '' });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {!editing && (
          <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true }]}>
            <Select
              options={ORG_KINDS.codes
                .filter((k) => k !== 'province_dept')
                .map((k) => ({ value: k, label: pick(ORG_KINDS.labels[k]) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="fullName"
          label={t('orgs.fullName')}
          rules={[{ required: true, min: 2, max: 100, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('orgs.shortName')}
          rules={[{ required: true, max: 50, whitespace: true }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        {!editing && kind !== 'section' && (
          <Form.Item
            name="divisionCode"
            label={t('orgs.divisionCode')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('orgs.divisionCodeHint') }]}
          >
            <Input maxLength={6} inputMode="numeric" />
          </Form.Item>
        )}
        <Form.Item name="docPrefix" label={t('orgs.docPrefix')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="address" label={t('orgs.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('orgs.phone')}>
          <Input maxLength={30} />
        </Form.Item>
        {editing && (
          <Form.Item name="disabled" label={t('orgs.disabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
