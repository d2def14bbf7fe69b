import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  conflictOf,
  drawReviewers,
  expert as expertDef,
  progressReport as progressReportDef,
  project as projectDef,
  projectScore,
  reserveItem as reserveDef,
  reviewBatch as batchDef,
  reviewSheet as sheetDef,
  t,
  weightedCriteria,
  type CriterionRow,
  type EntityDef,
  type Expert,
  type Lang,
  type Text,
} from '@kjj/domain';
import type { Actor } from '../auth/actor.js';
import { scoped } from './entity-repo.js';
import { decodeRow, selectRowColumns, type ApiRow } from './entity-rows.js';
import type { Dialect } from './types.js';
import type { Work } from './unit-of-work.js';

/**
 * What a workflow action does beyond its own row, where that needs the database (the domain's
 * definitions cannot read it): drawing reviewers creates score sheets, closing a review batch
 * scores and moves its projects. A hook runs in the action's transaction before the row is
 * written, may refuse the action, and returns extra columns to stamp on the row.
 */
export interface HookContext {
  work: Work;
  tx: Kysely<any>;
  dialect: Dialect;
  actor: Actor;
  lang: Lang;
  row: ApiRow;
  input: Record<string, unknown>;
  /** The action's date. */
  on: string;
  /** The 409 ACTION_NOT_APPLICABLE for this action, with a reason. */
  refuse: (reason: Text) => Error;
  /** Takes a system action on a linked record (its own timeline and audit entry). */
  actOn: (
    def: EntityDef,
    id: number,
    action: string,
    input: Record<string, unknown>,
    version: number,
  ) => Promise<ApiRow>;
}

type ActionHook = (ctx: HookContext) => Promise<Record<string, unknown>>;

async function rowsOf(tx: Kysely<any>, def: EntityDef, where: Record<string, unknown>): Promise<ApiRow[]> {
  let q = selectRowColumns(tx.selectFrom(def.table), def).where('deletedAt', 'is', null);
  for (const [column, value] of Object.entries(where)) q = q.where(column, '=', value);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => decodeRow(def, r));
}

const batchProjects = (tx: Kysely<any>, batchId: number) =>
  rowsOf(tx, projectDef, { reviewBatchId: batchId, status: 'under_review' });

/** The linked record an action names, if the actor may read it and it belongs to the row's bureau. */
async function sameBureau(ctx: HookContext, def: EntityDef, id: number, missing: Text): Promise<ApiRow> {
  const { tx, dialect, actor, lang, row, refuse } = ctx;
  const linked = await scoped(tx, dialect, actor, def, lang).find(id, def.permissions.read, tx);
  if (!linked || linked.orgId !== row.orgId) throw refuse(missing);
  return linked;
}

/** A project joins a batch of its own bureau that has not drawn its reviewers yet. */
const joinBatch: ActionHook = async (ctx) => {
  const batch = await sameBureau(
    ctx,
    batchDef,
    ctx.input.batchId as number,
    t('评审批次不存在或不属于本单位', 'No such review batch in this bureau'),
  );
  const { refuse } = ctx;
  if (batch.status !== 'draft')
    throw refuse(t('该评审批次已抽取专家，不能再加入项目', 'The batch has already drawn its reviewers'));
  return {};
};

const EXCLUSION_LABELS: Record<string, Text> = {
  inactive: t('暂停抽取', 'inactive'),
  same_unit: t('与申报单位同单位', 'same unit as an applicant'),
  declared_conflict: t('申报回避', 'declared conflict'),
  team_member: t('项目组成员', 'member of a project team'),
};

/**
 * R-R1/R-R2: draws the batch's reviewers from its bureau's pool, never one with a conflict on any
 * of its projects, and creates one score sheet per reviewer and project. The seed is kept so the
 * draw can be replayed.
 */
const drawBatch: ActionHook = async ({ work, tx, dialect, actor, lang, row: batch, refuse }) => {
  const criteria = (batch.criteria ?? []) as CriterionRow[];
  if (criteria.reduce((sum, c) => sum + c.maxScore, 0) !== 100)
    throw refuse(t('评分标准各项分值合计应为100分', 'The criteria must add up to 100 points'));
  const projects = await batchProjects(tx, batch.id);
  if (projects.length === 0)
    throw refuse(t('批次中还没有待评审的项目', 'The batch has no projects to review'));
  const reviewed = projects.map((p) => ({
    units: [p.undertakerName as string],
    people: [p.leaderName as string, ...((p.team ?? []) as { name: string }[]).map((m) => m.name)].filter(
      Boolean,
    ),
  }));
  const pool: (Expert & { accountUsername: string | null })[] = (
    await rowsOf(tx, expertDef, { orgId: batch.orgId })
  ).map((e) => ({
    id: e.id,
    name: e.name as string,
    unit: e.unit as string,
    fields: (e.fields ?? []) as string[],
    declaredConflictUnits: (e.declaredConflictUnits ?? []) as string[],
    active: e.active === true,
    accountUsername: (e.accountUsername as string | null) ?? null,
  }));
  const count = batch.reviewerCount as number;
  const eligible = pool.filter((e) => !conflictOf(e, reviewed)).length;
  if (eligible < count)
    throw refuse(
      t(
        `本单位专家库中可抽取的专家${eligible}人，少于所需的${count}人`,
        `${eligible} eligible experts for ${count} places`,
      ),
    );
  const seed = randomInt(2 ** 31 - 1);
  const draw = drawReviewers(pool, reviewed, count, seed);
  const chosen = draw.chosen as typeof pool;
  const usernames = chosen.flatMap((e) => (e.accountUsername ? [e.accountUsername] : []));
  const accounts = usernames.length
    ? await tx
        .selectFrom('userAccount')
        .select(['id', 'username'])
        .where('username', 'in', usernames)
        .where('status', '=', 'active')
        .execute()
    : [];
  const accountOf = new Map(accounts.map((a) => [a.username as string, Number(a.id)]));
  const sheets = projects.flatMap((p) =>
    chosen.map((e) => ({
      values: {
        batchId: batch.id,
        projectId: p.id,
        expertId: e.id,
        expertUserId: (e.accountUsername && accountOf.get(e.accountUsername)) || null,
        projectName: p.name,
        undertakerName: p.undertakerName,
        expertName: e.name,
        lines: criteria.map((c) => ({ name: c.name, maxScore: c.maxScore, score: null })),
      },
      overrides: {},
    })),
  );
  await scoped(tx, dialect, actor, sheetDef, lang).createMany(
    work,
    sheets,
    { orgId: batch.orgId, sectionId: batch.sectionId as number | null },
    batchDef.workflow!.permissions.draw,
  );
  return {
    drawSeed: seed,
    reviewers: chosen.map((e) => e.name),
    excluded: draw.excluded.map(
      ({ expert, reason }) => `${expert.name}（${EXCLUSION_LABELS[reason]![lang]}）`,
    ),
  };
};

