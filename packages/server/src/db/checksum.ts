import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

export interface TableChecksum {
  table: string;
  rows: number;
  sha256: string;
}

const BATCH = 5000;

/** One value in a form both drivers agree on across a backup and restore of the same dialect. */
function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/**
 * Row count and SHA-256 of every table's content, rows in the order of all their columns: two
 * databases with the same checksums hold the same data (how a restored backup is verified).
 */
export async function tableChecksums(db: Kysely<any>): Promise<TableChecksum[]> {
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: true }))
    .map((t) => ({ name: t.name, columns: t.columns.length }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const sums: TableChecksum[] = [];
  for (const table of tables) {
    const hash = createHash('sha256');
    const order = sql.raw(Array.from({ length: table.columns }, (_, i) => String(i + 1)).join(', '));
    let rows = 0;
    for (;;) {
      const { rows: batch } = await sql<Record<string, unknown>>`
        select * from ${sql.table(table.name)} order by ${order} limit ${BATCH} offset ${rows}`.execute(db);
      for (const row of batch) hash.update(`${JSON.stringify(Object.values(row).map(canonical))}\n`);
      rows += batch.length;
      if (batch.length < BATCH) break;
    }
    sums.push({ table: table.name, rows, sha256: hash.digest('hex') });
  }
  return sums;
}
