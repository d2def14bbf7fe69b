import type { Kysely } from 'kysely';
import {
  assessTarget,
  decodeQty,
  isMoneyMetric,
  isRatio,
  metricById,
  percent,
  target as targetDef,
  targetAtRisk,
  yearOverYear,
  yearPeriod,
  type Assessment,
  type Period,
  type Qty,
  type Qualifier,
} from '@kjj/domain';
import { scopeFor, type Actor } from '../auth/actor.js';
import { decodeRow, selectRowColumns, type ApiRow } from '../db/entity-rows.js';
import { resolveScope, whereScope } from '../db/scope.js';
import { metricEvaluator, type MetricValue } from '../metrics/evaluate.js';

/** A target's actual in the target's own unit (万元 for money, percent for rates). */
export interface Actual {
  value: number | null;
  /** 手工填报 figures keep their qualifier and date; computed ones are exact as of the board's date. */
  qualifier: Qualifier;
  manual: boolean;
  asOf: string;
}

export interface AssignmentLine {
  targetId: number;
  orgId: number;
  orgName: string;
  targetValue: Qty | null;
  actual: Actual;
  assessment: Assessment;
}

export interface KpiLine {
  target: ApiRow;
  actual: Actual;
  lastYear: number | null;
  yoy: ReturnType<typeof yearOverYear>;
  assessment: Assessment;
  atRisk: boolean;
  /** A city target assigned to its counties: each county's share, whose actuals it sums (R-T3). */
  assignments: AssignmentLine[];
}

export interface KpiBoard {
  orgId: number;
  year: number;
  asOf: string;
  lines: KpiLine[];
  /** R-T2: decomposed targets whose parts add up to less than the whole. */
  warnings: { targetId: number; code: 'DECOMPOSITION_SHORT'; parts: number; whole: number }[];
}

const FEN_PER_WAN = 1_000_000;

/** A metric's value in the unit targets are written in. */
function inTargetUnit(metricId: string, value: MetricValue): number | null {
  if (value.value === null) return null;
  return isMoneyMetric(metricById(metricId)!) ? value.value / FEN_PER_WAN : value.value;
}

/**
 * The KPI board of an org for a year as of a date (DOMAIN §3.10): every target the reader may
 * see, its actual from the metric over the records (or the sum over the counties it was assigned
 * to), last year's actual, ratio and status.
 */
