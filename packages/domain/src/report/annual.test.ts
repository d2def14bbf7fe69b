import { describe, expect, it } from 'vitest';
import { assessTarget } from '../kpi.js';
import { buildAnnualReport, reportFigureRefs, type ReportFacts } from './annual.js';
import { figureKey, pointText, type ReportFigure } from './model.js';

const WAN = 1_000_000;
const CATEGORIES = [
  { code: 'industry', label: '工业' },
  { code: 'social_dev', label: '社会发展' },
  { code: 'agri_extension', label: '农业推广' },
];

/** 辰溪县 2020 as the server would measure it (DOMAIN §4.1). */
function facts(overrides: Partial<ReportFacts> = {}): ReportFacts {
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

const sectionText = (model: ReturnType<typeof buildAnnualReport>, id: string) =>
  model.work
    .find((s) => s.id === id)
    ?.points.map(pointText)
    .join('') ?? '';

describe('the annual report model (DOMAIN §5)', () => {
  const model = buildAnnualReport(facts());

  it('titles the report and plans the next year', () => {
    expect(model.title).toBe('辰溪县科学技术局2020年工作总结及2021年工作打算');
    expect(model.signature).toEqual({ org: '辰溪县科学技术局', date: '2020年12月30日' });
    expect(pointText(model.opening)).toMatch(/报告如下：$/);
  });

  it('states the seed report project figures in the projects section', () => {
    const text = sectionText(model, 'projects');
    for (const phrase of [
      '推荐申报项目17项',
      '获批立项9项',
      '其中省级7项、争取资金105万元，市级2项、争取资金103万元',
      '合计到位项目资金208万元',
      '为全年争资跑项目标90万元的231.11%',
      '下达县本级科技计划项目24项、安排资金100万元',
      '按类别分为工业2项、社会发展3项、农业推广19项',
      '5月起对30多个行业和企业开展项目摸底',
      '新增入库24个',
      '年末项目库储备110个',
      '实施率100%',
    ])
      expect(text).toContain(phrase);
    expect(text).not.toContain('国家级');
  });

  it('binds every number to a figure', () => {
    const projects = model.work.find((s) => s.id === 'projects')!;
    const bound = projects.points.flatMap((p) => p.segments.filter((s) => 'figure' in s));
    expect(bound.map((s) => s.text)).toContain('208万元');
    // Only dates are written in the wording itself.
    for (const p of projects.points)
      for (const s of p.segments)
        if (!('figure' in s)) expect(s.text, s.text).not.toMatch(/\d(?![\d.]*[年月日])/);
    const ratio = model.figures['target.7.ratio']!;
    expect(ratio).toMatchObject({
      value: 231.11,
      rate: true,
      parts: { numerator: 208 * WAN, denominator: 90 * WAN },
    });
  });

  it('puts manual figures in their sections and leaves out lines of work without figures', () => {
    expect(sectionText(model, 'ip')).toContain('全县全年专利申请102件（其中发明专利18件）');
    expect(model.work.map((s) => s.id)).toEqual(['projects', 'ip']);
  });

  it('summarises the targets and lists what could not be completed', () => {
    expect(pointText(model.kpi.summary)).toBe('年度承担的2项考核指标中，超额完成1项、无法完成1项。');
    expect(model.kpi.rows[0]).toMatchObject({
      target: '90万元',
      actual: '208万元',
      ratio: '231.11%',
      status: '超额完成',
    });
    expect(model.kpi.rows[1]).toMatchObject({
      ratio: '—',
      status: '无法完成',
      note: '发明专利授权周期约3年',
    });
    expect(model.problems.map(pointText)[0]).toBe(
      '“新增发明专利授权”目标30件，实际0件。主要原因：发明专利授权周期约3年。',
    );
    expect(model.plan.map(pointText)).toEqual([
      '加大争资跑项力度，积极向上争取项目和资金，力争争取上级科技项目资金达到100万元以上。',
    ]);
  });

  it('opens with 截至 when the figures stop before the year ends', () => {
    const q3 = buildAnnualReport(facts({ cutoff: '2020-09-30' }));
    expect(sectionText(q3, 'projects')).toContain('截至9月30日，');
    expect(sectionText(q3, 'projects')).toContain('现有项目库储备');
  });
});
