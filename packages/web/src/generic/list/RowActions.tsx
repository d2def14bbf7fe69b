import { isEditable, type EntityDef } from '@kjj/domain';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRestoreEntity } from '../../api/entities';
import { isApiError } from '../../api/problem';
import type { EntityRow } from '../../api/types';
import { useCan } from '../../app/permissions';

/** Edit for live rows, restore for rows in the trash, each only with the permission for it. */
export function RowActions({ def, row, trash }: { def: EntityDef; row: EntityRow; trash: boolean }) {
  const can = useCan();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const restore = useRestoreEntity(def.plural);
  if (trash) {
    if (!can(def.permissions.delete)) return null;
    return (
      <Button
        size="small"
        loading={restore.isPending}
        onClick={() =>
          restore.mutate(row.id, {
            onSuccess: () => void message.success(t('record.restored')),
            onError: (error) => void message.error(isApiError(error) ? error.detail : error.message),
          })
        }
      >
        {t('record.restore')}
      </Button>
    );
  }
  return (
    <Space size={4}>
      <Link to={`/e/${def.plural}/${row.id}`}>{t('common.view')}</Link>
      {can(def.permissions.update) && isEditable(def.workflow, row) && (
        <Link to={`/e/${def.plural}/${row.id}/edit`}>{t('common.edit')}</Link>
      )}
    </Space>
  );
}
