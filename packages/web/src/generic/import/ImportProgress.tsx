import { Progress, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../api/types';

/**
 * The server streams the sheet, so the row count (`total`) is known only once reading ends:
 * until then the rows read so far are shown; afterwards the percentage.
 */
export function ImportProgress({ job }: { job: Job | undefined }) {
  const { t } = useTranslation();
  const total = job?.total ?? null;
  const processed = job?.processed ?? 0;
  const status = job?.status ?? 'queued';
  return (
    <div style={{ textAlign: 'center', padding: '24px 0' }} data-testid="import-progress">
      {total ? (
        <Progress
          type="circle"
          percent={Math.min(100, Math.floor((processed / total) * 100))}
          status="active"
        />
      ) : (
        <Spin size="large" />
      )}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {status === 'queued'
          ? t('import.queued')
          : total
            ? t('import.applying', { total })
            : t('import.reading', { processed })}
      </Typography.Paragraph>
      {job?.fileName && <Typography.Text type="secondary">{job.fileName}</Typography.Text>}
    </div>
  );
}
