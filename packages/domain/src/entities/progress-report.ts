import { defineEntity } from '../define/entity.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';

const fixed = { readOnly: true } as const;

/**
 * 项目进展报告 (DOMAIN §3.2 Funding): what a project in implementation reports for a period. Written
 * by the project's 进展报告 action (so it is also a step on the project's timeline); the report's
 * own page carries its documents.
 */
export const progressReport = defineEntity({
  name: 'progressReport',
  plural: 'progress-reports',
  label: t('项目进展报告', 'Progress report'),
  display: 'projectName',
  attachments: true,
  fields: {
    projectId: f.ref('project', { label: t('项目', 'Project'), required: true, filter: true, ...fixed }),
    projectName: f.text({
      label: t('项目名称', 'Project'),
      required: true,
      max: 100,
      search: true,
      ...fixed,
    }),
    period: f.text({ label: t('报告期', 'Period'), required: true, max: 30, search: true, ...fixed }),
    reportDate: f.date({
      label: t('报告日期', 'Reported on'),
      required: true,
      filter: true,
      sort: true,
      ...fixed,
    }),
    percent: f.int({ label: t('完成进度（%）', 'Progress (%)'), required: true, min: 0, max: 100, ...fixed }),
    // Wording may be corrected afterwards; the figures stay as reported.
    narrative: f.text({ label: t('进展情况', 'Progress'), required: true, max: 2000, multiline: true }),
    spentToDateFen: f.money({ label: t('累计支出', 'Spent to date'), ...fixed }),
    issues: f.text({ label: t('存在问题', 'Issues'), max: 1000, multiline: true }),
  },
  list: {
    columns: ['projectName', 'period', 'reportDate', 'percent', 'spentToDateFen'],
    sort: '-reportDate',
  },
});
