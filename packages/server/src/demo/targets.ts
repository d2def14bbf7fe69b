import type { Kysely } from 'kysely';
import { metricEntry, target, type Qty } from '@kjj/domain';
import type { Actor } from '../auth/actor.js';
import { scoped } from '../db/entity-repo.js';
import type { Dialect } from '../db/types.js';
import type { Work } from '../db/unit-of-work.js';

const exact = (value: number): Qty => ({ value, qualifier: 'exact' });

/**
 * 辰溪县's figures for 2020 that kjj has no module for yet, entered as 手工填报 the way the seed report
 * states them (DOMAIN §4.1: I, T, K, E, Q, G1). Money in 万元.
 */
export const CHENXI_MANUAL_2020: { metricId: string; asOf: string; value: Qty; evidence: string }[] = [
  {
    metricId: 'ip.applications.count',
    asOf: '2020-12-31',
    value: exact(102),
    evidence: '辰溪县市场监督管理局专利统计台账',
  },
  {
    metricId: 'ip.applications.invention.count',
    asOf: '2020-12-31',
    value: exact(18),
    evidence: '辰溪县市场监督管理局专利统计台账',
  },
  {
    metricId: 'ip.subsidy.patents.count',
    asOf: '2020-12-31',
    value: exact(47),
    evidence: '专利资助兑现花名册',
  },
  { metricId: 'ip.subsidy.amount', asOf: '2020-12-31', value: exact(8.362), evidence: '专利资助兑现花名册' },
  {
    metricId: 'ip.cases.closed.count',
    asOf: '2020-12-31',
    value: exact(2),
    evidence: '会同市局调处纠纷记录',
  },
  {
    metricId: 'ip.grants.invention.count',
    asOf: '2020-12-31',
    value: exact(0),
    evidence: '国家知识产权局授权公告检索',
  },
  { metricId: 'ip.policies.count', asOf: '2020-12-31', value: exact(3), evidence: '县政府及县局发文' },
  {
    metricId: 'commissioners.sanqu.count',
    asOf: '2020-12-31',
    value: exact(16),
    evidence: '省科技厅“三区”人才选派文件',
  },
  {
    metricId: 'commissioners.institutions.count',
    asOf: '2020-12-31',
    value: exact(10),
    evidence: '“三区”人才派出单位名单',
  },
  {
    metricId: 'commissioners.upper.count',
    asOf: '2020-12-31',
    value: exact(5),
    evidence: '省市科技特派员选派文件',
  },
  {
    metricId: 'commissioners.county.count',
    asOf: '2020-12-31',
    value: exact(51),
    evidence: '县级科技特派员选派文件',
  },
  {
    metricId: 'commissioners.enterprises.count',
    asOf: '2020-12-31',
    value: exact(21),
    evidence: '科技特派员服务台账',
  },
  {
    metricId: 'services.trainings.count',
    asOf: '2020-12-31',
    value: exact(17),
    evidence: '科技特派员服务台账',
  },
  {
    metricId: 'services.technologies.count',
    asOf: '2020-12-31',
    value: exact(19),
    evidence: '科技特派员服务台账',
  },
  {
    metricId: 'services.varieties.count',
    asOf: '2020-12-31',
    value: exact(31),
    evidence: '科技特派员服务台账',
  },
  { metricId: 'cooperation.signed.count', asOf: '2020-12-31', value: exact(2), evidence: '产学研合作协议' },
  {
    metricId: 'events.count',
    asOf: '2020-12-31',
    value: exact(3),
    evidence: '4·26、5·12、科技活动周活动总结',
  },
  {
    metricId: 'events.materials.count',
    asOf: '2020-12-31',
    value: { value: 19000, qualifier: 'yu' },
    evidence: '4·26、5·12、科技活动周活动总结',
  },
  {
    metricId: 'events.consultations.count',
    asOf: '2020-12-31',
    value: { value: 3600, qualifier: 'yu' },
    evidence: '4·26、科技活动周活动总结',
  },
  { metricId: 'quake.boards.count', asOf: '2020-12-31', value: exact(20), evidence: '防震减灾宣传活动记录' },
  {
    metricId: 'quake.materials.count',
    asOf: '2020-12-31',
    value: exact(1000),
    evidence: '防震减灾宣传活动记录',
  },
  // G1: the 小康 R&D target reported done early, on the November statistics.
  {
    metricId: 'rd.investment.amount',
    asOf: '2020-11-30',
    value: exact(10000),
    evidence: '县统计局科研经费投入快报',
  },
];

interface DemoTarget {
  name: string;
  /** The section that owns it (the high-tech section unless said). */
  section?: 'high' | 'rural';
  source: string;
  issuer: string;
  metricId: string | null;
  kind?: string;
  direction?: string;
  targetValue: Qty | null;
  dueDate: string;
  ownerName: string;
  declaredImpossible?: boolean;
  reason?: string;
}

