import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { isEditable, type EntityDef } from '@kjj/domain';
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDeleteEntity } from '../../api/entities';
import { isApiError } from '../../api/problem';
import type { EntityRow } from '../../api/types';
import { useCan } from '../../app/permissions';

/** Edit and (soft) delete, each with its permission; delete sends the version it saw. */
export function DetailActions({ def, row }: { def: EntityDef; row: EntityRow }) {
  const can = useCan();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const remove = useDeleteEntity(def.plural);
  const confirmDelete = () =>
    remove.mutate(
      { id: row.id, version: row.version },
      {
        onSuccess: () => {
          void message.success(t('record.deleted'));
          void navigate(`/e/${def.plural}`);
        },
        onError: (error) => void message.error(isApiError(error) ? error.detail : error.message),
      },
    );
  const editable = isEditable(def.workflow, row);
  return (
    <Space wrap>
      {can(def.permissions.update) && editable && (
        <Link to={`/e/${def.plural}/${row.id}/edit`}>
          <Button type="primary" icon={<EditOutlined />} data-testid="edit-record">
            {t('common.edit')}
          </Button>
        </Link>
      )}
      {can(def.permissions.delete) && editable && (
        <Popconfirm
          title={t('record.deleteConfirm')}
          description={t('record.deleteHint')}
          okButtonProps={{ danger: true }}
          onConfirm={confirmDelete}
        >
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
