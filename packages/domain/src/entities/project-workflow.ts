import { defineEnum } from '../define/enums.js';
import { f } from '../define/fields.js';
import type { ActionDef, WorkflowInput } from '../define/workflow.js';
import { t, type Text } from '../i18n.js';
import { checkDocNo } from '../validators/doc-no.js';

/** Project lifecycle states (DOMAIN §3.2). */
export const PROJECT_STATES = defineEnum({
  draft: t('草稿', 'Draft'),
  submitted: t('已申报', 'Submitted'),
  returned: t('退回修改', 'Returned'),
  formal_passed: t('形式审查通过', 'Formal check passed'),
  under_review: t('专家评审中', 'Under review'),
  reviewed: t('评审完成', 'Reviewed'),
  in_publicity: t('公示中', 'In publicity'),
  recommended: t('已推荐上报', 'Recommended upward'),
  approved: t('已立项', 'Approved'),
  not_approved: t('未立项', 'Not approved'),
  contracted: t('已签任务书', 'Contract signed'),
  in_progress: t('实施中', 'In progress'),
  acceptance_pending: t('待验收', 'Awaiting acceptance'),
  accepted: t('验收通过', 'Accepted'),
  acceptance_failed: t('验收不通过', 'Acceptance failed'),
  closed: t('结题', 'Closed'),
  terminated: t('终止', 'Terminated'),
  withdrawn: t('已撤销', 'Withdrawn'),
});
export type ProjectState = (typeof PROJECT_STATES.codes)[number];

/** The project board's columns (项目看板): the lifecycle states grouped by stage, each state in one. */
export const PROJECT_STAGES: readonly { key: string; label: Text; states: readonly ProjectState[] }[] = [
  { key: 'applying', label: t('申报', 'Applying'), states: ['draft', 'submitted', 'returned'] },
  {
    key: 'reviewing',
    label: t('审查评审', 'Under review'),
    states: ['formal_passed', 'under_review', 'reviewed', 'in_publicity', 'recommended'],
  },
  { key: 'approved', label: t('立项', 'Approved'), states: ['approved', 'contracted'] },
  {
    key: 'implementing',
    label: t('实施', 'Implementing'),
    states: ['in_progress', 'acceptance_pending', 'acceptance_failed'],
  },
  { key: 'finished', label: t('验收结题', 'Accepted and closed'), states: ['accepted', 'closed'] },
  {
    key: 'stopped',
    label: t('未立项与终止', 'Not approved or stopped'),
    states: ['not_approved', 'terminated', 'withdrawn'],
  },
];

export const MIDTERM_RESULTS = defineEnum({
  good: t('良好', 'Good'),
  fair: t('一般', 'Fair'),
  poor: t('较差', 'Poor'),
});

export const ACCEPTANCE_RESULTS = defineEnum({
  passed: t('通过', 'Passed'),
  failed: t('不通过', 'Failed'),
});

/** The first acceptance verdict is kept: the 一次通过率 counts it, whatever follows a rectification. */
const firstVerdict = (row: Record<string, unknown>, on: string, result: 'passed' | 'failed') =>
  row.firstAcceptanceAt ? {} : { firstAcceptanceAt: on, firstAcceptanceResult: result };

export const UPPER_DECISIONS = defineEnum({
  approved: t('批准立项', 'Approved'),
  not_approved: t('未获批准', 'Not approved'),
});

const reason = f.text({ label: t('原因', 'Reason'), required: true, min: 2, max: 500, multiline: true });
const note = f.text({ label: t('说明', 'Note'), max: 500, multiline: true });
const date = f.date({ label: t('日期', 'Date'), required: true, notFuture: true });
const docNo = f.text({ label: t('文号', 'Document number'), required: true, max: 50, check: checkDocNo });
const amount = f.money({ label: t('资助金额', 'Grant'), required: true });

/** Upward projects are decided above (recommend + the upper level's decision); county plan projects here. */
const countyOnly = (row: Record<string, unknown>): Text | undefined =>
  row.level === 'county'
    ? undefined
    : t('上级项目由上级部门立项，请使用“推荐上报”', 'Upward projects are decided above');
const upwardOnly = (row: Record<string, unknown>): Text | undefined =>
  row.level !== 'county' ? undefined : t('县级项目由本局立项', 'County projects are approved by the bureau');

const REQUIRED_ON_SUBMIT = ['leaderName', 'plannedStart', 'plannedEnd', 'fiscalRequestedFen'] as const;

const act = (a: Omit<ActionDef, 'input'> & { input?: ActionDef['input'] }): ActionDef => ({
  input: {},
  ...a,
});

/** Approval stamps `approvedAt` once: a project terminated later still counts as approved in its year. */
const approval = (input: Record<string, unknown>) => ({
  approvedAt: input.date,
  approvalDocNo: input.docNo ?? null,
  fiscalApprovedFen: input.amount ?? 0,
});

