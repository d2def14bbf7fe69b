import { PlusOutlined } from '@ant-design/icons';
import type { DictEntry } from '@kjj/domain';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Switch,
  Table,
  Tabs,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDicts, useSaveDictEntry, type DictList } from '../../../api/dicts';
import { isApiError } from '../../../api/problem';
import { PageLoading } from '../../../app/PageLoading';
import { useLang } from '../../../i18n/use-lang';
import { useDocumentTitle } from '../../../lib/use-document-title';

/**
 * Managed lists (项目类别, 储备项目行业): entries are added, renamed, reordered and retired, never
 * deleted, so older records keep the label they were filed under.
 */
export function DictsPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const dicts = useDicts();
  useDocumentTitle(t('menu.dicts'));
  if (!dicts.data) return <PageLoading />;
  return (
    <>
      <div className="kjj-page-header">
        <h1>{t('menu.dicts')}</h1>
      </div>
      <Card size="small">
        <Tabs
          items={dicts.data.map((list) => ({
            key: list.dict,
            label: pick(list.label),
            children: <DictEntries list={list} />,
          }))}
        />
      </Card>
    </>
  );
}

function DictEntries({ list }: { list: DictList }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveDictEntry(list.dict);
  const [editing, setEditing] = useState<DictEntry | 'new' | null>(null);
  const toggle = (entry: DictEntry, active: boolean) =>
    save.mutate(
      { id: entry.id, version: entry.version, active },
      { onError: (e) => void message.error(isApiError(e) ? e.detail : e.message) },
    );

  const columns: TableColumnsType<DictEntry> = [
    { key: 'zh', title: t('dicts.labelZh'), render: (_, e) => e.label.zh },
    { key: 'en', title: t('dicts.labelEn'), render: (_, e) => e.label.en },
    { key: 'sort', title: t('dicts.sort'), dataIndex: 'sort', className: 'kjj-nowrap' },
    {
      key: 'active',
      title: t('dicts.active'),
      className: 'kjj-nowrap',
      render: (_, e) => (
        <Switch
          size="small"
          checked={e.active}
          aria-label={t('dicts.activeOf', { label: e.label.zh })}
          onChange={(checked) => toggle(e, checked)}
        />
      ),
    },
    {
      key: 'code',
      title: t('dicts.code'),
      className: 'kjj-nowrap',
      render: (_, e) => <Tag>{e.code}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, e) => (
        <Button type="link" size="small" onClick={() => setEditing(e)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setEditing('new')}
        style={{ marginBottom: 12 }}
      >
        {t('dicts.add')}
      </Button>
      <Table<DictEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.entries}
        pagination={false}
      />
      {editing && (
        <EntryModal list={list} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

interface EntryForm {
  labelZh: string;
  labelEn?: string;
  sort?: number;
}

function EntryModal({
  list,
  entry,
  onClose,
}: {
  list: DictList;
  entry: DictEntry | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryForm>();
  const save = useSaveDictEntry(list.dict);
  const submit = (values: EntryForm) =>
    save.mutate(entry ? { id: entry.id, version: entry.version, ...values } : values, {
      onSuccess: () => {
        void message.success(t('form.saved'));
        onClose();
      },
      onError: (e) => {
        const text = isApiError(e) ? e.detail : e.message;
        // A name already in the list belongs under the name field.
        if (isApiError(e) && e.code === 'CONFLICT_DUPLICATE')
          form.setFields([{ name: 'labelZh', errors: [text] }]);
        else void message.error(text);
      },
    });
  return (
    <Modal
      open
      title={
        entry ? t('dicts.editTitle', { label: entry.label.zh }) : t('dicts.addTo', { list: pick(list.label) })
      }
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EntryForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={entry ? { labelZh: entry.label.zh, labelEn: entry.label.en, sort: entry.sort } : {}}
      >
        <Form.Item
          name="labelZh"
          label={t('dicts.labelZh')}
          rules={[{ required: true, whitespace: true, max: 30 }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="labelEn" label={t('dicts.labelEn')} rules={[{ max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="sort" label={t('dicts.sort')} extra={t('dicts.sortHint')}>
          <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
