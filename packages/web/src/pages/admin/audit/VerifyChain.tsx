import { Alert, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useVerifyAudit } from '../../../api/admin';

/** Runs the chain check once and reports: intact with N entries, or the first broken entry. */
export function VerifyChain({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const { mutate } = verify;
  useEffect(() => mutate(), [mutate]);

  const common = { showIcon: true, closable: true, onClose, style: { marginBottom: 16 } } as const;
  if (verify.isPending || verify.isIdle)
    return (
      <Alert {...common} type="info" message={<Spin size="small" />} description={t('audit.verifying')} />
    );
  if (verify.error) return <Alert {...common} type="error" message={verify.error.message} />;
  const result = verify.data;
  if (result.ok)
    return (
      <Alert
        {...common}
        type="success"
        data-testid="verify-result"
        message={t('audit.chainOk', { count: result.checked })}
      />
    );
  return (
    <Alert
      {...common}
      type="error"
      data-testid="verify-result"
      message={t('audit.chainBroken', { seq: result.brokenAt?.seq ?? '?' })}
      description={t('audit.chainBrokenDetail', {
        checked: result.checked,
        reason: result.brokenAt?.reason ?? '',
      })}
    />
  );
}
