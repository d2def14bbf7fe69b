import { defineEntity } from '../define/entity.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';
import { checkDocNo } from '../validators/doc-no.js';
import { PROJECT_LEVELS } from './project.js';

/**
 * 申报通知 (DOMAIN §3.2): a call for proposals, owned by the bureau that issues it and readable by
 * every bureau below, so a county sees the calls of its city and province beside its own.
 */
export const call = defineEntity({
  name: 'call',
  plural: 'calls',
  label: t('申报通知', 'Call for proposals'),
  display: 'title',
  sharedDown: true,
  attachments: true,
  fields: {
    title: f.text({ label: t('通知标题', 'Title'), required: true, max: 200, search: true, sort: true }),
    level: f.enum(PROJECT_LEVELS, { label: t('发布层级', 'Issuing level'), required: true, filter: true }),
    planName: f.text({ label: t('计划类别', 'Programme'), required: true, max: 100, search: true }),
    docNo: f.text({
      label: t('文号', 'Document number'),
      required: true,
      max: 50,
      search: true,
      check: checkDocNo,
    }),
    publishDate: f.date({ label: t('发布日期', 'Published'), required: true, filter: true, sort: true }),
    deadline: f.date({ label: t('申报截止日期', 'Deadline'), required: true, filter: true, sort: true }),
    categories: f.tags({ label: t('支持方向', 'Categories'), maxItems: 20, maxLength: 30 }),
    reviewRequired: f.bool({ label: t('需专家评审', 'Expert review required') }),
    publicityWorkingDays: f.int({
      label: t('公示期（工作日）', 'Publicity (working days)'),
      min: 0,
      max: 30,
    }),
    content: f.text({ label: t('通知要点', 'Summary'), max: 5000, multiline: true, hidden: true }),
  },
  sample: {
    title: '关于组织申报2020年度县级科技计划项目的通知',
    level: 'county',
    planName: '县级科技计划',
    docNo: '辰科发〔2020〕3号',
    publishDate: '2020-02-20',
    deadline: '2020-03-20',
    categories: ['工业', '社会发展', '农业推广'],
    reviewRequired: true,
    publicityWorkingDays: 5,
  },
  list: { columns: ['title', 'level', 'planName', 'docNo', 'publishDate', 'deadline'], sort: '-publishDate' },
});
