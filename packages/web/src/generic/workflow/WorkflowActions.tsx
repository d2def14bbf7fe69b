import {
  actionSchema,
  actionsFrom,
  describeIssues,
  type ActionDef,
  type EntityDef,
  type Workflow,
} from '@kjj/domain';
import { App, Button, Form, Modal, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import type { EntityRow } from '../../api/types';
import { useTakeAction } from '../../api/workflow';
import { useCan } from '../../app/permissions';
import { useLang } from '../../i18n/use-lang';
import type { RefData } from '../fields/use-ref-data';
import { EntityFormFields } from '../form/EntityFormFields';
import { toPayload, type FormValues } from '../form/form-values';
import { ScoreSheetFields } from './ScoreSheetFields';

/** Actions whose form is laid out by hand rather than from its fields. */
const CUSTOM_FORMS: Record<string, (props: { row: EntityRow }) => ReactNode> = {
  'reviewSheet.submitScores': ScoreSheetFields,
};

/** `scores.0.score` → ['scores', 0, 'score']: the form's name path of a nested field. */
const namePath = (path: string) => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** The action's form as a definition of its own, so the generic form fields and messages apply. */
const formDefOf = (def: EntityDef, action: ActionDef): EntityDef => ({ ...def, fields: action.input });

/**
 * The lifecycle actions open to this user in the record's current state: one button each, a form
 * when the action asks for input (reason, document number, dates …), then the server's verdict.
 */
export function WorkflowActions({ def, row, refs }: { def: EntityDef; row: EntityRow; refs: RefData }) {
  const workflow = def.workflow as Workflow;
  const can = useCan();
  const { pick } = useLang();
  const [open, setOpen] = useState<ActionDef | null>(null);
  const state = row[workflow.field] as string;
  const available = actionsFrom(workflow, state).filter(
    (a) => can(workflow.permissions[a.name]!) && !a.guard?.(row),
  );
  if (available.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="workflow-actions">
        {available.map((action) => (
          <Button key={action.name} onClick={() => setOpen(action)} data-testid={`action-${action.name}`}>
            {pick(action.label)}
          </Button>
        ))}
      </Space>
      {open && <ActionDialog def={def} row={row} refs={refs} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}

interface DialogProps {
  def: EntityDef;
  row: EntityRow;
  refs: RefData;
  action: ActionDef;
  onClose: () => void;
}

function ActionDialog({ def, row, refs, action, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const take = useTakeAction(def.plural);
  const formDef = formDefOf(def, action);
  const Custom = CUSTOM_FORMS[`${def.name}.${action.name}`];
  const showErrors = (errors: { path: string; message: string }[]) =>
    form.setFields(errors.map((e) => ({ name: namePath(e.path), errors: [e.message] })));

  const submit = (values: FormValues) => {
    const { payload, errors } = toPayload(formDef, values, lang);
    if (errors.length > 0) return form.setFields(errors.map((e) => ({ name: e.name, errors: [e.message] })));
    const body = { version: row.version, ...payload };
    const checked = actionSchema(action).safeParse(body);
    if (!checked.success) return showErrors(describeIssues(checked.error, lang, formDef, body));
    take.mutate(
      { id: row.id, action: action.name, body },
      {
        onSuccess: () => {
          void message.success(t('workflow.done', { action: pick(action.label) }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.fieldErrors.length > 0) showErrors(error.fieldErrors);
          else void message.error(isApiError(error) ? error.detail : error.message);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${pick(def.label)}：${pick(action.label)}`}
      okText={t('workflow.confirm')}
      onOk={() => form.submit()}
      confirmLoading={take.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="action-form">
        {Custom ? (
          <Custom row={row} />
        ) : Object.keys(action.input).length > 0 ? (
          <EntityFormFields def={formDef} refs={refs} />
        ) : (
          <p>{t('workflow.confirmText', { action: pick(action.label) })}</p>
        )}
      </Form>
    </Modal>
  );
}
