import type { Text } from '../i18n.js';
import type { EnumDef } from './enums.js';
import type { FieldDef } from './fields.js';

/**
 * A record's lifecycle as an explicit state machine (DOMAIN §3.2). Each action is a route with its
 * own permission, input schema (built from field definitions, like a form) and audit entry; the
 * state column is never written by create or update.
 */
export interface ActionDef {
  name: string;
  label: Text;
  from: readonly string[];
  /** Possible target states; with more than one, `decide` picks from the input. */
  to: readonly string[];
  decide?: (input: Record<string, unknown>) => string;
  /** Fields of the action's form; their values are kept on the timeline entry. */
  input: Record<string, FieldDef>;
  /** The input that dates the step on the timeline when it has no `date` (公示 starts on its start date). */
  dateFrom?: string;
  /** Why the action does not apply to this row (beyond its state), or undefined when it does. */
  guard?: (row: Record<string, unknown>) => Text | undefined;
  /** Input errors that depend on the row (a score above its criterion's maximum), by input path. */
  validate?: (
    input: Record<string, unknown>,
    row: Record<string, unknown>,
  ) => { path: string; message: Text }[];
  /**
   * Taken by the system as the effect of another record's action (a review batch closing moves its
   * projects on), never offered as a route or a button.
   */
  system?: boolean;
  /** Row columns the action writes, from its input, the row and the action's date. */
  effects?: (
    input: Record<string, unknown>,
    row: Record<string, unknown>,
    on: string,
  ) => Record<string, unknown>;
}

export interface WorkflowInput {
  /** The enum column that holds the state. */
  field: string;
  states: EnumDef;
  initial: string;
  actions: readonly ActionDef[];
  /**
   * States in which the record may still be edited or deleted; past them only its actions change
   * it (an approved tranche's amount, a batch's criteria once reviewers are drawn). All when absent.
   */
  editableIn?: readonly string[];
}

export interface Workflow extends WorkflowInput {
  /** Permission key of each action: `${entity}:${action}`. */
  permissions: Record<string, string>;
}

export function defineWorkflow(entity: string, input: WorkflowInput): Workflow {
  const states = new Set(input.states.codes);
  const problems: string[] = [];
  if (!states.has(input.initial)) problems.push(`initial state ${input.initial} is not a state`);
  for (const s of input.editableIn ?? []) if (!states.has(s)) problems.push(`editableIn: unknown state ${s}`);
  const names = new Set<string>();
  for (const action of input.actions) {
    if (names.has(action.name)) problems.push(`action ${action.name} is declared twice`);
    names.add(action.name);
    for (const s of [...action.from, ...action.to])
      if (!states.has(s)) problems.push(`${action.name}: unknown state ${s}`);
    if (action.to.length === 0) problems.push(`${action.name}: no target state`);
    if (action.to.length > 1 && !action.decide) problems.push(`${action.name}: several targets need decide`);
  }
  if (problems.length > 0) throw new Error(`workflow of ${entity}: ${problems.join('; ')}`);
  return {
    ...input,
    permissions: Object.fromEntries(input.actions.map((a) => [a.name, `${entity}:${a.name}`])),
  };
}

export const actionOf = (workflow: Workflow, name: string): ActionDef | undefined =>
  workflow.actions.find((a) => a.name === name);

/** Whether the record may still be edited or deleted in its state (see `editableIn`). */
export const isEditable = (workflow: WorkflowInput | undefined, row: Record<string, unknown>): boolean =>
  !workflow?.editableIn || workflow.editableIn.includes(row[workflow.field] as string);

/** Actions offered as routes (all but the system's own). */
export const routeActions = (workflow: Workflow): ActionDef[] => workflow.actions.filter((a) => !a.system);

/** Actions people may take from a state (before guards and permissions). */
export const actionsFrom = (workflow: Workflow, state: string): ActionDef[] =>
  workflow.actions.filter((a) => a.from.includes(state) && !a.system);

/** The state an action leads to, given its (validated) input. */
export function targetOf(action: ActionDef, input: Record<string, unknown>): string {
  const to = action.decide ? action.decide(input) : action.to[0];
  if (to === undefined || !action.to.includes(to)) throw new Error(`${action.name}: undecided target ${to}`);
  return to;
}

/** One action taken on a record, as its timeline (the API's `/:id/timeline`) reports it. */
export interface WorkflowEvent {
  id: number;
  action: string;
  fromState: string;
  toState: string;
  /** The action's validated input. */
  input: Record<string, unknown>;
  /** The date the step took effect (its `date` input, else the day it was recorded). */
  onDate: string;
  actorId: number | null;
  actorName: string | null;
  /** When it was recorded. */
  at: string;
}
