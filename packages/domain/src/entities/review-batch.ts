import { defineEntity } from '../define/entity.js';
import { defineEnum } from '../define/enums.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';
import { MIN_REVIEWERS } from '../review.js';

export const REVIEW_BATCH_STATES = defineEnum({
  draft: t('待抽取专家', 'Drawing pending'),
  scoring: t('评审中', 'Scoring'),
  closed: t('评审结束', 'Closed'),
  cancelled: t('已取消', 'Cancelled'),
});

const note = f.text({ label: t('说明', 'Note'), max: 500, multiline: true });
const date = f.date({ label: t('日期', 'Date'), required: true, notFuture: true });

/**
 * 评审批次 (DOMAIN §3.2 Review, R-R1…R-R3): the projects reviewed together by one panel. Projects
 * join a batch when they are sent to review; drawing creates one score sheet per reviewer and
 * project; closing averages the sheets into each project's score and moves the projects on.
 * A criterion's maximum is also its weight, so the maxima add up to 100 (the sheet's total).
 */
export const reviewBatch = defineEntity({
  name: 'reviewBatch',
  plural: 'review-batches',
  label: t('评审批次', 'Review batch'),
  display: 'name',
  attachments: true,
  fields: {
    name: f.text({ label: t('批次名称', 'Name'), required: true, max: 100, search: true, sort: true }),
    year: f.int({ label: t('年度', 'Year'), required: true, min: 2000, max: 2100, filter: true }),
    callId: f.ref('call', { label: t('申报通知', 'Call for proposals'), filter: true }),
    reviewerCount: f.int({
      label: t('评审专家人数', 'Reviewers'),
      required: true,
      min: MIN_REVIEWERS,
      max: 15,
      help: t(
        '五人及以上时去掉一个最高分和一个最低分',
        'With five or more, the highest and lowest are dropped',
      ),
    }),
    reviewDate: f.date({ label: t('评审日期', 'Review date') }),
    criteria: f.list(
      {
        name: f.text({ label: t('评分项', 'Criterion'), required: true, max: 50 }),
        maxScore: f.int({ label: t('分值', 'Points'), required: true, min: 1, max: 100 }),
      },
      { label: t('评分标准', 'Criteria'), maxItems: 12 },
    ),
    status: f.enum(REVIEW_BATCH_STATES, {
      label: t('状态', 'Status'),
      required: true,
      readOnly: true,
      filter: true,
    }),
    drawSeed: f.int({ label: t('抽取随机种子', 'Draw seed'), readOnly: true, hidden: true }),
    reviewers: f.tags({ label: t('评审专家', 'Reviewers'), readOnly: true, maxItems: 15, maxLength: 30 }),
    excluded: f.tags({
      label: t('回避专家', 'Excluded experts'),
      readOnly: true,
      hidden: true,
      maxItems: 500,
      maxLength: 60,
    }),
    drawnAt: f.date({ label: t('抽取日期', 'Drawn on'), readOnly: true }),
    closedAt: f.date({ label: t('评审结束日期', 'Closed on'), readOnly: true }),
    note: f.text({ label: t('备注', 'Note'), max: 1000, multiline: true, hidden: true }),
  },
  workflow: {
    field: 'status',
    states: REVIEW_BATCH_STATES,
    initial: 'draft',
    editableIn: ['draft'],
    actions: [
      {
        name: 'draw',
        label: t('抽取评审专家', 'Draw reviewers'),
        from: ['draft'],
        to: ['scoring'],
        input: { date, note },
        effects: (_, __, on) => ({ drawnAt: on }),
      },
      {
        name: 'close',
        label: t('汇总评审结果', 'Close and aggregate'),
        from: ['scoring'],
        to: ['closed'],
        input: { date, note },
        effects: (_, __, on) => ({ closedAt: on }),
      },
      {
        name: 'cancel',
        label: t('取消批次', 'Cancel'),
        from: ['draft'],
        to: ['cancelled'],
        input: { reason: f.text({ label: t('原因', 'Reason'), required: true, min: 2, max: 500 }) },
      },
    ],
  },
  sample: {
    name: '2020年度县级科技计划项目评审',
    year: 2020,
    reviewerCount: 5,
    reviewDate: '2020-04-15',
    criteria: [
      { name: '技术创新性', maxScore: 30 },
      { name: '实施方案可行性', maxScore: 25 },
      { name: '经济社会效益', maxScore: 25 },
      { name: '承担单位基础条件', maxScore: 20 },
    ],
  },
  list: { columns: ['name', 'year', 'reviewerCount', 'reviewDate', 'status'], sort: '-updatedAt' },
  excel: ['name', 'year', 'reviewerCount', 'reviewDate', 'note'],
});

export interface CriterionRow {
  name: string;
  maxScore: number;
}

/** The batch's criteria as the scoring functions take them: each maximum is also the weight. */
export const weightedCriteria = (criteria: readonly CriterionRow[]) =>
  criteria.map((c) => ({ name: c.name, weight: c.maxScore, maxScore: c.maxScore }));
