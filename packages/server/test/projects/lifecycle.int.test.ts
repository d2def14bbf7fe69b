import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsFrom, project, PROJECT_STATES, type ActionDef } from '@kjj/domain';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { actionInput } from '../support/values.js';

const workflow = project.workflow!;
const base = '/api/v1/projects';

/** Shortest sequence of actions from 草稿 to each state, for a project of the given level. */
function pathsFor(level: string): Map<string, ActionDef[]> {
  const paths = new Map<string, ActionDef[]>([[workflow.initial, []]]);
  const queue = [workflow.initial];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const action of actionsFrom(workflow, state)) {
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
    });
    afterAll(() => t.close());

    async function take(client: Client, id: number, action: ActionDef, input: Record<string, unknown>) {
      const current = (await client.get(`${base}/${id}`)).json<{ version: number }>();
      return client.post(`${base}/${id}/actions/${action.name}`, { version: current.version, ...input });
    }

    /** A new project of `level`, driven to `state` through the API. */
    async function projectIn(state: string, level = levelFor(state)): Promise<number> {
      const created = await director.post(base, {
        ...project.sample,
        level,
        name: `生命周期 ${state} ${Math.random()}`,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: number }>().id;
      for (const action of pathsFor(level).get(state)!) {
        const input = actionInput(action);
        if (action.name === 'recordUpperDecision')
          input.decision = state === 'not_approved' ? 'not_approved' : 'approved';
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
          const declared = action.from.includes(state);
          const applicable = declared && !action.guard?.({ ...project.sample, level });
          if (applicable) {
            // Each allowed transition on its own fresh project, since it changes the state.
            const id = await projectIn(state);
            const res = await take(director, id, action, actionInput(action));
            expect(res.statusCode, `${state} --${action.name}--> : ${res.body}`).toBe(200);
            expect(action.to).toContain(res.json<{ status: string }>().status);
            continue;
          }
          const res = await take(director, probe, action, actionInput(action));
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
