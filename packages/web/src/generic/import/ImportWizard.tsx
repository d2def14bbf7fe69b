import type { EntityDef } from '@kjj/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Grid, Modal, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityKeys } from '../../api/entities';
import { useJob, useStartImport } from '../../api/jobs';
import { isApiError } from '../../api/problem';
import type { ImportKey, ImportMode } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { ImportProgress } from './ImportProgress';
import { ImportResultView } from './ImportResultView';
import { ImportUploadForm } from './ImportUploadForm';

/** Upload an .xlsx → watch the job → read the result with its row-numbered errors. */
export function ImportWizard({ def, onClose }: { def: EntityDef; onClose: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const isPhone = Grid.useBreakpoint().md === false;
  const queryClient = useQueryClient();
  const start = useStartImport(def.plural);
  const [jobId, setJobId] = useState<number>();
  const job = useJob(jobId);
  const result = job.data?.status === 'succeeded' ? job.data.result : null;
  const step = jobId === undefined ? 0 : result || job.data?.status === 'failed' ? 2 : 1;

  useEffect(() => {
    // Applied rows change the list behind the dialog.
    if (result && result.status !== 'rejected')
      void queryClient.invalidateQueries({ queryKey: entityKeys.all(def.plural) });
  }, [result, queryClient, def.plural]);

  const upload = (file: File, mode: ImportMode, key: ImportKey) =>
    start.mutate({ file, mode, key }, { onSuccess: ({ jobId: id }) => setJobId(id) });
  const again = () => {
    start.reset();
    setJobId(undefined);
  };

  return (
    <Modal
      open
      title={t('import.title', { entity: pick(def.label) })}
      onCancel={onClose}
      width={isPhone ? '100%' : 880}
      style={isPhone ? { top: 0, maxWidth: '100vw', paddingBottom: 0 } : undefined}
      footer={
        step === 2
          ? [
              <Button key="again" onClick={again}>
                {t('import.again')}
              </Button>,
              <Button key="close" type="primary" onClick={onClose}>
                {t('common.close')}
              </Button>,
            ]
          : null
      }
      destroyOnHidden
      maskClosable={false}
    >
      <Steps
        size="small"
        current={step}
        responsive={false}
        style={{ margin: '16px 0 20px' }}
        items={[
          { title: t('import.stepUpload') },
          { title: t('import.stepRun') },
          { title: t('import.stepResult') },
        ]}
      />
      {step === 0 && (
        <>
          {start.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={isApiError(start.error) ? start.error.detail : start.error.message}
            />
          )}
          <ImportUploadForm def={def} busy={start.isPending} onSubmit={upload} />
        </>
      )}
      {step === 1 && <ImportProgress job={job.data} />}
      {step === 2 && job.data?.status === 'failed' && (
        <Alert type="error" showIcon message={t('import.jobFailed')} description={job.data.result?.error} />
      )}
      {step === 2 && result && <ImportResultView def={def} result={result} />}
    </Modal>
  );
}
