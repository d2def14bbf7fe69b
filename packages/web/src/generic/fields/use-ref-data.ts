import type { EntityDef } from '@kjj/domain';
import { useOrgs, useTowns } from '../../api/orgs';

export interface RefOption {
  value: number;
  label: string;
}

/** Targets whose names the web can look up; other references show their id. */
const KNOWN_TARGETS = new Set(['town', 'org']);

export const refTargetsOf = (def: EntityDef): string[] =>
  [...new Set(Object.values(def.fields).flatMap((f) => (f.kind === 'ref' ? [f.target] : [])))].filter((t) =>
    KNOWN_TARGETS.has(t),
  );

/** Names and select options for the referenced tables of a definition (towns, orgs). */
export function useRefData(def: EntityDef) {
  const targets = refTargetsOf(def);
  const towns = useTowns(targets.includes('town'));
  const orgs = useOrgs();
  const options: Record<string, RefOption[]> = {
    town: (towns.data ?? []).map((x) => ({ value: x.id, label: x.name })),
    org: (orgs.data ?? []).map((x) => ({ value: x.id, label: x.shortName })),
  };
  const names = new Map(
    Object.entries(options).map(([target, opts]) => [target, new Map(opts.map((o) => [o.value, o.label]))]),
  );
  return {
    options: (target: string): RefOption[] => options[target] ?? [],
    nameOf: (target: string, id: number): string => names.get(target)?.get(id) ?? `#${id}`,
    orgs: orgs.data ?? [],
  };
}

export type RefData = ReturnType<typeof useRefData>;
