import {
  divisionCodes,
  divisionLevel,
  divisionName,
  composeUscc,
  parentDivision,
  prng,
  USCC_CHARS,
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

/** The columns every business row carries, for a generated row of `orgId` last changed at `updated`. */
const metaColumns = (orgId: number, updated: string, searchText: string) => ({
  orgId,
  sectionId: null,
  createdBy: null,
  createdAt: updated,
  updatedBy: null,
  updatedAt: updated,
  version: 1,
  overrides: '{}',
  searchText: searchText.toLowerCase(),
});

/**
 * The national division tree (provinces → cities → counties): about 3,200 orgs; or, given a
 * province's two-digit prefix (`within`), only that province's tree.
 */
export async function createOrgTree(db: Kysely<any>, within = ''): Promise<BenchOrgs> {
  const codes = divisionCodes()
    .filter((c) => divisionLevel(c) !== undefined && c.startsWith(within))
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
export function serialCode(serial: number, width: number): string {
  let s = '';
  for (let n = serial; s.length < width; n = Math.floor(n / USCC_CHARS.length))
    s = USCC_CHARS.charAt(n % USCC_CHARS.length) + s;
  return s;
}

const uscc = (region: string, serial: number): string =>
  composeUscc('91', region, `MA${serialCode(serial, 6)}`);

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
    ...metaColumns(county.id, updated, `${name}\n${code}\n${address}`),
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
  await insertInBatches(database, 'enterprise', rows, 500, log, (serial) =>
    enterpriseRow(rand, countyAt(rand()), serial, database.dialect),
  );
}

export async function openFresh(url: string): Promise<Database> {
  const database = connect(url, { poolSize: 4 });
  await migrateToLatest(database.db);
  return database;
}

const TOPICS =
  '柑橘提质 稻渔综合种养 油茶低改 生猪健康养殖 茶叶加工 中药材种植 智能制造 新材料研发 电子信息 竹木精深加工 农产品冷链 地质灾害监测 远程医疗 科普示范 清洁能源 智慧农业'.split(
    ' ',
  );
const CATEGORIES = [
  'industry',
  'social_dev',
  'agri_extension',
  'agri_extension',
  'commissioner_project',
  'platform',
];
/** Lifecycle states with how often a project is found in each, and the stamps it carries by then. */
const STATES: [string, number][] = [
  ['draft', 0.04],
  ['submitted', 0.04],
  ['formal_passed', 0.03],
  ['under_review', 0.02],
  ['in_publicity', 0.02],
  ['recommended', 0.05],
  ['not_approved', 0.12],
  ['approved', 0.05],
  ['contracted', 0.05],
  ['in_progress', 0.25],
  ['acceptance_pending', 0.04],
  ['accepted', 0.04],
  ['closed', 0.22],
  ['terminated', 0.02],
  ['withdrawn', 0.01],
];
const REACHED = (state: string, step: string): boolean => {
  const order = ['submitted', 'approved', 'contracted', 'in_progress', 'accepted', 'closed'];
  const at: Record<string, number> = {
    draft: -1,
    submitted: 0,
    formal_passed: 0,
    under_review: 0,
    in_publicity: 0,
    recommended: 0,
    not_approved: 0,
    withdrawn: 0,
    approved: 1,
    contracted: 2,
    terminated: 3,
    in_progress: 3,
    acceptance_pending: 3,
    accepted: 4,
    closed: 5,
  };
  return (at[state] ?? -1) >= order.indexOf(step);
};

const day = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1) + Math.min(dayOfYear, 364) * 86_400_000).toISOString().slice(0, 10);

