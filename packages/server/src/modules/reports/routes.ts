import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  checkReport,
  isoDate,
  refreshFigures,
  staleFigures,
  today,
  type ReportModel,
} from '@kjj/domain';
import type { Actor } from '../../auth/actor.js';
import { nowIso } from '../../db/dialect.js';
import type { DB, Dialect } from '../../db/types.js';
import { inTransaction } from '../../db/unit-of-work.js';
import { docxToPdf } from '../../documents/pdf.js';
import { reportDocx } from '../../documents/report-docx.js';
import { actorOf, contextOf } from '../../http/auth-hook.js';
import { annualReport, reportOrgFor, type ReportOrg } from '../../reports/facts.js';

const idParams = z.strictObject({ id: z.coerce.number().int().positive() });

const reportQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  /** 数据截至 (defaults to the year's end, or today within the year). */
  cutoff: isoDate.optional(),
  /** 成文日期 in the signature (defaults to today). */
  documentDate: isoDate.optional(),
});

const text = z.string().max(2000);
const segment = z.union([
  z.strictObject({ text }),
  z.strictObject({ figure: z.string().min(1).max(200), text: z.string().min(1).max(100) }),
]);
const point = z.strictObject({ id: z.string().min(1).max(60), segments: z.array(segment).max(200) });

/** What staff may change in a draft: the wording. Figures, KPI rows and ids come from the stored draft. */
const draftEdit = z.strictObject({
  version: z.int().positive(),
  title: z.string().trim().min(4).max(100),
  opening: point,
  work: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(60),
        heading: z.string().trim().min(2).max(60),
        points: z.array(point).max(30),
      }),
    )
    .max(20),
  highlights: z.array(z.string().max(60)).max(20),
  /** Options: the KPI part told target by target per source, and its table moved to an 附件. */
  kpiBySource: z.boolean(),
  kpiAsAttachment: z.boolean(),
  kpiSummary: point,
  problems: z.array(point).max(30),
  plan: z.array(point).max(30),
});

const draftCreate = reportQuery;

interface DraftRow {
  id: number;
  orgId: number;
  year: number;
  kind: string;
  cutoff: string;
  documentDate: string;
  status: string;
  model: ReportModel;
  version: number;
  updatedAt: string;
}

/**
 * The draft's columns, with the model read as text: on PostgreSQL a jsonb value would come back as
 * an object whose keys the camel-case plugin rewrites (figure keys such as `{category=social_dev}`).
 */
const DRAFT_COLUMNS = [
  'id',
  'orgId',
  'year',
  'kind',
  'cutoff',
  'documentDate',
  'status',
  'version',
  'updatedAt',
  sql<string>`cast(model as text)`.as('model'),
] as const;

const decode = (row: Record<string, unknown>): DraftRow => ({
  id: Number(row.id),
  orgId: Number(row.orgId),
  year: Number(row.year),
  kind: String(row.kind),
  cutoff: String(row.cutoff),
  documentDate: String(row.documentDate),
  status: String(row.status),
  model: (typeof row.model === 'string' ? JSON.parse(row.model) : row.model) as ReportModel,
  version: Number(row.version),
  updatedAt: String(row.updatedAt),
});

/**
 * The annual work report (DESIGN §6, DOMAIN §5): a model built from the records, drafts whose
 * wording staff edit with every version kept, the consistency check, and the docx and PDF.
 */
