import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { withId } from './helpers.js';

/** Organisations, people, sessions, tokens, the audit chain and jobs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  const instant = sql.raw(t.instant);

  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('org'))
    .addColumn('parent_id', t.bigint, (c) => c.references('org.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text')
    .addColumn('path', sql.raw(t.path), (c) => c.notNull().unique())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('doc_prefix', 'text')
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('disabled_at', instant)
    .execute();
  await db.schema.createIndex('org_parent').on('org').column('parent_id').execute();
  // One current bureau per division code; sections have none.
  await db.schema
    .createIndex('org_division_code')
    .on('org')
    .column('division_code')
    .unique()
    .where(sql.ref('division_code'), 'is not', null)
    .execute();

  await withId(db, db.schema.createTable('town'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('town_county').on('town').columns(['county_code', 'code']).execute();

  await withId(db, db.schema.createTable('role'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('read_scope', 'text')
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('is_system', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db, db.schema.createTable('user_account'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_id', t.bigint, (c) => c.notNull().references('org.id'))
    .addColumn('section_id', t.bigint, (c) => c.references('org.id'))
    .addColumn('position', 'text')
    .addColumn('phone', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_login_at', instant)
    .execute();
  await db.schema.createIndex('user_account_org').on('user_account').columns(['org_id', 'id']).execute();

  await db.schema
    .createTable('user_role')
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('role_id', t.bigint, (c) => c.notNull().references('role.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role_id'])
    .execute();
  await db.schema.createIndex('user_role_role').on('user_role').column('role_id').execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('last_seen_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_user').on('session').column('user_id').execute();

  await withId(db, db.schema.createTable('api_token'))
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('last_used_at', instant)
    .addColumn('expires_at', instant)
    .addColumn('revoked_at', instant)
    .execute();
  await db.schema.createIndex('api_token_user').on('api_token').column('user_id').execute();

  await withId(db, db.schema.createTable('login_attempt'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempt_username')
    .on('login_attempt')
    .columns(['username', 'at'])
    .execute();
  await db.schema.createIndex('login_attempt_ip').on('login_attempt').columns(['ip', 'at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', t.bigint, (c) => c.primaryKey())
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('actor_id', t.bigint)
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('org_id', t.bigint)
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('diff', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity', 'entity_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_org').on('audit_log').columns(['org_id', 'seq']).execute();

  await withId(db, db.schema.createTable('job'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('org_id', t.bigint, (c) => c.notNull().references('org.id'))
    .addColumn('created_by', t.bigint, (c) => c.notNull().references('user_account.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('started_at', instant)
    .addColumn('finished_at', instant)
    .addColumn('total', 'integer')
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('file', sql.raw(t.blob))
    .execute();
  await db.schema.createIndex('job_status').on('job').columns(['status', 'id']).execute();
}
