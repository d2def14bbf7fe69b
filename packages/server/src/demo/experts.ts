import type { Kysely } from 'kysely';
import { expert, residentIdCheckChar } from '@kjj/domain';
import type { Actor } from '../auth/actor.js';
import { scoped } from '../db/entity-repo.js';
import type { Dialect } from '../db/types.js';
import type { Work } from '../db/unit-of-work.js';

/** Placeholder people (DOMAIN A11: no real names); resident IDs with a correct check character. */
const PEOPLE = [
  ['专家甲', '湖南农业大学', 'senior', ['果树栽培']],
  ['专家乙', '湖南省农业科学院', 'senior', ['水稻育种']],
  ['专家丙', '怀化学院', 'deputy_senior', ['电子信息']],
  ['专家丁', '中南林业科技大学', 'senior', ['林业']],
  ['专家戊', '怀化市农业科学研究所', 'deputy_senior', ['畜牧兽医']],
  ['专家己', '湖南大学', 'senior', ['材料工程']],
  ['专家庚', '怀化职业技术学院', 'intermediate', ['食品加工']],
] as const;

const idFor = (region: string, i: number): string => {
  const first17 = `${region}1975${String(1 + (i % 12)).padStart(2, '0')}1${i % 10}00${i % 10}`;
  return first17 + residentIdCheckChar(first17);
};

/** The county's expert pool; its sections each keep a few (the high-tech and rural ones). */
export async function seedExperts(
  work: Work,
  dialect: Dialect,
  actor: Actor,
  placement: {
    orgId: number;
    region: string;
    sections: { high: number; rural: number };
    /** Demo reviewer accounts, linked to the expert of the same name. */
    accounts: { username: string; name: string }[];
  },
): Promise<void> {
  const repo = scoped(work.tx as unknown as Kysely<any>, dialect, actor, expert);
  for (const [i, [person, unit, title, fields]] of PEOPLE.entries()) {
    const name = `${person}${placement.region.slice(-2)}`;
    await repo.create(work, {
      name,
      accountUsername: placement.accounts.find((a) => a.name === name)?.username ?? null,
      gender: i % 2 === 0 ? 'male' : 'female',
      idNumber: idFor(placement.region, i),
      unit,
      title,
      fields: [...fields],
      active: true,
      declaredConflictUnits: [],
      orgId: placement.orgId,
      sectionId: i % 2 === 0 ? placement.sections.high : placement.sections.rural,
    });
  }
}
