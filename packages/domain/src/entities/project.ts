import { defineEntity } from '../define/entity.js';
import { defineEnum } from '../define/enums.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';
import { ACCEPTANCE_RESULTS, PROJECT_STATES, PROJECT_WORKFLOW } from './project-workflow.js';

export const PROJECT_LEVELS = defineEnum({
  national: t('国家级', 'National'),
  province: t('省级', 'Provincial'),
  city: t('市级', 'City'),
  county: t('县级', 'County'),
});

export const PROJECT_CATEGORIES = defineEnum({
  industry: t('工业', 'Industry'),
  social_dev: t('社会发展', 'Social development'),
  agri_extension: t('农业推广', 'Agricultural extension'),
  commissioner_project: t('科技特派员项目', 'Commissioner project'),
  platform: t('平台建设', 'Platform building'),
  popularization: t('科普', 'Science popularisation'),
  soft_science: t('软科学', 'Soft science'),
});

const person = {
  name: f.text({ label: t('姓名', 'Name'), required: true, min: 2, max: 30 }),
  unit: f.text({ label: t('单位', 'Unit'), max: 100 }),
  role: f.text({ label: t('分工', 'Role'), max: 50 }),
};

const indicator = {
  name: f.text({ label: t('指标', 'Indicator'), required: true, max: 100 }),
  unit: f.text({ label: t('单位', 'Unit'), max: 10 }),
  target: f.text({ label: t('目标值', 'Target'), required: true, max: 30 }),
  actual: f.text({ label: t('完成值', 'Actual'), max: 30 }),
};

const stamped = (zh: string, en: string) => f.date({ label: t(zh, en), readOnly: true, filter: true });

/**
 * 科技项目 (DOMAIN §3.2): one record from application to closure. Upward projects (国家/省/市级)
 * are recommended by the county and decided above; county plan projects are approved here. The
 * dates the lifecycle stamps (recommendedAt, approvedAt, …) are what the metrics count by.
 */
export const project = defineEntity({
  name: 'project',
  plural: 'projects',
  label: t('科技项目', 'S&T project'),
  display: 'name',
  attachments: true,
  fields: {
    name: f.text({ label: t('项目名称', 'Name'), required: true, max: 100, search: true, sort: true }),
    level: f.enum(PROJECT_LEVELS, { label: t('项目级别', 'Level'), required: true, filter: true }),
    category: f.dict('projectCategory', PROJECT_CATEGORIES, {
      label: t('项目类别', 'Category'),
      required: true,
      filter: true,
    }),
    year: f.int({
      label: t('计划年度', 'Plan year'),
      required: true,
      min: 2000,
      max: 2100,
      filter: true,
      sort: true,
    }),
    planName: f.text({ label: t('计划类别', 'Programme'), max: 100, search: true }),
    undertakerId: f.ref('enterprise', { label: t('承担企业', 'Undertaking enterprise'), filter: true }),
    undertakerName: f.text({
      label: t('承担单位', 'Undertaking unit'),
      required: true,
      max: 100,
      search: true,
    }),
    leaderName: f.text({ label: t('项目负责人', 'Leader'), min: 2, max: 30, search: true }),
    leaderPhone: f.text({ label: t('负责人电话', 'Leader phone'), max: 30 }),
    team: f.list(person, { label: t('项目组成员', 'Team'), maxItems: 30, hidden: true }),
    townId: f.ref('town', { label: t('实施地点', 'Place'), filter: true }),
    fiscalRequestedFen: f.money({ label: t('申请财政资助', 'Fiscal funds requested') }),
    selfFundedFen: f.money({ label: t('自筹资金', 'Self-funded') }),
    fiscalApprovedFen: f.money({ label: t('批准资助', 'Fiscal funds approved'), readOnly: true }),
    plannedStart: f.date({ label: t('计划开始日期', 'Planned start') }),
    plannedEnd: f.date({ label: t('计划结束日期', 'Planned end') }),
    indicators: f.list(indicator, { label: t('考核指标', 'Indicators'), maxItems: 30, hidden: true }),
    status: f.enum(PROJECT_STATES, {
      label: t('项目状态', 'Status'),
      required: true,
      readOnly: true,
      filter: true,
    }),
    code: f.text({ label: t('项目编号', 'Project code'), max: 40, readOnly: true, search: true }),
    approvalDocNo: f.text({ label: t('立项文号', 'Approval document'), max: 50, readOnly: true }),
    contractNo: f.text({ label: t('任务书编号', 'Contract number'), max: 50, readOnly: true }),
    submittedAt: stamped('申报日期', 'Submitted on'),
    recommendedAt: stamped('推荐上报日期', 'Recommended on'),
    publicityEnd: stamped('公示结束日期', 'Publicity ends'),
    approvedAt: stamped('立项日期', 'Approved on'),
    contractDate: stamped('任务书签订日期', 'Contract signed on'),
    implementedAt: stamped('开始实施日期', 'Implementation started'),
    extendedAt: stamped('延期日期', 'Extended on'),
    acceptedAt: stamped('验收日期', 'Accepted on'),
    firstAcceptanceAt: stamped('首次验收日期', 'First acceptance verdict on'),
    firstAcceptanceResult: f.enum(ACCEPTANCE_RESULTS, {
      label: t('首次验收结果', 'First acceptance verdict'),
      readOnly: true,
      filter: true,
    }),
    closedAt: stamped('结题日期', 'Closed on'),
    terminatedAt: stamped('终止日期', 'Terminated on'),
    callId: f.ref('call', { label: t('申报通知', 'Call for proposals'), filter: true }),
    reviewBatchId: f.ref('reviewBatch', {
      label: t('评审批次', 'Review batch'),
      filter: true,
      readOnly: true,
    }),
    reviewScore: f.text({ label: t('评审得分', 'Review score'), max: 10, readOnly: true }),
    note: f.text({ label: t('备注', 'Note'), max: 1000, multiline: true, hidden: true }),
  },
  workflow: PROJECT_WORKFLOW,
  sample: {
    name: '辰溪县稻田综合种养技术示范推广',
    level: 'county',
    category: 'agri_extension',
    year: 2020,
    undertakerName: '辰溪县某某农业科技有限公司',
    leaderName: '张三',
    fiscalRequestedFen: 4_000_000,
    selfFundedFen: 6_000_000,
    plannedStart: '2020-05-01',
    plannedEnd: '2021-12-31',
  },
  list: {
    columns: ['name', 'level', 'category', 'year', 'undertakerName', 'fiscalApprovedFen', 'status'],
    sort: '-updatedAt',
  },
  excel: [
    'name',
    'level',
    'category',
    'year',
    'planName',
    'undertakerName',
    'leaderName',
    'leaderPhone',
    'townId',
    'fiscalRequestedFen',
    'selfFundedFen',
    'plannedStart',
    'plannedEnd',
    'note',
  ],
});
