import { divisionLevel, divisionName, parentDivision, type OrgKind } from '@kjj/domain';
import { nowIso } from '../db/dialect.js';
import type { Executor } from '../db/types.js';

/** Typical sections of a bureau (DOMAIN §1.1); a city bureau's are 科, a county's 股. */
const SECTIONS = [
  '办公室',
  '计划项目{u}',
  '高新技术与成果{u}',
  '农村科技{u}',
  '知识产权{u}',
  '科普与政策法规{u}',
  '防震减灾办公室',
];

const bureauName = (code: string): { full: string; short: string; kind: OrgKind } => {
  const name = divisionName(code) ?? code;
  const level = divisionLevel(code);
  if (level === 'province')
    return {
      full: `${name.replace(/省$/, '')}省科学技术厅`,
      short: `${name.replace(/省$/, '')}省科技厅`,
      kind: 'province_dept',
    };
  if (level === 'zone') return { full: name, short: name, kind: 'zone' };
  return {
    full: `${name}科学技术局`,
    short: `${name}科技局`,
    kind: level === 'city' ? 'city_bureau' : 'county_bureau',
  };
};

/** 发文机关代字: the first character of the place name + 科发 (辰溪县 → 辰科发). */
const docPrefixOf = (code: string): string | null => {
  const name = divisionName(code);
  if (!name || divisionLevel(code) === 'zone') return null;
  return `${divisionLevel(code) === 'province' ? '湘' : name.charAt(0)}科发`;
};

export interface OrgRef {
  id: number;
  path: string;
  divisionCode: string | null;
}

/** Creates the org for a division (and its ancestors) if missing; returns it. */
export async function ensureBureau(db: Executor, code: string): Promise<OrgRef> {
  const existing = await db
    .selectFrom('org')
    .select(['id', 'path', 'divisionCode'])
    .where('divisionCode', '=', code)
    .executeTakeFirst();
  if (existing) return existing;
  const parentCode = parentDivision(code);
  const parent = parentCode ? await ensureBureau(db, parentCode) : undefined;
  const { full, short, kind } = bureauName(code);
  const path = `${parent?.path ?? '/'}${code}/`;
  const now = nowIso();
  const row = await db
    .insertInto('org')
    .values({
      parentId: parent?.id ?? null,
      kind,
      fullName: full,
      shortName: short,
      divisionCode: code,
      path,
      depth: path.split('/').length - 2,
      docPrefix: docPrefixOf(code),
      address: null,
      phone: null,
      sortOrder: Number(code.slice(-4)),
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (kind === 'city_bureau' || kind === 'county_bureau')
    await addSections(db, { id: row.id, path, divisionCode: code }, kind === 'city_bureau' ? '科' : '股');
  return { id: row.id, path, divisionCode: code };
}

async function addSections(db: Executor, bureau: OrgRef, unit: string): Promise<void> {
  for (const [i, template] of SECTIONS.entries()) {
    const name = template.replace('{u}', unit);
    const now = nowIso();
    const row = await db
      .insertInto('org')
      .values({
        parentId: bureau.id,
        kind: 'section',
        fullName: name,
        shortName: name,
        divisionCode: null,
        path: `${bureau.path}~${i}/`,
        depth: bureau.path.split('/').length - 1,
        docPrefix: null,
        address: null,
        phone: null,
        sortOrder: i,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('org')
      .set({ path: `${bureau.path}s${row.id}/` })
      .where('id', '=', row.id)
      .execute();
  }
}

/** A division and, for a city, every county-level division under it. */
export async function seedOrgTree(db: Executor, code: string, children: string[]): Promise<OrgRef[]> {
  const top = await ensureBureau(db, code);
  const below: OrgRef[] = [];
  for (const child of children) below.push(await ensureBureau(db, child));
  return [top, ...below];
}

export const sectionByName = (db: Executor, bureauId: number, name: string) =>
  db
    .selectFrom('org')
    .select(['id'])
    .where('parentId', '=', bureauId)
    .where('fullName', '=', name)
    .executeTakeFirstOrThrow();
