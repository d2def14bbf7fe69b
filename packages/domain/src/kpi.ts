import { defineEnum } from './define/enums.js';
import { t } from './i18n.js';

/** R-T1 statuses, in the order a KPI table sorts them. */
export const TARGET_STATUSES = defineEnum({
  exceeded: t('超额完成', 'Exceeded'),
  completed: t('完成', 'Completed'),
  in_progress: t('推进中', 'In progress'),
  failed: t('无法完成', 'Cannot be completed'),
  not_assigned: t('未下达', 'Not assigned'),
});
export type TargetStatus = (typeof TARGET_STATUSES.codes)[number];

/** A number as an exact decimal fraction: digits ÷ 10^scale, from its shortest decimal form. */
function decimal(x: number): { digits: bigint; scale: bigint } {
  const [whole = '0', fraction = ''] = Math.abs(x).toFixed(8).replace(/0+$/, '').split('.');
  const digits = BigInt(whole + fraction) * (x < 0 ? -1n : 1n);
  return { digits, scale: 10n ** BigInt(fraction.length) };
}

/** a × b ÷ (c × d) as a percentage, half-up to 2 decimals, on exact decimals; null when the divisor is 0. */
export function exactPercent(numerators: readonly number[], denominators: readonly number[]): number | null {
  let num = 10_000n;
  let den = 1n;
  for (const x of numerators) {
    const d = decimal(x);
    num *= d.digits;
    den *= d.scale;
  }
  for (const x of denominators) {
    const d = decimal(x);
    num *= d.scale;
    den *= d.digits;
  }
  if (den === 0n) return null;
  if (den < 0n) [num, den] = [-num, -den];
  // Half-up on the magnitude: 231.105 → 231.11, −0.005 → −0.01.
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  const hundredths = (magnitude * 2n + den) / (2n * den);
  return (Number(hundredths) / 100) * (negative ? -1 : 1);
}

export interface TargetFacts {
  kind: 'absolute' | 'growth' | 'boolean';
  direction: 'higher_better' | 'lower_better';
  /** In the metric's unit (万元 for money); growth targets hold the percentage. Null: 未下达. */
  targetValue: number | null;
  dueDate: string;
  achieved?: boolean;
  declaredImpossible?: boolean;
  reason?: string | null;
}

export interface Actuals {
  /** This period's actual in the target's unit; null when nothing measures it. */
  actual: number | null;
  /** Last year's actual of the same metric (growth targets and trends). */
  lastYear?: number | null;
  /** The day the actual counts up to (a manual entry's date, or the evaluation date). */
  asOf: string;
}

export interface Assessment {
  status: TargetStatus;
  /** Completion in percent, 2 decimals; null where no ratio is shown (未下达, 不超过 targets, booleans). */
  ratio: number | null;
  /** For growth targets: the value that meets the target (last year × (1 + g)). */
  required: number | null;
  /** Completed before the due date (提前完成 in prose). */
  early: boolean;
  /** 无法完成 without the reason the rule requires (report check C-5). */
  reasonMissing: boolean;
}

/**
 * R-T1 with the R-T4 growth rule: the status a target's records give it. The ratio compared is
 * the one shown (2 decimals), so a table never reads "100.00 % 超额完成".
 */
export function assessTarget(target: TargetFacts, actuals: Actuals): Assessment {
  const overdue = actuals.asOf > target.dueDate;
  const reasonMissing = !target.reason?.trim();
  const result = (status: TargetStatus, ratio: number | null = null, required: number | null = null) => ({
    status,
    ratio,
    required,
    early: (status === 'completed' || status === 'exceeded') && actuals.asOf < target.dueDate,
    reasonMissing: status === 'failed' && reasonMissing,
  });
  if (target.kind !== 'boolean' && target.targetValue === null) return result('not_assigned');
  if (target.declaredImpossible) return result('failed');
  if (target.kind === 'boolean') {
    if (target.achieved) return result('completed');
    return result(overdue ? 'failed' : 'in_progress');
  }
  const goal = target.targetValue!;
  const actual = actuals.actual ?? 0;
  if (target.direction === 'lower_better') {
    if (actual > goal) return result('failed');
    return result(overdue || actuals.asOf === target.dueDate ? 'completed' : 'in_progress');
  }
  let ratio: number | null;
  let required: number | null = null;
  if (target.kind === 'growth') {
    const last = actuals.lastYear ?? null;
    if (last === null || last <= 0) return result(overdue ? 'failed' : 'in_progress');
    // actual ÷ (last × (100 + g) ÷ 100)
    ratio = exactPercent([actual, 100], [last, 100 + goal]);
    required = (last * (100 + goal)) / 100;
  } else {
    ratio = exactPercent([actual], [goal]);
  }
  if (ratio === null) return result('in_progress');
  if (ratio > 100) return result('exceeded', ratio, required);
  if (ratio === 100) return result('completed', ratio, required);
  return result(overdue ? 'failed' : 'in_progress', ratio, required);
}

/**
 * Alert for a target behind schedule: less than 80 % of the pace the time elapsed calls for
 * (a target due at the end of the year should be near half done by July).
 */
export function targetAtRisk(assessment: Assessment, year: number, dueDate: string, asOf: string): boolean {
  if (assessment.status !== 'in_progress' || assessment.ratio === null) return false;
  const start = Date.parse(`${year}-01-01`);
  const span = Date.parse(dueDate) - start;
  if (span <= 0) return false;
  const elapsed = Math.min(1, Math.max(0, (Date.parse(asOf) - start) / span));
  return assessment.ratio < elapsed * 100 * 0.8;
}

/** R-T4: year-over-year change in percent (2 dp) for figures; for rates, the difference in 个百分点. */
export function yearOverYear(
  current: number | null,
  last: number | null,
  isRate: boolean,
): { kind: 'percent' | 'points'; value: number } | null {
  if (current === null || last === null) return null;
  if (isRate) return { kind: 'points', value: Math.round((current - last) * 100) / 100 };
  if (last === 0) return null;
  return { kind: 'percent', value: exactPercent([current - last], [last])! };
}
