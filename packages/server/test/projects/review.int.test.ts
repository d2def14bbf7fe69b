import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expert, project, reviewBatch } from '@kjj/domain';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { validResidentId } from '../support/values.js';

const UNDERTAKER = '辰溪县评审测试科技有限公司';

interface Sheet {
  id: number;
  version: number;
  projectId: number;
  expertName: string;
  status: string;
  total: string | null;
}

/** Score lines (criteria 30/25/25/20) and the sheet totals they make. */
const LINES: Record<number, number[]> = {
  60: [18, 15, 15, 12],
  70: [21, 17, 17, 15],
  75: [23, 19, 18, 15],
  80: [24, 20, 20, 16],
  86: [26, 21, 22, 17],
  90: [27, 23, 22, 18],
  95: [29, 24, 24, 18],
};

for (const kind of testDatabases()) {
  describe(`${kind.name}: expert review (评审批次, 评分表)`, () => {
    let t: TestApp;
    let staff: Client;
    let reviewer: Client;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      staff = await t.as('cx_staff');
      reviewer = await t.as('cx_expert');
    });
    afterAll(() => t.close());

    async function act(client: Client, plural: string, id: number, action: string, input = {}) {
      const { version } = (await client.get(`/api/v1/${plural}/${id}`)).json<{ version: number }>();
      return client.post(`/api/v1/${plural}/${id}/actions/${action}`, { version, ...input });
    }
    async function ok(client: Client, plural: string, id: number, action: string, input = {}) {
      const res = await act(client, plural, id, action, input);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      return res.json<Record<string, unknown>>();
    }

    async function batch(reviewerCount: number): Promise<number> {
      const res = await staff.post('/api/v1/review-batches', {
        ...reviewBatch.sample,
        name: `评审测试 ${Math.random()}`,
        reviewerCount,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: number }>().id;
    }

    /** A county project of the staff's section, formally checked and sent to the batch. */
    async function projectIn(batchId: number): Promise<number> {
      const res = await staff.post('/api/v1/projects', {
        ...project.sample,
        name: `评审项目 ${Math.random()}`,
        undertakerName: UNDERTAKER,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<{ id: number }>().id;
      await ok(staff, 'projects', id, 'submit');
      await ok(staff, 'projects', id, 'formalPass');
      await ok(staff, 'projects', id, 'startReview', { batchId });
      return id;
    }

    const sheetsOf = async (client: Client, batchId: number) =>
      (await client.get(`/api/v1/review-sheets?batchId=${batchId}&limit=100`)).json<{ items: Sheet[] }>()
        .items;

    it('never draws a conflicted expert, keeps the seed, and gives each reviewer one sheet per project', async () => {
      // Two experts the draw must pass over: one of the applicant's own unit, one who declared it.
      for (const [name, extra] of [
        ['同单位专家', { unit: UNDERTAKER }],
        ['回避专家', { unit: '怀化学院', declaredConflictUnits: [UNDERTAKER] }],
      ] as const) {
        const res = await staff.post('/api/v1/experts', {
          ...expert.sample,
          name,
          idNumber: validResidentId('431223'),
          ...extra,
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      // 辰溪县 has seven demo experts besides these two: asking for eight cannot be met.
      const tooMany = await batch(8);
      await projectIn(tooMany);
      const refused = await act(staff, 'review-batches', tooMany, 'draw', { date: '2020-04-01' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().title).toContain('可抽取的专家7人，少于所需的8人');

      const id = await batch(7);
      const projects = [await projectIn(id), await projectIn(id)];
      const drawn = await ok(staff, 'review-batches', id, 'draw', { date: '2020-04-01' });
      expect(drawn.status).toBe('scoring');
      expect(typeof drawn.drawSeed).toBe('number');
      expect(drawn.reviewers).toHaveLength(7);
      expect(drawn.reviewers).not.toContain('同单位专家');
      expect(drawn.reviewers).not.toContain('回避专家');
      expect(drawn.excluded).toEqual(
        expect.arrayContaining(['同单位专家（与申报单位同单位）', '回避专家（申报回避）']),
      );
      const sheets = await sheetsOf(staff, id);
      expect(sheets).toHaveLength(14);
      // Once drawn, the panel and the criteria are fixed.
      const locked = await staff.patch(`/api/v1/review-batches/${id}`, {
        version: drawn.version as number,
        reviewerCount: 5,
      });
      expect(locked.statusCode).toBe(409);
      expect(locked.json()).toMatchObject({ code: 'RECORD_LOCKED' });
      for (const p of projects) expect(sheets.filter((s) => s.projectId === p)).toHaveLength(7);
      // A batch that has drawn takes no more projects.
      const late = await staff.post('/api/v1/projects', {
        ...project.sample,
        name: `迟到项目 ${Math.random()}`,
      });
      const lateId = late.json<{ id: number }>().id;
      await ok(staff, 'projects', lateId, 'submit');
      await ok(staff, 'projects', lateId, 'formalPass');
      const joined = await act(staff, 'projects', lateId, 'startReview', { batchId: id });
      expect(joined.statusCode).toBe(409);
      expect(joined.json().title).toContain('已抽取专家');
    });

    it('lets a reviewer see and score only their own sheets; the batch averages them with the extremes dropped', async () => {
      const id = await batch(7);
      const projectId = await projectIn(id);
      await ok(staff, 'review-batches', id, 'draw', { date: '2020-04-01' });
      const all = await sheetsOf(staff, id);
      expect(all).toHaveLength(7);

      // The reviewer's account: their one sheet in this batch, no project records, no one else's sheet.
      const own = (await sheetsOf(reviewer, id)).map((s) => s.id);
      expect(own).toHaveLength(1);
      const mine = all.find((s) => s.id === own[0])!;
      expect(mine.expertName).toBe('专家甲23');
      const other = all.find((s) => s.id !== mine.id)!;
      expect((await reviewer.get(`/api/v1/review-sheets/${other.id}`)).statusCode).toBe(404);
      const foreign = await reviewer.post(`/api/v1/review-sheets/${other.id}/actions/submitScores`, {
        version: other.version,
        scores: LINES[80]!.map((score) => ({ score })),
        opinion: '建议立项',
      });
      expect(foreign.statusCode).toBe(404);
      expect((await reviewer.get('/api/v1/projects')).statusCode).toBe(403);

      // Scores are checked against the sheet's own criteria.
      const over = await act(reviewer, 'review-sheets', mine.id, 'submitScores', {
        scores: [{ score: 31 }, { score: 20 }, { score: 20 }, { score: 10 }],
        opinion: '建议立项',
      });
      expect(over.statusCode).toBe(400);
      expect(over.json().errors[0]).toMatchObject({ path: 'scores.0.score' });
      expect(over.json().errors[0].message).toContain('“技术创新性”得分不能超过30分');
      const short = await act(reviewer, 'review-sheets', mine.id, 'submitScores', {
        scores: [{ score: 20 }],
        opinion: '建议立项',
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors[0].message).toContain('应填写4项得分');

      // Seven totals; with five or more reviewers the 95 and the 60 are dropped: (70+75+80+86+90)/5.
      const totals = [60, 70, 75, 80, 86, 90, 95];
      const sheets = [mine, ...all.filter((s) => s.id !== mine.id)];
      for (const [i, sheet] of sheets.entries()) {
        const client = sheet.id === mine.id ? reviewer : staff;
        const scored = await ok(client, 'review-sheets', sheet.id, 'submitScores', {
          scores: LINES[totals[i]!]!.map((score) => ({ score })),
          opinion: '技术路线可行',
        });
        expect(scored.total).toBe(`${totals[i]}.00`);
        if (i === 1) {
          // Closing waits for every sheet.
          const early = await act(staff, 'review-batches', id, 'close', { date: '2020-04-10' });
          expect(early.statusCode).toBe(409);
          expect(early.json().title).toContain('还有5份评分表未提交');
        }
      }
      await ok(staff, 'review-batches', id, 'close', { date: '2020-04-10' });
      const reviewed = (await staff.get(`/api/v1/projects/${projectId}`)).json<Record<string, unknown>>();
      expect(reviewed).toMatchObject({ status: 'reviewed', reviewScore: '80.20', reviewBatchId: id });
      const timeline = (await staff.get(`/api/v1/projects/${projectId}/timeline`)).json<{
        items: { action: string; input: Record<string, unknown>; actorName: string; onDate: string }[];
      }>();
      expect(timeline.items.at(-1)).toMatchObject({
        action: 'closeReview',
        onDate: '2020-04-10',
        input: { score: '80.20', reviewers: 7 },
        actorName: '辰溪科员',
      });
      // A closed review is final.
      const chief = await t.as('cx_chief');
      const reopened = await act(chief, 'review-sheets', mine.id, 'reopen', { reason: '分数录入有误' });
      expect(reopened.statusCode).toBe(409);
      // The system's own step has no route.
      expect((await act(staff, 'projects', projectId, 'closeReview', {})).statusCode).toBe(404);
    });

    it('sends the projects of a cancelled batch back to wait for another', async () => {
      const id = await batch(5);
      const projectId = await projectIn(id);
      await ok(staff, 'review-batches', id, 'cancel', { reason: '评审计划调整' });
      const back = (await staff.get(`/api/v1/projects/${projectId}`)).json<Record<string, unknown>>();
      expect(back).toMatchObject({ status: 'formal_passed', reviewBatchId: null });
    });
  });
}
