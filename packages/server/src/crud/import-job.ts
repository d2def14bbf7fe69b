import { sql, type Kysely } from 'kysely';
import {
  AppError,
  createSchema,
  describeIssue,
  fieldEntries,
  errorTitle,
  labelled,
  warningsOf,
  writableFields,
  type EntityDef,
  type Lang,
} from '@kjj/domain';
import { scopeFor, type Actor } from '../auth/actor.js';
import { loadActor } from '../auth/sessions.js';
import { fromCell, type RefLookups } from '../documents/excel-cells.js';
import { readSheet, type ColumnInfo } from '../documents/excel-read.js';
import { scopeWhere } from '../db/scope.js';
import { scoped } from '../db/entity-repo.js';
import type { DB, Dialect } from '../db/types.js';
import { inTransaction } from '../db/unit-of-work.js';
import type { JobHandler, JobProgress, JobRow } from '../jobs/runner.js';
import { refLookups } from './ref-lookups.query.js';

export interface ImportParams {
  entity: string;
  mode: 'all_or_nothing' | 'valid_rows_only';
  key: 'create' | 'upsert';
  fileName: string;
  orgId: number;
  sectionId: number | null;
  lang: Lang;
}

/** One problem in one cell (or row): what DOMAIN §7 asks an import to report. */
export interface RowIssue {
  row: number;
  column?: string;
  header?: string;
  field?: string;
  code: string;
  message: string;
}

export interface ImportResult {
  status: 'applied' | 'partial' | 'rejected';
  totalRows: number;
  created: number;
  updated: number;
  /** Excel row numbers written, so "valid rows only" says exactly what was applied. */
  appliedRows: number[];
  errors: RowIssue[];
  warnings: RowIssue[];
  error?: string;
}

interface ValidRow {
  row: number;
  values: Record<string, unknown>;
  overrides: Record<string, { code: string; reason: string }>;
  targetId?: number;
}

const KEY_CHUNK = 500;
/** Validated rows checked against the database and written together. */
const WRITE_BATCH = 1000;

/** What reading the sheet has found so far: filled in as its batches are consumed. */
interface SheetState {
  totalRows: number;
  columns: ColumnInfo[];
  errors: RowIssue[];
  warnings: RowIssue[];
}

interface ImportDeps {
  db: DB;
  dialect: Dialect;
  entities: readonly EntityDef[];
}

/** Thrown inside the write transaction to roll it back when the sheet is not applied after all. */
class NotApplied extends Error {}

/**
 * Reads, validates and applies an uploaded sheet in one transaction, so all-or-nothing really is
 * either. On PostgreSQL each batch of valid rows is written while the next one is read and
 * validated (the database works in parallel with this process; a rejected sheet rolls back what
 * was written). SQLite has one connection, which a transaction would hold for the whole read, so
 * there every row is validated before the transaction starts.
 */
export function importJobHandler(deps: ImportDeps): JobHandler {
  return async (job: JobRow, progress: JobProgress): Promise<ImportResult> => {
    const params = JSON.parse(job.params) as ImportParams;
    const def = deps.entities.find((e) => e.name === params.entity);
    const actor = await loadActor(deps.db, job.createdBy, 'session');
    const state: SheetState = { totalRows: 0, columns: [], errors: [], warnings: [] };
    const unapplied = (status: ImportResult['status'], error?: string): ImportResult => ({
      status,
      totalRows: state.totalRows,
      created: 0,
      updated: 0,
      appliedRows: [],
      errors: state.errors.sort((a, b) => a.row - b.row),
      warnings: state.warnings,
      ...(error ? { error } : {}),
    });
    if (!def || !actor || !job.file) return unapplied('rejected', 'unavailable');
    const org = await deps.db
      .selectFrom('org')
      .select(['divisionCode'])
      .where('id', '=', params.orgId)
      .executeTakeFirst();
    const refs = await refLookups(deps.db, def, org?.divisionCode ?? null);
    const run: ImportRun = { deps, def, actor, params, state };
    const batches = checkedBatches(run, validatedBatches(job.file, run, refs, progress));
    try {
      const source = deps.dialect === 'postgres' ? batches : await collect(batches);
      return await writeBatches(run, job, source, progress);
    } catch (error) {
      if (error instanceof NotApplied) return unapplied(state.errors.length > 0 ? 'rejected' : 'applied');
      // An unreadable file is an answer for the user, not a failed job.
      if (!(error instanceof AppError)) throw error;
      state.errors = [
        { row: 0, code: error.code, message: errorTitle(error.code, params.lang, error.params) },
      ];
      return unapplied('rejected');
    }
  };
}

