import {
  divisionCodes,
  divisionLevel,
  divisionName,
  orgCodeCheckChar,
  parentDivision,
  prng,
  USCC_CHARS,
  usccCheckChar,
} from '@kjj/domain';
import { connect, migrateToLatest, type Database } from '@kjj/server';
import { sql, type Kysely } from 'kysely';

const BRANDS =
  '汉清 橘海 启迪 长兴 丹山 华瑞 金穗 绿源 鑫达 恒通 宏远 新农 天成 博雅 瑞丰 兴旺 锦江 沅水 辰龙 楚湘 五溪 山谷 明德 创新 德润 嘉禾 远航 光明 万通 正大 富民 永安 东方 南山 北辰 西岭 中天 海川 青松 翠竹'.split(
    ' ',
  );
const TRADES =
  '农业科技 生态农业 柑橘种植 茶业 中药材 生猪养殖 水产养殖 油茶开发 新材料 机械制造 电子科技 食品 竹木制品 新型建材 精细化工 医药 信息技术 软件 网络科技 检测技术 科技服务 工程技术 农资贸易 电子商务 水电开发 新能源'.split(
    ' ',
  );
const INDUSTRIES = ['A', 'A', 'C', 'C', 'C', 'C', 'I', 'M', 'F', 'D'];
const KINDS = ['llc', 'llc', 'llc', 'llc', 'joint_stock', 'cooperative', 'individual', 'other'];

export interface BenchOrgs {
  counties: { id: number; code: string; name: string; path: string }[];
  byCode: Map<string, { id: number; path: string }>;
}

/** The national division tree (provinces → cities → counties): about 3,200 orgs. */
export async function createOrgTree(db: Kysely<any>): Promise<BenchOrgs> {
  const codes = divisionCodes()
    .filter((c) => divisionLevel(c) !== undefined)
    .sort();
  const byCode = new Map<string, { id: number; path: string }>();
  const counties: BenchOrgs['counties'] = [];
  const now = new Date().toISOString();
  for (const level of ['province', 'city', 'county', 'zone'] as const) {
    for (const code of codes.filter((c) => divisionLevel(c) === level)) {
      const parentCode = parentDivision(code);
      const parent = parentCode ? byCode.get(parentCode) : undefined;
      if (parentCode && !parent) continue;
      const path = `${parent?.path ?? '/'}${code}/`;
      const name = divisionName(code) ?? code;
      const kind =
        level === 'province'
          ? 'province_dept'
          : level === 'city'
            ? 'city_bureau'
            : level === 'zone'
              ? 'zone'
              : 'county_bureau';
      const row = await db
        .insertInto('org')
        .values({
          parentId: parent?.id ?? null,
          kind,
          fullName: `${name}科学技术局`,
          shortName: `${name}科技局`,
          divisionCode: code,
          path,
          depth: path.split('/').length - 2,
          sortOrder: 0,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      byCode.set(code, { id: Number(row.id), path });
      if (level === 'county') counties.push({ id: Number(row.id), code, name, path });
    }
  }
  return { counties, byCode };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/** Serial number written with the 31 characters a credit code may use, so codes never collide. */
function serialCode(serial: number, width: number): string {
  let s = '';
  for (let n = serial; s.length < width; n = Math.floor(n / USCC_CHARS.length))
    s = USCC_CHARS.charAt(n % USCC_CHARS.length) + s;
  return s;
}

function uscc(region: string, serial: number): string {
  const orgCode = `MA${serialCode(serial, 6)}`;
  const first17 = `91${region}${orgCode}${orgCodeCheckChar(orgCode)}`;
  return first17 + usccCheckChar(first17);
}

/** One enterprise row in storage shape (what the framework would have written). */
export function enterpriseRow(
  rand: () => number,
  county: BenchOrgs['counties'][number],
  serial: number,
  dialect: 'sqlite' | 'postgres',
) {
  const name = `${county.name}${pick(rand, BRANDS)}${pick(rand, TRADES)}${serial.toString(36)}有限公司`;
  const code = uscc(county.code, serial);
  const address = `${county.name}${pick(rand, ['工业园', '新区', '老街', '大道'])}${1 + Math.floor(rand() * 500)}号`;
  const updated = new Date(Date.UTC(2020, 0, 1) + Math.floor(rand() * 5 * 365 * 86_400_000)).toISOString();
  const bool = (p: number) => (dialect === 'sqlite' ? (rand() < p ? 1 : 0) : rand() < p);
  return {
    orgId: county.id,
    sectionId: null,
    createdBy: null,
    createdAt: updated,
    updatedBy: null,
    updatedAt: updated,
    version: 1,
    overrides: '{}',
    searchText: `${name}\n${code}\n${address}`.toLowerCase(),
    name,
    uscc: code,
    kind: pick(rand, KINDS),
    industry: pick(rand, INDUSTRIES),
    established: `${2000 + Math.floor(rand() * 24)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    registeredCapitalFen: (50 + Math.floor(rand() * 5000)) * 1_000_000,
    legalRep: `${pick(rand, ['张', '王', '李', '刘', '陈'])}某某`,
    townId: null,
    address,
    park: null,
    contacts: '[]',
    tags: JSON.stringify([pick(rand, ['农业', '制造', '高企培育', '出口', '专精特新'])]),
    isHte: bool(0.1),
    isTsme: bool(0.25),
    isAboveScale: bool(0.15),
    note: null,
  };
}

/** Loads `rows` enterprises spread over every county, in large batches, then refreshes statistics. */
export async function loadEnterprises(
  database: Database,
  orgs: BenchOrgs,
  rows: number,
  log: (s: string) => void,
): Promise<void> {
  const db = database.db as unknown as Kysely<any>;
  const rand = prng(20261123);
  // Uneven on purpose: a few counties are much bigger, as in life.
  const weights = orgs.counties.map(() => 0.2 + rand() ** 4 * 5);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = weights.map(
    (
      (sum) => (w: number) =>
        (sum += w / total)
    )(0),
  );
  const countyAt = (x: number) =>
    orgs.counties[
      Math.min(
        cumulative.findIndex((c) => c >= x),
        orgs.counties.length - 1,
      )
    ] ?? orgs.counties[0]!;
  const batch = database.dialect === 'sqlite' ? 5000 : 2000;
  const started = Date.now();
  for (let done = 0; done < rows; done += batch) {
    const chunk = Array.from({ length: Math.min(batch, rows - done) }, (_, i) =>
      enterpriseRow(rand, countyAt(rand()), done + i + 1, database.dialect),
    );
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < chunk.length; i += 500)
        await tx
          .insertInto('enterprise')
          .values(chunk.slice(i, i + 500))
          .execute();
    });
    if ((done / batch) % 40 === 0)
      log(`  ${done + chunk.length} rows (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await sql`analyze`.execute(db);
}

export async function openFresh(url: string): Promise<Database> {
  const database = connect(url, { poolSize: 4 });
  await migrateToLatest(database.db);
  return database;
}
