import type { Generated, Kysely, Transaction } from 'kysely';

/**
 * Typed core tables. Instants are ISO-8601 strings on both dialects (TEXT on SQLite, timestamptz on
 * PostgreSQL read back through a type parser); flags are 0/1 integers; JSON is text. Business
 * entity tables are reached through their definitions instead (see entity-repo.ts).
 */
export interface OrgTable {
  id: Generated<number>;
  parentId: number | null;
  kind: string;
  fullName: string;
  shortName: string;
  divisionCode: string | null;
  path: string;
  depth: number;
  docPrefix: string | null;
  address: string | null;
  phone: string | null;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  disabledAt: string | null;
}

export interface TownTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  countyCode: string;
}

export interface RoleTable {
  id: Generated<number>;
  code: string;
  name: string;
  nameEn: string;
  scope: string;
  readScope: string | null;
  /** JSON array of permission keys. */
  permissions: string;
  isSystem: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface UserAccountTable {
  id: Generated<number>;
  username: string;
  name: string;
  orgId: number;
  sectionId: number | null;
  position: string | null;
  phone: string | null;
  passwordHash: string;
  status: string;
  mustChangePassword: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  lastLoginAt: string | null;
}

export interface UserRoleTable {
  userId: number;
  roleId: number;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  userId: number;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  outcome: 'pending' | 'failed' | 'success' | 'throttled' | 'cleared';
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string;
  orgId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** Canonical JSON of the before/after diff, stored as text so the hash input is exact. */
  diff: string;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  entity: string | null;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  orgId: number;
  createdBy: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  total: number | null;
  processed: number;
  /** JSON: the job's options (mode, key, file name …). */
  params: string;
  /** JSON: outcome, counts and row errors. */
  result: string | null;
  /** The uploaded file, kept until the job finishes so any node can run it. */
  file: Uint8Array | null;
  /** Times the job has been started; a crash interrupts a run, a restart starts the next. */
  attempts: Generated<number>;
}

/** One action taken on a record with a lifecycle: the timeline of its detail page. */
export interface WorkflowEventTable {
  id: Generated<number>;
  entity: string;
  rowId: number;
  action: string;
  fromState: string;
  toState: string;
  /** JSON: the action's validated input. */
  input: string | null;
  onDate: string;
  actorId: number | null;
  at: string;
}

/** Installation-wide facts, e.g. `demo` = '1' when the demo data was loaded. */
export interface AppSettingTable {
  key: string;
  value: string;
}

/** A document attached to a business row; its bytes live once per checksum in `attachment_blob`. */
export interface AttachmentTable {
  id: Generated<number>;
  entity: string;
  rowId: number;
  orgId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdBy: number | null;
  createdAt: string;
  deletedAt: string | null;
  deletedBy: number | null;
}

export interface AttachmentBlobTable {
  sha256: string;
  bytes: Uint8Array;
}

/** An entry of a managed list (项目类别 …); `active` 0 means retired: kept for old rows, not offered. */
export interface DictEntryTable {
  id: Generated<number>;
  dict: string;
  code: string;
  labelZh: string;
  labelEn: string;
  sortOrder: number;
  active: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CoreDB {
  dictEntry: DictEntryTable;
  attachment: AttachmentTable;
  attachmentBlob: AttachmentBlobTable;
  appSetting: AppSettingTable;
  org: OrgTable;
  town: TownTable;
  role: RoleTable;
  userAccount: UserAccountTable;
  userRole: UserRoleTable;
  session: SessionTable;
  apiToken: ApiTokenTable;
  loginAttempt: LoginAttemptTable;
  auditLog: AuditLogTable;
  job: JobTable;
  workflowEvent: WorkflowEventTable;
}

export type Dialect = 'sqlite' | 'postgres';
export type DB = Kysely<CoreDB>;
export type Tx = Transaction<CoreDB>;
export type Executor = DB | Tx;
