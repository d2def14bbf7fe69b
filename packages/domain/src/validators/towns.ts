import data from '../data/huaihua-towns.json' with { type: 'json' };

/** DOMAIN.md §3.1 `town.kind`: 镇 / 乡 / 街道. */
export type TownKind = 'town' | 'township' | 'subdistrict';
/** DOMAIN.md §3.1 `village.kind`: 村 / 社区. */
export type VillageKind = 'village' | 'community';

export interface Town {
  code: string;
  name: string;
  kind: TownKind;
  countyCode: string;
}

/** Every 乡级 unit of 怀化市's county-level divisions, NBS 2023 (see data/README.md). */
export const HUAIHUA_TOWNS: readonly Town[] = data as Town[];

// NBS 统计用区划代码编制规则. DOMAIN.md §6.4 names only 001–399; NBS also issues 400–599 for 类似乡级
// (开发区, 农场, 林场) and 类似村级 units, which are real codes and so are accepted, as 'other'.
const TOWN_SEGMENTS: readonly (readonly [number, number, TownKind | 'other'])[] = [
  [1, 99, 'subdistrict'],
  [100, 199, 'town'],
  [200, 399, 'township'],
  [400, 599, 'other'],
];
const VILLAGE_SEGMENTS: readonly (readonly [number, number, VillageKind | 'other'])[] = [
  [1, 199, 'community'],
  [200, 399, 'village'],
  [400, 599, 'other'],
];

const segmentKind = <K>(segment: string, table: readonly (readonly [number, number, K])[]): K | undefined => {
  if (!/^\d{3}$/.test(segment)) return undefined;
  const n = Number(segment);
  return table.find(([from, to]) => n >= from && n <= to)?.[2];
};

/** Kind of a 9- or 12-digit code's town part (digits 7–9); undefined when the part is not a valid one. */
export const townKind = (code: string): TownKind | 'other' | undefined =>
  code.length >= 9 ? segmentKind(code.slice(6, 9), TOWN_SEGMENTS) : undefined;

/** Kind of a 12-digit code's village part (digits 10–12); undefined when the part is not a valid one. */
export const villageKind = (code: string): VillageKind | 'other' | undefined =>
  code.length === 12 ? segmentKind(code.slice(9, 12), VILLAGE_SEGMENTS) : undefined;
