import { CRUD_OPERATIONS } from './define/entity.js';
import { enterprise } from './entities/enterprise.js';
import { project } from './entities/project.js';
import { PROJECT_ACTIONS_BY_ROLE } from './entities/project-workflow.js';
import { call } from './entities/call.js';
import { disbursement } from './entities/disbursement.js';
import { expert } from './entities/expert.js';
import { progressReport } from './entities/progress-report.js';
import { reserveItem } from './entities/reserve-item.js';
import { reserveSurvey } from './entities/reserve-survey.js';
import { metricEntry } from './entities/metric-entry.js';
import { target } from './entities/target.js';
import { reviewBatch } from './entities/review-batch.js';
import { reviewSheet } from './entities/review-sheet.js';
import { t, type Text } from './i18n.js';
import type { DataScope } from './org.js';

export interface RoleTemplate {
  code: string;
  name: Text;
  /** Rows the role may change (and read, unless `readScope` is wider). */
  scope: DataScope;
  readScope?: DataScope;
  permissions: string[];
}

const all = (def: { permissions: Record<string, string> }) => Object.values(def.permissions);
const some = (
  def: { permissions: Record<(typeof CRUD_OPERATIONS)[number], string> },
  ...ops: (typeof CRUD_OPERATIONS)[number][]
) => ops.map((op) => def.permissions[op]);

const actions = (...names: readonly string[]) => names.map((name) => `project:${name}`);
/** Staff run the surveys, gather candidates and promote them; the chief decides what enters and leaves the library. */
const reserveStaff = [
  ...some(reserveSurvey, 'read', 'create', 'update', 'export', 'import'),
  ...some(reserveItem, 'read', 'create', 'update', 'export', 'import'),
  'reserveItem:promote',
];
const reserveChief = [
  ...all(reserveSurvey),
  ...all(reserveItem),
  'reserveItem:admit',
  'reserveItem:promote',
  'reserveItem:exit',
];
/** Staff record tranches and payments; the chief approves and cancels them. */
const fundsStaff = [
  ...some(disbursement, 'read', 'create', 'update', 'export', 'import'),
  'disbursement:pay',
];
const fundsChief = [...all(disbursement), 'disbursement:approve', 'disbursement:pay', 'disbursement:cancel'];
const callsStaff = some(call, 'read', 'create', 'update', 'export');
/** The expert pool is kept by staff; only a chief removes an expert. */
const expertsStaff = some(expert, 'read', 'create', 'update', 'export', 'import');
/** Staff organise review batches and enter paper score sheets; a chief sends a sheet back. */
const reviewStaff = [
  ...some(reviewBatch, 'read', 'create', 'update', 'export'),
  'reviewBatch:draw',
  'reviewBatch:close',
  'reviewBatch:cancel',
  ...some(reviewSheet, 'read', 'export'),
  'reviewSheet:submitScores',
];
/** 考核指标 and 手工填报: sections keep their own figures; chiefs and the office settle them. */
const kpiStaff = [
  ...some(target, 'read', 'update', 'export'),
  ...some(metricEntry, 'read', 'create', 'update', 'export', 'import'),
];
const kpiChief = [...all(target), ...all(metricEntry), 'report:read', 'report:write'];
/** Progress reports are written by the project's 进展报告 action (no one creates them by hand); staff keep their documents. */
const progressStaff = some(progressReport, 'read', 'update', 'export');
const reviewChief = [...all(reviewBatch), ...reviewStaff, 'reviewSheet:reopen'];
const staffActions = [
  ...actions(...PROJECT_ACTIONS_BY_ROLE.section_staff),
  ...reserveStaff,
  ...fundsStaff,
  ...callsStaff,
  ...expertsStaff,
  ...reviewStaff,
  ...progressStaff,
  ...kpiStaff,
];
const chiefActions = [
  ...staffActions,
  ...actions(...PROJECT_ACTIONS_BY_ROLE.section_chief),
  ...reserveChief,
  ...fundsChief,
  ...all(call),
  ...all(expert),
  ...reviewChief,
  ...kpiChief,
  ...some(progressReport, 'read', 'update', 'delete', 'export'),
];
/** What an upper level does with a lower level's records: oversee them, not edit them. */
const readAndExport = [
  enterprise,
  call,
  project,
  progressReport,
  reserveSurvey,
  reserveItem,
  disbursement,
  expert,
  reviewBatch,
  reviewSheet,
  target,
  metricEntry,
]
  .flatMap((def) => some(def, 'read', 'export'))
  .concat('report:read');
