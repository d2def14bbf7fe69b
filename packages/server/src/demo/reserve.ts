import type { Kysely } from 'kysely';
import { prng, reserveItem } from '@kjj/domain';
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
  surveyName: string | null;
  /** Date it was admitted to the library; absent for candidates still under review. */
  admitted?: string;
  promoted?: string;
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
  const item = (i: number, admitted: string | undefined, surveyName: string | null): DemoReserveItem => {
    const industry = INDUSTRIES[Math.floor(rand() * INDUSTRIES.length)]!;
    const topics = TOPICS[industry]!;
    return {
      name: `辰溪县${topics[i % topics.length]}${WORK[Math.floor(rand() * WORK.length)]}（储备${i + 1}）`,
      sourceUnit: `辰溪县${['农业农村局', '林业局', '畜牧水产事务中心', '农机事务中心', '人民医院', '工业园'][INDUSTRIES.indexOf(industry)]}`,
      industry,
      maturity: ['idea', 'feasible', 'ready'][Math.floor(rand() * 3)]!,
      surveyName,
      admitted,
    };
  };
  const items: DemoReserveItem[] = [];
  for (let i = 0; i < 86; i++) {
    const year = 2017 + (i % 3);
    items.push(item(i, `${year}-${String(3 + (i % 9)).padStart(2, '0')}-15`, `${year}年科技项目摸底调研`));
  }
  // Two older items went on to become applications in 2020: promoted, still in the library.
  items[0]!.promoted = '2020-03-01';
  items[1]!.promoted = '2020-03-01';
  for (let i = 86; i < 110; i++)
    items.push(item(i, `2020-07-${String(1 + (i % 20)).padStart(2, '0')}`, '2020年5月全县科技项目摸底调研'));
  // Candidates gathered but not yet reviewed: not in the library, so in no figure.
  for (let i = 110; i < 113; i++) items.push(item(i, undefined, '2020年5月全县科技项目摸底调研'));
  return items;
}

export function otherCountyReserve(county: string): DemoReserveItem[] {
  return ['agriculture', 'enterprise', 'husbandry', 'health'].map((industry, i) => ({
    name: `${county}${TOPICS[industry]![0]}储备项目`,
    sourceUnit: `${county}科技局`,
    industry,
    maturity: 'feasible',
    surveyName: null,
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
): Promise<void> {
  const tx = work.tx as unknown as Kysely<any>;
  const rows = scoped(tx, dialect, actor, reserveItem);
  const flow = workflowRepo(tx, dialect, actor, reserveItem, 'zh');
  for (const { admitted, promoted, ...values } of items) {
    let row = await rows.create(work, {
      ...values,
      orgId: placement.orgId,
      sectionId: RURAL.has(values.industry) ? placement.sections.rural : placement.sections.high,
    });
    if (admitted) row = await flow.act(work, row.id, 'admit', { date: admitted }, row.version);
    if (promoted) row = await flow.act(work, row.id, 'promote', { date: promoted }, row.version);
  }
}
