import { ArrowLeftOutlined } from '@ant-design/icons';
import type { EntityDef } from '@kjj/domain';
import { App, Button, Card, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useEntityRow, useRestoreEntity } from '../../api/entities';
import type { EntityRow } from '../../api/types';
import { PageLoading } from '../../app/PageLoading';
import { useCan } from '../../app/permissions';
import { useLang } from '../../i18n/use-lang';
import { useDocumentTitle } from '../../lib/use-document-title';
import { labelOf } from '../fields/labels';
import { useRefData } from '../fields/use-ref-data';
import { Forbidden, NotFound } from '../RouteResults';
import { useRouteEntity } from '../use-route-entity';
import { EntityFormFields } from './EntityFormFields';
import { toFormValues, type FormValues } from './form-values';
import { OverridePanel } from './OverridePanel';
import { PlacementField, usePlacement } from './PlacementField';
import { ProblemAlert } from './ProblemAlert';
import { useEntitySubmit } from './use-entity-submit';
import { asText } from '../../lib/text';

/** `/e/:plural/new` and `/e/:plural/:id/edit`: a form generated from the definition. */
export function EntityFormPage() {
  const { def, id } = useRouteEntity();
  const can = useCan();
  if (!def) return <NotFound />;
  if (!can(id === undefined ? def.permissions.create : def.permissions.update)) return <Forbidden />;
  return id === undefined ? (
    <EntityForm key={`${def.name}-new`} def={def} />
  ) : (
    <EditLoader key={`${def.name}-${id}`} def={def} id={id} />
  );
}

function EditLoader({ def, id }: { def: EntityDef; id: number }) {
  const row = useEntityRow(def.plural, id);
  if (row.isPending) return <PageLoading />;
  if (row.error) return <NotFound />;
  return <EntityForm def={def} loaded={row.data} reload={async () => (await row.refetch()).data} />;
}

interface FormProps {
  def: EntityDef;
  /** The record as first loaded (edit); absent for a new record. */
  loaded?: EntityRow;
  reload?: () => Promise<EntityRow | undefined>;
}

function EntityForm({ def, loaded, reload }: FormProps) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  // The version the user started from stays fixed until they reload on purpose, so someone else's
  // save in between is reported as a conflict rather than silently merged.
  const [original, setOriginal] = useState(loaded);
  const refs = useRefData(def);
  const placement = usePlacement();
  const restore = useRestoreEntity(def.plural);
  const detailUrl = (id: number) => `/e/${def.plural}/${id}`;
  const title = original
    ? t('form.editTitle', { entity: pick(def.label) })
    : t('form.createTitle', { entity: pick(def.label) });
  useDocumentTitle(title);

  const { submit, saving, warnings, dismissWarnings, problem, clearProblem } = useEntitySubmit({
    def,
    form,
    original,
    placement: placement.body,
    onSaved: (row) => {
      void message.success(t('form.saved'));
      void navigate(detailUrl(row.id));
    },
    onUnchanged: () => void message.info(t('form.unchanged')),
  });
  const reloadLatest = async () => {
    const fresh = await reload?.();
    if (!fresh) return;
    setOriginal(fresh);
    form.resetFields();
    form.setFields(Object.entries(toFormValues(def, fresh)).map(([name, value]) => ({ name, value })));
    clearProblem();
  };
  const restoreInstead = (id: number) =>
    restore.mutate(id, {
      onSuccess: () => {
        void message.success(t('record.restored'));
        void navigate(detailUrl(id));
      },
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Link to={original ? detailUrl(original.id) : `/e/${def.plural}`}>
        <ArrowLeftOutlined /> {original ? asText(original[def.display]) : pick(def.label)}
      </Link>
      <div className="kjj-page-header" style={{ marginBottom: 0 }}>
        <h1>{title}</h1>
      </div>
      {problem && (
        <ProblemAlert
          error={problem.error}
          general={problem.general}
          onReload={() => void reloadLatest()}
          onRestore={restoreInstead}
          restoring={restore.isPending}
        />
      )}
      {warnings.length > 0 && (
        <OverridePanel
          warnings={warnings}
          labelOf={(path) => pick(labelOf(def, path))}
          busy={saving}
          onConfirm={(reasons) => submit(form.getFieldsValue(true) as FormValues, reasons)}
          onCancel={dismissWarnings}
        />
      )}
      <Card size="small" styles={{ body: { paddingTop: 20 } }}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={toFormValues(def, original)}
          onFinish={(values) => submit(values)}
          onValuesChange={(changed: FormValues) =>
            form.setFields(Object.keys(changed).map((name) => ({ name, errors: [], warnings: [] })))
          }
          scrollToFirstError
          data-testid="entity-form"
        >
          {!original && placement.visible && <PlacementField placement={placement} />}
          <EntityFormFields def={def} refs={refs} />
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="save-record">
              {t('common.save')}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