/** One project row in storage shape, its stamps consistent with its state. */
export function projectRow(rand: () => number, county: BenchOrgs['counties'][number], serial: number) {
  const r = rand();
  const level = r < 0.7 ? 'county' : r < 0.9 ? 'province' : r < 0.98 ? 'city' : 'national';
  const year = 2019 + Math.floor(rand() * 7);
  let x = rand();
  const status = STATES.find(([, p]) => (x -= p) < 0)?.[0] ?? 'closed';
  const name = `${county.name}${pick(rand, TOPICS)}技术示范${serial.toString(36)}`;
  const undertakerName = `${county.name}${pick(rand, BRANDS)}${pick(rand, TRADES)}有限公司`;
  const requested = (5 + Math.floor(rand() * 60)) * 1_000_000;
  const stamp = (step: string, offset: number) =>
    REACHED(status, step) ? day(year, offset + Math.floor(rand() * 30)) : null;
  const approvedAt = stamp('approved', 120);
  const updated = new Date(Date.UTC(year, 0, 1) + Math.floor(rand() * 700 * 86_400_000)).toISOString();
  return {
    ...metaColumns(county.id, updated, `${name}\n${undertakerName}`),
    name,
    level,
    category: pick(rand, CATEGORIES),
    year,
    planName: null,
    undertakerId: null,
    undertakerName,
    leaderName: `${pick(rand, ['张', '王', '李', '刘', '陈'])}某某`,
    leaderPhone: null,
    team: '[]',
    townId: null,
    fiscalRequestedFen: requested,
    selfFundedFen: requested,
    fiscalApprovedFen: approvedAt ? Math.round(requested * 0.8) : null,
    plannedStart: day(year, 120),
    plannedEnd: day(year + 1, 364),
    indicators: '[]',
    status,
    code: null,
    approvalDocNo: null,
    contractNo: null,
    submittedAt: stamp('submitted', 60),
    recommendedAt:
      level !== 'county' && REACHED(status, 'submitted') && status !== 'draft' ? day(year, 90) : null,
    publicityEnd: null,
    approvedAt,
    contractDate: stamp('contracted', 150),
    implementedAt: stamp('in_progress', 160),
    extendedAt: null,
    acceptedAt: stamp('accepted', 500),
    closedAt: stamp('closed', 540),
    terminatedAt: status === 'terminated' ? day(year, 300) : null,
    callId: null,
    reviewBatchId: null,
    reviewScore: null,
    note: null,
  };
}

/** Loads `rows` projects over the counties, weighted like the enterprises. */
export async function loadProjects(
  database: Database,
  orgs: BenchOrgs,
  rows: number,
  log: (s: string) => void,
): Promise<void> {
  const rand = prng(20261124);
  await insertInBatches(database, 'project', rows, 250, log, (serial) =>
    projectRow(rand, pick(rand, orgs.counties), serial),
  );
}

/**
 * Inserts `rows` rows made by `make` (serials from 1) in transactions of a few thousand, with
 * multi-row statements of `perStatement` (under SQLite's bound-parameter limit for the table),
 * logging progress, then refreshes the planners' statistics.
 */
async function insertInBatches(
  database: Database,
  table: string,
  rows: number,
  perStatement: number,
  log: (s: string) => void,
  make: (serial: number) => Record<string, unknown>,
): Promise<void> {
  const db = database.db as unknown as Kysely<any>;
  const batch = database.dialect === 'sqlite' ? 5000 : 2000;
  const started = Date.now();
  for (let done = 0; done < rows; done += batch) {
    const chunk = Array.from({ length: Math.min(batch, rows - done) }, (_, i) => make(done + i + 1));
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < chunk.length; i += perStatement)
        await tx
          .insertInto(table)
          .values(chunk.slice(i, i + perStatement))
          .execute();
    });
    if ((done / batch) % 40 === 0)
      log(`  ${done + chunk.length} ${table} rows (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await refreshStatistics(database);
}

/**
 * Statistics for the planners after a bulk load, as a running database gets them. PostgreSQL: what
 * autovacuum does, with the visibility map, without which index-only scans of the metric indexes
 * still visit the table. SQLite: nothing here, the server gathers them when it opens the database
 * (`openSqlite`), so the bench plans with the statistics the product gives itself.
 */
async function refreshStatistics(database: Database): Promise<void> {
  if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(database.db);
}