interface ImportRun {
  deps: ImportDeps;
  def: EntityDef;
  actor: Actor;
  params: ImportParams;
  state: SheetState;
}

/** Rows that passed the sheet's checks, each batch also checked against the bureau's records. */
async function* checkedBatches(
  run: ImportRun,
  batches: AsyncIterable<ValidRow[]>,
): AsyncGenerator<ValidRow[]> {
  const db = run.deps.db as unknown as Kysely<any>;
  // Which existing rows the importer may change (upsert targets): resolved once for the sheet.
  const writable = await scopeWhere(
    db,
    run.actor,
    scopeFor(run.actor, run.def.permissions.update),
    run.def.table,
  );
  for await (const batch of batches) {
    const before = run.state.errors.length;
    await checkExisting(run, writable, batch);
    const failed = new Set(run.state.errors.slice(before).map((e) => e.row));
    yield failed.size === 0 ? batch : batch.filter((v) => !failed.has(v.row));
  }
}

/**
 * The write: one transaction for the whole sheet. A batch is written while the next is being
 * produced; once all-or-nothing has seen an error nothing more is written, but the rest of the
 * sheet is still read so that every bad row is reported, and the transaction then rolls back.
 */
async function writeBatches(
  run: ImportRun,
  job: JobRow,
  source: AsyncIterable<ValidRow[]> | Iterable<ValidRow[]>,
  progress: JobProgress,
): Promise<ImportResult> {
  const { deps, def, actor, params, state } = run;
  const repo = scoped(deps.db as unknown as Kysely<any>, deps.dialect, actor, def, params.lang);
  const ctx = { actor, requestId: `job-${job.id}`, ip: null };
  return inTransaction(deps.db, deps.dialect, ctx, async (work) => {
    const counts = { created: 0, updated: 0 };
    const appliedRows: number[] = [];
    const writeBatch = async (rows: ValidRow[]) => {
      const creates = rows.filter((r) => r.targetId === undefined);
      await repo.createMany(work, creates, { orgId: params.orgId, sectionId: params.sectionId });
      counts.created += creates.length;
      for (const u of rows) {
        if (u.targetId === undefined) continue;
        const current = await repo.find(u.targetId, def.permissions.update, work.tx);
        if (!current) continue;
        const reasons = Object.fromEntries(Object.entries(u.overrides).map(([k, v]) => [k, v.reason]));
        await repo.update(work, u.targetId, { ...u.values, version: current.version, overrides: reasons });
        counts.updated += 1;
      }
    };
    const rejectedWhole = () => params.mode === 'all_or_nothing' && state.errors.length > 0;
    let written: Promise<void> = Promise.resolve();
    for await (const batch of source) {
      if (batch.length === 0 || rejectedWhole()) continue;
      await written;
      written = writeBatch(batch);
      // Awaited with the next batch; if reading fails first, its rollback must not leave this unhandled.
      written.catch(() => {});
      for (const v of batch) appliedRows.push(v.row);
    }
    await written;
    if (appliedRows.length === 0 || rejectedWhole()) throw new NotApplied();
    work.audit({
      action: `${def.name}.import`,
      entity: def.name,
      entityId: null,
      orgId: params.orgId,
      diff: {
        after: {
          jobId: job.id,
          fileName: params.fileName,
          mode: params.mode,
          key: params.key,
          created: counts.created,
          updated: counts.updated,
        },
      },
    });
    const result: ImportResult = {
      status: state.errors.length > 0 ? 'partial' : 'applied',
      totalRows: state.totalRows,
      ...counts,
      appliedRows,
      errors: state.errors.sort((a, b) => a.row - b.row),
      warnings: state.warnings,
    };
    // The job's outcome commits with its rows.
    await progress.succeedIn(work.tx, result);
    return result;
  });
}

