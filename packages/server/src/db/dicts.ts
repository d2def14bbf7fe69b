import {
  AppError,
  dictRegistry,
  ENTITIES,
  fieldEntries,
  type DictEntry,
  type EntityDef,
  type Lang,
} from '@kjj/domain';
import { nowIso } from './dialect.js';
import type { Executor } from './types.js';

/** The managed lists the definitions use. */
export const DICTS = dictRegistry(ENTITIES);

/**
 * Adds the seed entries an installation lacks (a new list, or a seed added in a new version);
 * entries an administrator renamed or retired are left as they are.
 */
export async function ensureDictEntries(db: Executor): Promise<number> {
  const existing = await db.selectFrom('dictEntry').select(['dict', 'code', 'labelZh']).execute();
  const taken = new Set(existing.flatMap((e) => [`${e.dict}:${e.code}`, `${e.dict}=${e.labelZh}`]));
  const now = nowIso();
  const missing = DICTS.flatMap(({ dict, seed }) =>
    seed.codes
      .filter((code) => !taken.has(`${dict}:${code}`) && !taken.has(`${dict}=${seed.labels[code]!.zh}`))
      .map((code) => ({
        dict,
        code,
        labelZh: seed.labels[code]!.zh,
        labelEn: seed.labels[code]!.en,
        sortOrder: (seed.codes.indexOf(code) + 1) * 10,
        active: 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })),
  );
  if (missing.length > 0) await db.insertInto('dictEntry').values(missing).execute();
  return missing.length;
}

/** The entries of every list (or of one), in display order. */
export async function dictEntries(db: Executor, dict?: string): Promise<(DictEntry & { dict: string })[]> {
  let q = db.selectFrom('dictEntry').selectAll();
  if (dict) q = q.where('dict', '=', dict);
  const rows = await q.orderBy('dict').orderBy('sortOrder').orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    dict: r.dict,
    code: r.code,
    label: { zh: r.labelZh, en: r.labelEn },
    sort: r.sortOrder,
    active: r.active === 1,
    version: r.version,
  }));
}

/**
 * A dict field takes an entry of its list that is still in use; a row keeps a retired entry it
 * already had (only `changed` values are checked).
 */
export async function assertDictValues(
  db: Executor,
  def: EntityDef,
  changed: Record<string, unknown>,
  lang: Lang,
): Promise<void> {
  for (const [name, field] of fieldEntries(def)) {
    const code = changed[name];
    if (field.kind !== 'dict' || typeof code !== 'string') continue;
    const entry = await db
      .selectFrom('dictEntry')
      .select('active')
      .where('dict', '=', field.dict)
      .where('code', '=', code)
      .executeTakeFirst();
    if (entry?.active === 1) continue;
    const options = (await dictEntries(db, field.dict)).filter((e) => e.active).map((e) => e.label[lang]);
    const label = field.label[lang];
    throw new AppError('VALIDATION_FAILED', {}, [
      {
        path: name,
        code: entry ? 'DICT_ENTRY_RETIRED' : 'INVALID_VALUE',
        message:
          lang === 'zh'
            ? `${label}的取值${entry ? '已停用' : '无效'}，可选：${options.join('、')}`
            : `${label} ${entry ? 'is retired' : 'is not an option'}; options: ${options.join(', ')}`,
      },
    ]);
  }
}
