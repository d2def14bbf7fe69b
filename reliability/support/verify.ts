import { spawn } from 'node:child_process';
import { connect } from '@kjj/server';
import { sql, type Kysely } from 'kysely';
import { CLI_MAIN, inheritedEnv, ROOT } from '../../e2e/support/server-process.js';
import { MARK, type Ledger } from './ledger.js';

export interface Findings {
  /** Acknowledged writes missing or older than acknowledged. */
  lost: string[];
  /** Rows whose version and audit entries disagree, or import batches partly applied. */
  halfWritten: string[];
}

/**
 * Reads the database directly (the server is down) and compares it with what was acknowledged:
 * every acknowledged write present at its acknowledged version or later, every row of the harness
 * carrying exactly one audit entry per version, and no import batch partly applied.
 */
export async function checkAgainstLedger(url: string, ledger: Ledger): Promise<Findings> {
  const database = connect(url, { poolSize: 1 });
  const db = database.db as unknown as Kysely<any>;
  const lost: string[] = [];
  const halfWritten: string[] = [];
  try {
    for (const table of ['enterprise', 'project'] as const) {
      const column = table === 'enterprise' ? 'address' : 'status';
      const rows = await db
        .selectFrom(`${table} as t`)
        .select(['t.id', 't.name', 't.version', `t.${column} as value`])
        .select((eb) =>
          eb
            .selectFrom('auditLog as a')
            .select(eb.fn.countAll().as('n'))
            .where('a.entity', '=', table)
            .where('a.entityId', '=', sql<string>`cast(t.id as text)`)
            .as('audits'),
        )
        .where('t.name', 'like', `${MARK}%`)
        .execute();
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      for (const r of rows)
        if (Number(r.audits) !== Number(r.version))
          halfWritten.push(`${table} ${r.id}: version ${r.version} but ${r.audits} audit entries`);
      for (const [key, acked] of ledger.latest) {
        const [kind, id] = key.split(':');
        if (kind !== table) continue;
        const row = byId.get(Number(id));
        if (!row) lost.push(`${key} acknowledged at version ${acked.version} is missing`);
        else if (Number(row.version) < acked.version)
          lost.push(`${key} is at version ${row.version}, acknowledged ${acked.version}`);
        else if (Number(row.version) === acked.version && (row.value ?? '') !== acked.value)
          lost.push(`${key} version ${acked.version} holds ${row.value}, acknowledged ${acked.value}`);
      }
      if (table === 'enterprise')
        for (const [id, name] of ledger.created)
          if (byId.get(id)?.name !== name) lost.push(`enterprise ${id} (${name}) is missing`);
    }
    for (const batch of ledger.sentImports) {
      const found = await db
        .selectFrom('enterprise')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('name', 'like', `${batch.prefix}%`)
        .executeTakeFirstOrThrow();
      const n = Number(found.n);
      if (n !== 0 && n !== batch.rows) halfWritten.push(`import ${batch.prefix}: ${n} of ${batch.rows} rows`);
    }
  } finally {
    await database.close();
  }
  return { lost, halfWritten };
}

export interface CliRun {
  code: number | null;
  output: string;
  ms: number;
}

/** `npm run kjj -- <args>` against a database, without blocking the event loop (writers keep going). */
export function kjj(url: string, ...args: string[]): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], {
      cwd: ROOT,
      env: { ...inheritedEnv(), KJJ_DATABASE_URL: url },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.on('close', (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}

/** `npm run kjj -- audit:verify` against the database: true when the hash chain is intact. */
export async function auditChainIntact(url: string): Promise<{ ok: boolean; output: string }> {
  const run = await kjj(url, 'audit:verify');
  return { ok: run.code === 0, output: run.output };
}
