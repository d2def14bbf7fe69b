import type { MetricDef } from '../define/metric.js';
import { PROJECT_METRICS } from './projects.js';
import { RESERVE_METRICS } from './reserve.js';

/** Every computed metric, by module. Ids are stable: targets and report figures refer to them. */
export const METRICS: readonly MetricDef[] = [...PROJECT_METRICS, ...RESERVE_METRICS];

export const metricById = (id: string): MetricDef | undefined => METRICS.find((m) => m.id === id);
