import type { Kysely } from 'kysely';
import {
  AppError,
  diffOf,
  entityByName,
  enumLabel,
  fieldEntries,
  isEditable,
  labelled,
  warningsOf,
  type EntityDef,
  type FieldError,
  type Lang,
} from '@kjj/domain';
import { scopeFor, type Actor } from '../auth/actor.js';
import { nowIso } from './dialect.js';
import {
  decodeRow,
  encodeFields,
  META_COLUMNS,
  plainColumnsOf,
  searchTextOf,
  selectRowColumns,
  type ApiRow,
} from './entity-rows.js';
import { insertRows } from './bulk-insert.js';
import { assertDictValues } from './dicts.js';
import { checkRowRules } from './row-rules.js';
import { allowsPlacement, resolveScope, scopeOptionsOf, scopeWhere } from './scope.js';
import type { Dialect } from './types.js';
import type { Work } from './unit-of-work.js';

type AnyDb = Kysely<any>;
/** Rows per multi-row insert: under SQLite's bound-parameter limit for wide tables. */
const BULK_CHUNK = 200;
type CreatedMeta = Exclude<(typeof META_COLUMNS)[number], 'id' | 'deletedAt'> | 'searchText';
/**
 * The columns a bulk create writes besides the definition's fields: every meta column but the id
 * (the database's) and the deletion stamp, and the text the search index reads.
 */
const BULK_META_COLUMNS: readonly CreatedMeta[] = [
  ...META_COLUMNS.filter((c): c is Exclude<typeof c, 'id' | 'deletedAt'> => c !== 'id' && c !== 'deletedAt'),
  'searchText',
];
type Overrides = Record<string, { code: string; reason: string; by: number; at: string }>;

