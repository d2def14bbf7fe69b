import { defineEntity } from '../define/entity.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';

/**
 * 项目摸底调研 (DOMAIN §3.2 Reserve library): a survey of units and industries that feeds the
 * project library, e.g. "5月起对30多个行业和企业开展项目摸底". Its candidates link back to it.
 */
export const reserveSurvey = defineEntity({
  name: 'reserveSurvey',
  plural: 'reserve-surveys',
  label: t('项目摸底调研', 'Reserve survey'),
  display: 'name',
  attachments: true,
  fields: {
    name: f.text({ label: t('调研名称', 'Name'), required: true, max: 100, search: true, sort: true }),
    year: f.int({ label: t('年度', 'Year'), required: true, min: 2000, max: 2100, filter: true, sort: true }),
    startDate: f.date({ label: t('开始日期', 'Start'), required: true, filter: true, sort: true }),
    endDate: f.date({ label: t('结束日期', 'End') }),
    staffNames: f.text({ label: t('参加人员', 'Staff'), max: 200, search: true }),
    unitsVisited: f.qty({ label: t('走访单位', 'Units visited'), unit: '个' }),
    industriesCovered: f.qty({ label: t('覆盖行业', 'Industries covered'), unit: '个' }),
    summary: f.text({ label: t('调研情况', 'Findings'), max: 2000, multiline: true }),
  },
  sample: {
    name: '2020年全县科技项目摸底调研',
    year: 2020,
    startDate: '2020-05-06',
    endDate: '2020-06-12',
    staffNames: '张三、李四',
    unitsVisited: { value: 30, qualifier: 'duo' },
    industriesCovered: { value: 6, qualifier: 'exact' },
  },
  list: {
    columns: ['name', 'year', 'startDate', 'endDate', 'unitsVisited', 'industriesCovered'],
    sort: '-startDate',
  },
});
