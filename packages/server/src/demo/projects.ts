import type { Kysely } from 'kysely';
import { disbursement, project } from '@kjj/domain';
import { scoped } from '../db/entity-repo.js';
import type { Dialect } from '../db/types.js';
import type { Work } from '../db/unit-of-work.js';
import { workflowRepo } from '../db/workflow-repo.js';
import type { Actor } from '../auth/actor.js';
import type { ApiRow } from '../db/entity-rows.js';
import { seedReview } from './review.js';

/**
 * Demo projects, taken through their lifecycle by the same code as staff (so every figure has a
 * timeline and audit entries). 辰溪县 2020 reproduces the project figures of the seed report
 * (DOMAIN §4.1 P1–P16): 17 upward applications, 7 + 2 approved for 105 + 103 万元, 24 county plan
 * projects worth 100 万元 by category, 12 upper-level projects in implementation.
 */
export interface DemoProject {
  name: string;
  level: 'national' | 'province' | 'city' | 'county';
  category: string;
  year: number;
  /** 万元 requested; the grant is `grant` (万元) when approved. */
  requested: number;
  grant?: number;
  /** Dates of the lifecycle steps reached, in order. */
  path: Step[];
}

/**
 * `review` stands for the county's yearly review batch (demo/review.ts), which all its projects
 * join; `reviewing` for one whose reviewers are drawn and still scoring.
 */
type Step =
  | ['submit' | 'formalPass' | 'review' | 'reviewing' | 'progress' | 'applyAcceptance' | 'reapply', string]
  | ['fail', string]
  | ['recommend' | 'approve' | 'upperApprove' | 'upperReject' | 'sign' | 'start' | 'accept' | 'close', string]
  | ['publish', string, string];

const WAN = 1_000_000;

/** Steps of a county plan project approved on `approved` and, optionally, started on `started`. */
function countyPath(approved: string, started?: string): Step[] {
  const y = approved.slice(0, 4);
  const steps: Step[] = [
    ['submit', `${y}-03-10`],
    ['formalPass', `${y}-03-20`],
    ['review', `${y}-04-10`],
    ['publish', `${y}-04-15`, `${y}-04-21`],
    ['approve', approved],
    ['sign', approved],
  ];
  if (started) steps.push(['start', started], ['progress', `${y}-12-20`]);
  return steps;
}

function upwardPath(recommended: string, decided?: string, approved = true): Step[] {
  const y = recommended.slice(0, 4);
  const steps: Step[] = [
    ['submit', `${y}-03-05`],
    ['formalPass', `${y}-03-15`],
    ['recommend', recommended],
  ];
  if (!decided) return steps;
  if (!approved) return [...steps, ['upperReject', decided]];
  return [...steps, ['upperApprove', decided], ['sign', decided], ['start', decided]];
}

const SEED_TITLES = {
  industry: '基于ZigBe的智能家居系统成果转化产业化',
  social: '辰溪县青少年科技创新教育与科学知识普及',
  agri: '保护不知火杂柑果实安全越冬栽培方法的研究与实施',
};

const AGRI_TOPICS = [
  '稻田综合种养技术示范推广',
  '椪柑提质增效栽培技术推广',
  '黄桃标准化种植技术推广',
  '生猪健康养殖技术示范',
  '再生稻高产栽培技术推广',
  '油茶低产林改造技术示范',
  '蔬菜设施栽培技术推广',
  '特色水产健康养殖示范',
  '中药材林下种植技术推广',
  '茶叶绿色防控技术示范',
  '食用菌高效栽培技术推广',
  '山羊舍饲养殖技术示范',
  '优质稻品种引进与推广',
  '柑橘黄龙病综合防控示范',
  '蜜蜂标准化养殖技术推广',
  '脐橙避雨栽培技术示范',
  '高山蔬菜种植技术推广',
  '肉牛规模养殖技术示范',
];