/**
 * R-R3: every sheet submitted, each project's score is the mean of its sheets (highest and lowest
 * dropped from five up), and the projects move on to 评审完成 with their score.
 */
const closeBatch: ActionHook = async ({ tx, row: batch, on, refuse, actOn }) => {
  const sheets = await rowsOf(tx, sheetDef, { batchId: batch.id });
  const pending = sheets.filter((s) => s.status !== 'submitted').length;
  if (pending > 0)
    throw refuse(t(`还有${pending}份评分表未提交`, `${pending} score sheets are not submitted yet`));
  for (const project of await batchProjects(tx, batch.id)) {
    const own = sheets.filter((s) => s.projectId === project.id);
    const lines = (own[0]?.lines ?? []) as (CriterionRow & { score: number })[];
    const score = projectScore(
      weightedCriteria(lines),
      own.map((s) => (s.lines as { score: number }[]).map((l) => l.score)),
    );
    await actOn(
      projectDef,
      project.id,
      'closeReview',
      { date: on, score: score.toFixed(2), reviewers: own.length },
      project.version,
    );
  }
  return {};
};

/** A cancelled batch sends its projects back to wait for another one. */
const releaseProjects: ActionHook = async ({ tx, row: batch, actOn }) => {
  for (const project of await batchProjects(tx, batch.id))
    await actOn(projectDef, project.id, 'leaveReview', {}, project.version);
  return {};
};

/** A sheet can be sent back to its reviewer only while the batch is still being scored. */
const reopenSheet: ActionHook = async ({ tx, row: sheet, refuse }) => {
  const [batch] = await rowsOf(tx, batchDef, { id: sheet.batchId });
  if (batch?.status !== 'scoring') throw refuse(t('评审已结束', 'The review is closed'));
  return {};
};

/** 进展报告 also files the period's report as a record of its own (documents go on it). */
const fileProgressReport: ActionHook = async ({ work, tx, dialect, actor, lang, row: project, input }) => {
  await scoped(tx, dialect, actor, progressReportDef, lang).createMany(
    work,
    [
      {
        values: {
          projectId: project.id,
          projectName: project.name,
          period: input.period,
          reportDate: input.date,
          percent: input.percent,
          narrative: input.narrative,
          spentToDateFen: input.spentToDateFen ?? null,
          issues: input.issues ?? null,
        },
        overrides: {},
      },
    ],
    { orgId: project.orgId, sectionId: project.sectionId as number | null },
    projectDef.workflow!.permissions.reportProgress,
  );
  return {};
};

/** A library item becomes one application of its own bureau, which no other item became. */
const promoteToProject: ActionHook = async (ctx) => {
  const { tx, refuse } = ctx;
  const project = await sameBureau(
    ctx,
    projectDef,
    ctx.input.projectId as number,
    t('申报项目不存在或不属于本单位', 'No such application in this bureau'),
  );
  if (['withdrawn', 'not_approved', 'terminated'].includes(project.status as string))
    throw refuse(t('该项目已撤销或未立项', 'That application was withdrawn or not approved'));
  if (project.approvedAt)
    throw refuse(
      t('该项目已立项，储备项目应直接出库', 'That project is approved already: remove the item instead'),
    );
  const [taken] = await rowsOf(tx, reserveDef, { projectId: project.id });
  if (taken) throw refuse(t('该项目已关联其他储备项目', 'Another library item became that application'));
  return {};
};

/** An approved application takes the library item it came from out of the library (DOMAIN §3.2). */
const retireReserveItems: ActionHook = async ({ tx, row: project, input, on, actOn }) => {
  if (input.decision !== undefined && input.decision !== 'approved') return {};
  for (const item of await rowsOf(tx, reserveDef, { projectId: project.id, status: 'promoted' }))
    await actOn(reserveDef, item.id, 'retire', { date: on }, item.version);
  return {};
};

const HOOKS: Record<string, ActionHook> = {
  'project.approve': retireReserveItems,
  'project.recordUpperDecision': retireReserveItems,
  'reserveItem.promote': promoteToProject,
  'project.startReview': joinBatch,
  'project.reportProgress': fileProgressReport,
  'reviewBatch.draw': drawBatch,
  'reviewBatch.close': closeBatch,
  'reviewBatch.cancel': releaseProjects,
  'reviewSheet.reopen': reopenSheet,
};

export const hookOf = (entity: string, action: string): ActionHook | undefined =>
  HOOKS[`${entity}.${action}`];
