import { describe, expect, it } from 'vitest';
import { buildAnnualReport } from './annual.js';
import { chenxi2020Facts } from './annual.fixture.js';
import { checkReport, mentionsIn } from './check.js';
import { refreshFigures, staleFigures } from './refresh.js';
import { pointText as pointTextOf, type ReportModel, type Segment } from './model.js';

const clean = () => buildAnnualReport(chenxi2020Facts());

/** The model with the text of one point replaced, as staff would edit it. */
function edit(model: ReportModel, pointId: string, change: (segments: Segment[]) => Segment[]): ReportModel {
  const copy = structuredClone(model);
  for (const section of copy.work)
    for (const point of section.points) if (point.id === pointId) point.segments = change(point.segments);
  for (const point of copy.problems) if (point.id === pointId) point.segments = change(point.segments);
  return copy;
}
const typeOver = (from: string, to: string) => (segments: Segment[]) =>
  segments.map((s) => ('figure' in s && s.text === from ? { ...s, text: to } : s));
const append = (text: string) => (segments: Segment[]) => [...segments, { text }];

describe('the consistency check (DOMAIN §5.5)', () => {
  it('passes the report built from the records', () => {
    expect(checkReport(clean())).toEqual([]);
  });

  it('C-3: the seed report’s 18 invention applications beside "只有1件"', () => {
    const model = edit(clean(), 'ip.1', append('但2020年发明专利申请量只有1件。'));
    const findings = checkReport(model).filter((f) => f.check === 'C-3');
    expect(findings.length).toBeGreaterThan(0);
    const pair = findings.find((f) => f.places.length === 2)!;
    expect(pair.severity).toBe('error');
    expect(pair.places.map((p) => p.text).join('|')).toContain('其中发明专利18件');
    expect(pair.places.map((p) => p.text).join('|')).toContain('只有1件');
  });

  it('C-1: a part larger than its whole', () => {
    const model = edit(clean(), 'ip.1', typeOver('18件', '180件'));
    const findings = checkReport(model);
    expect(findings.map((f) => f.check)).toContain('C-1');
    expect(findings.find((f) => f.check === 'C-1')!.places).toHaveLength(2);
    expect(findings.map((f) => f.check)).toContain('C-9');
  });

  it('C-2: a breakdown that does not add up to its total', () => {
    const model = edit(clean(), 'projects.2', typeOver('19项', '18项'));
    const c2 = checkReport(model).find((f) => f.check === 'C-2')!;
    expect(c2.message).toContain('23');
    expect(c2.places.length).toBe(4); // the total and its three categories
  });

  it('C-11: a stock that does not follow from its start and its flows (86 + 24 − 0 = 110)', () => {
    const pointId = clean()
      .work.flatMap((s) => s.points)
      .find((p) => pointTextOf(p).includes('项目库储备'))!.id;
    const model = edit(clean(), pointId, typeOver('110个', '120个'));
    const c11 = checkReport(model).find((f) => f.check === 'C-11')!;
    expect(c11.severity).toBe('error');
    expect(c11.message).toContain('86');
    expect(c11.message).toContain('110');
    const added = edit(clean(), pointId, typeOver('24个', '34个'));
    expect(checkReport(added).map((f) => f.check)).toContain('C-11');
  });

  it('C-4: a percentage that does not follow from its parts', () => {
    const model = edit(clean(), 'projects.1', typeOver('231.11%', '213.11%'));
    const c4 = checkReport(model).find((f) => f.check === 'C-4')!;
    expect(c4.message).toContain('231.11%');
    const changedAmount = edit(clean(), 'projects.1', typeOver('208万元', '200万元'));
    expect(checkReport(changedAmount).map((f) => f.check)).toEqual(expect.arrayContaining(['C-4', 'C-9']));
  });

  it('C-5: 超额完成 at or under 100 %, 无法完成 without a reason', () => {
    const model = clean();
    model.kpi.rows[0]!.ratio = '95.00%';
    model.kpi.rows[1]!.note = '';
    expect(checkReport(model).filter((f) => f.check === 'C-5')).toHaveLength(2);
  });

  it('C-6: a plan year that is not the next year, a stray year in the summary', () => {
    const model = clean();
    model.title = model.title.replace('2021年工作打算', '2020年工作打算');
    const stray = edit(model, 'projects.3', append('2018年已建成项目库。'));
    const c6 = checkReport(stray).filter((f) => f.check === 'C-6');
    expect(c6.map((f) => f.severity).sort()).toEqual(['error', 'warning']);
  });

  it('C-8 and C-12: qualified figures that cannot meet, two qualifiers on one figure', () => {
    const text = '发放科普资料5000余份，其中发明专利18件，又称发明专利约100余件';
    expect(mentionsIn(text, 'work', 'x').map((m) => m.text)).toEqual(['18件', '约100余件']);
    const model = edit(clean(), 'ip.1', append('据统计发明专利申请不足10件。群众咨询约100余人次。'));
    const checks = checkReport(model).map((f) => f.check);
    expect(checks).toContain('C-8');
    expect(checks).toContain('C-12');
  });
});

