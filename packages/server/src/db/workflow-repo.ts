import type { Kysely } from 'kysely';
import {
  AppError,
  actionOf,
  diffOf,
  enumLabel,
  targetOf,
  today,
  type ActionDef,
  type EntityDef,
  type Lang,
  type WorkflowEvent,
} from '@kjj/domain';
import type { Actor } from '../auth/actor.js';
import { hookOf } from './action-hooks.js';
import { nowIso } from './dialect.js';
import { scoped } from './entity-repo.js';
import { decodeRow, encodeFields, selectRowColumns, type ApiRow } from './entity-rows.js';
import type { Dialect } from './types.js';
import type { Work } from './unit-of-work.js';

/**
 * Actions on records with a lifecycle (DOMAIN §3.2): the state check, the action's own guard and
 * input checks, its server-side hook (reading or writing other records), the columns it stamps, a
 * timeline entry and an audit entry, all in the caller's transaction.
 */
export function workflowRepo(db: Kysely<any>, dialect: Dialect, actor: Actor, def: EntityDef, lang: Lang) {
  const workflow = def.workflow;
  if (!workflow) throw new Error(`${def.name} has no workflow`);
  const rows = scoped(db, dialect, actor, def, lang);

  /**
   * A system action is the effect of an action already authorised on another record that links
   * to this one (a batch closing scores its projects): the link, not the actor's scope, selects it.
   */
  async function findLinked(tx: Kysely<any>, id: number): Promise<ApiRow | undefined> {
    const row = await selectRowColumns(tx.selectFrom(def.table), def)
      .where('id', '=', id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    return row ? decodeRow(def, row) : undefined;
  }

  function inputErrors(action: ActionDef, input: Record<string, unknown>, row: ApiRow): void {
    const errors = action.validate?.(input, row) ?? [];
    if (errors.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        errors.map((e) => ({ path: e.path, code: 'INVALID_VALUE', message: e.message[lang] })),
      );
  }

  return {
    /**
     * Takes an action. `system` marks one taken as the effect of another record's action (only
     * `system` actions are taken that way, and people can take only the others).
     */
    async act(
      work: Work,
      id: number,
      actionName: string,
      input: Record<string, unknown>,
      version: number,
      opts: { system?: boolean } = {},
    ): Promise<ApiRow> {
      const tx = work.tx as unknown as Kysely<any>;
      const action = actionOf(workflow, actionName);
      if (!action || Boolean(action.system) !== Boolean(opts.system)) throw new AppError('ROUTE_NOT_FOUND');
      const permission = workflow.permissions[action.name]!;
      const before = action.system ? await findLinked(tx, id) : await rows.find(id, permission, tx);
      if (!before) throw new AppError('NOT_FOUND', { entity: def.label[lang] });
      if (before.version !== version)
        throw new AppError('CONFLICT_STALE_VERSION', {}, [], { currentVersion: before.version });
      const state = before[workflow.field] as string;
      const params = { action: action.label[lang], state: enumLabel(workflow.states, state, lang) };
      if (!action.from.includes(state)) throw new AppError('INVALID_TRANSITION', params, [], { state });
      const refusal = action.guard?.(before);
      if (refusal) throw new AppError('ACTION_NOT_APPLICABLE', { ...params, reason: refusal[lang] });
      inputErrors(action, input, before);
      const to = targetOf(action, input);
      const dated = input.date ?? (action.dateFrom ? input[action.dateFrom] : undefined);
      const on = typeof dated === 'string' ? dated : today();
      const hook = hookOf(def.name, action.name);
      const hooked = hook
        ? await hook({
            work,
            tx,
            dialect,
            actor,
            lang,
            row: before,
            input,
            on,
            refuse: (reason) => new AppError('ACTION_NOT_APPLICABLE', { ...params, reason: reason[lang] }),
            actOn: (target, targetId, name, targetInput, targetVersion) =>
              workflowRepo(db, dialect, actor, target, lang).act(
                work,
                targetId,
                name,
                targetInput,
                targetVersion,
                { system: true },
              ),
          })
        : {};
      const effects = { ...(action.effects?.(input, before, on) ?? {}), ...hooked };
      const result = await tx
        .updateTable(def.table)
        .set({
          ...encodeFields(def, { ...effects, [workflow.field]: to }, work.dialect),
          updatedBy: actor.userId,
          updatedAt: nowIso(),
          version: version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('CONFLICT_STALE_VERSION');
      await tx
        .insertInto('workflowEvent')
        .values({
          entity: def.name,
          rowId: id,
          action: action.name,
          fromState: state,
          toState: to,
          input: JSON.stringify(input),
          onDate: on,
          actorId: actor.userId,
          at: nowIso(),
        })
        .execute();
      const after = (
        action.system ? await findLinked(tx, id) : await rows.find(id, permission, tx)
      ) as ApiRow;
      work.audit({
        action: `${def.name}.${action.name}`,
        entity: def.name,
        entityId: id,
        orgId: before.orgId,
        diff: { ...diffOf(before, after), input },
      });
      return after;
    },

    /** The record's timeline, oldest first (the caller has checked the record is visible). */
    async timeline(id: number): Promise<WorkflowEvent[]> {
      const events = await db
        .selectFrom('workflowEvent as e')
        .leftJoin('userAccount as u', 'u.id', 'e.actorId')
        .select([
          'e.id',
          'e.action',
          'e.fromState',
          'e.toState',
          'e.input',
          'e.onDate',
          'e.actorId',
          'u.name as actorName',
          'e.at',
        ])
        .where('e.entity', '=', def.name)
        .where('e.rowId', '=', id)
        .orderBy('e.id')
        .execute();
      return events.map((e) => ({
        ...e,
        id: Number(e.id),
        actorId: e.actorId === null ? null : Number(e.actorId),
        input: typeof e.input === 'string' ? JSON.parse(e.input) : (e.input ?? {}),
      }));
    },
  };
}
