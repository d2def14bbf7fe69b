import { percent } from '../define/metric.js';
import { parseQty, qtyCompatible, type Qty } from '../qty.js';
import { renderFigure } from './annual.js';
import { pointText, type Point, type ReportFigure, type ReportModel } from './model.js';

/**
 * The consistency check before export (DOMAIN §5.5): figures that cannot all be true, each listed
 * with every place involved. "error" = cannot both be true; "warning" = plausible conflict.
 */
export interface Place {
  /** opening, work, kpi, problems, plan */
  part: string;
  pointId: string;
  /** The sentence (or the whole point) the figure stands in. */
  text: string;
}

export interface Finding {
  check: 'C-1' | 'C-2' | 'C-3' | 'C-4' | 'C-5' | 'C-6' | 'C-7' | 'C-8' | 'C-9' | 'C-10' | 'C-11' | 'C-12';
  severity: 'error' | 'warning';
  message: string;
  places: Place[];
  /** A figure the records now give differently (the draft can be brought up to date). */
  stale?: boolean;
}

/** Words a report uses for a metric, longest first within a family so 发明专利授权 wins over 发明专利. */
const ALIASES: [alias: string, metricId: string][] = [
  ['新增发明专利授权', 'ip.grants.invention.count'],
  ['发明专利授权', 'ip.grants.invention.count'],
  ['发明专利申请量', 'ip.applications.invention.count'],
  ['发明专利申请', 'ip.applications.invention.count'],
  ['发明专利', 'ip.applications.invention.count'],
  ['专利申请量', 'ip.applications.count'],
  ['专利申请', 'ip.applications.count'],
  ['推荐申报项目', 'projects.upward.recommended.count'],
  ['合计到位项目资金', 'projects.upward.approved.amount'],
  ['兑现资助资金', 'ip.subsidy.amount'],
  ['本级科技计划项目', 'projects.county.approved.count'],
  ['新增入库', 'reserve.added.count'],
  ['项目库储备', 'reserve.stock.count'],
  ['实施率', 'projects.implementation.rate'],
  ['高新技术企业', 'enterprises.hte.count'],
];

/** A number as written after a metric word: "102件", "只有1件", "5000余份", "105万元", "100%". */
const FIGURE_AFTER =
  /^[^，。；：\d（）()]{0,6}?((?:约|近|超过|不足)?\d+(?:\.\d+)?万?(?:余|多)?(?:件|项|个|家|名|人次|人|万元|元|%|场次|期|起|份|块|所)(?:以上)?)/;

interface Mention {
  metricId: string;
  /** The plan part speaks of next year: its figures are compared among themselves only. */
  period: 'year' | 'plan';
  qty: Qty;
  /** 元 for money, % for rates, else the measure word. */
  unit: string;
  place: Place;
  text: string;
}

const sentenceAround = (text: string, at: number): string => {
  const start = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1)) + 1;
  const ends = ['。', '；'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) + 1 : undefined);
};

/** Figures named in running text, each with its metric and place. */
export function mentionsIn(text: string, part: string, pointId: string): Mention[] {
  const taken: [number, number][] = [];
  const mentions: Mention[] = [];
  for (const [alias, metricId] of ALIASES) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(alias, from);
      if (at < 0) break;
      from = at + alias.length;
      if (taken.some(([a, b]) => at < b && at + alias.length > a)) continue;
      const match = FIGURE_AFTER.exec(text.slice(at + alias.length));
      if (!match) continue;
      const parsed = parseQty(match[1]!);
      if (!parsed) continue;
      taken.push([at, at + alias.length + match[0].length]);
      // A goal ("目标30件", "力争…达到110件以上") is not a statement of what was done.
      const before = text.slice(Math.max(0, at - 8), at);
      if (/目标|达到|力争/.test(match[0]) || /力争|目标/.test(before)) continue;
      mentions.push({
        metricId,
        period: part === 'plan' ? 'plan' : 'year',
        qty: parsed.qty,
        unit: parsed.unit,
        text: match[1]!,
        place: { part, pointId, text: sentenceAround(text, at) },
      });
    }
  }
  return mentions;
}

/** A figure of the model as a mention comparable with typed ones (money in 元). */
function figureQty(f: ReportFigure): Qty | undefined {
  if (f.value === null) return undefined;
  return { value: f.money ? f.value / 100 : f.value, qualifier: f.qualifier };
}

