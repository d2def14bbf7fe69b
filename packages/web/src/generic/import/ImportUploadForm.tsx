import { InboxOutlined } from '@ant-design/icons';
import type { EntityDef } from '@kjj/domain';
import { Button, Form, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKey, ImportMode } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { useDownload } from '../list/use-download';

interface Props {
  def: EntityDef;
  busy: boolean;
  onSubmit: (file: File, mode: ImportMode, key: ImportKey) => void;
}

/** File, mode (all-or-nothing / valid rows only) and key (create / upsert by the import key). */
export function ImportUploadForm({ def, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const { busy: downloading, download } = useDownload();
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [key, setKey] = useState<ImportKey>('create');
  const keyLabel = def.importKey ? pick(def.fields[def.importKey]!.label) : '';

  return (
    <Form layout="vertical">
      <Form.Item>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            // Keep the file here; it is sent with the chosen options, not on pick.
            return false;
          }}
          onRemove={() => setFile(undefined)}
          fileList={file ? [{ uid: 'picked', name: file.name, status: 'done' }] : []}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.hint')}</p>
        </Upload.Dragger>
        <Button
          type="link"
          style={{ paddingInline: 0 }}
          loading={downloading !== null}
          onClick={() =>
            void download('template', `/${def.plural}/template.xlsx`, {}, `${def.plural}-template.xlsx`)
          }
        >
          {t('list.template')}
        </Button>
      </Form.Item>
      <Form.Item label={t('import.mode')}>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value as ImportMode)}
          style={{ display: 'grid', gap: 6 }}
        >
          <Radio value="all_or_nothing">{t('import.allOrNothing')}</Radio>
          <Radio value="valid_rows_only">{t('import.validRowsOnly')}</Radio>
        </Radio.Group>
      </Form.Item>
      {def.importKey && (
        <Form.Item label={t('import.key')}>
          <Radio.Group
            value={key}
            onChange={(e) => setKey(e.target.value as ImportKey)}
            style={{ display: 'grid', gap: 6 }}
          >
            <Radio value="create">{t('import.keyCreate')}</Radio>
            <Radio value="upsert">{t('import.keyUpsert', { field: keyLabel })}</Radio>
          </Radio.Group>
        </Form.Item>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('import.rowsNote')}
      </Typography.Paragraph>
      <Button
        type="primary"
        disabled={!file}
        loading={busy}
        onClick={() => file && onSubmit(file, mode, key)}
        data-testid="import-start"
      >
        {t('import.start')}
      </Button>
    </Form>
  );
}
