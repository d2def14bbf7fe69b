import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { appendAudit, type AuditEntry, type ChainHead } from '../audit/chain.js';
import { noteCommitted } from './fresh-cache.js';
import type { CoreDB, Dialect, Tx } from './types.js';

/** Who and where a change comes from, for the audit trail. */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
  ip: string | null;
}

export type AuditEvent = Pick<AuditEntry, 'action' | 'entity' | 'entityId' | 'diff'> & {
  orgId?: number | null;
};

export interface Work {
  tx: Tx;
  dialect: Dialect;
  ctx: RequestContext;
  audit: (event: AuditEvent) => void;
  /** Chains the audit entries recorded so far now, so a long write (an import) holds few in memory. */
  flushAudit: () => Promise<void>;
}

/**
 * One transaction whose audit entries commit with it: a write without its audit entry, or an
 * audit entry for a write that rolled back, cannot exist. After the commit, cached credentials
 * are dropped when the audit names a user, role, session or token.
 */
export async function inTransaction<T>(
  db: Kysely<CoreDB>,
  dialect: Dialect,
  ctx: RequestContext,
  fn: (work: Work) => Promise<T>,
): Promise<T> {
  const entities = new Set<string>();
  const result = await db.transaction().execute(async (tx) => {
    let pending: AuditEvent[] = [];
    let head: ChainHead | undefined;
    const flushAudit = async () => {
      const events = pending;
      pending = [];
      for (const e of events) entities.add(e.entity);
      head = await appendAudit(
        tx,
        dialect,
        events.map((e) => toEntry(ctx, e)),
        head,
      );
    };
    const value = await fn({ tx, dialect, ctx, audit: (e) => pending.push(e), flushAudit });
    await flushAudit();
    return value;
  });
  noteCommitted(entities);
  return result;
}

/** Audit without a business write (logins, exports, denied attempts) in its own short transaction. */
export async function auditOnly(
  db: Kysely<CoreDB>,
  dialect: Dialect,
  ctx: RequestContext,
  event: AuditEvent,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await appendAudit(tx, dialect, [toEntry(ctx, event)]);
  });
  noteCommitted([event.entity]);
}

function toEntry(ctx: RequestContext, e: AuditEvent): AuditEntry {
  return {
    actorId: ctx.actor.userId,
    actorName: ctx.actor.kind === 'system' ? ctx.actor.name : `${ctx.actor.name}（${ctx.actor.username}）`,
    orgId: e.orgId === undefined ? ctx.actor.orgId || null : e.orgId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    diff: e.diff,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}
