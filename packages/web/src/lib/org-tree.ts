import type { Org } from '../api/types';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

/**
 * Nests the flat `/orgs` list. Roots are the orgs whose parent is not in the list (a county user
 * sees their bureau as the root). `keep` drops orgs, and with them their subtrees.
 */
export function buildOrgTree(orgs: readonly Org[], keep: (org: Org) => boolean = () => true): OrgNode[] {
  const kept = orgs.filter(keep);
  const byParent = new Map<number | null, Org[]>();
  const ids = new Set(kept.map((o) => o.id));
  for (const org of kept) {
    const parent = org.parentId !== null && ids.has(org.parentId) ? org.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), org]);
  }
  const nodesOf = (parent: number | null): OrgNode[] =>
    (byParent.get(parent) ?? []).map((org) => ({ org, children: nodesOf(org.id) }));
  return nodesOf(null);
}

export const orgNameMap = (orgs: readonly Org[] | undefined): Map<number, Org> =>
  new Map((orgs ?? []).map((o) => [o.id, o]));