/** 辰溪县 (431223): the seed report's year 2020, its 2019 antecedents and a start on 2021. */
export function chenxiProjects(): DemoProject[] {
  const list: DemoProject[] = [];
  // P2/P3: seven provincial approvals, 30 + 20 + 15 + 10 × 4 = 105 万元.
  [30, 20, 15, 10, 10, 10, 10].forEach((grant, i) =>
    list.push({
      name:
        i === 0
          ? SEED_TITLES.industry
          : `辰溪县${['新型建材', '电子信息', '农产品加工', '生态旅游', '中医药', '竹木加工'][i - 1]}关键技术研究与示范`,
      level: 'province',
      category: i === 0 ? 'industry' : i < 3 ? 'industry' : 'agri_extension',
      year: 2020,
      requested: grant + 10,
      grant,
      path: upwardPath(`2020-04-0${i + 1}`, `2020-07-1${i}`),
    }),
  );
  // P4/P5: two city approvals, 80 + 23 万元.
  [80, 23].forEach((grant, i) =>
    list.push({
      name: ['辰溪县智能制造公共服务平台建设', '辰溪县农业科技园区提质建设'][i]!,
      level: 'city',
      category: i === 0 ? 'platform' : 'agri_extension',
      year: 2020,
      requested: grant + 20,
      grant,
      path: upwardPath(`2020-04-1${i}`, `2020-08-2${i}`),
    }),
  );
  // P1: eight more applications still awaiting the upper level's decision (17 in all).
  for (let i = 0; i < 8; i++)
    list.push({
      name: `辰溪县${['稻渔综合种养', '柑橘深加工', '锰业新材料', '林下经济', '智慧农业', '特色食品', '生物医药', '清洁能源'][i]}技术集成示范`,
      level: i < 2 ? 'national' : i < 6 ? 'province' : 'city',
      category: i % 2 === 0 ? 'agri_extension' : 'industry',
      year: 2020,
      requested: 30 + i * 5,
      path: upwardPath(`2020-05-${String(10 + i).padStart(2, '0')}`),
    });
  // P8–P10: 24 county plan projects, 100 万元: 工业 2 × 8, 社会发展 3 × 5, 农业推广 12 × 4 + 7 × 3.
  const county = (name: string, category: string, grant: number, i: number): DemoProject => ({
    name,
    level: 'county',
    category,
    year: 2020,
    requested: grant + 2,
    grant,
    path: countyPath(
      `2020-05-${String(6 + (i % 20)).padStart(2, '0')}`,
      i % 6 === 5 ? undefined : '2020-06-15',
    ),
  });
  list.push(county('辰溪县电子元器件生产线智能化改造', 'industry', 8, 0));
  list.push(county('辰溪县新型墙体材料工艺研究', 'industry', 8, 1));
  list.push(county(SEED_TITLES.social, 'social_dev', 5, 2));
  list.push(county('辰溪县基层医疗机构远程诊疗应用示范', 'social_dev', 5, 3));
  list.push(county('辰溪县地质灾害监测预警技术应用', 'social_dev', 5, 4));
  list.push(county(SEED_TITLES.agri, 'agri_extension', 4, 5));
  AGRI_TOPICS.forEach((topic, i) =>
    list.push(county(`辰溪县${topic}`, 'agri_extension', i < 11 ? 4 : 3, 6 + i)),
  );
  // P15/P16 (A3): three provincial commissioner projects approved in 2019, in implementation in 2020.
  for (let i = 0; i < 3; i++)
    list.push({
      name: `科技特派员${['柑橘品种改良', '生态养殖', '茶叶加工'][i]}服务项目`,
      level: 'province',
      category: 'commissioner_project',
      year: 2019,
      requested: 10,
      grant: 5,
      path: upwardPath(`2019-04-2${i}`, `2019-08-1${i}`),
    });
  // Earlier county projects, closed during 2020 (they count in neither 2020 flow).
  for (let i = 0; i < 4; i++)
    list.push({
      name: `辰溪县${['富硒茶', '香菇', '金秋梨', '土鸡'][i]}产业技术示范（2019）`,
      level: 'county',
      category: 'agri_extension',
      year: 2019,
      requested: 5,
      grant: 4,
      // The first one passes only after rectifying: 验收一次通过率 3 of 4.
      path: [
        ...countyPath('2019-05-10', '2019-06-01'),
        ['applyAcceptance', '2020-10-08'],
        ...(i === 0
          ? ([
              ['fail', '2020-10-12'],
              ['reapply', '2020-10-16'],
            ] as Step[])
          : []),
        ['accept', '2020-10-20'],
        ['close', '2020-11-10'],
      ],
    });
  // The next year under way: a draft and two submitted applications.
  list.push({
    name: '辰溪县富硒农产品精深加工技术研究',
    level: 'county',
    category: 'industry',
    year: 2021,
    requested: 10,
    path: [],
  });
  for (let i = 0; i < 2; i++)
    list.push({
      name: `辰溪县${['数字乡村', '竹笋保鲜'][i]}技术应用（2021）`,
      level: i === 0 ? 'province' : 'county',
      category: i === 0 ? 'platform' : 'agri_extension',
      year: 2021,
      requested: 20,
      path:
        i === 0
          ? [['submit', '2021-03-08']]
          : [
              ['submit', '2021-03-08'],
              ['formalPass', '2021-03-15'],
              ['reviewing', '2021-03-25'],
            ],
    });
  return list;
}

