import type { DataScope, FieldError, OrgKind } from '@kjj/domain';

/** Response shapes of the server (see /api/openapi.json); only what the web reads is typed. */

export interface Me {
  id: number;
  username: string;
  name: string;
  org: {
    id: number;
    name: string;
    shortName: string;
    kind: OrgKind;
    divisionCode: string | null;
    path: string;
  } | null;
  section: { id: number; name: string } | null;
  roles: { code: string; scope: DataScope; readScope: DataScope | null }[];
  permissions: string[];
  csrfToken: string | null;
}

export interface Org {
  id: number;
  parentId: number | null;
  kind: OrgKind;
  fullName: string;
  shortName: string;
  divisionCode: string | null;
  path: string;
  depth: number;
  docPrefix: string | null;
  address: string | null;
  phone: string | null;
  sortOrder: number;
  version: number;
  disabledAt: string | null;
}

export interface Town {
  id: number;
  name: string;
}

export interface Items<T> {
  items: T[];
}

export interface Page<T> extends Items<T> {
  nextCursor: string | null;
  total?: number;
  totalIsEstimate?: boolean;
}

/** Who confirmed a warning on a field, and why (DOMAIN §7). */
export interface OverrideStamp {
  code: string;
  reason: string;
  by: number;
  at: string;
}

/** A business row: meta columns plus the definition's fields. */
export interface EntityRow {
  id: number;
  orgId: number;
  sectionId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedBy: number | null;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
  overrides: Record<string, OverrideStamp>;
  [field: string]: unknown;
}

export interface AuditDiff {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export interface RecordAuditEntry {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  diff: AuditDiff;
  requestId: string | null;
}

export interface AuditEntry extends RecordAuditEntry {
  orgId: number | null;
  entity: string;
  entityId: string | null;
  ip: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt?: { seq: number; reason: string };
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

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
  appliedRows: number[];
  errors: RowIssue[];
  warnings: RowIssue[];
  error?: string;
}

export interface Job {
  id: number;
  kind: string;
  entity: string | null;
  status: JobStatus;
  total: number | null;
  processed: number;
  fileName?: string;
  result: ImportResult | null;
}

export type ImportMode = 'all_or_nothing' | 'valid_rows_only';
export type ImportKey = 'create' | 'upsert';

export interface User {
  id: number;
  username: string;
  name: string;
  orgId: number;
  sectionId: number | null;
  position: string | null;
  phone: string | null;
  status: 'active' | 'disabled';
  roleIds: number[];
  lastLoginAt: string | null;
  version: number;
}

export interface Role {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  scope: DataScope;
  readScope: DataScope | null;
  permissions: string[];
  isSystem: boolean;
  version: number;
}

export interface Permission {
  key: string;
  label: { zh: string; en: string };
  group: { zh: string; en: string };
}

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** application/problem+json (DESIGN §4). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
  errors?: FieldError[];
  /** CONFLICT_DUPLICATE against a deleted row: the row to restore instead. */
  restoreId?: number;
  retryAfterSeconds?: number;
}
