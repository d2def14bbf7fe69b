import type { Text } from '../i18n.js';

/**
 * A metric (DESIGN §6): the only way a dashboard, KPI or report gets a number. Declared as data
 * over an entity's columns, so the server compiles it to one aggregate query per org subtree and
 * period, and the UI can open the very rows behind a figure with the same conditions.
 */
export type Condition =
  /** The field's value is one of these codes. */
  | { field: string; in: readonly string[] }
  /** A yes/no field has this value. */
  | { field: string; is: boolean }
  /** A flow: the date lies within the period. */
  | { field: string; within: 'period' }
  /** The date is set and not after the period's end. */
  | { field: string; by: 'end' }
  /** The date is set and before the period's start (what a stock held when the period began). */
  | { field: string; before: 'start' }
  /** The date is unset or not before the period's start (still open during the period). */
  | { field: string; openAt: 'start' }
  /** The date is unset or after the period's end (still open when it ends: stocks). */
  | { field: string; openAt: 'end' };

export interface CountMetric {
  id: string;
  label: Text;
  /** Measure word or unit as shown (项, 个, 万元). */
  unit: Text;
  entity: string;
  measure: { count: true } | { sum: string; money: true };
  where: readonly Condition[];
  /** Fields a caller may narrow by with equality (`{ level: 'province' }`). */
  params: readonly string[];
}

/** A percentage of two metrics over the same subtree and period (rolls up from their sums). */
export interface RatioMetric {
  id: string;
  label: Text;
  unit: Text;
  numerator: string;
  denominator: string;
}

/**
 * A figure staff enter (手工填报, DOMAIN §4) for a line of work whose module does not exist yet:
 * patents, commissioners, outreach events… Each entry states its value with its qualifier as of a
 * date, with evidence. When the module lands, a computed metric takes the same id.
 */
export interface ManualMetric {
  id: string;
  label: Text;
  /** The measure word of the figure (件, 名, 人次), or 万元 for money. */
  unit: Text;
  manual: true;
  /** Entered in 万元 like every amount people type, computed in 分 like every amount. */
  money?: boolean;
}

export type MetricDef = CountMetric | RatioMetric | ManualMetric;

export const isRatio = (m: MetricDef): m is RatioMetric => 'numerator' in m;
export const isManual = (m: MetricDef): m is ManualMetric => 'manual' in m;
export const isMoneyMetric = (m: MetricDef): boolean =>
  isManual(m) ? m.money === true : !isRatio(m) && 'sum' in m.measure;

/** A period as the API and reports take it: inclusive ISO dates. */
export interface Period {
  from: string;
  to: string;
}

export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** Percentage to 2 decimals, half-up on the exact quotient (231.11 for 208 / 90). */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  // Integers in: scale first so the division itself is the only rounding step.
  const scaled = (numerator * 10_000) / denominator;
  return Math.round(scaled + Number.EPSILON * Math.abs(scaled)) / 100;
}