describe('what the check reads as a stated figure', () => {
  it('skips goals and keeps next year apart from this year', () => {
    expect(mentionsIn('“新增发明专利授权”目标30件，实际0件', 'problems', 'p')).toEqual([]);
    expect(mentionsIn('力争全县专利申请量达到110件以上', 'plan', 'p')).toEqual([]);
    const plan = mentionsIn('全县专利申请量110件以上', 'plan', 'p');
    expect(plan[0]).toMatchObject({ period: 'plan', text: '110件以上' });
    const model = buildAnnualReport(chenxi2020Facts());
    model.plan.push({ id: 'plan.9', segments: [{ text: '全年专利申请120件。' }] });
    expect(checkReport(model)).toEqual([]);
  });
});

describe('numbers typed into the wording (C-9)', () => {
  it('flags a number bound to no record, not a date', () => {
    const model = edit(clean(), 'projects.3', append('另有12家单位提交了意向，3月已完成对接。'));
    const c9 = checkReport(model).filter((f) => f.check === 'C-9');
    expect(c9.map((f) => f.message)).toEqual(['“12”是手工输入的数字，未关联业务记录']);
    expect(c9[0]!.places[0]!.text).toContain('另有12家单位');
  });
});

describe('a draft whose records moved on', () => {
  it('lists the figures that changed and rebinds them, keeping what staff typed over', () => {
    const draft = edit(clean(), 'projects.2', typeOver('19项', '十九项'));
    const facts = chenxi2020Facts();
    facts.figures['reserve.added.count'] = { ...facts.figures['reserve.added.count']!, value: 25 };
    const fresh = buildAnnualReport(facts);
    const stale = staleFigures(draft, fresh);
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({
      check: 'C-9',
      message: expect.stringContaining('记录现为25个，草稿中为24个'),
    });
    const refreshed = refreshFigures(draft, fresh);
    const text = refreshed.work[0]!.points.map((p) => p.segments.map((s) => s.text).join('')).join('');
    expect(text).toContain('新增入库25个');
    expect(text).toContain('农业推广十九项');
    expect(staleFigures(refreshed, fresh)).toEqual([]);
  });
});

describe('count words and magnitudes (C-7, C-10)', () => {
  it('flags a count word that does not match the items listed', () => {
    const model = edit(
      clean(),
      'projects.3',
      append('活动覆盖五个集镇（辰阳镇、孝坪镇、火马冲镇、船溪乡）。'),
    );
    const c7 = checkReport(model).find((f) => f.check === 'C-7')!;
    expect(c7.message).toBe('“五个集镇”后列出4项');
    const right = edit(
      clean(),
      'projects.3',
      append('活动覆盖四个集镇（辰阳镇、孝坪镇、火马冲镇、船溪乡）。'),
    );
    expect(checkReport(right).filter((f) => f.check === 'C-7')).toEqual([]);
  });

  it('flags an amount no county ever sees, a likely unit slip', () => {
    const model = edit(clean(), 'ip.1', append('全年兑现资助资金83000万元。'));
    expect(checkReport(model).map((f) => f.check)).toContain('C-10');
  });
});
