import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project, PROJECT_STATES, reviewBatch, type ActionDef } from '@kjj/domain';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { actionInput } from '../support/values.js';

const workflow = project.workflow!;
const base = '/api/v1/projects';

/**
 * Shortest sequence of actions from 草稿 to each state, for a project of the given level. System
 * actions (评审完成) count too: the test takes them the way the system does, through a batch.
 */
function pathsFor(level: string): Map<string, ActionDef[]> {
  const paths = new Map<string, ActionDef[]>([[workflow.initial, []]]);
  const queue = [workflow.initial];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const action of workflow.actions.filter((a) => a.from.includes(state))) {
      if (action.guard?.({ ...project.sample, level })) continue;
      for (const to of action.to) {
        if (paths.has(to)) continue;
        paths.set(to, [...paths.get(state)!, action]);
        queue.push(to);
      }
    }
  }
  return paths;
}

/** Upward projects are the only way to 已推荐上报; every other state is reached by a county project. */
const levelFor = (state: string) => (state === 'recommended' ? 'province' : 'county');

for (const kind of testDatabases()) {
  describe(`${kind.name}: project lifecycle over the API`, () => {
    let t: TestApp;
    let director: Client;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      director = await t.as('cx_director');
      sharedBatch = await draftBatch();
    });
    afterAll(() => t.close());

    async function take(client: Client, id: number, action: ActionDef, input: Record<string, unknown>) {
      const current = (await client.get(`${base}/${id}`)).json<{ version: number }>();
      return client.post(`${base}/${id}/actions/${action.name}`, { version: current.version, ...input });
    }

    /** A fresh review batch of the director's bureau, still drawing nobody. */
    async function draftBatch(): Promise<number> {
      const res = await director.post('/api/v1/review-batches', { ...reviewBatch.sample, reviewerCount: 3 });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: number }>().id;
    }

    /** Draws the batch, scores every sheet and closes it: what moves its projects to 评审完成. */
    async function completeReview(batchId: number): Promise<void> {
      const batchUrl = `/api/v1/review-batches/${batchId}`;
      let batch = (await director.get(batchUrl)).json<{ version: number }>();
      const drawn = await director.post(`${batchUrl}/actions/draw`, {
        version: batch.version,
        date: '2020-04-01',
      });
      expect(drawn.statusCode, drawn.body).toBe(200);
      const sheets = (await director.get(`/api/v1/review-sheets?batchId=${batchId}&limit=50`)).json<{
        items: { id: number; version: number }[];
      }>().items;
      for (const sheet of sheets) {
        const scored = await director.post(`/api/v1/review-sheets/${sheet.id}/actions/submitScores`, {
          version: sheet.version,
          scores: [{ score: 25 }, { score: 20 }, { score: 20 }, { score: 15 }],
          opinion: '同意立项',
        });
        expect(scored.statusCode, scored.body).toBe(200);
      }
      batch = (await director.get(batchUrl)).json<{ version: number }>();
      const closed = await director.post(`${batchUrl}/actions/close`, {
        version: batch.version,
        date: '2020-04-10',
      });
      expect(closed.statusCode, closed.body).toBe(200);
    }

    let sharedBatch: number;
    /** The input a test takes an action with: a real batch to join, else the smallest valid form. */
    const inputFor = (action: ActionDef) =>
      action.name === 'startReview' ? { ...actionInput(action), batchId: sharedBatch } : actionInput(action);

    /** A new project of `level`, driven to `state` through the API. */
    async function projectIn(state: string, level = levelFor(state)): Promise<number> {
      const created = await director.post(base, {
        ...project.sample,
        level,
        name: `生命周期 ${state} ${Math.random()}`,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: number }>().id;
      let batchId = 0;
      for (const action of pathsFor(level).get(state)!) {
        if (action.name === 'closeReview') {
          await completeReview(batchId);
          continue;
        }
        const input = actionInput(action);
        if (action.name === 'recordUpperDecision')
          input.decision = state === 'not_approved' ? 'not_approved' : 'approved';
        if (action.name === 'startReview') input.batchId = batchId = await draftBatch();
        const res = await take(director, id, action, input);
        expect(res.statusCode, `${action.name} on the way to ${state}: ${res.body}`).toBe(200);
      }
      return id;
    }

    it('allows exactly the declared transitions from every state and answers 409 otherwise', async () => {
      for (const state of PROJECT_STATES.codes) {
        const level = levelFor(state);
        const probe = await projectIn(state);
        for (const action of workflow.actions) {
          if (action.system) {
            // Taken only by the system: no route, whatever the state.
            const res = await take(director, probe, action, inputFor(action));
            expect(res.statusCode, `${state} --${action.name}-->`).toBe(404);
            continue;
          }
          const declared = action.from.includes(state);
          const applicable = declared && !action.guard?.({ ...project.sample, level });
          if (applicable) {
            // Each allowed transition on its own fresh project, since it changes the state.
            const id = await projectIn(state);
            const res = await take(director, id, action, inputFor(action));
            expect(res.statusCode, `${state} --${action.name}--> : ${res.body}`).toBe(200);
            expect(action.to).toContain(res.json<{ status: string }>().status);
            continue;
          }
          const res = await take(director, probe, action, inputFor(action));
          expect(res.statusCode, `${state} --${action.name}-->`).toBe(409);
          const problem = res.json<{ code: string; title: string }>();
          expect(problem.code).toBe(declared ? 'ACTION_NOT_APPLICABLE' : 'INVALID_TRANSITION');
          if (!declared) expect(problem.title).toContain(PROJECT_STATES.labels[state as 'draft'].zh);
        }
        const after = (await director.get(`${base}/${probe}`)).json<{ status: string }>();
        expect(after.status, `refused actions leave ${state} unchanged`).toBe(state);
      }
    });

    it('records each step on the timeline with who and when, and in the audit chain', async () => {
      const id = await projectIn('in_progress');
      const timeline = (await director.get(`${base}/${id}/timeline`)).json<{
        items: { action: string; toState: string; actorName: string; onDate: string }[];
      }>();
      expect(timeline.items.map((e) => e.action)).toEqual(
        pathsFor('county')
          .get('in_progress')!
          .map((a) => a.name),
      );
      expect(
        timeline.items.every((e) => e.actorName === '辰溪局长' && /^\d{4}-\d{2}-\d{2}$/.test(e.onDate)),
      ).toBe(true);
      const audit = (await director.get(`${base}/${id}/audit`)).json<{ items: { action: string }[] }>();
      expect(audit.items.map((e) => e.action)).toContain('project.approve');
    });

    it('enforces the permission of each action: staff prepare, chiefs check, the director decides', async () => {
      const inPublicity = await projectIn('in_publicity');
      const approve = workflow.actions.find((a) => a.name === 'approve')!;
      for (const username of ['cx_staff', 'cx_chief']) {
        const client = await t.as(username);
        const res = await take(client, inPublicity, approve, actionInput(approve));
        expect(res.statusCode, `${username} approves`).toBe(403);
      }
      // A project of the chief's own section, prepared and submitted by the section's staff.
      const staff = await t.as('cx_staff');
      const chief = await t.as('cx_chief');
      const created = await staff.post(base, { ...project.sample, name: '股室项目' });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: number }>().id;
      const submit = workflow.actions.find((a) => a.name === 'submit')!;
      expect((await take(staff, id, submit, {})).statusCode).toBe(200);
      const formalReject = workflow.actions.find((a) => a.name === 'formalReject')!;
      expect((await take(staff, id, formalReject, actionInput(formalReject))).statusCode).toBe(403);
      expect((await take(chief, id, formalReject, actionInput(formalReject))).statusCode).toBe(200);
      expect((await take(director, inPublicity, approve, actionInput(approve))).statusCode).toBe(200);
    });

    it('approves no earlier than the publicity ends (R-P2), and keeps planned dates in order', async () => {
      const id = await projectIn('reviewed');
      const publish = workflow.actions.find((a) => a.name === 'publish')!;
      const backwards = await take(director, id, publish, {
        publicityStart: '2020-06-10',
        publicityEnd: '2020-06-03',
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().errors[0]).toMatchObject({ path: 'publicityEnd' });
      const published = await take(director, id, publish, {
        publicityStart: '2020-06-03',
        publicityEnd: '2020-06-10',
      });
      expect(published.statusCode, published.body).toBe(200);
      const approve = workflow.actions.find((a) => a.name === 'approve')!;
      const early = await take(director, id, approve, { ...actionInput(approve), date: '2020-06-09' });
      expect(early.statusCode).toBe(400);
      expect(early.json().errors[0]).toMatchObject({ path: 'date' });
      expect(early.json().errors[0].message).toContain('立项日期不能早于公示结束日期（2020-06-10）');
      const onTime = await take(director, id, approve, { ...actionInput(approve), date: '2020-06-10' });
      expect(onTime.statusCode, onTime.body).toBe(200);

      const inverted = await director.post(base, {
        ...project.sample,
        name: `倒排日期 ${Math.random()}`,
        plannedStart: '2021-01-01',
        plannedEnd: '2020-12-31',
      });
      expect(inverted.statusCode).toBe(400);
      expect(inverted.json().errors[0]).toMatchObject({ path: 'plannedEnd', code: 'END_BEFORE_START' });
    });

    it('files each progress report as a record of its own, beside the step on the timeline', async () => {
      const id = await projectIn('in_progress');
      const report = workflow.actions.find((a) => a.name === 'reportProgress')!;
      const res = await take(director, id, report, {
        period: '2020年上半年',
        date: '2020-06-30',
        percent: 40,
        narrative: '完成示范基地建设。',
        spentToDateFen: 120_000_00,
        issues: '雨季影响施工进度',
      });
      expect(res.statusCode, res.body).toBe(200);
      const reports = (await director.get(`/api/v1/progress-reports?projectId=${id}`)).json<{
        items: Record<string, unknown>[];
      }>().items;
      expect(reports).toEqual([
        expect.objectContaining({
          projectId: id,
          period: '2020年上半年',
          reportDate: '2020-06-30',
          percent: 40,
          spentToDateFen: 120_000_00,
          issues: '雨季影响施工进度',
        }),
      ]);
      // The figures stay as reported; the wording can be corrected.
      const fixed = await director.patch(`/api/v1/progress-reports/${reports[0]!.id as number}`, {
        version: reports[0]!.version as number,
        percent: 90,
      });
      expect(fixed.statusCode).toBe(400);
      // No one files a report except through the project.
      expect((await director.post('/api/v1/progress-reports', { period: '伪造' })).statusCode).toBe(403);
    });

    it('refuses a stale version and an incomplete action form', async () => {
      const id = await projectIn('draft');
      const submit = workflow.actions.find((a) => a.name === 'submit')!;
      const stale = await director.post(`${base}/${id}/actions/submit`, { version: 99 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('CONFLICT_STALE_VERSION');
      await take(director, id, submit, {});
      const returned = await director.post(`${base}/${id}/actions/formalReturn`, { version: 2 });
      expect(returned.statusCode).toBe(400);
      expect(returned.json().errors[0].path).toBe('reason');
      expect(returned.json().errors[0].message).toMatch(/原因/);
    });

    it('never lets create or update set the state', async () => {
      const created = await director.post(base, { ...project.sample, status: 'approved' });
      expect(created.statusCode).toBe(400);
      const id = await projectIn('draft');
      const res = await director.patch(`${base}/${id}`, { version: 1, status: 'approved' });
      expect(res.statusCode).toBe(400);
    });
  });
}
