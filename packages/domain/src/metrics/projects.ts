import type { Condition, CountMetric, MetricDef, RatioMetric } from '../define/metric.js';
import { t } from '../i18n.js';

const UPPER = ['national', 'province', 'city'] as const;
const upper: Condition = { field: 'level', in: UPPER };
const county: Condition = { field: 'level', in: ['county'] };
const XIANG = t('项', 'projects');
const GE = t('个', 'projects');
const WAN = t('万元', '10k yuan');

const count = (
  id: string,
  label: ReturnType<typeof t>,
  where: Condition[],
  params: string[],
  unit = XIANG,
): CountMetric => ({
  id,
  label,
  unit,
  entity: 'project',
  measure: { count: true },
  where,
  params,
});
const amount = (
  id: string,
  label: ReturnType<typeof t>,
  where: Condition[],
  params: string[],
): CountMetric => ({
  id,
  label,
  unit: WAN,
  entity: 'project',
  measure: { sum: 'fiscalApprovedFen', money: true },
  where,
  params,
});

/**
 * Upper-level projects the bureau must see implemented in a period: approved by its end, due to
 * start by then, and not closed or terminated before it began (DOMAIN §4.1 P15, reading A3).
 */
const due: Condition[] = [
  upper,
  { field: 'approvedAt', by: 'end' },
  { field: 'plannedStart', by: 'end' },
  { field: 'closedAt', openAt: 'start' },
  { field: 'terminatedAt', openAt: 'start' },
];

export const PROJECT_METRICS: readonly MetricDef[] = [
  count(
    'projects.submitted.count',
    t('项目申报数', 'Applications submitted'),
    [{ field: 'submittedAt', within: 'period' }],
    ['level', 'category'],
  ),
  count(
    'projects.upward.recommended.count',
    t('向上申报项目数', 'Upward applications'),
    [upper, { field: 'recommendedAt', within: 'period' }],
    ['level', 'category'],
  ),
  count(
    'projects.upward.approved.count',
    t('上级立项项目数', 'Upward projects approved'),
    [upper, { field: 'approvedAt', within: 'period' }],
    ['level', 'category'],
  ),
  amount(
    'projects.upward.approved.amount',
    t('争取上级项目资金', 'Upper-level funds won'),
    [upper, { field: 'approvedAt', within: 'period' }],
    ['level', 'category'],
  ),
  count(
    'projects.county.approved.count',
    t('本级科技计划项目数', 'County plan projects'),
    [county, { field: 'approvedAt', within: 'period' }],
    ['category'],
  ),
  amount(
    'projects.county.approved.amount',
    t('本级科技计划项目资金', 'County plan funds'),
    [county, { field: 'approvedAt', within: 'period' }],
    ['category'],
  ),
  count(
    'projects.due.count',
    t('应实施项目数', 'Projects due for implementation'),
    due,
    ['level', 'category'],
    GE,
  ),
  count(
    'projects.implemented.count',
    t('实施科技项目数', 'Projects implemented'),
    [...due, { field: 'implementedAt', by: 'end' }],
    ['level', 'category'],
    GE,
  ),
  {
    id: 'projects.implementation.rate',
    label: t('项目实施率', 'Implementation rate'),
    unit: t('%', '%'),
    numerator: 'projects.implemented.count',
    denominator: 'projects.due.count',
  } satisfies RatioMetric,
  {
    id: 'funds.disbursed.amount',
    label: t('拨付项目资金', 'Funds disbursed'),
    unit: WAN,
    entity: 'disbursement',
    measure: { sum: 'amountFen', money: true },
    where: [{ field: 'paidAt', within: 'period' }],
    params: [],
  },
  count(
    'projects.acceptance.decided.count',
    t('首次验收项目数', 'Projects with a first acceptance verdict'),
    [{ field: 'firstAcceptanceAt', within: 'period' }],
    ['level', 'category'],
  ),
  count(
    'projects.acceptance.passed_first.count',
    t('一次通过验收项目数', 'Projects accepted at the first attempt'),
    [
      { field: 'firstAcceptanceAt', within: 'period' },
      { field: 'firstAcceptanceResult', in: ['passed'] },
    ],
    ['level', 'category'],
  ),
  {
    id: 'projects.acceptance.rate',
    label: t('验收一次通过率', 'First-attempt acceptance rate'),
    unit: t('%', '%'),
    numerator: 'projects.acceptance.passed_first.count',
    denominator: 'projects.acceptance.decided.count',
  } satisfies RatioMetric,
  count(
    'projects.accepted.count',
    t('验收通过项目数', 'Projects accepted'),
    [{ field: 'acceptedAt', within: 'period' }],
    ['level', 'category'],
  ),
  count(
    'projects.closed.count',
    t('结题项目数', 'Projects closed'),
    [{ field: 'closedAt', within: 'period' }],
    ['level', 'category'],
  ),
];