/** A definition's rows as one actor may see and change them (STYLE §3: `scoped(db, actor, def)`). */
export function scoped(db: Kysely<any>, dialect: Dialect, actor: Actor, def: EntityDef, lang: Lang = 'zh') {
  const notFound = () => new AppError('NOT_FOUND', { entity: def.label[lang] });

  /** The actor's scope for one permission on this entity, as a WHERE condition. */
  const scopeOf = (executor: AnyDb, permission: string) =>
    scopeWhere(executor, actor, scopeFor(actor, permission), def.table, scopeOptionsOf(def, permission));

  async function find(
    executor: AnyDb,
    id: number,
    permission: string,
    deleted: 'live' | 'deleted' | 'any' = 'live',
  ): Promise<ApiRow | undefined> {
    let q = selectRowColumns(executor.selectFrom(def.table), def)
      .where(`${def.table}.id`, '=', id)
      .where(await scopeOf(executor, permission));
    if (deleted === 'live') q = q.where(`${def.table}.deletedAt`, 'is', null);
    if (deleted === 'deleted') q = q.where(`${def.table}.deletedAt`, 'is not', null);
    const row = await q.executeTakeFirst();
    return row ? decodeRow(def, row) : undefined;
  }

  async function getOrThrow(id: number, deleted: 'live' | 'any' = 'live'): Promise<ApiRow> {
    const row = await find(db, id, def.permissions.read, deleted);
    if (!row) throw notFound();
    return row;
  }

  /** Refuse values that only need confirming unless the caller gave a reason for each field. */
  function resolveWarnings(
    values: Record<string, unknown>,
    reasons: Record<string, string> | undefined,
    kept: Overrides,
  ): Overrides {
    const overrides: Overrides = { ...kept };
    const unresolved: FieldError[] = [];
    for (const name of Object.keys(values)) delete overrides[name];
    for (const w of warningsOf(def, values)) {
      const reason = reasons?.[w.path];
      if (!reason)
        unresolved.push({
          path: w.path,
          code: w.code,
          severity: 'warning',
          message: labelled(def.fields[w.path]!.label, w, lang),
        });
      else Object.assign(overrides, stamp({ [w.path]: { code: w.code, reason } }));
    }
    if (unresolved.length > 0) throw new AppError('VALIDATION_WARNING', {}, unresolved);
    return overrides;
  }

  /**
   * Unique fields clash with live rows of the same org. On create a deleted twin also refuses the
   * new row and offers its restore instead (DOMAIN §7); updates and restores only meet live rows.
   */
  async function assertUnique(
    tx: AnyDb,
    orgId: number,
    values: Record<string, unknown>,
    selfId?: number,
  ): Promise<void> {
    for (const [name, field] of fieldEntries(def)) {
      if (!field.unique || values[name] === undefined || values[name] === null) continue;
      const lookup = (deleted: boolean) => {
        let q = tx
          .selectFrom(def.table)
          .select(['id', 'deletedAt'])
          .where('orgId', '=', orgId)
          .where(name, '=', values[name])
          .where('deletedAt', deleted ? 'is not' : 'is', null);
        if (selfId !== undefined) q = q.where('id', '!=', selfId);
        return q.limit(1).executeTakeFirst();
      };
      // Live rows first (the partial unique index); the trash only on create (its own index).
      const clash = (await lookup(false)) ?? (selfId === undefined ? await lookup(true) : undefined);
      if (!clash) continue;
      const label = field.label[lang];
      const value = String(values[name]);
      const params = { field: label, value };
      if (!clash.deletedAt) {
        const message = lang === 'zh' ? `${label}“${value}”已存在` : `${label} "${value}" already exists`;
        throw new AppError('CONFLICT_DUPLICATE', params, [{ path: name, code: 'DUPLICATE', message }]);
      }
      const message =
        lang === 'zh'
          ? `${label}与回收站中的一条记录相同，可直接恢复该记录`
          : `${label} matches a deleted record, which can be restored`;
      throw new AppError('CONFLICT_DUPLICATE', params, [{ path: name, code: 'DUPLICATE_DELETED', message }], {
        restoreId: clash.id,
      });
    }
  }

  /** The row's org must be a bureau and its section one of that bureau's sections. */
  async function assertPlacement(tx: AnyDb, orgId: number, sectionId: number | null): Promise<void> {
    const org = await tx.selectFrom('org').select(['kind']).where('id', '=', orgId).executeTakeFirst();
    const orgError = (path: string, zh: string, en: string) =>
      new AppError('VALIDATION_FAILED', {}, [
        { path, code: 'INVALID_ORG', message: lang === 'zh' ? zh : en },
      ]);
    if (!org || org.kind === 'section') throw orgError('orgId', '所属单位不存在', 'No such organisation');
    if (sectionId === null) return;
    const section = await tx
      .selectFrom('org')
      .select(['parentId', 'kind'])
      .where('id', '=', sectionId)
      .executeTakeFirst();
    if (!section || section.kind !== 'section' || section.parentId !== orgId) {
      throw orgError('sectionId', '所属股室不属于该单位', 'The section does not belong to the organisation');
    }
  }

  async function assertRefs(tx: AnyDb, values: Record<string, unknown>): Promise<void> {
    for (const [name, field] of fieldEntries(def)) {
      if (field.kind !== 'ref' || values[name] === undefined || values[name] === null) continue;
      // A reference to a business record must be one the writer can read: no linking to (or
      // probing for) another bureau's rows.
      const targetDef = entityByName(field.target);
      let q = tx
        .selectFrom(targetDef?.table ?? field.target)
        .select('id')
        .where('id', '=', values[name]);
      if (targetDef)
        q = q
          .where('deletedAt', 'is', null)
          .where(
            await scopeWhere(
              tx,
              actor,
              scopeFor(actor, targetDef.permissions.read),
              targetDef.table,
              scopeOptionsOf(targetDef, targetDef.permissions.read),
            ),
          );
      const target = await q.executeTakeFirst();
      if (!target) {
        const label = field.label[lang];
        throw new AppError('VALIDATION_FAILED', {}, [
          {
            path: name,
            code: 'REF_NOT_FOUND',
            message: lang === 'zh' ? `${label}不存在` : `${label} does not exist`,
          },
        ]);
      }
    }
  }

  /** A write must leave the row inside the writer's own scope; otherwise it is refused and rolled back. */
  async function reread(tx: AnyDb, id: number, permission: string): Promise<ApiRow> {
    const row = await find(tx, id, permission, 'any');
    if (!row) throw new AppError('FORBIDDEN');
    return row;
  }

  /** Who confirmed each overridden warning, and when. */
  function stamp(reasons: Record<string, { code: string; reason: string }>): Overrides {
    const at = nowIso();
    return Object.fromEntries(
      Object.entries(reasons).map(([field, r]) => [field, { ...r, by: actor.userId ?? 0, at }]),
    );
  }

  /** Past its editable states a record changes only through its actions (RECORD_LOCKED). */
  function assertEditable(row: ApiRow): void {
    const workflow = def.workflow;
    if (!workflow || isEditable(workflow, row)) return;
    const state = row[workflow.field] as string;
    throw new AppError('RECORD_LOCKED', {
      entity: def.label[lang],
      state: enumLabel(workflow.states, state, lang),
    });
  }

  /** New rows start in their workflow's initial state, whatever the input says. */
  function withInitialState(values: Record<string, unknown>): Record<string, unknown> {
    return def.workflow ? { ...values, [def.workflow.field]: def.workflow.initial } : values;
  }

  function fieldValues(input: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(input).filter(([k]) => k in def.fields));
  }

  return {
    getOrThrow,
    /** Pass the transaction when inside one (SQLite has a single connection). */
    find: (id: number, permission: string, executor?: unknown) =>
      find((executor as AnyDb | undefined) ?? db, id, permission),

    async create(
      work: Work,
      input: Record<string, unknown> & { overrides?: Record<string, string> },
    ): Promise<ApiRow> {
      const tx = work.tx as unknown as AnyDb;
      const values = withInitialState(fieldValues(input));
      const orgId = (input.orgId as number | undefined) ?? actor.orgId;
      const sectionId = input.sectionId === undefined ? actor.sectionId : (input.sectionId as number | null);
      await assertPlacement(tx, orgId, sectionId);
      // Outside one's own scope the answer is "not allowed", before any detail of the input.
      const scope = await resolveScope(tx, actor, scopeFor(actor, def.permissions.create));
      if (!allowsPlacement(scope, orgId, sectionId)) throw new AppError('FORBIDDEN');
      await assertRefs(tx, values);
      await assertDictValues(tx, def, values, lang);
      // A duplicate cannot be saved whatever the reasons, so say so before asking for any.
      await assertUnique(tx, orgId, values);
      const overrides = resolveWarnings(values, input.overrides, {});
      const now = nowIso();
      const inserted = await tx
        .insertInto(def.table)
        .values({
          ...encodeFields(def, values, work.dialect),
          orgId,
          sectionId,
          createdBy: actor.userId,
          createdAt: now,
          updatedBy: actor.userId,
          updatedAt: now,
          version: 1,
          overrides: JSON.stringify(overrides),
          searchText: searchTextOf(def, values),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = await reread(tx, Number(inserted.id), def.permissions.create);
      await checkRowRules(tx, dialect, def, row, lang);
      work.audit({
        action: `${def.name}.create`,
        entity: def.name,
        entityId: row.id,
        orgId,
        diff: diffOf(null, row),
      });
      return row;
    },

    /**
     * Bulk create for imports: rows already validated, refs resolved and uniqueness checked by the
     * caller. Same placement and scope checks, encoding and audit as `create`.
     */
    async createMany(
      work: Work,
      rows: {
        values: Record<string, unknown>;
        overrides: Record<string, { code: string; reason: string }>;
      }[],
      placement: { orgId: number; sectionId: number | null },
      /** Rows created as the effect of another action (a draw's score sheets) check that action's scope. */
      permission = def.permissions.create,
    ): Promise<number> {
      const tx = work.tx as unknown as AnyDb;
      await assertPlacement(tx, placement.orgId, placement.sectionId);
      // Every row gets the same placement and creator, so one check stands for all of them.
      const scope = await resolveScope(tx, actor, scopeFor(actor, permission));
      if (!allowsPlacement(scope, placement.orgId, placement.sectionId)) throw new AppError('FORBIDDEN');
      const fieldNames = Object.keys(def.fields);
      const columns = [...fieldNames, ...BULK_META_COLUMNS];
      const returning = plainColumnsOf(def);
      const insertChunk = (chunk: typeof rows) => {
        const now = nowIso();
        const tuples = chunk.map(({ values, overrides }) => {
          const encoded = encodeFields(def, withInitialState(values), work.dialect);
          const meta: Record<CreatedMeta, unknown> = {
            orgId: placement.orgId,
            sectionId: placement.sectionId,
            createdBy: actor.userId,
            createdAt: now,
            updatedBy: actor.userId,
            updatedAt: now,
            version: 1,
            overrides: JSON.stringify(stamp(overrides)),
            searchText: searchTextOf(def, values),
          };
          // A field the row leaves out is stored as null, as a single create stores it.
          const tuple: unknown[] = [];
          for (const name of fieldNames) tuple.push(encoded[name] ?? null);
          for (const c of BULK_META_COLUMNS) tuple.push(meta[c]);
          return tuple;
        });
        const pending = insertRows(tx, work.dialect, def.table, columns, tuples, returning);
        // Awaited below; if the write fails first, its rollback must not leave this one unhandled.
        pending.catch(() => {});
        return pending;
      };
      let created = 0;
      let next = rows.length > 0 ? insertChunk(rows.slice(0, BULK_CHUNK)) : undefined;
      for (let i = 0; next; i += BULK_CHUNK) {
        const inserted = await next;
        // The next chunk goes to the database before this one is audited, so PostgreSQL writes it
        // while this process hashes the audit entries (the connection runs one query at a time).
        // Rules that span rows then see the next chunk too: they still judge what commits.
        const following = rows.slice(i + BULK_CHUNK, i + 2 * BULK_CHUNK);
        next = following.length > 0 ? insertChunk(following) : undefined;
        for (const raw of inserted) {
          const row = decodeRow(def, raw);
          await checkRowRules(tx, dialect, def, row, lang);
          created += 1;
          work.audit({
            action: `${def.name}.create`,
            entity: def.name,
            entityId: row.id,
            orgId: placement.orgId,
            diff: diffOf(null, row),
          });
        }
        await work.flushAudit();
      }
      return created;
    },

    async update(
      work: Work,
      id: number,
      input: Record<string, unknown> & { version: number; overrides?: Record<string, string> },
    ): Promise<ApiRow> {
      const tx = work.tx as unknown as AnyDb;
      const before = await find(tx, id, def.permissions.update);
      if (!before) throw notFound();
      if (before.version !== input.version)
        throw new AppError('CONFLICT_STALE_VERSION', {}, [], { currentVersion: before.version });
      assertEditable(before);
      const values = fieldValues(input);
      const sectionId =
        input.sectionId === undefined
          ? (before.sectionId as number | null)
          : (input.sectionId as number | null);
      if (input.sectionId !== undefined) await assertPlacement(tx, before.orgId, sectionId);
      await assertRefs(tx, values);
      const changed = Object.fromEntries(
        Object.entries(values).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
      );
      // Nothing to change is not a change: no new version, no audit entry.
      if (Object.keys(changed).length === 0 && sectionId === before.sectionId) return before;
      await assertDictValues(tx, def, changed, lang);
      await assertUnique(tx, before.orgId, changed, id);
      const overrides = resolveWarnings(changed, input.overrides, before.overrides as Overrides);
      const merged = { ...before, ...values };
      const result = await tx
        .updateTable(def.table)
        .set({
          ...encodeFields(def, values, work.dialect),
          sectionId,
          updatedBy: actor.userId,
          updatedAt: nowIso(),
          version: before.version + 1,
          overrides: JSON.stringify(overrides),
          searchText: searchTextOf(def, merged),
        })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .where('deletedAt', 'is', null)
        .where(await scopeOf(tx, def.permissions.update))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('CONFLICT_STALE_VERSION');
      const after = await reread(tx, id, def.permissions.update);
      await checkRowRules(tx, dialect, def, after, lang);
      work.audit({
        action: `${def.name}.update`,
        entity: def.name,
        entityId: id,
        orgId: before.orgId,
        diff: diffOf(before, after),
      });
      return after;
    },

    async softDelete(work: Work, id: number, version: number): Promise<void> {
      const tx = work.tx as unknown as AnyDb;
      const before = await find(tx, id, def.permissions.delete);
      if (!before) throw notFound();
      if (before.version !== version)
        throw new AppError('CONFLICT_STALE_VERSION', {}, [], { currentVersion: before.version });
      assertEditable(before);
      const result = await tx
        .updateTable(def.table)
        .set({
          deletedAt: nowIso(),
          deletedBy: actor.userId,
          version: version + 1,
          updatedBy: actor.userId,
          updatedAt: nowIso(),
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .where(await scopeOf(tx, def.permissions.delete))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('CONFLICT_STALE_VERSION');
      work.audit({
        action: `${def.name}.delete`,
        entity: def.name,
        entityId: id,
        orgId: before.orgId,
        diff: diffOf(before, null),
      });
    },

    async restore(work: Work, id: number): Promise<ApiRow> {
      const tx = work.tx as unknown as AnyDb;
      const before = await find(tx, id, def.permissions.delete, 'deleted');
      if (!before) throw notFound();
      await assertUnique(tx, before.orgId, fieldValues(before), id);
      await tx
        .updateTable(def.table)
        .set({
          deletedAt: null,
          deletedBy: null,
          version: before.version + 1,
          updatedBy: actor.userId,
          updatedAt: nowIso(),
        })
        .where('id', '=', id)
        .where(await scopeOf(tx, def.permissions.delete))
        .execute();
      const after = await reread(tx, id, def.permissions.delete);
      await checkRowRules(tx, dialect, def, after, lang);
      work.audit({
        action: `${def.name}.restore`,
        entity: def.name,
        entityId: id,
        orgId: before.orgId,
        diff: { before: { deletedAt: before.deletedAt }, after: { deletedAt: null } },
      });
      return after;
    },
  };
}

export type ScopedRepo = ReturnType<typeof scoped>;