/** A row problem located by its column letter and header, as the user sees them in Excel. */
function issueAt(
  columns: ColumnInfo[],
  row: number,
  field: string | undefined,
  code: string,
  message: string,
): RowIssue {
  const col = field ? columns.find((c) => c.field === field) : undefined;
  return {
    row,
    ...(col ? { column: col.letter, header: col.header } : {}),
    ...(field ? { field } : {}),
    code,
    message,
  };
}

/** The sheet's rows, converted and validated, in batches of those without a problem. */
async function* validatedBatches(
  file: Uint8Array,
  run: ImportRun,
  refs: RefLookups,
  progress: JobProgress,
): AsyncGenerator<ValidRow[]> {
  const { def, params, state } = run;
  const { errors, warnings } = state;
  const schema = createSchema(def);
  const lang = params.lang;
  let valid: ValidRow[] = [];
  const issue = (row: number, field: string | undefined, code: string, message: string) =>
    issueAt(state.columns, row, field, code, message);
  const seen = new Map<string, Map<unknown, number>>();
  const rows = readSheet(
    file,
    def,
    lang,
    (found) => {
      state.columns = found;
      // Fields the system writes (a workflow's state) are never in a file.
      for (const [name, field] of writableFields(def)) {
        if (field.required && !found.some((c) => c.field === name)) {
          errors.push({
            row: 1,
            code: 'MISSING_COLUMN',
            message: lang === 'zh' ? `缺少必填列“${field.label.zh}”` : `Missing column "${field.label.en}"`,
          });
        }
      }
    },
    (row, letter) =>
      warnings.push({
        row,
        column: letter,
        code: 'FORMULA',
        message: lang === 'zh' ? '公式单元格，已取其计算结果' : 'Formula cell: its cached value was used',
      }),
  );
  for await (const { row, cells } of rows) {
    state.totalRows += 1;
    const input: Record<string, unknown> = {};
    const unreadable = new Set<string>();
    for (const [name, raw] of cells) {
      const parsed = fromCell(def.fields[name]!, raw, refs);
      if ('problem' in parsed) {
        unreadable.add(name);
        errors.push(
          issue(
            row,
            name,
            parsed.problem.code,
            `${def.fields[name]!.label[lang]}：${parsed.problem.message[lang]}`,
          ),
        );
      } else {
        if (parsed.value !== null) input[name] = parsed.value;
        if (parsed.warning) {
          const { code, message } = parsed.warning;
          warnings.push(issue(row, name, code, `${def.fields[name]!.label[lang]}：${message[lang]}`));
        }
      }
    }
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const zodIssue of result.error.issues) {
        const field = String(zodIssue.path[0] ?? '');
        // A cell that could not be read was reported already; its absence is not a second error.
        if (unreadable.has(field)) continue;
        const e = describeIssue(zodIssue, lang, def, input);
        errors.push(issue(row, field, e.code ?? 'INVALID', e.message));
      }
    }
    if (unreadable.size === 0 && result.success) {
      const values = result.data as Record<string, unknown>;
      const overrides: ValidRow['overrides'] = {};
      for (const w of warningsOf(def, values)) {
        warnings.push(issue(row, w.path, w.code, labelled(def.fields[w.path]!.label, w, lang)));
        overrides[w.path] = {
          code: w.code,
          reason: lang === 'zh' ? `Excel导入第${row}行，导入人确认` : `Confirmed on import, row ${row}`,
        };
      }
      if (noDuplicateInFile(def, values, row, seen, errors, issue, lang))
        valid.push({ row, values, overrides });
    }
    if (valid.length >= WRITE_BATCH) {
      yield valid;
      valid = [];
    }
    await progress.report(state.totalRows);
  }
  if (valid.length > 0) yield valid;
  await progress.report(state.totalRows, state.totalRows);
}