export const PROJECT_ACTIONS: readonly ActionDef[] = [
  act({
    name: 'submit',
    label: t('申报', 'Submit'),
    from: ['draft', 'returned'],
    to: ['submitted'],
    guard: (row) =>
      REQUIRED_ON_SUBMIT.some((k) => row[k] === null || row[k] === undefined)
        ? t(
            '申报前请填写负责人、计划起止日期和申请财政资助',
            'Fill in leader, planned dates and requested funds first',
          )
        : undefined,
    effects: (_, __, on) => ({ submittedAt: on }),
  }),
  act({
    name: 'formalPass',
    label: t('形式审查通过', 'Pass formal check'),
    from: ['submitted'],
    to: ['formal_passed'],
    input: { note },
  }),
  act({
    name: 'formalReturn',
    label: t('退回修改', 'Return for changes'),
    from: ['submitted'],
    to: ['returned'],
    input: { reason },
  }),
  act({
    name: 'formalReject',
    label: t('形式审查不通过', 'Reject at formal check'),
    from: ['submitted'],
    to: ['not_approved'],
    input: { reason },
  }),
  act({
    name: 'startReview',
    label: t('提交专家评审', 'Start expert review'),
    from: ['formal_passed'],
    to: ['under_review'],
    input: {
      batchId: f.ref('reviewBatch', { label: t('评审批次', 'Review batch'), required: true }),
      note,
    },
    guard: countyOnly,
    effects: (input) => ({ reviewBatchId: input.batchId, reviewScore: null }),
  }),
  // The two below are taken by the review batch (R-R3): closing it scores its projects, cancelling
  // it sends them back to wait for another batch.
  act({
    name: 'closeReview',
    label: t('评审完成', 'Review closed'),
    from: ['under_review'],
    to: ['reviewed'],
    input: {
      date,
      score: f.text({ label: t('评审得分', 'Review score'), required: true, max: 10 }),
      reviewers: f.int({ label: t('评审专家人数', 'Reviewers'), required: true }),
    },
    effects: (input) => ({ reviewScore: input.score }),
    system: true,
  }),
  act({
    name: 'leaveReview',
    label: t('评审批次取消', 'Review batch cancelled'),
    from: ['under_review'],
    to: ['formal_passed'],
    input: {},
    effects: () => ({ reviewBatchId: null }),
    system: true,
  }),
  act({
    name: 'publish',
    label: t('公示', 'Publish'),
    from: ['reviewed', 'formal_passed'],
    to: ['in_publicity'],
    input: {
      publicityStart: f.date({ label: t('公示开始日期', 'Publicity start'), required: true }),
      publicityEnd: f.date({ label: t('公示结束日期', 'Publicity end'), required: true }),
    },
    guard: countyOnly,
    dateFrom: 'publicityStart',
    validate: (input) =>
      (input.publicityEnd as string) < (input.publicityStart as string)
        ? [
            {
              path: 'publicityEnd',
              message: t('公示结束日期不能早于开始日期', 'The publicity ends before it starts'),
            },
          ]
        : [],
    effects: (input) => ({ publicityEnd: input.publicityEnd }),
  }),
  act({
    name: 'approve',
    label: t('立项', 'Approve'),
    from: ['in_publicity'],
    to: ['approved'],
    input: { docNo, date, amount, code: f.text({ label: t('项目编号', 'Project code'), max: 40 }) },
    guard: countyOnly,
    // R-P2: not before the publicity has run its course.
    validate: (input, row) =>
      row.publicityEnd && (input.date as string) < (row.publicityEnd as string)
        ? [
            {
              path: 'date',
              message: t(
                `立项日期不能早于公示结束日期（${row.publicityEnd as string}）`,
                `Approval cannot come before the publicity ends (${row.publicityEnd as string})`,
              ),
            },
          ]
        : [],
    effects: (input) => ({ ...approval(input), code: input.code ?? null }),
  }),
  act({
    name: 'reject',
    label: t('不予立项', 'Reject'),
    from: ['reviewed', 'in_publicity'],
    to: ['not_approved'],
    input: { reason },
  }),
  act({
    name: 'recommend',
    label: t('推荐上报', 'Recommend upward'),
    from: ['submitted', 'formal_passed'],
    to: ['recommended'],
    input: { date, note },
    guard: upwardOnly,
    effects: (input) => ({ recommendedAt: input.date }),
  }),
  act({
    name: 'recordUpperDecision',
    label: t('登记上级立项结果', 'Record the upper decision'),
    from: ['recommended'],
    to: ['approved', 'not_approved'],
    decide: (input) => input.decision as string,
    input: {
      decision: f.enum(UPPER_DECISIONS, { label: t('上级决定', 'Decision'), required: true }),
      date,
      docNo: { ...docNo, required: false },
      amount: { ...amount, required: false },
    },
    effects: (input) => (input.decision === 'approved' ? approval(input) : {}),
  }),
  act({
    name: 'signContract',
    label: t('签订任务书', 'Sign the task contract'),
    from: ['approved'],
    to: ['contracted'],
    input: {
      contractNo: f.text({ label: t('任务书编号', 'Contract number'), required: true, max: 50 }),
      date,
    },
    effects: (input) => ({ contractNo: input.contractNo, contractDate: input.date }),
  }),
  act({
    name: 'startImplementation',
    label: t('开始实施', 'Start implementation'),
    from: ['contracted'],
    to: ['in_progress'],
    input: { date },
    effects: (input) => ({ implementedAt: input.date }),
  }),
  act({
    name: 'reportProgress',
    label: t('进展报告', 'Progress report'),
    from: ['in_progress'],
    to: ['in_progress'],
    // Also writes the period's 项目进展报告 record (server action hook).
    input: {
      period: f.text({
        label: t('报告期', 'Period'),
        required: true,
        max: 30,
        help: t('如：2026年上半年', 'e.g. first half of 2026'),
      }),
      date,
      percent: f.int({ label: t('完成进度（%）', 'Progress (%)'), required: true, min: 0, max: 100 }),
      narrative: f.text({ label: t('进展情况', 'Progress'), required: true, max: 2000, multiline: true }),
      spentToDateFen: f.money({ label: t('累计支出', 'Spent to date') }),
      issues: f.text({ label: t('存在问题', 'Issues'), max: 1000, multiline: true }),
    },
  }),
  act({
    name: 'midtermCheck',
    label: t('中期检查', 'Mid-term check'),
    from: ['in_progress'],
    to: ['in_progress'],
    input: {
      date,
      result: f.enum(MIDTERM_RESULTS, { label: t('检查结果', 'Result'), required: true }),
      note,
    },
  }),
  act({
    name: 'extend',
    label: t('延期', 'Extend'),
    from: ['in_progress'],
    to: ['in_progress'],
    input: { newEnd: f.date({ label: t('新的结束日期', 'New end date'), required: true }), reason },
    guard: (row) =>
      row.extendedAt ? t('项目只能延期一次', 'A project can be extended only once') : undefined,
    effects: (input, _, on) => ({ plannedEnd: input.newEnd, extendedAt: on }),
  }),
  act({
    name: 'applyAcceptance',
    label: t('申请验收', 'Apply for acceptance'),
    from: ['in_progress'],
    to: ['acceptance_pending'],
    input: { date, note },
  }),
  act({
    name: 'accept',
    label: t('验收通过', 'Accept'),
    from: ['acceptance_pending'],
    to: ['accepted'],
    input: {
      date,
      opinion: f.text({ label: t('验收意见', 'Opinion'), required: true, max: 2000, multiline: true }),
    },
    effects: (input, row, on) => ({ acceptedAt: input.date, ...firstVerdict(row, on, 'passed') }),
  }),
  act({
    name: 'fail',
    label: t('验收不通过', 'Fail acceptance'),
    from: ['acceptance_pending'],
    to: ['acceptance_failed'],
    input: { date, reason, rectifyBy: f.date({ label: t('整改期限', 'Rectify by'), required: true }) },
    effects: (_, row, on) => firstVerdict(row, on, 'failed'),
  }),
  act({
    name: 'reapply',
    label: t('重新申请验收', 'Reapply for acceptance'),
    from: ['acceptance_failed'],
    to: ['acceptance_pending'],
    input: { note },
  }),
  act({
    name: 'close',
    label: t('结题', 'Close'),
    from: ['accepted'],
    to: ['closed'],
    input: { date, note },
    effects: (input) => ({ closedAt: input.date }),
  }),
  act({
    name: 'terminate',
    label: t('终止', 'Terminate'),
    from: ['approved', 'contracted', 'in_progress', 'acceptance_pending', 'acceptance_failed'],
    to: ['terminated'],
    input: { reason, recoverFen: f.money({ label: t('应收回资金', 'Funds to recover') }) },
    effects: (_, __, on) => ({ terminatedAt: on }),
  }),
  act({
    name: 'withdraw',
    label: t('撤销', 'Withdraw'),
    from: ['draft', 'submitted', 'returned', 'recommended'],
    to: ['withdrawn'],
    input: { reason },
  }),
];

export const PROJECT_WORKFLOW: WorkflowInput & { field: 'status' } = {
  field: 'status',
  states: PROJECT_STATES,
  initial: 'draft',
  actions: PROJECT_ACTIONS,
};

/** Who may take which action (DOMAIN §3.2 "Who"): staff prepare, chiefs check, the director decides. */
export const PROJECT_ACTIONS_BY_ROLE = {
  section_staff: [
    'submit',
    'formalPass',
    'formalReturn',
    'startReview',
    'recordUpperDecision',
    'signContract',
    'startImplementation',
    'reportProgress',
    'midtermCheck',
    'applyAcceptance',
    'reapply',
    'close',
    'withdraw',
  ],
  section_chief: ['formalReject', 'publish', 'recommend', 'accept', 'fail'],
  director: ['approve', 'reject', 'extend', 'terminate'],
} as const;
