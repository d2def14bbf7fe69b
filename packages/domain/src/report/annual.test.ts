import { describe, expect, it } from 'vitest';
import { buildAnnualReport } from './annual.js';
import { chenxi2020Facts as facts } from './annual.fixture.js';
import { pointText } from './model.js';

const WAN = 1_000_000;

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
      '加大争资跑项力度，积极向上争取项目和资金，力争上级科技项目资金达到100万元以上。',
    ]);
  });

  it('opens with 截至 when the figures stop before the year ends', () => {
    const q3 = buildAnnualReport(facts({ cutoff: '2020-09-30' }));
    expect(sectionText(q3, 'projects')).toContain('截至9月30日，');
    expect(sectionText(q3, 'projects')).toContain('现有项目库储备');
  });
});