/** Every point of the model with the part it belongs to. */
function pointsOf(model: ReportModel): { part: string; point: Point }[] {
  return [
    { part: 'opening', point: model.opening },
    ...model.work.flatMap((s) => s.points.map((point) => ({ part: 'work', point }))),
    { part: 'kpi', point: model.kpi.summary },
    ...model.problems.map((point) => ({ part: 'problems', point })),
    ...model.plan.map((point) => ({ part: 'plan', point })),
  ];
}

/** Parts that can never exceed their whole (C-1), and breakdowns that must add up (C-2). */
const PART_OF: [part: string, whole: string][] = [
  ['ip.applications.invention.count', 'ip.applications.count'],
  ['projects.upward.approved.count', 'projects.upward.recommended.count'],
  ['projects.implemented.count', 'projects.due.count'],
  ['reserve.added.count', 'reserve.stock.count'],
];

/** Stocks and their flows (C-11): end = start + added − exited. */
const STOCKS: [end: string, start: string, added: string, exited: string][] = [
  ['reserve.stock.count', 'reserve.stock.start.count', 'reserve.added.count', 'reserve.exited.count'],
];

export function checkReport(model: ReportModel): Finding[] {
  const findings: Finding[] = [];
  const points = pointsOf(model);
  const placeOf = (part: string, point: Point, text = pointText(point)): Place => ({
    part,
    pointId: point.id,
    text,
  });

  // C-9: a bound figure typed over by hand, and its place.
  const effective = new Map<string, { qty: Qty; place: Place }>();
  for (const { part, point } of points) {
    const text = pointText(point);
    for (const segment of point.segments) {
      if (!('figure' in segment)) continue;
      const figure = model.figures[segment.figure];
      if (!figure) continue;
      const place = placeOf(part, point, sentenceAround(text, text.indexOf(segment.text)));
      const rendered = renderFigure(figure);
      const typed = parseQty(segment.text);
      if (segment.text !== rendered)
        findings.push({
          check: 'C-9',
          severity: 'warning',
          message: `“${figure.label}”按记录应为${rendered}，文中手工改为${segment.text}`,
          places: [place],
        });
      const recorded = figureQty(figure);
      if (recorded)
        effective.set(segment.figure, {
          qty: segment.text !== rendered && typed ? { ...typed.qty, value: typed.qty.value } : recorded,
          place,
        });
    }
  }

  // C-9: a number typed into the wording of part 一, bound to no record (dates excepted).
  for (const { part, point } of points) {
    if (part !== 'work') continue;
    const text = pointText(point);
    let at = 0;
    for (const segment of point.segments) {
      if (!('figure' in segment))
        for (const m of segment.text.matchAll(/\d+(?:\.\d+)?(?![\d.]*[年月日])/g))
          findings.push({
            check: 'C-9',
            severity: 'warning',
            message: `“${m[0]}”是手工输入的数字，未关联业务记录`,
            places: [placeOf(part, point, sentenceAround(text, at + m.index))],
          });
      at += segment.text.length;
    }
  }

  // C-3 / C-8: the same metric stated twice with values that cannot both hold; a stated value
  // that the records contradict.
  const mentions = points.flatMap(({ part, point }) => mentionsIn(pointText(point), part, point.id));
  const byMetric = new Map<string, Mention[]>();
  for (const m of mentions) byMetric.set(m.metricId, [...(byMetric.get(m.metricId) ?? []), m]);
  for (const [metricId, list] of byMetric) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!];
        if (a.period !== b.period || a.unit !== b.unit || qtyCompatible(a.qty, b.qty)) continue;
        const exact = a.qty.qualifier === 'exact' && b.qty.qualifier === 'exact';
        findings.push({
          check: exact ? 'C-3' : 'C-8',
          severity: 'error',
          message: `同一指标（${labelOf(model, metricId)}）前后数字不一致：${a.text}与${b.text}`,
          places: [a.place, b.place],
        });
      }
    const recorded = model.figures[metricId];
    const qty = recorded && figureQty(recorded);
    if (!qty) continue;
    for (const m of list.filter((x) => x.period === 'year')) {
      const value = recorded.money && m.unit === '万元' ? m.qty.value * 10_000 : m.qty.value;
      if (qtyCompatible({ ...m.qty, value }, qty)) continue;
      findings.push({
        check: 'C-3',
        severity: 'error',
        message: `“${recorded.label}”文中为${m.text}，记录为${renderFigure(recorded)}`,
        places: [m.place],
      });
    }
  }

  // C-1 part > whole, C-2 breakdown ≠ total, over the figures as the text states them.
  const stated = (key: string) => effective.get(key);
  for (const [part, whole] of PART_OF) {
    const p = stated(part);
    const w = stated(whole);
    if (p && w && p.qty.value > w.qty.value)
      findings.push({
        check: 'C-1',
        severity: 'error',
        message: `${labelOf(model, part)}${p.qty.value}大于${labelOf(model, whole)}${w.qty.value}`,
        places: [p.place, w.place],
      });
  }
  for (const [total, prefix] of [
    ['projects.upward.approved.count', 'projects.upward.approved.count{level='],
    ['projects.upward.approved.amount', 'projects.upward.approved.amount{level='],
    ['projects.county.approved.count', 'projects.county.approved.count{category='],
  ] as const) {
    const whole = stated(total);
    const parts = [...effective].filter(([key]) => key.startsWith(prefix)).map(([, v]) => v);
    if (!whole || parts.length === 0) continue;
    const sum = parts.reduce((s, v) => s + v.qty.value, 0);
    if (Math.abs(sum - whole.qty.value) > 1e-6)
      findings.push({
        check: 'C-2',
        severity: 'error',
        message: `分项合计${round(sum)}与总数${round(whole.qty.value)}不符（${labelOf(model, total)}）`,
        places: [whole.place, ...parts.map((v) => v.place)],
      });
  }

  // C-11: a stock the text states must follow from where it started and what came and went.
  for (const [end, start, added, exited] of STOCKS) {
    const e = stated(end);
    const flows = [start, added, exited].map((key) => {
      const figure = model.figures[key];
      return stated(key)?.qty.value ?? (figure ? figureQty(figure)?.value : undefined);
    });
    if (!e || flows.some((v) => v === undefined)) continue;
    const [s0, a, x] = flows as number[];
    if (Math.abs(s0! + a! - x! - e.qty.value) > 1e-6)
      findings.push({
        check: 'C-11',
        severity: 'error',
        message: `${labelOf(model, end)}${round(e.qty.value)}与期初${round(s0!)}＋新增${round(a!)}－减少${round(x!)}＝${round(s0! + a! - x!)}不符`,
        places: [e.place, ...(stated(added) ? [stated(added)!.place] : [])],
      });
  }

  // C-2 for a city: its counties (and its own 本级 records) add up to its figures.
  if (model.counties) {
    const rows = Object.entries(model.figures).filter(([key]) => key.startsWith('org.'));
    for (const [metricId, whole] of Object.entries(model.figures)) {
      const parts = rows.filter(([key]) => key.endsWith(`.${metricId}`)).map(([, f]) => f.value ?? 0);
      if (parts.length === 0 || whole.value === null) continue;
      const sum = parts.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - whole.value) > 1e-6)
        findings.push({
          check: 'C-2',
          severity: 'error',
          message: `各县市区${whole.label}合计${show(whole, sum)}与全市${show(whole, whole.value)}不符`,
          places: [{ part: 'kpi', pointId: 'counties', text: whole.label }],
        });
    }
  }

  // C-4: a percentage must follow from its numerator and denominator at the stated precision.
  for (const [key, figure] of Object.entries(model.figures)) {
    const shown = stated(key);
    if (!figure.rate || !figure.parts || !shown) continue;
    // The parts as the text states them where it does, else as recorded (same unit either way).
    const num = figure.of && stated(figure.of.numerator);
    const den = figure.of && stated(figure.of.denominator);
    const expected =
      num && den
        ? percent(num.qty.value, den.qty.value)
        : percent(figure.parts.numerator, figure.parts.denominator);
    if (expected !== null && Math.abs(expected - shown.qty.value) > 0.005)
      findings.push({
        check: 'C-4',
        severity: 'error',
        message: `${figure.label}应为${round(expected)}%，文中为${round(shown.qty.value)}%`,
        places: [shown.place, ...(num && den ? [num.place, den.place] : [])],
      });
  }

  // C-5: status against ratio in the KPI table.
  for (const row of model.kpi.rows) {
    const ratio = Number.parseFloat(row.ratio);
    const place = {
      part: 'kpi',
      pointId: `kpi.${row.targetId}`,
      text: `${row.name}：${row.ratio} ${row.status}`,
    };
    if (row.status.startsWith('超额完成') && !(ratio > 100))
      findings.push({
        check: 'C-5',
        severity: 'error',
        message: `“${row.name}”完成率${row.ratio}不应为超额完成`,
        places: [place],
      });
    if (row.status.startsWith('无法完成') && !row.note.trim())
      findings.push({
        check: 'C-5',
        severity: 'error',
        message: `“${row.name}”无法完成但未说明原因`,
        places: [place],
      });
  }

  // C-6: year words in the title and parts.
  const planYear = /(\d{4})年工作打算/.exec(model.title)?.[1];
  if (planYear && Number(planYear) !== model.year + 1)
    findings.push({
      check: 'C-6',
      severity: 'error',
      message: `打算年度应为${model.year + 1}年，标题为${planYear}年`,
      places: [{ part: 'title', pointId: 'title', text: model.title }],
    });
  for (const { part, point } of points) {
    const allowed = part === 'plan' ? [model.planYear] : [model.year, model.planYear];
    const text = pointText(point);
    for (const m of text.matchAll(/(\d{4})年/g))
      if (!allowed.includes(Number(m[1])))
        findings.push({
          check: 'C-6',
          severity: 'warning',
          message: `出现${m[1]}年，报告年度为${model.year}年`,
          places: [placeOf(part, point, sentenceAround(text, m.index))],
        });
  }

  // C-7: a count word and the items it lists ("五个集镇：甲、乙、丙、丁" lists four).
  for (const { part, point } of points) {
    const text = pointText(point);
    for (const m of text.matchAll(COUNTED_LIST)) {
      const said = numeralValue(m[1]!);
      const items = m[3]!.split('、').filter((x) => x.trim().length > 0).length;
      if (said !== undefined && items > 1 && said !== items)
        findings.push({
          check: 'C-7',
          severity: 'warning',
          message: `“${m[1]}个${m[2]}”后列出${items}项`,
          places: [placeOf(part, point, sentenceAround(text, m.index))],
        });
    }
  }

  // C-10: an amount far outside what the line of work ever sees (patent subsidies of 83000万元).
  for (const m of mentions) {
    const ceiling = PLAUSIBLE_YUAN[m.metricId];
    const yuan = m.unit === '元' ? m.qty.value : m.unit === '万元' ? m.qty.value * 10_000 : undefined;
    if (ceiling !== undefined && yuan !== undefined && yuan > ceiling)
      findings.push({
        check: 'C-10',
        severity: 'warning',
        message: `${labelOf(model, m.metricId)}${m.text}超出常见范围，请核对单位`,
        places: [m.place],
      });
  }

  // C-12: two qualifiers on one figure, 个亿.
  for (const { part, point } of points) {
    const text = pointText(point);
    for (const m of text.matchAll(/(约|近)\d+(?:\.\d+)?万?(余|多)/g))
      findings.push({
        check: 'C-12',
        severity: 'warning',
        message: `“${m[0]}”带有两个修饰词`,
        places: [placeOf(part, point, sentenceAround(text, m.index))],
      });
    for (const m of text.matchAll(/\d+个亿/g))
      findings.push({
        check: 'C-12',
        severity: 'warning',
        message: `“${m[0]}”应写作“${m[0].replace('个', '')}元”`,
        places: [placeOf(part, point, sentenceAround(text, m.index))],
      });
  }
  return findings;
}

