import { filterFields } from '../define/entity.js';
import { isManual, isRatio, type MetricDef, type Period } from '../define/metric.js';
import { entityByName } from '../entities/index.js';
import { metricById, metricEntity } from './index.js';

export interface RecordsLink {
  /** The entity list (its plural) that holds the records. */
  plural: string;
  /** List filters selecting them. */
  query: Record<string, string>;
  /** False when a condition has no list filter (an open date), so the list shows a few more. */
  exact: boolean;
}

/** The ISO date before an ISO date (list filters take inclusive bounds). */
const dayBefore = (iso: string): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The records behind a figure as a list the UI can open (DESIGN §6: every number clickable):
 * each condition of the metric becomes the list filter of the same field.
 */
export function metricRecords(metric: MetricDef, period: Period, orgId?: number): RecordsLink {
  const def = entityByName(metricEntity(metric))!;
  const query: Record<string, string> = orgId ? { orgId: String(orgId) } : {};
  if (isManual(metric))
    return {
      plural: def.plural,
      query: { ...query, metricId: metric.id, 'asOf.gte': period.from, 'asOf.lte': period.to },
      exact: true,
    };
  if (isRatio(metric)) return metricRecords(metricById(metric.numerator)!, period, orgId);
  const filters = new Set(filterFields(def).map(([name]) => name));
  let exact = true;
  for (const c of metric.where) {
    if (!filters.has(c.field)) {
      exact = false;
      continue;
    }
    if ('in' in c) query[c.field] = c.in.join(',');
    else if ('is' in c) query[c.field] = String(c.is);
    else if ('within' in c) {
      query[`${c.field}.gte`] = period.from;
      query[`${c.field}.lte`] = period.to;
    } else if ('by' in c) query[`${c.field}.lte`] = period.to;
    else if ('before' in c) query[`${c.field}.lte`] = dayBefore(period.from);
    else exact = false;
  }
  return { plural: def.plural, query, exact };
}
