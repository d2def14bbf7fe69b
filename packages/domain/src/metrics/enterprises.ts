import type { CountMetric } from '../define/metric.js';
import { t, type Text } from '../i18n.js';

const flagged = (id: string, label: Text, flag?: string): CountMetric => ({
  id,
  label,
  unit: t('家', 'firms'),
  entity: 'enterprise',
  measure: { count: true },
  // The flags are the registry's present knowledge (manual until the HTE module dates them), so
  // these stocks read the registry as it stands whatever the period.
  where: flag ? [{ field: flag, is: true }] : [],
  params: ['kind', 'industry'],
});

/** 企业库 stocks (DOMAIN §3.3) for the bureau overview and the report's enterprise section. */
export const ENTERPRISE_METRICS: readonly CountMetric[] = [
  flagged('enterprises.count', t('企业库企业数', 'Enterprises in the registry')),
  flagged('enterprises.hte.count', t('高新技术企业', 'High-tech enterprises'), 'isHte'),
  flagged('enterprises.tsme.count', t('科技型中小企业', 'Tech-based SMEs'), 'isTsme'),
];
