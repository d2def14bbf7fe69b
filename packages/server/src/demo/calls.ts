import type { Kysely } from 'kysely';
import { call } from '@kjj/domain';
import type { Actor } from '../auth/actor.js';
import { scoped } from '../db/entity-repo.js';
import type { Dialect } from '../db/types.js';
import type { Work } from '../db/unit-of-work.js';

export interface DemoCall {
  title: string;
  level: 'province' | 'city' | 'county';
  planName: string;
  docNo: string;
  publishDate: string;
  deadline: string;
  categories: string[];
  /** Where the call is kept: the issuing bureau and, for a county, the section that drafted it. */
  orgId: number;
  sectionId: number | null;
}

/** Calls of 2020 at every level (DOMAIN §3.2): what a county bureau answered that year. */
export function demoCalls(orgs: {
  province: number;
  city: number;
  counties: { name: string; orgId: number; high: number; rural: number }[];
}): DemoCall[] {
  const calls: DemoCall[] = [
    {
      title: '关于组织申报2020年度湖南省重点研发计划项目的通知',
      level: 'province',
      planName: '重点研发计划',
      docNo: '湘科计〔2020〕5号',
      publishDate: '2020-02-28',
      deadline: '2020-04-10',
      categories: ['工业', '农业'],
      orgId: orgs.province,
      sectionId: null,
    },
    {
      title: '关于申报2020年度怀化市科技计划项目的通知',
      level: 'city',
      planName: '市级科技计划',
      docNo: '怀科发〔2020〕8号',
      publishDate: '2020-03-05',
      deadline: '2020-04-15',
      categories: ['平台建设', '农业推广'],
      orgId: orgs.city,
      sectionId: null,
    },
  ];
  for (const county of orgs.counties) {
    const prefix = `${county.name.slice(0, 1)}科发`;
    calls.push(
      {
        title: `关于组织申报2020年度${county.name}科技计划项目的通知`,
        level: 'county',
        planName: '县级科技计划',
        docNo: `${prefix}〔2020〕3号`,
        publishDate: '2020-02-20',
        deadline: '2020-03-20',
        categories: ['工业', '社会发展', '农业推广'],
        orgId: county.orgId,
        sectionId: county.high,
      },
      {
        title: `关于征集${county.name}2020年农业科技推广项目的通知`,
        level: 'county',
        planName: '农业科技推广',
        docNo: `${prefix}〔2020〕4号`,
        publishDate: '2020-02-25',
        deadline: '2020-03-25',
        categories: ['农业推广'],
        orgId: county.orgId,
        sectionId: county.rural,
      },
    );
  }
  return calls;
}

/** Creates the calls; returns each one's id with its level and owner, for projects to answer. */
export async function seedCalls(
  work: Work,
  dialect: Dialect,
  actor: Actor,
  calls: DemoCall[],
): Promise<{ id: number; level: string; orgId: number }[]> {
  const repo = scoped(work.tx as unknown as Kysely<any>, dialect, actor, call);
  const created = [];
  for (const c of calls) {
    const row = await repo.create(work, { ...c, reviewRequired: true, publicityWorkingDays: 5 });
    created.push({ id: row.id, level: c.level, orgId: c.orgId });
  }
  return created;
}