/** A few projects of other counties, so the city sees a roll-up and scope has something to hide. */
export function otherCountyProjects(county: string): DemoProject[] {
  return Array.from({ length: 5 }, (_, i) => ({
    name: `${county}${['柑橘', '生猪', '茶叶', '中药材', '竹业'][i]}科技示范项目`,
    level: i < 4 ? ('county' as const) : ('province' as const),
    category: i === 0 ? 'industry' : 'agri_extension',
    year: 2020,
    requested: 6,
    grant: i < 4 ? 5 : 20,
    path: i < 4 ? countyPath('2020-06-01', '2020-07-01') : upwardPath('2020-04-20', '2020-09-01'),
  }));
}

/** The action and its input for one demo step. */
function actionOf(step: Step, p: DemoProject, seq: number): [string, Record<string, unknown>] {
  const [kind, date] = step;
  const grant = (p.grant ?? 0) * WAN;
  switch (kind) {
    case 'submit':
    case 'formalPass':
    case 'applyAcceptance':
    case 'reapply':
      return [kind, { date }];
    case 'fail':
      return ['fail', { date, reason: '部分考核指标未完成', rectifyBy: '2020-10-31' }];
    case 'progress':
      return [
        'reportProgress',
        {
          period: `${date.slice(0, 4)}年度`,
          date,
          percent: 60,
          narrative: '按任务书进度实施，完成年度技术示范任务。',
          spentToDateFen: grant,
        },
      ];
    case 'review':
    case 'reviewing':
      throw new Error('the review step is taken by the batch');
    case 'publish':
      return ['publish', { publicityStart: date, publicityEnd: step[2] }];
    case 'approve':
      return [
        'approve',
        {
          date,
          docNo: `辰科发〔${date.slice(0, 4)}〕${seq}号`,
          amount: grant,
          code: `CXKJ${date.slice(0, 4)}-${String(seq).padStart(3, '0')}`,
        },
      ];
    case 'recommend':
      return ['recommend', { date }];
    case 'upperApprove':
      return [
        'recordUpperDecision',
        { decision: 'approved', date, amount: grant, docNo: `湘科计〔${date.slice(0, 4)}〕${seq}号` },
      ];
    case 'upperReject':
      return ['recordUpperDecision', { decision: 'not_approved', date }];
    case 'sign':
      return [
        'signContract',
        { date, contractNo: `RWS-${date.slice(0, 4)}-${String(seq).padStart(3, '0')}` },
      ];
    case 'start':
      return ['startImplementation', { date }];
    case 'accept':
      return ['accept', { date, opinion: '完成任务书规定的各项考核指标，同意通过验收。' }];
    case 'close':
      return ['close', { date }];
  }
}

