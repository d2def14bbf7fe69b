import type { EntityDef } from '@kjj/domain';
import type { RefLookups, RefNames } from '../documents/excel-cells.js';
import { dictEntries } from '../db/dicts.js';
import type { DB } from '../db/types.js';

/**
 * Names for the reference fields of a definition. Towns are limited to the divisions under the
 * given division code (a county's own towns), so a name like 城关镇 resolves unambiguously.
 */
export async function refLookups(db: DB, def: EntityDef, divisionCode: string | null): Promise<RefLookups> {
  const lookups: RefLookups = { names: {}, dicts: {} };
  const fields = Object.values(def.fields);
  if (fields.some((f) => f.kind === 'ref' && f.target === 'town'))
    lookups.names.town = await townNames(db, divisionCode);
  for (const field of fields)
    if (field.kind === 'dict') lookups.dicts[field.dict] ??= await dictEntries(db, field.dict);
  return lookups;
}

export async function townNames(db: DB, divisionCode: string | null): Promise<RefNames> {
  let q = db.selectFrom('town').select(['id', 'name']);
  const prefix = divisionPrefix(divisionCode);
  if (prefix) q = q.where('countyCode', '>=', prefix).where('countyCode', '<', `${prefix}~`);
  const rows = await q.orderBy('code').execute();
  return { byId: new Map(rows.map((r) => [r.id, r.name])), byName: new Map(rows.map((r) => [r.name, r.id])) };
}

/** 431223 → '431223'; 431200 → '4312'; 430000 → '43'; none → every division. */
function divisionPrefix(code: string | null): string {
  if (!code) return '';
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
