import type { Kysely } from 'kysely';
import {
  AppError,
  buildAnnualReport,
  decodeQty,
  figureKey,
  isMoneyMetric,
  isManual,
  isRatio,
  metricById,
  ROLLUP_COLUMNS,
  reportFigureRefs,
  reserveSurvey,
  target as targetDef,
  today,
  type ReportFacts,
  type ReportFigure,
  type ReportModel,
  type TargetFact,
} from '@kjj/domain';
import { scopeFor, type Actor } from '../auth/actor.js';
import { dictEntries } from '../db/dicts.js';
import { narrowToOrgs, pathUpperBound, resolveScope, subtreeIds, whereScope } from '../db/scope.js';
import type { DB } from '../db/types.js';
import { kpiBoard } from '../kpi/board.js';
import { metricEvaluator } from '../metrics/evaluate.js';

export interface ReportOrg {
  id: number;
  path: string;
  kind: string;
  fullName: string;
}

const levelOf = (kind: string): ReportFacts['level'] =>
  kind === 'province_dept' ? 'province' : kind === 'city_bureau' ? 'city' : 'county';

/**
 * The org an actor reports for (`orgId`, or their own bureau): reports are org-wide, so section and
 * own scopes mean one's own bureau. Unreachable orgs are NOT_FOUND, as for any record.
 */
export async function reportOrgFor(
  db: Kysely<any>,
  actor: Actor,
  orgId: number | undefined,
  permission: string,
): Promise<ReportOrg> {
  const scope = scopeFor(actor, permission);
  if (!scope) throw new AppError('FORBIDDEN');
  const org = await db
    .selectFrom('org')
    .select(['id', 'path', 'kind', 'fullName'])
    .where('id', '=', orgId ?? actor.orgId)
    .executeTakeFirst();
  const reachable =
    org &&
    org.kind !== 'section' &&
    (scope === 'all' ||
      (scope === 'org_and_below' ? org.path.startsWith(actor.orgPath) : Number(org.id) === actor.orgId));
  if (!reachable) throw new AppError('NOT_FOUND', { entity: '单位' });
  return { id: Number(org.id), path: org.path, kind: org.kind, fullName: org.fullName };
}

export interface ReportRequest {
  year: number;
  /** 数据截至: defaults to the year's end, or today within the year. */
  cutoff?: string | undefined;
  /** 成文日期 in the signature: defaults to today. */
  documentDate?: string | undefined;
}

/** The annual report of an org as its records give it, for the web, the API and the CLI alike. */
export async function annualReport(
  db: DB,
  actor: Actor,
  org: ReportOrg,
  q: ReportRequest,
): Promise<ReportModel> {
  const yearEnd = `${q.year}-12-31`;
  const cutoff = q.cutoff ?? (today() < yearEnd ? today() : yearEnd);
  if (cutoff.slice(0, 4) !== String(q.year))
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'cutoff', code: 'OUT_OF_PERIOD', message: `数据截至日期应在${q.year}年内` },
    ]);
  const facts = await annualFacts(db, actor, org, q.year, cutoff, q.documentDate ?? today());
  return buildAnnualReport(facts);
}

/**
 * Everything the annual report states, measured for one org and year up to the cut-off date
 * (DESIGN §6 step 1). Figures go through the metric evaluator with the reader's scope, so a
 * report never shows a number its reader could not trace to records.
 */
export async function annualFacts(
  db: DB,
  actor: Actor,
  org: ReportOrg,
  year: number,
  cutoff: string,
  documentDate: string,
): Promise<ReportFacts> {
  const anyDb = db as unknown as Kysely<any>;
  const metrics = metricEvaluator(anyDb, actor);
  const period = { from: `${year}-01-01`, to: cutoff };
  const categories = (await dictEntries(db, 'projectCategory')).map((e) => ({
    code: e.code,
    label: e.label.zh,
  }));

  const figures: Record<string, ReportFigure> = {};
  for (const ref of reportFigureRefs(categories)) {
    const metric = metricById(ref.metricId)!;
    const value = await metrics.evaluate(ref.metricId, {
      orgPath: org.path,
      period,
      params: ref.params ?? {},
    });
    const money = isMoneyMetric(metric);
    const rate = isRatio(metric);
    figures[figureKey(ref.metricId, ref.params)] = {
      metricId: ref.metricId,
      ...(ref.params ? { params: ref.params } : {}),
      label: metric.label.zh,
      value: value.value,
      qualifier: value.manual?.qualifier ?? 'exact',
      manual: value.manual !== undefined,
      money,
      rate,
      unit: money || rate ? '' : metric.unit.zh,
      ...(value.parts ? { parts: value.parts } : {}),
    };
  }

  const board = await kpiBoard(anyDb, actor, org, year, cutoff);
  const targets: TargetFact[] = board.lines.map((line) => {
    const metric = line.target.metricId ? metricById(line.target.metricId as string) : undefined;
    return {
      targetId: line.target.id,
      name: line.target.name as string,
      source: line.target.source as string,
      kind: line.target.kind as string,
      metricId: (line.target.metricId as string | null) ?? null,
      targetValue: decodeQty(line.target.targetValue),
      actual: { value: line.actual.value, qualifier: line.actual.qualifier, manual: line.actual.manual },
      assessment: line.assessment,
      reason: (line.target.reason as string | null) ?? null,
      unit: metric?.unit.zh ?? '',
      money: metric ? isMoneyMetric(metric) : false,
    };
  });

  return {
    below: org.kind === 'county_bureau' ? undefined : await rollupBelow(anyDb, metrics, org, period),
    orgId: org.id,
    orgName: org.fullName,
    level: levelOf(org.kind),
    year,
    cutoff,
    documentDate,
    figures,
    categories,
    survey: await latestSurvey(anyDb, actor, org, year, cutoff),
    targets,
    nextTargets: await nextYearTargets(anyDb, actor, org, year + 1),
  };
}

