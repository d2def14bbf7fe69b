import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { AppError, checkReport, ENTITIES, passwordProblems } from '@kjj/domain';
import { systemActor, type Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { loadActor } from '../auth/sessions.js';
import { verifyAuditChain } from '../audit/chain.js';
import type { Config } from '../config.js';
import { checkUpload } from '../crud/upload-check.js';
import { importJobHandler, type ImportParams, type ImportResult } from '../crud/import-job.js';
import { tableChecksums } from '../db/checksum.js';
import { connect, type Database } from '../db/connect.js';
import { nowIso } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrate.js';
import { inTransaction } from '../db/unit-of-work.js';
import { isDemo, seedBase, seedDemo, seedDivision, isEmpty } from '../demo/seed.js';
import { ensureBureau } from '../demo/org-tree.js';
import { docxToPdf } from '../documents/pdf.js';
import { reportDocx } from '../documents/report-docx.js';
import type { JobRow } from '../jobs/runner.js';
import { annualReport, reportOrgFor } from '../reports/facts.js';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export type Options = Record<string, string | boolean | undefined>;

const need = (opts: Options, name: string): string => {
  const v = opts[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
};

export class UsageError extends Error {}

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = connect(config.databaseUrl, { poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function migrate(config: Config, _opts: Options, io: Io): Promise<number> {
  return withDatabase(config, async ({ db, dialect }) => {
    await seedBase(db, dialect);
    io.out('schema is up to date; default roles present');
    return 0;
  });
}

/** `seed --demo` (empty database only) or `seed --division 431200` (org tree, sections, towns). */
export async function seed(config: Config, opts: Options, io: Io): Promise<number> {
  return withDatabase(config, async ({ db, dialect }) => {
    if (opts.demo) {
      if (!(await isEmpty(db))) throw new UsageError('the demo can only be loaded into an empty database');
      await seedDemo(db, dialect);
      io.out('demo data loaded (怀化市 and its counties, demo accounts, enterprises)');
      return 0;
    }
    const division = need(opts, 'division');
    if (!/^\d{6}$/.test(division)) throw new UsageError('--division takes a 6-digit GB/T 2260 code');
    await seedBase(db, dialect);
    await seedDivision(db, dialect, division);
    io.out(`org tree for ${division} is present`);
    return 0;
  });
}

/** The first administrator of a real installation (no default passwords outside demo mode). */
export async function userCreate(config: Config, opts: Options, io: Io): Promise<number> {
  const username = need(opts, 'username');
  const password = typeof opts.password === 'string' ? opts.password : (process.env.KJJ_NEW_PASSWORD ?? '');
  if (!password)
    throw new UsageError('give the password with --password or the KJJ_NEW_PASSWORD environment variable');
  return withDatabase(config, async ({ db, dialect }) => {
    const demo = await isDemo(db);
    const problems = demo ? [] : passwordProblems(password, username);
    if (problems.length > 0)
      throw new UsageError(`password rejected: ${problems.map((p) => p.en).join('; ')}`);
    const division = need(opts, 'org');
    const roleCode = typeof opts.role === 'string' ? opts.role : 'sys_admin';
    const role = await db.selectFrom('role').select('id').where('code', '=', roleCode).executeTakeFirst();
    if (!role) throw new UsageError(`no role ${roleCode}`);
    if (await db.selectFrom('userAccount').select('id').where('username', '=', username).executeTakeFirst())
      throw new UsageError(`user ${username} exists`);
    const passwordHash = await hashPassword(password);
    await inTransaction(
      db,
      dialect,
      { actor: systemActor('cli'), requestId: null, ip: null },
      async ({ tx, audit }) => {
        const org = await ensureBureau(tx, division);
        const now = nowIso();
        const user = await tx
          .insertInto('userAccount')
          .values({
            username,
            name: typeof opts.name === 'string' ? opts.name : username,
            orgId: org.id,
            sectionId: null,
            position: null,
            phone: null,
            passwordHash,
            status: 'active',
            mustChangePassword: 0,
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.insertInto('userRole').values({ userId: user.id, roleId: role.id }).execute();
        audit({
          action: 'user.create',
          entity: 'user',
          entityId: user.id,
          orgId: org.id,
          diff: { after: { username, role: roleCode } },
        });
      },
    );
    io.out(`user ${username} created with role ${roleCode}`);
    return 0;
  });
}

/** The account a command acts as (`--as`): an active user, with their roles and data scope. */
async function actorByUsername(db: Database['db'], username: string): Promise<Actor> {
  const user = await db
    .selectFrom('userAccount')
    .select(['id'])
    .where('username', '=', username)
    .executeTakeFirst();
  const actor = user ? await loadActor(db, user.id, 'session') : undefined;
  if (!actor) throw new UsageError('--as must name an active user');
  return actor;
}

/** Imports an Excel file as a given user, with the same rules and audit as the web import. */
export async function importFile(config: Config, opts: Options, io: Io): Promise<number> {
  const plural = need(opts, 'entity');
  const def = ENTITIES.find((e) => e.plural === plural || e.name === plural);
  if (!def) throw new UsageError(`no entity ${plural}; known: ${ENTITIES.map((e) => e.plural).join(', ')}`);
  const path = need(opts, 'file');
  const bytes = readFileSync(path);
  checkUpload(basename(path), bytes, 'en');
  return withDatabase(config, async ({ db, dialect }) => {
    const actor = await actorByUsername(db, need(opts, 'as'));
    if (!actor.roles.some((r) => r.permissions.includes(def.permissions.import)))
      throw new UsageError(`${actor.username} may not import ${def.plural}`);
    const params: ImportParams = {
      entity: def.name,
      mode: opts.mode === 'valid_rows_only' ? 'valid_rows_only' : 'all_or_nothing',
      key: opts.key === 'upsert' ? 'upsert' : 'create',
      fileName: basename(path),
      orgId: actor.orgId,
      sectionId: actor.sectionId,
      lang: 'zh',
    };
    const job: JobRow = {
      id: 0,
      kind: 'import',
      entity: def.name,
      status: 'running',
      orgId: actor.orgId,
      createdBy: actor.userId ?? 0,
      createdAt: nowIso(),
      startedAt: nowIso(),
      finishedAt: null,
      total: null,
      processed: 0,
      params: JSON.stringify(params),
      result: null,
      file: bytes,
      attempts: 1,
    };
    // Run in this process, not as a queued job: there is no job row whose outcome to record.
    const result = (await importJobHandler({ db, dialect, entities: ENTITIES })(job, {
      report: async () => {},
      succeedIn: async () => {},
    })) as ImportResult;
    for (const e of result.errors)
      io.err(`row ${e.row}${e.column ? ` column ${e.column}` : ''}: ${e.message}`);
    io.out(
      `${result.status}: ${result.totalRows} rows, ${result.created} created, ${result.updated} updated, ${result.errors.length} errors`,
    );
    return result.status === 'rejected' ? 1 : 0;
  });
}

export async function auditVerify(config: Config, _opts: Options, io: Io): Promise<number> {
  return withDatabase(config, async ({ db }) => {
    const result = await verifyAuditChain(db);
    if (result.ok) {
      io.out(`audit chain intact: ${result.checked} entries verified`);
      return 0;
    }
    io.err(
      `audit chain BROKEN at entry #${result.brokenAt?.seq} (${result.brokenAt?.reason}); ${result.checked} entries before it verified`,
    );
    return 2;
  });
}

/** Runs a PostgreSQL client tool (pg_dump, pg_restore), failing with its own message. */
async function pgTool(tool: string, args: string[]): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    execFile(tool, args, { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(
        new UsageError(missing ? `${tool} is not installed (Debian: postgresql-client)` : stderr.trim()),
      );
    }),
  );
}

const sqliteFile = (url: string) => url.slice('sqlite:'.length);

/**
 * A consistent copy while the server keeps writing: SQLite's online backup API; on PostgreSQL
 * pg_dump, which reads one snapshot (custom format, for pg_restore).
 */
export async function backup(config: Config, opts: Options, io: Io): Promise<number> {
  const target = need(opts, 'out');
  if (existsSync(target)) throw new UsageError(`${target} exists; backups never overwrite a file`);
  if (config.databaseUrl.startsWith('postgres')) {
    await pgTool('pg_dump', ['--format=custom', `--file=${target}`, config.databaseUrl]);
  } else {
    const source = new SQLite(sqliteFile(config.databaseUrl), { fileMustExist: true, readonly: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
  }
  io.out(`backup written to ${target}`);
  return 0;
}

/**
 * Restores a backup into the empty database of KJJ_DATABASE_URL (a new SQLite file, or a new
 * PostgreSQL database); a database that already holds tables is refused, never overwritten.
 */
export async function restore(config: Config, opts: Options, io: Io): Promise<number> {
  const from = need(opts, 'from');
  if (!existsSync(from)) throw new UsageError(`${from} does not exist`);
  const database = connect(config.databaseUrl, { poolSize: 1 });
  try {
    const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true });
    if (tables.length > 0) throw new UsageError('the target database is not empty; restore into a new one');
  } finally {
    await database.close();
  }
  if (config.databaseUrl.startsWith('postgres')) {
    await pgTool('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${config.databaseUrl}`, from]);
  } else {
    const file = sqliteFile(config.databaseUrl);
    rmSync(file, { force: true });
    copyFileSync(from, file);
    const check = new SQLite(file, { fileMustExist: true });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok')
        throw new UsageError(`the restored file fails its integrity check: ${String(result)}`);
    } finally {
      check.close();
    }
  }
  const restored = connect(config.databaseUrl, { poolSize: 1 });
  try {
    const chain = await verifyAuditChain(restored.db);
    if (!chain.ok) throw new UsageError(`restored, but the audit chain is broken at #${chain.brokenAt?.seq}`);
    io.out(`restored ${from}; audit chain intact (${chain.checked} entries)`);
  } finally {
    await restored.close();
  }
  return 0;
}

/** Row count and SHA-256 per table: equal output means equal data (to compare a restore with its source). */
export async function checksum(config: Config, _opts: Options, io: Io): Promise<number> {
  const database = connect(config.databaseUrl, { poolSize: 1 });
  try {
    for (const t of await tableChecksums(database.db as unknown as Kysely<any>))
      io.out(`${t.table}\t${t.rows}\t${t.sha256}`);
  } finally {
    await database.close();
  }
  return 0;
}

const REPORT_FORMATS = ['docx', 'pdf', 'json'] as const;

/**
 * `report --org 431223 --year 2020 --format docx|pdf|json --out FILE [--cutoff D] [--as USERNAME]`:
 * the annual work report straight from the records. It reads as the system (every org) unless
 * `--as` names an account, whose data scope then applies as in the web.
 */
export async function report(config: Config, opts: Options, io: Io): Promise<number> {
  const division = need(opts, 'org');
  const year = Number(need(opts, 'year'));
  const out = need(opts, 'out');
  const format = (opts.format ?? 'docx') as (typeof REPORT_FORMATS)[number];
  if (!REPORT_FORMATS.includes(format)) throw new UsageError('--format takes docx, pdf or json');
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError('--year takes a year such as 2020');
  const cutoff = typeof opts.cutoff === 'string' ? opts.cutoff : undefined;
  if (cutoff !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(cutoff))
    throw new UsageError('--cutoff takes a date such as 2020-09-30');
  return withDatabase(config, async ({ db }) => {
    const found = await db
      .selectFrom('org')
      .select(['id', 'path'])
      .where('divisionCode', '=', division)
      .where('kind', '!=', 'section')
      .executeTakeFirst();
    if (!found) throw new UsageError(`no bureau with division code ${division}`);
    const actor =
      typeof opts.as === 'string'
        ? await actorByUsername(db, opts.as)
        : systemActor('cli:report', { id: Number(found.id), path: found.path });
    const org = await reportOrgFor(db as unknown as Kysely<any>, actor, Number(found.id), 'report:read');
    const model = await annualReport(db, actor, org, { year, cutoff });
    const findings = checkReport(model);
    const docx = format === 'json' ? undefined : await reportDocx(model);
    const body =
      format === 'json'
        ? JSON.stringify({ model, findings }, null, 2)
        : format === 'pdf'
          ? await docxToPdf(docx!)
          : docx!;
    writeFileSync(out, body);
    io.out(`${model.title}: written to ${out}`);
    for (const f of findings) io.err(`${f.severity} ${f.check}: ${f.message}`);
    return 0;
  });
}

export const COMMANDS: Record<
  string,
  { run: (config: Config, opts: Options, io: Io) => Promise<number>; help: string }
> = {
  migrate: { run: migrate, help: 'bring the schema up to date' },
  seed: { run: seed, help: 'seed --demo (empty database) | seed --division 431200' },
  'user:create': {
    run: userCreate,
    help: 'user:create --username U --org 431223 [--role sys_admin] [--name N] [--password P]',
  },
  import: {
    run: importFile,
    help: 'import --entity enterprises --file F.xlsx --as USERNAME [--mode valid_rows_only] [--key upsert]',
  },
  'audit:verify': { run: auditVerify, help: 'check the audit hash chain; names the first broken entry' },
  report: {
    run: report,
    help: 'report --org 431223 --year 2020 [--format docx|pdf|json] --out FILE [--cutoff 2020-09-30] [--as USERNAME]',
  },
  backup: {
    run: backup,
    help: 'backup --out FILE (a consistent copy while the server runs: SQLite online backup, pg_dump)',
  },
  restore: { run: restore, help: 'restore --from FILE into the empty database of KJJ_DATABASE_URL' },
  'db:checksum': { run: checksum, help: 'rows and SHA-256 per table (compare a restore with its source)' },
};

export const describeError = (error: unknown): string =>
  error instanceof UsageError
    ? error.message
    : error instanceof AppError
      ? `${error.code} ${JSON.stringify(error.params)}`
      : String((error as Error)?.message ?? error);
