import { describe, expect, it } from 'vitest';
import { defineWorkflow, routeActions, targetOf } from '../define/workflow.js';
import { project } from './project.js';
import { PROJECT_ACTIONS_BY_ROLE, PROJECT_STAGES, PROJECT_STATES } from './project-workflow.js';

const workflow = project.workflow!;
/** Every action from a state, the system's own (评审完成, taken by the batch) included. */
const anyFrom = (state: string) => workflow.actions.filter((a) => a.from.includes(state));

describe('project lifecycle', () => {
  it('reaches every state from 草稿', () => {
    const seen = new Set([workflow.initial]);
    const queue = [workflow.initial];
    while (queue.length > 0) {
      const state = queue.shift()!;
      for (const action of anyFrom(state))
        for (const to of action.to)
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
    }
    expect([...seen].sort()).toEqual([...PROJECT_STATES.codes].sort());
  });

  it('ends in 结题, 未立项, 终止 and 已撤销 and nowhere else', () => {
    const terminal = PROJECT_STATES.codes.filter((s) => anyFrom(s).length === 0);
    expect(terminal.sort()).toEqual(['closed', 'not_approved', 'terminated', 'withdrawn']);
  });

  it('gives each action people take to exactly one role tier, and the system actions to none', () => {
    const assigned: string[] = Object.values(PROJECT_ACTIONS_BY_ROLE).flat();
    expect(new Set(assigned).size).toBe(assigned.length);
    expect([...assigned].sort()).toEqual(
      routeActions(workflow)
        .map((a) => a.name)
        .sort(),
    );
    const system = workflow.actions.filter((a) => a.system).map((a) => a.name);
    expect(system.sort()).toEqual(['closeReview', 'leaveReview']);
  });

  it('puts every state in exactly one board column', () => {
    const placed = PROJECT_STAGES.flatMap((stage) => stage.states);
    expect([...placed].sort()).toEqual([...PROJECT_STATES.codes].sort());
  });

  it('lets the upper level decide both ways and stamps approval only when approved', () => {
    const decision = workflow.actions.find((a) => a.name === 'recordUpperDecision')!;
    const input = { decision: 'approved', date: '2020-08-01', amount: 300_000_00 };
    expect(targetOf(decision, input)).toBe('approved');
    expect(decision.effects!(input, {}, '2020-08-02')).toMatchObject({
      approvedAt: '2020-08-01',
      fiscalApprovedFen: 300_000_00,
    });
    expect(targetOf(decision, { ...input, decision: 'not_approved' })).toBe('not_approved');
    expect(decision.effects!({ ...input, decision: 'not_approved' }, {}, '2020-08-02')).toEqual({});
  });

  it('keeps county and upward paths apart', () => {
    const approve = workflow.actions.find((a) => a.name === 'approve')!;
    const recommend = workflow.actions.find((a) => a.name === 'recommend')!;
    expect(approve.guard!({ level: 'county' })).toBeUndefined();
    expect(approve.guard!({ level: 'province' })?.zh).toMatch(/推荐上报/);
    expect(recommend.guard!({ level: 'city' })).toBeUndefined();
    expect(recommend.guard!({ level: 'county' })).toBeDefined();
  });

  it('refuses a workflow that names unknown states or ambiguous targets', () => {
    const states = PROJECT_STATES;
    expect(() =>
      defineWorkflow('x', {
        field: 'status',
        states,
        initial: 'draft',
        actions: [{ name: 'a', label: { zh: 'a', en: 'a' }, from: ['nowhere'], to: ['draft'], input: {} }],
      }),
    ).toThrow(/unknown state nowhere/);
    expect(() =>
      defineWorkflow('x', {
        field: 'status',
        states,
        initial: 'draft',
        actions: [
          {
            name: 'a',
            label: { zh: 'a', en: 'a' },
            from: ['draft'],
            to: ['submitted', 'returned'],
            input: {},
          },
        ],
      }),
    ).toThrow(/several targets need decide/);
  });
});
