import { defineEntity } from '../define/entity.js';
import { defineEnum } from '../define/enums.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';

export const RESERVE_INDUSTRIES = defineEnum({
  agriculture: t('农业', 'Agriculture'),
  forestry: t('林业', 'Forestry'),
  husbandry: t('畜牧', 'Animal husbandry'),
  agri_machinery: t('农机', 'Agricultural machinery'),
  health: t('医卫', 'Health'),
  enterprise: t('工业企业', 'Industrial enterprise'),
  other: t('其他', 'Other'),
});

export const RESERVE_MATURITY = defineEnum({
  idea: t('构想', 'Idea'),
  feasible: t('可研', 'Feasibility studied'),
  ready: t('成熟', 'Ready'),
});

export const RESERVE_STATES = defineEnum({
  candidate: t('候选', 'Candidate'),
  in_library: t('已入库', 'In the library'),
  promoted: t('已转申报', 'Promoted to an application'),
  exited: t('已出库', 'Exited'),
});

const date = f.date({ label: t('日期', 'Date'), required: true, notFuture: true });
const reason = f.text({ label: t('原因', 'Reason'), required: true, min: 2, max: 500, multiline: true });

/**
 * 项目库 (DOMAIN §3.2): candidate projects gathered in surveys of units and industries, reviewed
 * into the library, later promoted into an application. The stock at a date counts what entered
 * by then and had not left.
 */
export const reserveItem = defineEntity({
  name: 'reserveItem',
  plural: 'reserve-items',
  label: t('储备项目', 'Reserve project'),
  display: 'name',
  fields: {
    name: f.text({ label: t('项目名称', 'Name'), required: true, max: 100, search: true, sort: true }),
    sourceUnit: f.text({ label: t('提供单位', 'Source unit'), required: true, max: 100, search: true }),
    industry: f.dict('reserveIndustry', RESERVE_INDUSTRIES, {
      label: t('所属行业', 'Industry'),
      required: true,
      filter: true,
    }),
    maturity: f.enum(RESERVE_MATURITY, { label: t('成熟度', 'Maturity'), required: true, filter: true }),
    expectedInvestmentFen: f.money({ label: t('预计投资', 'Expected investment') }),
    surveyId: f.ref('reserveSurvey', { label: t('来源调研', 'Survey'), filter: true }),
    status: f.enum(RESERVE_STATES, {
      label: t('状态', 'Status'),
      required: true,
      readOnly: true,
      filter: true,
    }),
    enteredAt: f.date({ label: t('入库日期', 'Entered on'), readOnly: true, filter: true }),
    promotedAt: f.date({ label: t('转申报日期', 'Promoted on'), readOnly: true }),
    projectId: f.ref('project', { label: t('申报项目', 'Application'), readOnly: true, filter: true }),
    exitedAt: f.date({ label: t('出库日期', 'Exited on'), readOnly: true }),
    note: f.text({ label: t('备注', 'Note'), max: 1000, multiline: true, hidden: true }),
  },
  workflow: {
    field: 'status',
    states: RESERVE_STATES,
    initial: 'candidate',
    actions: [
      {
        name: 'admit',
        label: t('审核入库', 'Admit to the library'),
        from: ['candidate'],
        to: ['in_library'],
        input: { date, note: f.text({ label: t('审核意见', 'Opinion'), max: 500 }) },
        effects: (input) => ({ enteredAt: input.date }),
      },
      {
        name: 'promote',
        label: t('转为申报', 'Promote to an application'),
        from: ['in_library'],
        to: ['promoted'],
        // The application it became; when that project is approved the item leaves the library.
        input: {
          projectId: f.ref('project', { label: t('申报项目', 'Application'), required: true }),
          date,
          note: f.text({ label: t('申报计划', 'Programme applied to'), max: 200 }),
        },
        effects: (input) => ({ promotedAt: input.date, projectId: input.projectId }),
      },
      {
        name: 'exit',
        label: t('出库', 'Remove from the library'),
        from: ['candidate', 'in_library', 'promoted'],
        to: ['exited'],
        input: { date, reason },
        effects: (input) => ({ exitedAt: input.date }),
      },
      {
        name: 'retire',
        label: t('立项出库', 'Left on approval'),
        from: ['promoted'],
        to: ['exited'],
        // Taken when the application it became is approved (DOMAIN §3.2), on the approval's date.
        input: { date },
        effects: (input) => ({ exitedAt: input.date }),
        system: true,
      },
    ],
  },
  sample: {
    name: '辰溪县富硒稻米精深加工技术研究',
    sourceUnit: '辰溪县某某农业科技有限公司',
    industry: 'agriculture',
    maturity: 'feasible',
    expectedInvestmentFen: 50_000_000,
  },
  list: {
    columns: ['name', 'sourceUnit', 'industry', 'maturity', 'status', 'enteredAt'],
    sort: '-updatedAt',
  },
  excel: ['name', 'sourceUnit', 'industry', 'maturity', 'expectedInvestmentFen', 'note'],
});