export function registerReportRoutes(app: FastifyInstance, db: DB, dialect: Dialect): void {
  const anyDb = db as unknown as Kysely<any>;
  const r = app.withTypeProvider<ZodTypeProvider>();

  const reportOrg = (actor: Actor, orgId: number | undefined, permission: string, executor = anyDb) =>
    reportOrgFor(executor, actor, orgId, permission);

  const build = (actor: Actor, org: ReportOrg, q: z.infer<typeof reportQuery>) =>
    annualReport(db, actor, org, q);

  /** Inside a transaction pass it: SQLite has one connection, and the transaction holds it. */
  async function draftOf(actor: Actor, id: number, permission: string, executor = anyDb): Promise<DraftRow> {
    const row = await executor
      .selectFrom('reportDraft')
      .select(DRAFT_COLUMNS)
      .where('id', '=', id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { entity: '工作总结草稿' });
    const draft = decode(row);
    // Someone who may not report for the draft's org does not learn that it exists.
    try {
      await reportOrg(actor, draft.orgId, permission, executor);
    } catch {
      throw new AppError('NOT_FOUND', { entity: '工作总结草稿' });
    }
    return draft;
  }

  const withFindings = (draft: DraftRow) => ({ ...draft, findings: checkReport(draft.model) });

  /** The draft's report as the records give it today (same org, year, cut-off and date). */
  async function rebuilt(actor: Actor, draft: DraftRow): Promise<ReportModel> {
    const org = await reportOrg(actor, draft.orgId, 'report:read');
    return build(actor, org, { year: draft.year, cutoff: draft.cutoff, documentDate: draft.documentDate });
  }

  /** The check of the text, and of its figures against the records as they are now. */
  const checked = async (actor: Actor, draft: DraftRow) => ({
    ...draft,
    findings: [...checkReport(draft.model), ...staleFigures(draft.model, await rebuilt(actor, draft))],
  });

  r.get(
    '/api/v1/reports/annual',
    {
      schema: { querystring: reportQuery, tags: ['reports'], summary: '年度工作总结（按记录生成）' },
      config: { permission: 'report:read' },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await reportOrg(actor, request.query.orgId, 'report:read');
      const model = await build(actor, org, request.query);
      return { model, findings: checkReport(model) };
    },
  );

  // The report straight from the records, without a draft: what a leader downloads to read.
  r.get(
    '/api/v1/reports/annual.docx',
    {
      schema: { querystring: reportQuery, tags: ['reports'], summary: '年度工作总结（按记录生成，Word）' },
      config: { permission: 'report:read' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const org = await reportOrg(actor, request.query.orgId, 'report:read');
      return sendDocument(reply, await build(actor, org, request.query), 'docx');
    },
  );

  r.get(
    '/api/v1/report-drafts',
    {
      schema: {
        querystring: z.strictObject({
          orgId: z.coerce.number().int().positive().optional(),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
        }),
        tags: ['reports'],
        summary: '工作总结草稿列表',
      },
      config: { permission: 'report:read' },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await reportOrg(actor, request.query.orgId, 'report:read');
      let q = anyDb
        .selectFrom('reportDraft')
        .select(['id', 'orgId', 'year', 'kind', 'cutoff', 'documentDate', 'status', 'version', 'updatedAt'])
        .where('orgId', '=', org.id)
        .where('deletedAt', 'is', null);
      if (request.query.year) q = q.where('year', '=', request.query.year);
      const rows = await q.orderBy('year', 'desc').orderBy('id', 'desc').limit(100).execute();
      return { items: rows.map((row) => ({ ...row, id: Number(row.id), orgId: Number(row.orgId) })) };
    },
  );

  r.post(
    '/api/v1/report-drafts',
    {
      schema: { body: draftCreate, tags: ['reports'], summary: '从记录生成工作总结草稿' },
      config: { permission: 'report:write' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const org = await reportOrg(actor, request.body.orgId, 'report:write');
      const model = await build(actor, org, request.body);
      const draft = await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const now = nowIso();
        const t = tx as unknown as Kysely<any>;
        const inserted = await t
          .insertInto('reportDraft')
          .values({
            orgId: org.id,
            year: model.year,
            kind: model.kind,
            cutoff: model.cutoff,
            documentDate: request.body.documentDate ?? today(),
            status: 'draft',
            model: JSON.stringify(model),
            version: 1,
            createdBy: actor.userId,
            createdAt: now,
            updatedBy: actor.userId,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const id = Number(inserted.id);
        await t
          .insertInto('reportDraftVersion')
          .values({
            draftId: id,
            version: 1,
            model: JSON.stringify(model),
            savedBy: actor.userId,
            savedAt: now,
          })
          .execute();
        audit({
          action: 'reportDraft.create',
          entity: 'reportDraft',
          entityId: id,
          orgId: org.id,
          diff: { after: { year: model.year, cutoff: model.cutoff, title: model.title } },
        });
        return decode(
          await t
            .selectFrom('reportDraft')
            .select(DRAFT_COLUMNS)
            .where('id', '=', id)
            .executeTakeFirstOrThrow(),
        );
      });
      return reply.code(201).send(withFindings(draft));
    },
  );

  r.get(
    '/api/v1/report-drafts/:id',
    {
      schema: { params: idParams, tags: ['reports'], summary: '工作总结草稿' },
      config: { permission: 'report:read' },
    },
    async (request) => {
      const actor = actorOf(request);
      return checked(actor, await draftOf(actor, request.params.id, 'report:read'));
    },
  );

  r.patch(
    '/api/v1/report-drafts/:id',
    {
      schema: {
        params: idParams,
        body: draftEdit,
        tags: ['reports'],
        summary: '修改工作总结措辞（保留历史版本）',
      },
      config: { permission: 'report:write' },
    },
    async (request) => {
      const actor = actorOf(request);
      const edit = request.body;
      return inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const t = tx as unknown as Kysely<any>;
        const before = await draftOf(actor, request.params.id, 'report:write', t);
        if (before.version !== edit.version)
          throw new AppError('CONFLICT_STALE_VERSION', {}, [], { currentVersion: before.version });
        const model: ReportModel = {
          ...before.model,
          title: edit.title,
          opening: edit.opening,
          work: edit.work,
          highlights: edit.highlights.filter((id) => edit.work.some((s) => s.id === id)),
          kpi: {
            ...before.model.kpi,
            summary: edit.kpiSummary,
            bySource: edit.kpiBySource,
            asAttachment: edit.kpiAsAttachment,
          },
          problems: edit.problems,
          plan: edit.plan,
        };
        assertFiguresKnown(model);
        const saved = await saveVersion(t, actor, before, model);
        const version = saved.version;
        audit({
          action: 'reportDraft.update',
          entity: 'reportDraft',
          entityId: before.id,
          orgId: before.orgId,
          diff: {
            before: { version: before.version, title: before.model.title },
            after: { version, title: model.title },
          },
        });
        return withFindings(saved);
      });
    },
  );

  r.post(
    '/api/v1/report-drafts/:id/refresh',
    {
      schema: {
        params: idParams,
        body: z.strictObject({ version: z.int().positive() }),
        tags: ['reports'],
        summary: '按最新记录更新草稿中的数字（保留手工改写，另存新版本）',
      },
      config: { permission: 'report:write' },
    },
    async (request) => {
      const actor = actorOf(request);
      const current = await draftOf(actor, request.params.id, 'report:write');
      const fresh = await rebuilt(actor, current);
      return inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const t = tx as unknown as Kysely<any>;
        const before = await draftOf(actor, request.params.id, 'report:write', t);
        if (before.version !== request.body.version)
          throw new AppError('CONFLICT_STALE_VERSION', {}, [], { currentVersion: before.version });
        const changed = staleFigures(before.model, fresh).length;
        const model = refreshFigures(before.model, fresh);
        const saved = await saveVersion(t, actor, before, model);
        audit({
          action: 'reportDraft.refresh',
          entity: 'reportDraft',
          entityId: before.id,
          orgId: before.orgId,
          diff: {
            before: { version: before.version },
            after: { version: saved.version, figuresChanged: changed },
          },
        });
        return withFindings(saved);
      });
    },
  );

  r.get(
    '/api/v1/report-drafts/:id/versions',
    {
      schema: { params: idParams, tags: ['reports'], summary: '草稿历史版本' },
      config: { permission: 'report:read' },
    },
    async (request) => {
      const draft = await draftOf(actorOf(request), request.params.id, 'report:read');
      const rows = await anyDb
        .selectFrom('reportDraftVersion as v')
        .leftJoin('userAccount as u', 'u.id', 'v.savedBy')
        .select(['v.version', 'v.savedAt', 'u.name as savedBy'])
        .where('v.draftId', '=', draft.id)
        .orderBy('v.version', 'desc')
        .execute();
      return { items: rows };
    },
  );

  async function sendDocument(reply: FastifyReply, model: ReportModel, format: 'docx' | 'pdf') {
    const docx = await reportDocx(model);
    const body =
      format === 'docx'
        ? docx
        : await docxToPdf(docx, (error) => reply.log.error({ err: error }, 'pdf conversion failed'));
    const name = `${model.title}.${format}`;
    return reply
      .header(
        'content-type',
        format === 'docx'
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/pdf',
      )
      .header(
        'content-disposition',
        `attachment; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .send(body);
  }

  for (const format of ['docx', 'pdf'] as const)
    r.get(
      `/api/v1/report-drafts/:id/export.${format}`,
      {
        schema: { params: idParams, tags: ['reports'], summary: `导出工作总结（${format}）` },
        config: { permission: 'report:read' },
      },
      async (request, reply) =>
        sendDocument(
          reply,
          (await draftOf(actorOf(request), request.params.id, 'report:read')).model,
          format,
        ),
    );
}

/** The draft's next version: the row moves on (only from the version read) and the version is kept. */
async function saveVersion(
  t: Kysely<any>,
  actor: Actor,
  before: DraftRow,
  model: ReportModel,
): Promise<DraftRow> {
  const version = before.version + 1;
  const now = nowIso();
  const changed = await t
    .updateTable('reportDraft')
    .set({ model: JSON.stringify(model), version, updatedBy: actor.userId, updatedAt: now })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1)
    throw new AppError('CONFLICT_STALE_VERSION', {}, [], { currentVersion: before.version + 1 });
  await t
    .insertInto('reportDraftVersion')
    .values({
      draftId: before.id,
      version,
      model: JSON.stringify(model),
      savedBy: actor.userId,
      savedAt: now,
    })
    .execute();
  return { ...before, model, version, updatedAt: now };
}

/** Every bound segment refers to a figure of the draft (the client cannot invent one). */
function assertFiguresKnown(model: ReportModel): void {
  const points = [
    model.opening,
    model.kpi.summary,
    ...model.work.flatMap((s) => s.points),
    ...model.problems,
    ...model.plan,
  ];
  for (const p of points)
    for (const s of p.segments)
      if ('figure' in s && !model.figures[s.figure])
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: `${p.id}.segments`, code: 'UNKNOWN_FIGURE', message: `段落${p.id}引用了不存在的数据项` },
        ]);
}