/** 辰溪县's targets: 2020 as the seed report settles them (P7, G1, G2), 2021 for its plan part. */
export function chenxiTargets(year: 2020 | 2021): DemoTarget[] {
  const due = `${year}-12-31`;
  if (year === 2021)
    return [
      {
        name: '争取上级科技项目资金',
        source: 'fundraising',
        issuer: '辰溪县人民政府',
        metricId: 'projects.upward.approved.amount',
        targetValue: exact(100),
        dueDate: due,
        ownerName: '辰溪股长',
      },
      {
        name: '全县专利申请量',
        source: 'gov_work_report',
        issuer: '辰溪县人民政府',
        metricId: 'ip.applications.count',
        targetValue: exact(110),
        dueDate: due,
        ownerName: '辰溪股长',
      },
      {
        name: '县本级科技计划项目立项',
        source: 'responsibility',
        issuer: '辰溪县人民政府',
        metricId: 'projects.county.approved.count',
        targetValue: exact(25),
        dueDate: due,
        ownerName: '辰溪股长',
      },
      {
        name: '新增入库储备项目',
        source: 'responsibility',
        issuer: '辰溪县人民政府',
        metricId: 'reserve.added.count',
        targetValue: exact(25),
        dueDate: due,
        ownerName: '农村股科员',
        section: 'rural',
      },
    ];
  return [
    {
      name: '争取上级科技项目资金',
      source: 'fundraising',
      issuer: '辰溪县人民政府',
      metricId: 'projects.upward.approved.amount',
      targetValue: exact(90),
      dueDate: due,
      ownerName: '辰溪股长',
    },
    {
      name: '科研经费投入',
      source: 'xiaokang',
      issuer: '辰溪县人民政府',
      metricId: 'rd.investment.amount',
      targetValue: exact(10000),
      dueDate: due,
      ownerName: '辰溪局长',
    },
    {
      name: '新增发明专利授权',
      source: 'xiaokang',
      issuer: '辰溪县人民政府',
      metricId: 'ip.grants.invention.count',
      targetValue: exact(30),
      dueDate: due,
      ownerName: '辰溪股长',
      declaredImpossible: true,
      reason: '发明专利从申请到授权一般需要3年左右，当年新申请的发明专利无法在年内获得授权',
    },
  ];
}

/** The city's 2020 target for county plan projects, shared out to the three demo counties (R-T3). */
const CITY_PLAN_TARGET = {
  name: '县级科技计划项目立项',
  source: 'perf_assessment',
  issuer: '怀化市科学技术局',
  metricId: 'projects.county.approved.count',
  targetValue: exact(30),
  dueDate: '2020-12-31',
  ownerName: '市局科员',
};

/** The rural section keeps the commissioner and field-service figures. */
const RURAL_METRICS = /^(commissioners|services)\./;

export async function seedTargets(
  work: Work,
  dialect: Dialect,
  actor: Actor,
  places: {
    city: { orgId: number; sectionId: number | null };
    chenxi: { orgId: number; high: number; rural: number };
    /** Each demo county: its org, its high-tech section and its share of the city target. */
    counties: { orgId: number; name: string; high: number; share: number }[];
  },
): Promise<void> {
  const tx = work.tx as unknown as Kysely<any>;
  const targets = scoped(tx, dialect, actor, target);
  const add = (t: DemoTarget, year: number, orgId: number, sectionId: number | null, extra = {}) =>
    targets.create(work, {
      kind: 'absolute',
      direction: 'higher_better',
      ...t,
      year,
      orgId,
      sectionId,
      ...extra,
    });
  const { chenxi } = places;
  for (const year of [2020, 2021] as const)
    for (const { section, ...t } of chenxiTargets(year))
      await add(t, year, chenxi.orgId, section === 'rural' ? chenxi.rural : chenxi.high);

  const whole = await add(CITY_PLAN_TARGET, 2020, places.city.orgId, places.city.sectionId);
  for (const county of places.counties)
    await add(
      { ...CITY_PLAN_TARGET, targetValue: exact(county.share), ownerName: '县局股长' },
      2020,
      county.orgId,
      null,
      { assignedFromTargetId: whole.id },
    );

  const entries = scoped(tx, dialect, actor, metricEntry);
  for (const entry of CHENXI_MANUAL_2020)
    await entries.create(work, {
      ...entry,
      orgId: chenxi.orgId,
      sectionId: RURAL_METRICS.test(entry.metricId) ? chenxi.rural : chenxi.high,
    });
  // The other counties state their patent figures too, so the city's manual figures add up.
  for (const [i, county] of places.counties.filter((c) => c.orgId !== chenxi.orgId).entries()) {
    await add(
      {
        name: `${county.name}专利申请量`,
        source: 'gov_work_report',
        issuer: `${county.name}人民政府`,
        metricId: 'ip.applications.count',
        targetValue: exact(30),
        dueDate: '2020-12-31',
        ownerName: '县局股长',
      },
      2020,
      county.orgId,
      county.high,
    );
    await entries.create(work, {
      metricId: 'ip.applications.count',
      asOf: '2020-12-31',
      value: exact(25 + i * 10),
      evidence: `${county.name}市场监督管理局专利统计台账`,
      orgId: county.orgId,
      sectionId: county.high,
    });
  }
}
