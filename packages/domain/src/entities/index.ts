import type { EntityDef } from '../define/entity.js';
import { enterprise } from './enterprise.js';
import { call } from './call.js';
import { disbursement } from './disbursement.js';
import { expert } from './expert.js';
import { progressReport } from './progress-report.js';
import { project } from './project.js';
import { reserveItem } from './reserve-item.js';
import { reserveSurvey } from './reserve-survey.js';
import { reviewBatch } from './review-batch.js';
import { reviewSheet } from './review-sheet.js';
import { metricEntry } from './metric-entry.js';
import { target } from './target.js';

export { enterprise, ENTERPRISE_KINDS, INDUSTRIES } from './enterprise.js';
export { project, PROJECT_CATEGORIES, PROJECT_LEVELS } from './project.js';
export * from './project-workflow.js';
export { call } from './call.js';
export { expert, EXPERT_TITLES, GENDERS } from './expert.js';
export {
  committedFen,
  disbursement,
  DISBURSEMENT_STATES,
  ledgerOf,
  type FundingLedger,
} from './disbursement.js';
export { reserveItem, RESERVE_INDUSTRIES, RESERVE_MATURITY, RESERVE_STATES } from './reserve-item.js';
export { reserveSurvey } from './reserve-survey.js';
export * from './review-batch.js';
export { progressReport } from './progress-report.js';
export * from './review-sheet.js';
export * from './target.js';
export * from './metric-entry.js';

/** Every business entity; routes, permissions, menus and the scope matrix test iterate this. */
export const ENTITIES: readonly EntityDef[] = [
  enterprise,
  call,
  project,
  progressReport,
  disbursement,
  reserveSurvey,
  reserveItem,
  expert,
  reviewBatch,
  reviewSheet,
  target,
  metricEntry,
];

export const entityByName = (name: string): EntityDef | undefined => ENTITIES.find((e) => e.name === name);