const directorActions = [...chiefActions, ...actions(...PROJECT_ACTIONS_BY_ROLE.director)];
/** Everything a director may do, plus running the organisation; only the system admin edits roles. */
const administration = [
  ...all(enterprise),
  ...all(project),
  ...directorActions,
  'org:manage',
  'user:manage',
  'audit:read',
];

/** The roles of DOMAIN §1.2 as seeded on a new installation; administrators may edit them. */
export const DEFAULT_ROLES: RoleTemplate[] = (
  [
    {
      code: 'sys_admin',
      name: t('系统管理员', 'System administrator'),
      scope: 'all',
      // Managed lists are shared by every bureau of the installation.
      permissions: [...administration, 'role:manage', 'dict:manage'],
    },
    {
      code: 'city_admin',
      name: t('市局管理员', 'City bureau administrator'),
      scope: 'org_and_below',
      permissions: administration,
    },
    {
      code: 'city_staff',
      name: t('市局工作人员', 'City bureau staff'),
      scope: 'org_and_below',
      permissions: readAndExport,
    },
    {
      code: 'province_staff',
      name: t('省厅工作人员', 'Provincial staff'),
      scope: 'org_and_below',
      permissions: readAndExport,
    },
    {
      code: 'director',
      name: t('局长', 'Director'),
      scope: 'org',
      permissions: [...all(enterprise), ...all(project), ...directorActions, 'audit:read'],
    },
    {
      code: 'deputy_director',
      name: t('副局长（分管）', 'Deputy director'),
      scope: 'org',
      permissions: [...all(enterprise), ...all(project), ...chiefActions],
    },
    {
      code: 'section_chief',
      name: t('股室负责人', 'Section chief'),
      scope: 'section',
      readScope: 'org',
      permissions: [...all(enterprise), ...all(project), ...chiefActions],
    },
    {
      code: 'section_staff',
      name: t('股室工作人员', 'Section staff'),
      scope: 'section',
      permissions: [
        ...some(enterprise, 'read', 'create', 'update', 'export', 'import'),
        ...some(project, 'read', 'create', 'update', 'export', 'import'),
        ...staffActions,
      ],
    },
    {
      code: 'office_staff',
      name: t('办公室工作人员', 'Office staff'),
      scope: 'org',
      permissions: [
        ...some(enterprise, 'read'),
        ...some(project, 'read'),
        ...some(reserveSurvey, 'read'),
        ...some(reserveItem, 'read'),
        ...some(disbursement, 'read'),
        ...some(call, 'read'),
        // The office keeps the bureau's targets and drafts its annual report.
        ...kpiChief,
      ],
    },
    {
      code: 'commissioner',
      name: t('科技特派员', 'S&T commissioner'),
      scope: 'self',
      readScope: 'org',
      permissions: some(enterprise, 'read'),
    },
    {
      code: 'expert',
      name: t('评审专家', 'Reviewer'),
      scope: 'self',
      permissions: [reviewSheet.permissions.read, 'reviewSheet:submitScores'],
    },
    { code: 'enterprise_user', name: t('企业联络员', 'Enterprise liaison'), scope: 'self', permissions: [] },
  ] satisfies RoleTemplate[]
).map((role) => ({ ...role, permissions: [...new Set(role.permissions)] }));
