import { isManual, isRatio, type MetricDef } from '../define/metric.js';
import { MANUAL_METRICS } from './manual.js';

export { MANUAL_METRICS };
import { PROJECT_METRICS } from './projects.js';
import { RESERVE_METRICS } from './reserve.js';
import { ENTERPRISE_METRICS } from './enterprises.js';

/** Every metric, by module, then the manual ones (手工填报). Ids are stable: targets and report figures refer to them. */
export const METRICS: readonly MetricDef[] = [
  ...PROJECT_METRICS,
  ...RESERVE_METRICS,
  ...ENTERPRISE_METRICS,
  ...MANUAL_METRICS,
];

export const metricById = (id: string): MetricDef | undefined => METRICS.find((m) => m.id === id);

/** Fields a caller may narrow a metric by (none for ratios and manual figures). */
export const metricParams = (m: MetricDef): readonly string[] => (isRatio(m) || isManual(m) ? [] : m.params);

export const metricKind = (m: MetricDef): 'ratio' | 'manual' | 'amount' | 'count' =>
  isRatio(m) ? 'ratio' : isManual(m) ? 'manual' : 'sum' in m.measure ? 'amount' : 'count';

/** The entity whose rows a metric counts: who may read those rows may read the metric. */
export function metricEntity(m: MetricDef): string {
  if (isManual(m)) return 'metricEntry';
  if (isRatio(m)) return metricEntity(metricById(m.numerator)!);
  return m.entity;
}
