import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/problem';

interface Props {
  error: ApiError;
  general: string[];
  onReload: () => void;
  onRestore: (id: number) => void;
  restoring: boolean;
}

/**
 * A refused save that is not about one field: someone else changed the record (reload), the
 * value exists in the trash (restore it instead), or anything else the server said.
 */
export function ProblemAlert({ error, general, onReload, onRestore, restoring }: Props) {
  const { t } = useTranslation();
  const restoreId = error.problem.restoreId;
  let action = null;
  if (error.code === 'CONFLICT_STALE_VERSION') {
    action = (
      <Button size="small" onClick={onReload}>
        {t('form.reload')}
      </Button>
    );
  } else if (error.code === 'CONFLICT_DUPLICATE' && restoreId !== undefined) {
    action = (
      <Button
        size="small"
        type="primary"
        loading={restoring}
        onClick={() => onRestore(restoreId)}
        data-testid="restore-duplicate"
      >
        {t('form.restoreInstead')}
      </Button>
    );
  }
  const stale = error.code === 'CONFLICT_STALE_VERSION' ? [t('form.staleHint')] : [];
  const lines = [
    ...stale,
    ...(general.length > 0
      ? general
      : error.fieldErrors.length > 0 || stale.length > 0
        ? []
        : [error.detail]),
  ];
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="form-problem"
      message={error.title}
      description={
        lines.length > 0 || action ? (
          <Space direction="vertical">
            {lines.map((line) => (
              <span key={line}>{line}</span>
            ))}
            {action}
          </Space>
        ) : undefined
      }
    />
  );
}
