import type { Kysely } from 'kysely';
import { prng, reserveItem, reserveSurvey, type Qty } from '@kjj/domain';
import type { Actor } from '../auth/actor.js';
import { scoped } from '../db/entity-repo.js';
import type { Dialect } from '../db/types.js';
import type { Work } from '../db/unit-of-work.js';
import { workflowRepo } from '../db/workflow-repo.js';

interface DemoReserveItem {
  name: string;
  sourceUnit: string;
  industry: string;
  maturity: string;
  /** Name of the survey it came from (one of the county's DemoSurvey). */
  survey: string | null;
  /** Date it was admitted to the library; absent for candidates still under review. */
  admitted?: string;
  /** The application it became (a demo project's name) and when. */
  promoted?: { project: string; on: string };
}

interface DemoSurvey {
  name: string;
  year: number;
  startDate: string;
  endDate: string;
  unitsVisited: Qty;
  industriesCovered: Qty | null;
  summary?: string;
  /** The section that ran it. */
  section: 'high' | 'rural';
}

const MAY_2020 = '2020年5月全县科技项目摸底调研';

/** The surveys behind 辰溪县's library; May 2020 is the seed report's "30多个行业和企业" (P12). */
export function chenxiSurveys(): DemoSurvey[] {
  const yearly = [2017, 2018, 2019].map((year) => ({
    name: `${year}年科技项目摸底调研`,
    year,
    startDate: `${year}-03-01`,
    endDate: `${year}-04-15`,
    unitsVisited: { value: 20, qualifier: 'yu' } as Qty,
    industriesCovered: null,
    section: 'rural' as const,
  }));
  return [
    ...yearly,
    {
      name: MAY_2020,
      year: 2020,
      startDate: '2020-05-06',
      endDate: '2020-06-12',
      unitsVisited: { value: 30, qualifier: 'duo' },
      industriesCovered: { value: 6, qualifier: 'exact' },
      summary: '历时一个多月，走访全县农业、林业、畜牧、农机、医卫和工业企业等行业单位，摸清项目储备底数。',
      section: 'high',
    },
  ];
}

const TOPICS: Record<string, string[]> = {
  agriculture: ['优质稻', '椪柑', '蔬菜', '茶叶', '油茶', '黄桃', '食用菌'],
  forestry: ['楠木育苗', '竹林培育', '林下经济'],
  husbandry: ['生猪', '山羊', '肉牛', '土鸡'],
  agri_machinery: ['丘陵农机', '烘干设备'],
  health: ['中药材', '远程诊疗'],
  enterprise: ['新型建材', '电子元件', '食品加工', '锰业材料'],
};
const INDUSTRIES = Object.keys(TOPICS);
const WORK = ['技术集成示范', '提质增效研究', '标准化生产推广', '深加工技术研究', '关键技术攻关'];

/** 辰溪县's library (DOMAIN §4.1 P12–P14): 86 items by the end of 2019, 24 added after the May 2020 survey. */
export function chenxiReserve(): DemoReserveItem[] {
  const rand = prng(20_200_501);
  const item = (i: number, admitted: string | undefined, survey: string | null): DemoReserveItem => {
    const industry = INDUSTRIES[Math.floor(rand() * INDUSTRIES.length)]!;
    const topics = TOPICS[industry]!;
    return {
      name: `辰溪县${topics[i % topics.length]}${WORK[Math.floor(rand() * WORK.length)]}（储备${i + 1}）`,
      sourceUnit: `辰溪县${['农业农村局', '林业局', '畜牧水产事务中心', '农机事务中心', '人民医院', '工业园'][INDUSTRIES.indexOf(industry)]}`,
      industry,
      maturity: ['idea', 'feasible', 'ready'][Math.floor(rand() * 3)]!,
      survey,
      admitted,
    };
  };
  const items: DemoReserveItem[] = [];
  for (let i = 0; i < 86; i++) {
    const year = 2017 + (i % 3);
    items.push(item(i, `${year}-${String(3 + (i % 9)).padStart(2, '0')}-15`, `${year}年科技项目摸底调研`));
  }
  // Two older items became the 2021 applications: promoted, still in the library until approved.
  items[0]!.promoted = { project: '辰溪县数字乡村技术应用（2021）', on: '2021-03-08' };
  items[1]!.promoted = { project: '辰溪县竹笋保鲜技术应用（2021）', on: '2021-03-08' };
  for (let i = 86; i < 110; i++)
    items.push(item(i, `2020-07-${String(1 + (i % 20)).padStart(2, '0')}`, MAY_2020));
  // Candidates gathered but not yet reviewed: not in the library, so in no figure.
  for (let i = 110; i < 113; i++) items.push(item(i, undefined, MAY_2020));
  return items;
}

export function otherCountySurveys(county: string): DemoSurvey[] {
  return [
    {
      name: `${county}2020年科技项目摸底调研`,
      year: 2020,
      startDate: '2020-03-02',
      endDate: '2020-03-31',
      unitsVisited: { value: 15, qualifier: 'exact' },
      industriesCovered: { value: 4, qualifier: 'exact' },
      section: 'high',
    },
  ];
}

export function otherCountyReserve(county: string): DemoReserveItem[] {
  return ['agriculture', 'enterprise', 'husbandry', 'health'].map((industry, i) => ({
    name: `${county}${TOPICS[industry]![0]}储备项目`,
    sourceUnit: `${county}科技局`,
    industry,
    maturity: 'feasible',
    survey: null,
    admitted: `2020-0${4 + i}-10`,
  }));
}

const RURAL = new Set(['agriculture', 'forestry', 'husbandry', 'agri_machinery']);

export async function seedReserve(
  work: Work,
  dialect: Dialect,
  actor: Actor,
  placement: { orgId: number; sections: { high: number; rural: number } },
  items: DemoReserveItem[],
  surveys: DemoSurvey[] = [],
): Promise<void> {
  const tx = work.tx as unknown as Kysely<any>;
  const surveyRows = scoped(tx, dialect, actor, reserveSurvey);
  const surveyIds = new Map<string, number>();
  for (const { section, ...survey } of surveys) {
    const row = await surveyRows.create(work, {
      ...survey,
      orgId: placement.orgId,
      sectionId: placement.sections[section],
    });
    surveyIds.set(survey.name, row.id);
  }
  const rows = scoped(tx, dialect, actor, reserveItem);
  const flow = workflowRepo(tx, dialect, actor, reserveItem, 'zh');
  for (const { admitted, promoted, survey, ...values } of items) {
    let row = await rows.create(work, {
      ...values,
      surveyId: survey ? (surveyIds.get(survey) ?? null) : null,
      orgId: placement.orgId,
      sectionId: RURAL.has(values.industry) ? placement.sections.rural : placement.sections.high,
    });
    if (admitted) row = await flow.act(work, row.id, 'admit', { date: admitted }, row.version);
    if (promoted) {
      const project = await tx
        .selectFrom('project')
        .select('id')
        .where('orgId', '=', placement.orgId)
        .where('name', '=', promoted.project)
        .executeTakeFirstOrThrow();
      const input = { projectId: Number(project.id), date: promoted.on };
      row = await flow.act(work, row.id, 'promote', input, row.version);
    }
  }
}
