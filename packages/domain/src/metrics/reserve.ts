import type { MetricDef } from '../define/metric.js';
import { t } from '../i18n.js';

const GE = t('个', 'projects');

/**
 * 项目库 (DOMAIN §4.1 P13, P14): additions and exits are flows over the period, the stock is taken
 * at its end and at its start, so that end = start + added − exited holds (check C-11).
 */
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
  {
    id: 'reserve.stock.start.count',
    label: t('期初项目库存量', 'Projects in the library at the start'),
    unit: GE,
    entity: 'reserveItem',
    measure: { count: true },
    where: [
      { field: 'enteredAt', before: 'start' },
      { field: 'exitedAt', openAt: 'start' },
    ],
    params: ['industry'],
  },
  {
    id: 'reserve.exited.count',
    label: t('出库项目数', 'Projects leaving the library'),
    unit: GE,
    entity: 'reserveItem',
    measure: { count: true },
    where: [{ field: 'exitedAt', within: 'period' }],
    params: ['industry'],
  },
];
