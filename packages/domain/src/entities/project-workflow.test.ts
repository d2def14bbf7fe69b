import { describe, expect, it } from 'vitest';
import { actionsFrom, defineWorkflow, targetOf } from '../define/workflow.js';
import { project } from './project.js';
import { PROJECT_ACTIONS_BY_ROLE, PROJECT_STATES } from './project-workflow.js';

const workflow = project.workflow!;

describe('project lifecycle', () => {
  it('reaches every state from 草稿', () => {
    const seen = new Set([workflow.initial]);
    const queue = [workflow.initial];
    while (queue.length > 0) {
      const state = queue.shift()!;
      for (const action of actionsFrom(workflow, state))
        for (const to of action.to)
          if (!seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
    }
    expect([...seen].sort()).toEqual([...PROJECT_STATES.codes].sort());
  });

  it('ends in 结题, 未立项, 终止 and 已撤销 and nowhere else', () => {
    const terminal = PROJECT_STATES.codes.filter((s) => actionsFrom(workflow, s).length === 0);
    expect(terminal.sort()).toEqual(['closed', 'not_approved', 'terminated', 'withdrawn']);
  });

  it('gives each action to exactly one role tier', () => {
    const assigned = Object.values(PROJECT_ACTIONS_BY_ROLE).flat();
    expect(new Set(assigned).size).toBe(assigned.length);
    expect([...assigned].sort()).toEqual(workflow.actions.map((a) => a.name).sort());
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
