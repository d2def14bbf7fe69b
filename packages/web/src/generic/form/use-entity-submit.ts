import type { EntityDef, FieldError } from '@kjj/domain';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useSaveEntity } from '../../api/entities';
import { ApiError, isApiError } from '../../api/problem';
import type { EntityRow } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { toPayload, type FormFieldError, type FormValues } from './form-values';
import { splitErrors, validatePayload } from './validate';

interface Options {
  def: EntityDef;
  form: FormInstance<FormValues>;
  original: EntityRow | undefined;
  /** Create-only placement (org switcher users); merged into the body. */
  placement?: Record<string, unknown>;
  onSaved: (row: EntityRow) => void;
  onUnchanged: () => void;
}

/**
 * Submit: convert → validate with the domain's zod schema → send → map the server's answer back
 * onto the fields. The form keeps every value the user typed whatever goes wrong.
 */
export function useEntitySubmit({ def, form, original, placement, onSaved, onUnchanged }: Options) {
  const { lang } = useLang();
  const save = useSaveEntity(def.plural);
  const [warnings, setWarnings] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<{ error: ApiError; general: string[] } | null>(null);

  const showFieldErrors = (errors: FormFieldError[]) => {
    form.setFields(errors.map((e) => ({ name: e.name, errors: [e.message] })));
    if (errors[0]) form.scrollToField(errors[0].name, { block: 'center' });
  };

  const clearMessages = () => {
    const names = Object.keys(def.fields);
    form.setFields(names.map((name) => ({ name, errors: [], warnings: [] })));
    setProblem(null);
  };

  const handleServerError = (error: ApiError) => {
    const warningsOnly = error.code === 'VALIDATION_WARNING';
    if (warningsOnly) {
      setWarnings(error.fieldErrors);
      form.setFields(error.fieldErrors.map((w) => ({ name: w.path, warnings: [w.message] })));
      return;
    }
    setWarnings([]);
    const { fieldErrors, general } = splitErrors(def, error.fieldErrors);
    showFieldErrors(fieldErrors);
    setProblem({ error, general });
  };

  const submit = (values: FormValues, reasons?: Record<string, string>) => {
    clearMessages();
    const { payload, errors, changed } = toPayload(def, values, lang, original);
    if (errors.length > 0) return showFieldErrors(errors);
    if (original && !changed) return onUnchanged();
    const body = { ...payload, ...(original ? {} : placement), ...(reasons ? { overrides: reasons } : {}) };
    const checked = validatePayload(def, body, original ? 'update' : 'create', lang);
    if (checked.fieldErrors.length > 0 || checked.general.length > 0) {
      showFieldErrors(checked.fieldErrors);
      if (checked.general.length > 0)
        setProblem({ error: localProblem(checked.general), general: checked.general });
      return;
    }
    save.mutate(
      { id: original?.id, body },
      {
        onSuccess: (row) => {
          setWarnings([]);
          onSaved(row);
        },
        onError: (error) =>
          isApiError(error)
            ? handleServerError(error)
            : setProblem({ error: localProblem([error.message]), general: [error.message] }),
      },
    );
  };

  return {
    submit,
    saving: save.isPending,
    warnings,
    dismissWarnings: () => setWarnings([]),
    problem,
    clearProblem: () => setProblem(null),
  };
}

/** A problem found before sending, shown in the same alert as a server refusal. */
const localProblem = (lines: string[]): ApiError =>
  new ApiError({ status: 0, code: 'VALIDATION_FAILED', title: lines[0] ?? '', detail: lines.join('；') });
