import { defineEntity } from '../define/entity.js';
import { defineEnum } from '../define/enums.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';
import { MANUAL_METRICS } from '../metrics/manual.js';

/** The figures that are entered by hand, by id (their labels are the metrics' own). */
export const MANUAL_METRIC_IDS = defineEnum(Object.fromEntries(MANUAL_METRICS.map((m) => [m.id, m.label])));

/**
 * 手工填报 (DOMAIN §4): a bureau states one figure of a line of work kjj does not record yet, as of a
 * date and with its evidence ("截至12月底，全县专利申请102件", "兑现资助资金83000多元"). The latest
 * statement on or before a period's end is the figure for that period; each one is kept and
 * audited, and every place it appears marks it 手工填报.
 */
export const metricEntry = defineEntity({
  name: 'metricEntry',
  plural: 'metric-entries',
  label: t('手工填报指标', 'Manual figure'),
  display: 'evidence',
  attachments: true,
  fields: {
    metricId: f.enum(MANUAL_METRIC_IDS, { label: t('指标', 'Metric'), required: true, filter: true }),
    asOf: f.date({
      label: t('数据截至', 'As of'),
      required: true,
      filter: true,
      sort: true,
      help: t('数字所统计到的日期；年度数字填当年12月31日', 'The date the figure counts up to'),
    }),
    value: f.qty({
      label: t('数值', 'Value'),
      unit: '',
      required: true,
      help: t(
        '按指标的计量单位填写，金额以万元计；可带修饰词（余、多、约、以上、近）',
        "In the metric's unit (amounts in 10k yuan), with a qualifier if the source has one",
      ),
    }),
    evidence: f.text({
      label: t('依据', 'Evidence'),
      required: true,
      min: 2,
      max: 500,
      multiline: true,
      search: true,
      help: t(
        '数据来源：台账、文件、上级通报等；可另附附件',
        'Where the figure comes from; attach files too',
      ),
    }),
  },
  sample: {
    metricId: 'ip.applications.count',
    asOf: '2020-12-31',
    value: { value: 102, qualifier: 'exact' },
    evidence: '县市场监督管理局2020年专利统计台账',
  },
  list: { columns: ['metricId', 'asOf', 'value', 'evidence'], sort: '-asOf' },
});