/** "五个集镇：甲、乙…" or "八个方面（…、…）": a Chinese count, its noun, and the list after it. */
const COUNTED_LIST = /([一二两三四五六七八九十]{1,3})个([^，。；：:（(、\d]{1,6}?)[：:（(]([^。；）)]+)/g;

const DIGIT_VALUES: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 五 → 5, 十二 → 12, 二十 → 20; undefined for anything else. */
function numeralValue(text: string): number | undefined {
  if (text === '十') return 10;
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const t = tens === '' ? (text.includes('十') ? 1 : 0) : DIGIT_VALUES[tens!];
  const o = ones === '' ? 0 : DIGIT_VALUES[ones!];
  return t === undefined || o === undefined ? undefined : t * 10 + o;
}

/** Upper bounds, in 元, beyond which a county figure is almost surely a unit slip (C-10). */
const PLAUSIBLE_YUAN: Record<string, number> = {
  'projects.upward.approved.amount': 5_000_000_000,
  'ip.subsidy.amount': 50_000_000,
};

const round = (x: number) => Number(x.toFixed(2));
const show = (f: ReportFigure, value: number) =>
  f.money ? `${round(value / 1_000_000)}万元` : `${round(value)}`;
const labelOf = (model: ReportModel, key: string) => model.figures[key]?.label ?? key;
