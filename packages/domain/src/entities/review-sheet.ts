import { defineEntity } from '../define/entity.js';
import { defineEnum } from '../define/enums.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';
import { sheetTotal } from '../review.js';
import { weightedCriteria, type CriterionRow } from './review-batch.js';

export const REVIEW_SHEET_STATES = defineEnum({
  pending: t('待评分', 'To score'),
  submitted: t('已提交', 'Submitted'),
});

const sheetLine = {
  name: f.text({ label: t('评分项', 'Criterion'), required: true, max: 50 }),
  maxScore: f.int({ label: t('分值', 'Points'), required: true, min: 1, max: 100 }),
  score: f.int({ label: t('得分', 'Score'), min: 0, max: 100 }),
};

const fixed = { readOnly: true } as const;

const criteriaOf = (row: Record<string, unknown>) => (row.lines ?? []) as CriterionRow[];

/**
 * 专家评分表: one reviewer's scores for one project of a batch, created by the draw. The reviewer
 * (an expert with an account) is its assignee: the "own records" scope lets them see and score
 * their sheets and nothing else. Staff may also enter a paper sheet for an expert.
 */
export const reviewSheet = defineEntity({
  name: 'reviewSheet',
  plural: 'review-sheets',
  label: t('专家评分表', 'Score sheet'),
  display: 'projectName',
  assignee: 'expertUserId',
  fields: {
    batchId: f.ref('reviewBatch', {
      label: t('评审批次', 'Review batch'),
      required: true,
      filter: true,
      ...fixed,
    }),
    projectId: f.ref('project', { label: t('项目', 'Project'), required: true, filter: true, ...fixed }),
    expertId: f.ref('expert', { label: t('评审专家', 'Reviewer'), required: true, filter: true, ...fixed }),
    expertUserId: f.int({ label: t('专家账号', 'Reviewer account'), hidden: true, ...fixed }),
    projectName: f.text({
      label: t('项目名称', 'Project'),
      required: true,
      max: 100,
      search: true,
      sort: true,
      ...fixed,
    }),
    undertakerName: f.text({ label: t('承担单位', 'Undertaking unit'), required: true, max: 100, ...fixed }),
    expertName: f.text({ label: t('评审专家', 'Reviewer'), required: true, max: 30, search: true, ...fixed }),
    lines: f.list(sheetLine, { label: t('评分', 'Scores'), maxItems: 12, ...fixed }),
    total: f.text({ label: t('总分', 'Total'), max: 10, ...fixed }),
    opinion: f.text({ label: t('评审意见', 'Opinion'), max: 2000, multiline: true, hidden: true, ...fixed }),
    status: f.enum(REVIEW_SHEET_STATES, {
      label: t('状态', 'Status'),
      required: true,
      filter: true,
      ...fixed,
    }),
    submittedAt: f.date({ label: t('提交日期', 'Submitted on'), ...fixed }),
  },
  workflow: {
    field: 'status',
    states: REVIEW_SHEET_STATES,
    initial: 'pending',
    actions: [
      {
        name: 'submitScores',
        label: t('提交评分', 'Submit scores'),
        from: ['pending'],
        to: ['submitted'],
        input: {
          scores: f.list(
            { score: f.int({ label: t('得分', 'Score'), required: true, min: 0, max: 100 }) },
            { label: t('评分', 'Scores'), required: true, maxItems: 12 },
          ),
          opinion: f.text({
            label: t('评审意见', 'Opinion'),
            required: true,
            min: 2,
            max: 2000,
            multiline: true,
          }),
        },
        validate: (input, row) => scoreErrors(criteriaOf(row), scoresOf(input)),
        effects: (input, row, on) => {
          const criteria = criteriaOf(row);
          const scores = scoresOf(input);
          return {
            lines: criteria.map((c, i) => ({ name: c.name, maxScore: c.maxScore, score: scores[i] })),
            total: sheetTotal(weightedCriteria(criteria), scores).toFixed(2),
            opinion: input.opinion,
            submittedAt: on,
          };
        },
      },
      {
        name: 'reopen',
        label: t('退回重评', 'Reopen'),
        from: ['submitted'],
        to: ['pending'],
        input: { reason: f.text({ label: t('原因', 'Reason'), required: true, min: 2, max: 500 }) },
        effects: () => ({ submittedAt: null }),
      },
    ],
  },
  list: {
    columns: ['projectName', 'undertakerName', 'expertName', 'total', 'status'],
    sort: 'projectName',
  },
});

const scoresOf = (input: Record<string, unknown>): number[] =>
  ((input.scores ?? []) as { score: number }[]).map((s) => s.score);

/** One score per criterion, none above the criterion's points. */
function scoreErrors(criteria: readonly CriterionRow[], scores: readonly number[]) {
  if (scores.length !== criteria.length)
    return [
      {
        path: 'scores',
        message: t(`应填写${criteria.length}项得分`, `${criteria.length} scores are expected`),
      },
    ];
  return criteria.flatMap((c, i) =>
    scores[i]! > c.maxScore
      ? [
          {
            path: `scores.${i}.score`,
            message: t(`“${c.name}”得分不能超过${c.maxScore}分`, `"${c.name}" is out of ${c.maxScore}`),
          },
        ]
      : [],
  );
}
