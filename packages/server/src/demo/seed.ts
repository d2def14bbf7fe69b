import type { Kysely } from 'kysely';
import { divisionCodes, enterprise, HUAIHUA_TOWNS, parentDivision } from '@kjj/domain';
import { systemActor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { scoped } from '../db/entity-repo.js';
import { nowIso } from '../db/dialect.js';
import type { DB, Dialect, Executor } from '../db/types.js';
import { inTransaction } from '../db/unit-of-work.js';
import { demoEnterprises } from './enterprises.js';
import { demoCalls, seedCalls } from './calls.js';
import { seedExperts } from './experts.js';
import { chenxiProjects, otherCountyProjects, seedProjects } from './projects.js';
import {
  chenxiReserve,
  chenxiSurveys,
  otherCountyReserve,
  otherCountySurveys,
  seedReserve,
} from './reserve.js';
import { ensureBureau, sectionByName, seedOrgTree } from './org-tree.js';
import { ensureDefaultRoles } from './roles.js';
import { seedTargets } from './targets.js';

/** The demo's one password (README lists the accounts). Demo installs only; never a default elsewhere. */
export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_CITY = '431200';
export const DEMO_COUNTY = '431223';

export interface DemoAccount {
  username: string;
  name: string;
  division: string;
  section?: string;
  role: string;
}

/** Demo accounts (DOMAIN §1.2); names are placeholders, not real people (DOMAIN A11). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', name: '系统管理员', division: '430000', role: 'sys_admin' },
  { username: 'hh_admin', name: '市局管理员', division: DEMO_CITY, section: '办公室', role: 'city_admin' },
  {
    username: 'hh_staff',
    name: '市局科员',
    division: DEMO_CITY,
    section: '高新技术与成果科',
    role: 'city_staff',
  },
  { username: 'cx_director', name: '辰溪局长', division: DEMO_COUNTY, role: 'director' },
  {
    username: 'cx_chief',
    name: '辰溪股长',
    division: DEMO_COUNTY,
    section: '高新技术与成果股',
    role: 'section_chief',
  },
  {
    username: 'cx_staff',
    name: '辰溪科员',
    division: DEMO_COUNTY,
    section: '高新技术与成果股',
    role: 'section_staff',
  },
  {
    username: 'cx_rural',
    name: '农村股科员',
    division: DEMO_COUNTY,
    section: '农村科技股',
    role: 'section_staff',
  },
  { username: 'cx_commissioner', name: '特派员小李', division: DEMO_COUNTY, role: 'commissioner' },
  { username: 'cx_expert', name: '专家甲23', division: DEMO_COUNTY, role: 'expert' },
  {
    username: 'my_staff',
    name: '麻阳科员',
    division: '431226',
    section: '高新技术与成果股',
    role: 'section_staff',
  },
  { username: 'my_director', name: '麻阳局长', division: '431226', role: 'director' },
];

/** Demo enterprises per county: 辰溪县 carries the demo; two more counties give scope something to hide. */
const DEMO_ENTERPRISES: { division: string; count: number; seed: number }[] = [
  { division: DEMO_COUNTY, count: 200, seed: 431223 },
  { division: '431226', count: 30, seed: 431226 },
  { division: '431202', count: 20, seed: 431202 },
];

export const countyDivisionsOf = (city: string): string[] =>
  divisionCodes().filter((code) => parentDivision(code) === city);

export async function seedTowns(db: Executor, countyCodes: string[]): Promise<void> {
  const wanted = HUAIHUA_TOWNS.filter((t) => countyCodes.includes(t.countyCode));
  const have = new Set((await db.selectFrom('town').select('code').execute()).map((t) => t.code));
  const rows = wanted
    .filter((t) => !have.has(t.code))
    .map(({ code, name, kind, countyCode }) => ({ code, name, kind, countyCode }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('town')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function isEmpty(db: DB): Promise<boolean> {
  return !(await db.selectFrom('org').select('id').limit(1).executeTakeFirst());
}

export async function isDemo(db: DB): Promise<boolean> {
  return (
    (await db.selectFrom('appSetting').select('value').where('key', '=', 'demo').executeTakeFirst())
      ?.value === '1'
  );
}

/** Base data every installation needs: the default roles (idempotent). */
export async function seedBase(db: DB, dialect: Dialect): Promise<void> {
  await inTransaction(
    db,
    dialect,
    { actor: systemActor('seed'), requestId: null, ip: null },
    async ({ tx, audit }) => {
      const added = await ensureDefaultRoles(tx);
      if (added > 0)
        audit({
          action: 'system.seed_roles',
          entity: 'role',
          entityId: null,
          orgId: null,
          diff: { after: { added } },
        });
    },
  );
}

/** The org tree of a city (or one county) with sections and towns: what `kjj seed --division` loads. */
export async function seedDivision(db: DB, dialect: Dialect, code: string): Promise<void> {
  const counties = code.endsWith('00') ? countyDivisionsOf(code) : [];
  await inTransaction(
    db,
    dialect,
    { actor: systemActor('seed'), requestId: null, ip: null },
    async ({ tx, audit }) => {
      const orgs = await seedOrgTree(tx, code, counties);
      await seedTowns(tx, counties.length ? counties : [code]);
      audit({
        action: 'system.seed_orgs',
        entity: 'org',
        entityId: null,
        orgId: null,
        diff: { after: { division: code, orgs: orgs.length } },
      });
    },
  );
}

/** Demo mode (DESIGN §8): 怀化市 and its counties, demo accounts, enterprises in 辰溪县. */
export async function seedDemo(db: DB, dialect: Dialect): Promise<void> {
  await seedBase(db, dialect);
  await seedDivision(db, dialect, DEMO_CITY);
  const actor = systemActor('demo');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inTransaction(db, dialect, { actor, requestId: null, ip: null }, async (work) => {
    const { tx, audit } = work;
    await ensureBureau(tx, '430000');
    const roles = new Map(
      (await tx.selectFrom('role').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
    );
    for (const account of DEMO_ACCOUNTS) {
      const org = await ensureBureau(tx, account.division);
      const section = account.section ? await sectionByName(tx, org.id, account.section) : undefined;
      const now = nowIso();
      const user = await tx
        .insertInto('userAccount')
        .values({
          username: account.username,
          name: account.name,
          orgId: org.id,
          sectionId: section?.id ?? null,
          position: null,
          phone: null,
          passwordHash,
          status: 'active',
          mustChangePassword: 0,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('userRole')
        .values({ userId: user.id, roleId: roles.get(account.role) as number })
        .execute();
      audit({
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        orgId: org.id,
        diff: { after: { username: account.username, role: account.role } },
      });
    }
    const repo = scoped(tx as unknown as Kysely<any>, dialect, actor, enterprise);
    for (const batch of DEMO_ENTERPRISES) {
      const org = await ensureBureau(tx, batch.division);
      const towns = await tx
        .selectFrom('town')
        .select(['id', 'name'])
        .where('countyCode', '=', batch.division)
        .orderBy('code')
        .execute();
      const name = (
        await tx.selectFrom('org').select('shortName').where('id', '=', org.id).executeTakeFirstOrThrow()
      ).shortName.replace(/科技局$/, '');
      const high = await sectionByName(tx, org.id, '高新技术与成果股');
      const rural = await sectionByName(tx, org.id, '农村科技股');
      const rows = demoEnterprises({
        seed: batch.seed,
        count: batch.count,
        county: name,
        region: batch.division,
        towns,
      });
      // Cooperatives are looked after by the rural section; the rest by the high-tech section.
      for (const [sectionId, group] of [
        [rural.id, rows.filter((r) => r.kind === 'cooperative')],
        [high.id, rows.filter((r) => r.kind !== 'cooperative')],
      ] as const) {
        await repo.createMany(
          work,
          group.map((values) => ({ values: { ...values }, overrides: {} })),
          { orgId: org.id, sectionId },
        );
      }
    }
    const counties = [];
    for (const division of [DEMO_COUNTY, '431226', '431202']) {
      const org = await ensureBureau(tx, division);
      const name = (
        await tx.selectFrom('org').select('shortName').where('id', '=', org.id).executeTakeFirstOrThrow()
      ).shortName.replace(/科技局$/, '');
      counties.push({
        division,
        name,
        orgId: org.id,
        high: (await sectionByName(tx, org.id, '高新技术与成果股')).id,
        rural: (await sectionByName(tx, org.id, '农村科技股')).id,
      });
    }
    const calls = await seedCalls(
      work,
      dialect,
      actor,
      demoCalls({
        province: (await ensureBureau(tx, '430000')).id,
        city: (await ensureBureau(tx, DEMO_CITY)).id,
        counties,
      }),
    );
    for (const county of counties) {
      const sections = { high: county.high, rural: county.rural };
      const undertakers = await (tx as unknown as Kysely<any>)
        .selectFrom('enterprise')
        .select(['id', 'name'])
        .where('orgId', '=', county.orgId)
        .orderBy('id')
        .limit(40)
        .execute();
      // Each project answers the first call of its level that its bureau can see.
      const callIds = Object.fromEntries(
        ['province', 'city', 'county'].map((level) => [
          level,
          calls.find((c) => c.level === level && (level !== 'county' || c.orgId === county.orgId))?.id,
        ]),
      );
      // The expert pool first: the projects' reviews draw from it.
      await seedExperts(work, dialect, actor, {
        orgId: county.orgId,
        region: county.division,
        sections,
        accounts: DEMO_ACCOUNTS.filter((a) => a.role === 'expert' && a.division === county.division),
      });
      const projects = county.division === DEMO_COUNTY ? chenxiProjects() : otherCountyProjects(county.name);
      await seedProjects(
        work,
        dialect,
        actor,
        {
          orgId: county.orgId,
          sections,
          county: county.name,
          docPrefix: `${county.name.slice(0, 1)}科`,
          callIds,
        },
        projects,
        undertakers,
      );
      const demo = county.division === DEMO_COUNTY;
      const reserve = demo ? chenxiReserve() : otherCountyReserve(county.name);
      const surveys = demo ? chenxiSurveys() : otherCountySurveys(county.name);
      await seedReserve(work, dialect, actor, { orgId: county.orgId, sections }, reserve, surveys);
    }
    const cityOrg = await ensureBureau(tx, DEMO_CITY);
    const chenxi = counties.find((c) => c.division === DEMO_COUNTY)!;
    await seedTargets(work, dialect, actor, {
      city: { orgId: cityOrg.id, sectionId: (await sectionByName(tx, cityOrg.id, '高新技术与成果科')).id },
      chenxi: { orgId: chenxi.orgId, high: chenxi.high, rural: chenxi.rural },
      counties: counties.map((c) => ({
        orgId: c.orgId,
        name: c.name,
        high: c.high,
        share: c.division === DEMO_COUNTY ? 20 : 5,
      })),
    });
    await tx.insertInto('appSetting').values({ key: 'demo', value: '1' }).execute();
  });
}