function noDuplicateInFile(
  def: EntityDef,
  values: Record<string, unknown>,
  row: number,
  seen: Map<string, Map<unknown, number>>,
  errors: RowIssue[],
  issue: (row: number, field: string | undefined, code: string, message: string) => RowIssue,
  lang: Lang,
): boolean {
  for (const [name, field] of fieldEntries(def)) {
    if (!field.unique || values[name] === undefined) continue;
    const byValue = seen.get(name) ?? new Map<unknown, number>();
    seen.set(name, byValue);
    const first = byValue.get(values[name]);
    if (first !== undefined) {
      errors.push(
        issue(
          row,
          name,
          'DUPLICATE_IN_FILE',
          lang === 'zh' ? `${field.label.zh}与第${first}行重复` : `${field.label.en} repeats row ${first}`,
        ),
      );
      return false;
    }
    byValue.set(values[name], row);
  }
  return true;
}

/** Unique values already in the bureau: errors on create, update targets on upsert. */
async function checkExisting(
  run: ImportRun,
  writable: Awaited<ReturnType<typeof scopeWhere>>,
  valid: ValidRow[],
): Promise<void> {
  const { def, params } = run;
  const { dialect } = run.deps;
  const db = run.deps.db as unknown as Kysely<any>;
  const lang = params.lang;
  for (const [name, field] of fieldEntries(def)) {
    if (!field.unique) continue;
    const upsertKey = params.key === 'upsert' && def.importKey === name;
    for (let i = 0; i < valid.length; i += KEY_CHUNK) {
      const chunk = valid.slice(i, i + KEY_CHUNK).filter((v) => v.values[name] !== undefined);
      if (chunk.length === 0) continue;
      const keys = chunk.map((v) => v.values[name]);
      const rowsOf = (deleted: boolean) =>
        db
          .selectFrom(def.table)
          .select(['id', name, 'deletedAt'])
          .select((eb) => eb.case().when(writable(eb)).then(1).else(0).end().as('writable'))
          .where('orgId', '=', params.orgId)
          .where('deletedAt', deleted ? 'is not' : 'is', null);
      const lookup = (deleted: boolean) =>
        !deleted && dialect === 'postgres' && field.kind === 'text'
          ? // One probe of the live (org_id, field) unique index per key. With `in (…)` the planner
            // weighs the keys against its estimate of the bureau's rows, and right after a large
            // import into that bureau (statistics not yet refreshed) it read all of its rows for
            // every chunk: 8 s more for the next 100,000-row import.
            db
              .selectFrom(sql<{ key: string }>`unnest(${keys}::text[])`.as('key'))
              .innerJoinLateral(
                // LIMIT keeps the subquery a per-key probe (a live key is unique in a bureau):
                // without it the planner joins it back into the same scan of the bureau's rows.
                () => rowsOf(deleted).whereRef(`${def.table}.${name}`, '=', 'key.key').limit(1).as('found'),
                (join) => join.onTrue(),
              )
              .selectAll('found')
              .execute()
          : rowsOf(deleted).where(name, 'in', keys).execute();
      // Live rows and the trash separately: each is served by its own (partial / trash) index.
      const existing = [...(await lookup(false)), ...(await lookup(true))];
      for (const v of chunk) {
        const matches = existing.filter((e) => e[name] === v.values[name]);
        const live = matches.find((m) => !m.deletedAt);
        const label = field.label[lang];
        const fail = (code: string, zh: string, en: string) =>
          run.state.errors.push(issueAt(run.state.columns, v.row, name, code, lang === 'zh' ? zh : en));
        if (live && upsertKey && Number(live.writable) === 1) v.targetId = Number(live.id);
        else if (live && upsertKey)
          fail(
            'NOT_WRITABLE',
            `${label}已存在，但您无权修改该记录`,
            `${label} exists but you may not change it`,
          );
        else if (live)
          fail(
            'DUPLICATE',
            `${label}“${String(v.values[name])}”已存在`,
            `${label} "${String(v.values[name])}" already exists`,
          );
        else if (matches.length > 0 && !upsertKey)
          fail(
            'DUPLICATE_DELETED',
            `${label}与回收站中的记录相同，请先恢复该记录`,
            `${label} matches a deleted record; restore it instead`,
          );
      }
    }
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
