import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverrideStamp } from '../../api/types';

/** 校验已确认: a warning on this record was overridden with a reason (DOMAIN §7). */
export function OverrideBadge({
  overrides,
  labelOf,
}: {
  overrides: Record<string, OverrideStamp>;
  labelOf: (field: string) => string;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(overrides ?? {});
  if (entries.length === 0) return null;
  const reasons = entries.map(([field, o]) => `${labelOf(field)}：${o.reason}`).join('\n');
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{reasons}</span>}>
      <Tag
        color="gold"
        icon={<SafetyCertificateOutlined />}
        style={{ marginInlineStart: 6 }}
        data-testid="override-badge"
      >
        {t('record.overridden')}
      </Tag>
    </Tooltip>
  );
}
