import { defineEntity } from '../define/entity.js';
import { defineEnum } from '../define/enums.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';
import { METRICS } from '../metrics/index.js';

export const TARGET_SOURCES = defineEnum({
  perf_assessment: t('绩效考核', 'Performance assessment'),
  gov_work_report: t('政府工作报告', 'Government work report'),
  xiaokang: t('全面小康指标', 'Xiaokang indicators'),
  fundraising: t('争资跑项', 'Funds from above'),
  responsibility: t('目标责任书', 'Responsibility pledge'),
  other: t('其他', 'Other'),
});

export const TARGET_KINDS = defineEnum({
  absolute: t('数值目标', 'Absolute'),
  growth: t('增长目标', 'Growth'),
  boolean: t('完成类目标', 'Done or not'),
});

export const TARGET_DIRECTIONS = defineEnum({
  higher_better: t('不低于目标', 'At least'),
  lower_better: t('不超过目标', 'At most'),
});

/** Every metric a target can be measured by, computed or entered by hand. */
export const METRIC_IDS = defineEnum(Object.fromEntries(METRICS.map((m) => [m.id, m.label])));

/**
 * 考核指标 (DOMAIN §3.10): a figure a bureau is judged on, bound to the metric that measures it.
 * Its status is never typed in: it follows from the metric's actual (R-T1), except that staff may
 * declare a target impossible, with the reason. A city bureau's target assigned to its counties
 * is copied to each of them (assignedFromTargetId) and its actual is the sum of theirs (R-T3).
 */
export const target = defineEntity({
  name: 'target',
  plural: 'targets',
  label: t('考核指标', 'Target'),
  display: 'name',
  attachments: true,
  fields: {
    year: f.int({ label: t('年度', 'Year'), required: true, min: 2000, max: 2100, filter: true, sort: true }),
    name: f.text({ label: t('指标名称', 'Name'), required: true, max: 100, search: true, sort: true }),
    source: f.enum(TARGET_SOURCES, { label: t('指标来源', 'Source'), required: true, filter: true }),
    issuer: f.text({ label: t('下达单位', 'Issued by'), max: 100, search: true }),
    kind: f.enum(TARGET_KINDS, { label: t('目标类型', 'Kind'), required: true, filter: true }),
    direction: f.enum(TARGET_DIRECTIONS, { label: t('考核方向', 'Direction'), required: true }),
    metricId: f.enum(METRIC_IDS, {
      label: t('统计指标', 'Metric'),
      filter: true,
      help: t('完成值由此指标从业务记录计算；完成类目标可不选', 'The actual is this metric over the records'),
    }),
    targetValue: f.qty({
      label: t('目标值', 'Target value'),
      unit: '',
      help: t(
        '按指标的计量单位填写，金额以万元计，增长目标填增长百分数；未下达的留空',
        "In the metric's unit (amounts in 10k yuan; growth in percent); empty while not assigned",
      ),
    }),
    weight: f.int({ label: t('分值', 'Score weight'), min: 0, max: 1000 }),
    ownerSectionId: f.ref('org', { label: t('责任股室', 'Owner section'), filter: true }),
    ownerName: f.text({ label: t('责任人', 'Owner'), min: 2, max: 30 }),
    dueDate: f.date({ label: t('完成时限', 'Due'), filter: true }),
    parentTargetId: f.ref('target', { label: t('分解自', 'Decomposed from'), filter: true }),
    assignedFromTargetId: f.ref('target', { label: t('上级下达指标', 'Assigned from'), readOnly: true }),
    achieved: f.bool({ label: t('已完成（完成类目标）', 'Done (done-or-not targets)') }),
    declaredImpossible: f.bool({ label: t('确认无法完成', 'Declared impossible') }),
    reason: f.text({ label: t('未完成原因', 'Reason'), max: 500, multiline: true }),
    note: f.text({ label: t('备注', 'Note'), max: 1000, multiline: true, hidden: true }),
  },
  sample: {
    year: 2020,
    name: '争取上级科技项目资金',
    source: 'fundraising',
    issuer: '县人民政府',
    kind: 'absolute',
    direction: 'higher_better',
    metricId: 'projects.upward.approved.amount',
    targetValue: { value: 90, qualifier: 'exact' },
    ownerName: '张三',
    dueDate: '2020-12-31',
  },
  list: { columns: ['year', 'name', 'source', 'metricId', 'targetValue', 'dueDate'], sort: '-year' },
});
