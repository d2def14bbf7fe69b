import type { DictEntry, EntityDef, Lang } from '@kjj/domain';
import { useDicts } from '../../api/dicts';
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

/** Names and select options for the referenced tables of a definition (towns, orgs) and its managed lists. */
export function useRefData(def: EntityDef) {
  const targets = refTargetsOf(def);
  const towns = useTowns(targets.includes('town'));
  const orgs = useOrgs();
  const dicts = useDicts();
  const entriesOf = (dict: string): DictEntry[] => dicts.data?.find((d) => d.dict === dict)?.entries ?? [];
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
    /** Entries of a managed list, retired ones included (old rows still show their label). */
    entriesOf,
    dictLabel: (dict: string, code: string, lang: Lang): string =>
      entriesOf(dict).find((e) => e.code === code)?.label[lang] ?? code,
  };
}

export type RefData = ReturnType<typeof useRefData>;
