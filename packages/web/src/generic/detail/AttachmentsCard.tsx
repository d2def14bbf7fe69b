import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_TYPES, type EntityDef } from '@kjj/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Popconfirm, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { downloadFile } from '../../api/download';
import { entityKeys } from '../../api/entities';
import { useCan } from '../../app/permissions';
import { formatDateTime } from '../../lib/format';

interface Attachment {
  id: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

const sizeText = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
const ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');

/** 附件: the record's documents; who may edit the record uploads and removes them. */
export function AttachmentsCard({ def, id }: { def: EntityDef; id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const path = `/${def.plural}/${id}/attachments`;
  const key = ['entity', def.plural, 'one', id, 'attachments'];
  const list = useQuery({ queryKey: key, queryFn: () => api<{ items: Attachment[] }>(path) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: entityKeys.audit(def.plural, id) });
  };
  const failed = (error: Error) => void message.error(error.message);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<Attachment>(path, { method: 'POST', body: form });
    },
    onSuccess: (a) => {
      void message.success(t('attachments.uploaded', { name: a.fileName }));
      refresh();
    },
    onError: failed,
  });
  const remove = useMutation({
    mutationFn: (attachmentId: number) => api<void>(`${path}/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: failed,
  });
  const editable = can(def.permissions.update);
  return (
    <Card
      title={t('attachments.title')}
      size="small"
      data-testid="attachments"
      extra={
        editable && (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            customRequest={({ file }) => upload.mutate(file as File)}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('attachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <List<Attachment>
        size="small"
        loading={list.isPending}
        locale={{ emptyText: t('attachments.none') }}
        dataSource={list.data?.items ?? []}
        renderItem={(a) => (
          <List.Item
            actions={[
              editable && (
                <Popconfirm
                  key="delete"
                  title={t('attachments.deleteConfirm', { name: a.fileName })}
                  onConfirm={() => remove.mutate(a.id)}
                >
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                  />
                </Popconfirm>
              ),
            ]}
          >
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={
                <Typography.Link onClick={() => void downloadFile(`${path}/${a.id}`, {}, a.fileName)}>
                  {a.fileName}
                </Typography.Link>
              }
              description={`${sizeText(a.sizeBytes)} · ${formatDateTime(a.createdAt)} · SHA-256 ${a.sha256.slice(0, 12)}…`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
