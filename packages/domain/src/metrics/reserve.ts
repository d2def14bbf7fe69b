import type { MetricDef } from '../define/metric.js';
import { t } from '../i18n.js';

const GE = t('个', 'projects');

/** 项目库 (DOMAIN §4.1 P13, P14): additions are a flow over the period, the stock is taken at its end. */
export const RESERVE_METRICS: readonly MetricDef[] = [
  {
    id: 'reserve.added.count',
    label: t('新增入库项目数', 'Projects added to the library'),
    unit: GE,
    entity: 'reserveItem',
    measure: { count: true },
    where: [{ field: 'enteredAt', within: 'period' }],
    params: ['industry'],
  },
  {
    id: 'reserve.stock.count',
    label: t('项目库存总量', 'Projects in the library'),
    unit: GE,
    entity: 'reserveItem',
    measure: { count: true },
    where: [
      { field: 'enteredAt', by: 'end' },
      { field: 'exitedAt', openAt: 'end' },
    ],
    params: ['industry'],
  },
];
