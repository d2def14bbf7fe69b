import { assessTarget } from '../kpi.js';
import { reportFigureRefs, type ReportFacts } from './annual.js';
import { figureKey, type ReportFigure } from './model.js';

const WAN = 1_000_000;
const CATEGORIES = [
  { code: 'industry', label: '工业' },
  { code: 'social_dev', label: '社会发展' },
  { code: 'agri_extension', label: '农业推广' },
];

/**
 * 辰溪县 2020 as the server measures it from the demo records (DOMAIN §4.1), for the report's
 * unit tests: the builder and the consistency check run on it without a database.
 */
export function chenxi2020Facts(overrides: Partial<ReportFacts> = {}): ReportFacts {
  const values: Record<string, number | null> = {
    'projects.upward.recommended.count': 17,
    'projects.upward.approved.count': 9,
    'projects.upward.approved.amount': 208 * WAN,
    [figureKey('projects.upward.approved.count', { level: 'province' })]: 7,
    [figureKey('projects.upward.approved.amount', { level: 'province' })]: 105 * WAN,
    [figureKey('projects.upward.approved.count', { level: 'city' })]: 2,
    [figureKey('projects.upward.approved.amount', { level: 'city' })]: 103 * WAN,
    [figureKey('projects.upward.approved.count', { level: 'national' })]: 0,
    [figureKey('projects.upward.approved.amount', { level: 'national' })]: 0,
    'projects.county.approved.count': 24,
    'projects.county.approved.amount': 100 * WAN,
    [figureKey('projects.county.approved.count', { category: 'industry' })]: 2,
    [figureKey('projects.county.approved.count', { category: 'social_dev' })]: 3,
    [figureKey('projects.county.approved.count', { category: 'agri_extension' })]: 19,
    'projects.due.count': 12,
    'projects.implemented.count': 12,
    'projects.implementation.rate': 100,
    'reserve.added.count': 24,
    'reserve.stock.count': 110,
    'reserve.stock.start.count': 86,
    'reserve.exited.count': 0,
    'ip.applications.count': 102,
    'ip.applications.invention.count': 18,
  };
  const figures: Record<string, ReportFigure> = {};
  for (const ref of reportFigureRefs(CATEGORIES)) {
    const key = figureKey(ref.metricId, ref.params);
    const money = ref.metricId.endsWith('.amount');
    figures[key] = {
      metricId: ref.metricId,
      ...(ref.params ? { params: ref.params } : {}),
      label: key,
      value: values[key] ?? null,
      qualifier: 'exact',
      manual: ref.metricId.startsWith('ip.'),
      money,
      rate: ref.metricId.endsWith('.rate'),
      unit:
        money || ref.metricId.endsWith('.rate')
          ? ''
          : ref.metricId.startsWith('ip.')
            ? '件'
            : ref.metricId.startsWith('reserve')
              ? '个'
              : '项',
    };
  }
  const target = {
    targetValue: 90,
    kind: 'absolute',
    direction: 'higher_better',
    dueDate: '2020-12-31',
  } as const;
  return {
    orgId: 1,
    orgName: '辰溪县科学技术局',
    level: 'county',
    year: 2020,
    cutoff: '2020-12-31',
    documentDate: '2020-12-30',
    figures,
    categories: CATEGORIES,
    survey: { startDate: '2020-05-06', unitsVisited: { value: 30, qualifier: 'duo' } },
    targets: [
      {
        targetId: 7,
        name: '争取上级科技项目资金',
        source: 'fundraising',
        kind: 'absolute',
        metricId: 'projects.upward.approved.amount',
        targetValue: { value: 90, qualifier: 'exact' },
        actual: { value: 208, qualifier: 'exact', manual: false },
        assessment: assessTarget(target, { actual: 208, asOf: '2020-12-31' }),
        reason: null,
        unit: '万元',
        money: true,
      },
      {
        targetId: 8,
        name: '新增发明专利授权',
        source: 'xiaokang',
        kind: 'absolute',
        metricId: 'ip.grants.invention.count',
        targetValue: { value: 30, qualifier: 'exact' },
        actual: { value: 0, qualifier: 'exact', manual: true },
        assessment: assessTarget(
          { ...target, targetValue: 30, declaredImpossible: true, reason: 'x' },
          { actual: 0, asOf: '2020-12-31' },
        ),
        reason: '发明专利授权周期约3年',
        unit: '件',
        money: false,
      },
    ],
    nextTargets: [
      {
        name: '争取上级科技项目资金',
        metricId: 'projects.upward.approved.amount',
        kind: 'absolute',
        targetValue: { value: 100, qualifier: 'exact' },
        unit: '万元',
      },
    ],
    ...overrides,
  };
}