/** Creates the projects in a bureau and walks each along its path. */
export async function seedProjects(
  work: Work,
  dialect: Dialect,
  actor: Actor,
  placement: {
    orgId: number;
    sections: { high: number; rural: number };
    county: string;
    docPrefix: string;
    callIds: Record<string, number | undefined>;
  },
  projects: DemoProject[],
  undertakers: { id: number; name: string }[],
): Promise<void> {
  const tx = work.tx as unknown as Kysely<any>;
  const rows = scoped(tx, dialect, actor, project);
  const flow = workflowRepo(tx, dialect, actor, project, 'zh');
  const tranches = scoped(tx, dialect, actor, disbursement);
  const payments = workflowRepo(tx, dialect, actor, disbursement, 'zh');
  // Walk each project up to its review; the reviews run per year as one batch; then walk on.
  const walked: { p: DemoProject; seq: number; row: ApiRow; rest: Step[] }[] = [];
  let seq = 0;
  for (const p of projects) {
    seq += 1;
    const undertaker = undertakers[seq % undertakers.length]!;
    const agri = p.category === 'agri_extension' || p.category === 'commissioner_project';
    let row = await rows.create(work, {
      name: p.name,
      level: p.level,
      category: p.category,
      year: p.year,
      undertakerId: undertaker.id,
      undertakerName: undertaker.name,
      leaderName: ['王建国', '李明华', '张秀英', '刘志强', '陈丽娟'][seq % 5],
      fiscalRequestedFen: p.requested * WAN,
      selfFundedFen: p.requested * WAN,
      plannedStart: `${p.year}-05-01`,
      plannedEnd: `${p.year + 1}-12-31`,
      callId: p.year === 2020 ? (placement.callIds[p.level] ?? null) : null,
      orgId: placement.orgId,
      sectionId: agri ? placement.sections.rural : placement.sections.high,
    });
    const review = p.path.findIndex(([kind]) => kind === 'review' || kind === 'reviewing');
    const before = review < 0 ? p.path : p.path.slice(0, review);
    for (const step of before) row = await flow.act(work, row.id, ...actionOf(step, p, seq), row.version);
    walked.push({ p, seq, row, rest: review < 0 ? [] : p.path.slice(review) });
  }
  const reviews = [...new Set(walked.flatMap((w) => (w.rest[0] ? [w.rest[0].join(' ')] : [])))];
  for (const review of reviews) {
    const group = walked.filter((w) => w.rest[0]?.join(' ') === review);
    const [kind, date] = group[0]!.rest[0]!;
    const year = Number(date.slice(0, 4));
    const reviewed = await seedReview(
      work,
      dialect,
      actor,
      {
        orgId: placement.orgId,
        county: placement.county,
        // The section of the year's first project organises its review.
        sectionId: group[0]!.row.sectionId as number,
        year,
        drawn: kind === 'review' ? `${year}-03-25` : date,
        closed: kind === 'review' ? date : null,
      },
      group.map((w) => w.row),
    );
    group.forEach((w, i) => {
      w.row = reviewed[i]!;
      w.rest = w.rest.slice(1);
    });
  }
  for (const { p, seq, rest, ...walk } of walked) {
    let { row } = walk;
    for (const step of rest) row = await flow.act(work, row.id, ...actionOf(step, p, seq), row.version);
    // County plan projects get 60 % of the grant when implementation starts (the rest after acceptance).
    const started = row.implementedAt as string | null;
    if (p.level === 'county' && started) {
      let tranche = await tranches.create(work, {
        projectId: row.id,
        trancheNo: 1,
        amountFen: Math.round((row.fiscalApprovedFen as number) * 0.6),
        plannedDate: started,
        voucherNo: `${placement.docPrefix}拨〔${started.slice(0, 4)}〕${seq}号`,
        orgId: placement.orgId,
        sectionId: row.sectionId as number,
      });
      tranche = await payments.act(work, tranche.id, 'approve', {}, tranche.version);
      await payments.act(work, tranche.id, 'pay', { date: started }, tranche.version);
    }
  }
}