export async function kpiBoard(
  db: Kysely<any>,
  actor: Actor,
  org: { id: number; path: string },
  year: number,
  asOf: string,
): Promise<KpiBoard> {
  const scope = await resolveScope(db, actor, scopeFor(actor, targetDef.permissions.read));
  const targets = (
    await selectRowColumns(db.selectFrom('target'), targetDef)
      .where(whereScope(scope, 'target'))
      .where('target.deletedAt', 'is', null)
      .where('target.orgId', '=', org.id)
      .where('target.year', '=', year)
      .orderBy('target.source')
      .orderBy('target.id')
      .execute()
  ).map((row) => decodeRow(targetDef, row));
  const ids = targets.map((t) => t.id);
  const assigned =
    ids.length === 0
      ? []
      : (
          await selectRowColumns(
            db.selectFrom('target').innerJoin('org', 'org.id', 'target.orgId'),
            targetDef,
          )
            .select(['org.path as orgPath', 'org.shortName as orgName'])
            .where(whereScope(scope, 'target'))
            .where('target.deletedAt', 'is', null)
            .where('target.assignedFromTargetId', 'in', ids)
            .orderBy('org.divisionCode')
            .execute()
        ).map((row) => ({
          row: decodeRow(targetDef, row),
          orgPath: String(row.orgPath),
          orgName: String(row.orgName),
        }));

  const metrics = metricEvaluator(db, actor);
  const period: Period = { from: `${year}-01-01`, to: asOf };
  const lastPeriod = yearPeriod(year - 1);
  const memo = new Map<string, Promise<MetricValue>>();
  const measure = (metricId: string, orgPath: string, p: Period) => {
    const key = `${metricId}|${orgPath}|${p.from}|${p.to}`;
    if (!memo.has(key)) memo.set(key, metrics.evaluate(metricId, { orgPath, period: p }));
    return memo.get(key)!;
  };

  /** One org subtree's actual, or the sum of several (ratios recomputed from their parts, R-T3). */
  async function actualOver(metricId: string | null, paths: string[], p: Period): Promise<Actual> {
    const none: Actual = { value: null, qualifier: 'exact', manual: false, asOf };
    if (!metricId) return none;
    const values = await Promise.all(paths.map((path) => measure(metricId, path, p)));
    const metric = metricById(metricId)!;
    const manualDates = values.flatMap((v) => (v.manual?.asOf ? [v.manual.asOf] : []));
    const weakest = values.find((v) => v.manual && v.manual.qualifier !== 'exact')?.manual?.qualifier;
    let value: number | null;
    if (isRatio(metric)) {
      const num = values.reduce((s, v) => s + (v.parts?.numerator ?? 0), 0);
      const den = values.reduce((s, v) => s + (v.parts?.denominator ?? 0), 0);
      value = percent(num, den);
    } else {
      value = values.reduce<number | null>((s, v) => {
        const x = inTargetUnit(metricId, v);
        return x === null ? s : (s ?? 0) + x;
      }, null);
    }
    return {
      value,
      qualifier: weakest ?? 'exact',
      manual: values.some((v) => v.manual),
      // A manual figure counts up to the date it was stated; a computed one to the board's date.
      asOf: manualDates.length > 0 ? manualDates.sort().at(-1)! : asOf,
    };
  }

  const assess = (row: ApiRow, actual: Actual, lastYear: number | null) =>
    assessTarget(
      {
        kind: row.kind as 'absolute',
        direction: row.direction as 'higher_better',
        targetValue: decodeQty(row.targetValue)?.value ?? null,
        dueDate: (row.dueDate as string | null) ?? `${year}-12-31`,
        achieved: row.achieved === true,
        declaredImpossible: row.declaredImpossible === true,
        reason: row.reason as string | null,
      },
      { actual: actual.value, lastYear, asOf: actual.asOf },
    );

  const lines: KpiLine[] = [];
  for (const row of targets) {
    const metricId = (row.metricId as string | null) ?? null;
    const shares = assigned.filter((a) => a.row.assignedFromTargetId === row.id);
    const paths = shares.length > 0 ? shares.map((s) => s.orgPath) : [org.path];
    const actual = await actualOver(metricId, paths, period);
    const last = await actualOver(metricId, paths, lastPeriod);
    const assessment = assess(row, actual, last.value);
    const assignments: AssignmentLine[] = [];
    for (const share of shares) {
      const own = await actualOver(metricId, [share.orgPath], period);
      const ownLast = await actualOver(metricId, [share.orgPath], lastPeriod);
      assignments.push({
        targetId: share.row.id,
        orgId: share.row.orgId,
        orgName: share.orgName,
        targetValue: decodeQty(share.row.targetValue),
        actual: own,
        assessment: assess(share.row, own, ownLast.value),
      });
    }
    lines.push({
      target: row,
      actual,
      lastYear: last.value,
      yoy: yearOverYear(actual.value, last.value, metricId ? isRatio(metricById(metricId)!) : false),
      assessment,
      atRisk: targetAtRisk(assessment, year, (row.dueDate as string | null) ?? `${year}-12-31`, asOf),
      assignments,
    });
  }
  return { orgId: org.id, year, asOf, lines, warnings: decompositionWarnings(targets) };
}

/** R-T2: the parts of a decomposed target should add up to at least the whole. */
function decompositionWarnings(targets: ApiRow[]): KpiBoard['warnings'] {
  const warnings: KpiBoard['warnings'] = [];
  for (const whole of targets) {
    const parts = targets.filter((t) => t.parentTargetId === whole.id);
    const wholeValue = decodeQty(whole.targetValue)?.value;
    if (parts.length === 0 || wholeValue === undefined) continue;
    const sum = parts.reduce((s, p) => s + (decodeQty(p.targetValue)?.value ?? 0), 0);
    if (sum < wholeValue)
      warnings.push({ targetId: whole.id, code: 'DECOMPOSITION_SHORT', parts: sum, whole: wholeValue });
  }
  return warnings;
}
