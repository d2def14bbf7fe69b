import type { Kysely } from 'kysely';
import { prng, project, reviewBatch, reviewSheet, type CriterionRow } from '@kjj/domain';
import type { Actor } from '../auth/actor.js';
import { scoped } from '../db/entity-repo.js';
import type { ApiRow } from '../db/entity-rows.js';
import type { Dialect } from '../db/types.js';
import type { Work } from '../db/unit-of-work.js';
import { workflowRepo } from '../db/workflow-repo.js';

export const DEMO_CRITERIA: CriterionRow[] = [
  { name: '技术创新性', maxScore: 30 },
  { name: '实施方案可行性', maxScore: 25 },
  { name: '经济社会效益', maxScore: 25 },
  { name: '承担单位基础条件', maxScore: 20 },
];

/**
 * A county's yearly review of its plan projects, through the same actions as staff and experts:
 * the projects join a batch, five reviewers are drawn, every sheet is scored, the batch closes.
 * Returns the projects as they stand afterwards (评审完成 with their score, or still under review).
 */
export async function seedReview(
  work: Work,
  dialect: Dialect,
  actor: Actor,
  /** Without a `closed` date the batch stays drawn, its sheets waiting for the reviewers. */
  placement: {
    orgId: number;
    sectionId: number;
    county: string;
    year: number;
    drawn: string;
    closed: string | null;
  },
  projects: ApiRow[],
): Promise<ApiRow[]> {
  const tx = work.tx as unknown as Kysely<any>;
  const batches = workflowRepo(tx, dialect, actor, reviewBatch, 'zh');
  const flow = workflowRepo(tx, dialect, actor, project, 'zh');
  const sheets = workflowRepo(tx, dialect, actor, reviewSheet, 'zh');
  const { year } = placement;
  let batch = await scoped(tx, dialect, actor, reviewBatch).create(work, {
    name: `${placement.county}${year}年度县级科技计划项目评审`,
    year,
    // All seven of the county's experts, so the demo reviewer (专家甲) always has sheets.
    reviewerCount: 7,
    reviewDate: placement.closed ?? placement.drawn,
    criteria: DEMO_CRITERIA,
    orgId: placement.orgId,
    sectionId: placement.sectionId,
  });
  for (const p of projects)
    await flow.act(work, p.id, 'startReview', { batchId: batch.id, date: placement.drawn }, p.version);
  batch = await batches.act(work, batch.id, 'draw', { date: placement.drawn }, batch.version);
  const rows = scoped(tx, dialect, actor, project);
  const current = async () => {
    const now: ApiRow[] = [];
    for (const p of projects) now.push(await rows.getOrThrow(p.id));
    return now;
  };
  const { closed } = placement;
  if (!closed) return current();
  const drawn = await tx
    .selectFrom('reviewSheet')
    .select(['id', 'version'])
    .where('batchId', '=', batch.id)
    .orderBy('id')
    .execute();
  const next = prng(placement.orgId * 10_000 + year);
  for (const sheet of drawn) {
    // Scores between 70 % and 95 % of each criterion's points.
    const scores = DEMO_CRITERIA.map((c) => ({ score: Math.round(c.maxScore * (0.7 + 0.25 * next())) }));
    await sheets.act(
      work,
      Number(sheet.id),
      'submitScores',
      { scores, opinion: '项目目标明确，技术路线可行，建议立项。', date: closed },
      Number(sheet.version),
    );
  }
  await batches.act(work, batch.id, 'close', { date: closed }, batch.version);
  return current();
}
