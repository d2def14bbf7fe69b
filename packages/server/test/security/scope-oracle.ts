import { DEFAULT_ROLES, isReadPermission, parentDivision, widestScope, type DataScope } from '@kjj/domain';
import type { DemoAccount } from '../../src/demo/seed.js';

/** Where a row or an org sits: the bureau's division code and, optionally, a section name. */
export interface Placement {
  division: string;
  section: string | null;
  /** Username of the user the row is assigned to (entities with an assignee). */
  assignee?: string | null;
}

/**
 * An independent statement of DESIGN §3 in plain code (no SQL), from the default roles: the scope
 * an account has for a permission, or undefined when no role grants it.
 */
export function grantOf(account: DemoAccount, permission: string): DataScope | undefined {
  const role = DEFAULT_ROLES.find((r) => r.code === account.role);
  if (!role || !role.permissions.includes(permission)) return undefined;
  return isReadPermission(permission) && role.readScope
    ? widestScope([role.scope, role.readScope])
    : role.scope;
}

export function isWithin(division: string, ancestor: string): boolean {
  for (let d: string | undefined = division; d; d = parentDivision(d)) if (d === ancestor) return true;
  return false;
}

/** Rows seeded by the system (createdBy null): `self` covers only rows assigned to the account. */
export function covers(scope: DataScope | undefined, account: DemoAccount, row: Placement): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'org_and_below':
      return isWithin(row.division, account.division);
    case 'org':
      return row.division === account.division;
    case 'section':
      return row.division === account.division && row.section !== null && row.section === account.section;
    case 'self':
      return row.assignee !== undefined && row.assignee !== null && row.assignee === account.username;
    case undefined:
      return false;
  }
}
