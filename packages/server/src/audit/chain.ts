import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { insertRows } from '../db/bulk-insert.js';
import type { AuditLogTable, DB, Dialect, Executor } from '../db/types.js';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** One audited event before it is chained. */
export interface AuditEntry {
  actorId: number | null;
  actorName: string;
  orgId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  diff: unknown;
  requestId: string | null;
  ip: string | null;
}

type ChainedRow = Omit<AuditLogTable, 'hash'>;

/**
 * The fields that are hashed, everything but the hash itself, as canonical JSON. Spelled out in
 * key order rather than built as an object and sorted, and fed to the hash in three parts so the
 * diff, the one long field, is not copied once more: it runs once per row an import writes.
 */
export function chainHash(prevHash: string, row: ChainedRow): string {
  return createHash('sha256')
    .update(prevHash)
    .update(
      `{"action":${canonicalJson(row.action)},"actorId":${canonicalJson(row.actorId)},` +
        `"actorName":${canonicalJson(row.actorName)},"at":${canonicalJson(row.at)},"diff":`,
    )
    .update(canonicalJson(row.diff))
    .update(
      `,"entity":${canonicalJson(row.entity)},"entityId":${canonicalJson(row.entityId)},` +
        `"ip":${canonicalJson(row.ip)},"orgId":${canonicalJson(row.orgId)},` +
        `"requestId":${canonicalJson(row.requestId)},"seq":${canonicalJson(row.seq)}}`,
    )
    .digest('hex');
}

// Any constant works; it only has to be the same for every writer of the chain.
const AUDIT_LOCK_KEY = 7_352_018;

/** The newest entry of the chain: what the next entry links to. */
export interface ChainHead {
  seq: number;
  hash: string;
}

const AUDIT_COLUMNS = [
  'seq',
  'at',
  'actorId',
  'actorName',
  'orgId',
  'action',
  'entity',
  'entityId',
  'diff',
  'requestId',
  'ip',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof AuditLogTable)[];

/**
 * Appends entries to the chain inside the caller's transaction and returns the new head. On
 * PostgreSQL a transaction-scoped advisory lock serialises appenders so two transactions never
 * chain onto the same predecessor; SQLite already serialises writers. Callers append last, just
 * before commit, to hold it briefly. A caller appending again in the same transaction passes the
 * head it got back: the lock is still held, so the chain cannot have moved (an import appends once
 * per chunk and saves two round trips each time).
 */
export async function appendAudit(
  tx: Executor,
  dialect: Dialect,
  entries: AuditEntry[],
  heldHead?: ChainHead,
): Promise<ChainHead | undefined> {
  if (entries.length === 0) return heldHead;
  let last = heldHead;
  if (!last) {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
    last = await tx
      .selectFrom('auditLog')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  }
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date().toISOString();
  const rows = entries.map((entry) => {
    seq += 1;
    const row: ChainedRow = {
      seq,
      at,
      actorId: entry.actorId,
      actorName: entry.actorName,
      orgId: entry.orgId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      diff: canonicalJson(entry.diff ?? {}),
      requestId: entry.requestId,
      ip: entry.ip,
      prevHash,
    };
    prevHash = chainHash(prevHash, row);
    const hash = prevHash;
    return AUDIT_COLUMNS.map((c) => (c === 'hash' ? hash : row[c]));
  });
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < rows.length; i += 500)
    await insertRows(tx as Kysely<any>, dialect, 'auditLog', AUDIT_COLUMNS, rows.slice(i, i + 500));
  return { seq, hash: prevHash };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first entry whose stored hash or link does not match. */
  brokenAt?: { seq: number; reason: 'hash_mismatch' | 'link_mismatch' | 'sequence_gap' };
}

/** Re-computes every hash in order, in pages, and names the first entry that fails. */
export async function verifyAuditChain(db: DB, pageSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const page = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (page.length === 0) return { ok: true, checked };
    for (const row of page) {
      if (row.seq !== expectedSeq)
        return { ok: false, checked, brokenAt: { seq: expectedSeq, reason: 'sequence_gap' } };
      if (row.prevHash !== prevHash)
        return { ok: false, checked, brokenAt: { seq: row.seq, reason: 'link_mismatch' } };
      if (chainHash(prevHash, row) !== row.hash)
        return { ok: false, checked, brokenAt: { seq: row.seq, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}