/**
 * A city's table of its counties (R-T3): each column one grouped query by org, each county the
 * sum over its subtree, and the city's own records as 本级 so the rows add up to the city.
 */
async function rollupBelow(
  db: Kysely<any>,
  metrics: ReturnType<typeof metricEvaluator>,
  org: ReportOrg,
  period: { from: string; to: string },
): Promise<ReportFacts['below']> {
  const orgs = await db
    .selectFrom('org')
    .select(['id', 'path', 'parentId', 'kind', 'shortName'])
    .where('path', '>=', org.path)
    .where('path', '<', pathUpperBound(org.path))
    .orderBy('divisionCode')
    .orderBy('sortOrder')
    .execute();
  const children = orgs.filter((o) => Number(o.parentId) === org.id && o.kind !== 'section');
  const ownIds = orgs
    .filter((o) => !children.some((c) => String(o.path).startsWith(String(c.path))))
    .map((o) => Number(o.id));
  const groups = [
    { orgId: org.id, orgName: `${LEVEL_OWN[org.kind] ?? ''}本级`, ids: ownIds },
    ...children.map((c) => ({
      orgId: Number(c.id),
      orgName: String(c.shortName).replace(/科学技术局$|科技局$/, ''),
      ids: orgs.filter((o) => String(o.path).startsWith(String(c.path))).map((o) => Number(o.id)),
    })),
  ];
  const columns = await Promise.all(
    ROLLUP_COLUMNS.map(async (c) => ({
      metric: metricById(c.metricId)!,
      byOrg: await metrics.evaluateBy(c.metricId, { orgPath: org.path, period }, 'orgId'),
    })),
  );
  return groups.map((g) => ({
    orgId: g.orgId,
    orgName: g.orgName,
    figures: Object.fromEntries(
      columns.map(({ metric, byOrg }) => {
        const present = g.ids.filter((id) => byOrg.has(String(id)));
        const value =
          present.length === 0 && isManual(metric)
            ? null
            : g.ids.reduce((sum, id) => sum + (byOrg.get(String(id)) ?? 0), 0);
        const money = isMoneyMetric(metric);
        return [
          metric.id,
          {
            metricId: metric.id,
            label: metric.label.zh,
            value,
            qualifier: 'exact',
            manual: isManual(metric),
            money,
            rate: false,
            unit: money ? '' : metric.unit.zh,
          } satisfies ReportFigure,
        ];
      }),
    ),
  }));
}

const LEVEL_OWN: Record<string, string> = { city_bureau: '市', province_dept: '省' };

/** The year's latest project survey in the org's subtree that had begun by the cut-off (P12). */
async function latestSurvey(db: Kysely<any>, actor: Actor, org: ReportOrg, year: number, cutoff: string) {
  const scope = narrowToOrgs(
    await resolveScope(db, actor, scopeFor(actor, reserveSurvey.permissions.read)),
    await subtreeIds(db, org.path),
  );
  const row = await db
    .selectFrom('reserveSurvey')
    .select(['startDate', 'unitsVisited'])
    .where(whereScope(scope, 'reserve_survey'))
    .where('deletedAt', 'is', null)
    .where('year', '=', year)
    .where('startDate', '<=', cutoff)
    .orderBy('startDate', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const units = typeof row.unitsVisited === 'string' ? JSON.parse(row.unitsVisited) : row.unitsVisited;
  return { startDate: String(row.startDate), unitsVisited: decodeQty(units) };
}

/** Next year's targets of the org: the plan part states them. */
async function nextYearTargets(db: Kysely<any>, actor: Actor, org: ReportOrg, year: number) {
  const scope = await resolveScope(db, actor, scopeFor(actor, targetDef.permissions.read));
  const rows = await db
    .selectFrom('target')
    .select(['name', 'metricId', 'kind', 'targetValue'])
    .where(whereScope(scope, 'target'))
    .where('deletedAt', 'is', null)
    .where('orgId', '=', org.id)
    .where('year', '=', year)
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const metric = r.metricId ? metricById(String(r.metricId)) : undefined;
    return {
      name: String(r.name),
      metricId: (r.metricId as string | null) ?? null,
      kind: String(r.kind),
      targetValue: decodeQty(typeof r.targetValue === 'string' ? JSON.parse(r.targetValue) : r.targetValue),
      unit: metric?.unit.zh ?? '',
    };
  });
}
