import type { Assessment } from '../kpi.js';
import { TARGET_STATUSES } from '../kpi.js';
import { formatQty, type Qty } from '../qty.js';
import { TARGET_SOURCES } from '../entities/target.js';
import {
  chineseDate,
  formatMoneyProse,
  formatMoneyQty,
  formatPercentProse,
  formatPercentTable,
} from './format.js';
import {
  figureKey,
  type KpiRow,
  type Point,
  type ReportFigure,
  type ReportModel,
  type Segment,
  type WorkSection,
} from './model.js';

/** A figure the report asks the server to measure for its org and period. */
export interface FigureRef {
  metricId: string;
  params?: Record<string, string>;
}

export interface TargetFact {
  targetId: number;
  name: string;
  source: string;
  kind: string;
  metricId: string | null;
  targetValue: Qty | null;
  /** The actual in the target's unit, as the KPI board gives it. */
  actual: { value: number | null; qualifier: Qty['qualifier']; manual: boolean };
  assessment: Assessment;
  reason: string | null;
  /** The metric's unit word (项, 件, 万元, %). */
  unit: string;
  money: boolean;
}

export interface ReportFacts {
  orgId: number;
  orgName: string;
  /** 县 or 市: the wording of "县本级", "全县". */
  level: 'county' | 'city' | 'province';
  year: number;
  cutoff: string;
  documentDate: string;
  figures: Record<string, ReportFigure>;
  /** 项目类别 in the managed list's order. */
  categories: { code: string; label: string }[];
  /** The year's latest project survey (P12), if any. */
  survey: { startDate: string; unitsVisited: Qty | null } | null;
  targets: TargetFact[];
  /** A city's (or the province's) bureaus directly below, each with the roll-up table's figures. */
  below?: { orgId: number; orgName: string; figures: Record<string, ReportFigure> }[];
  nextTargets: {
    name: string;
    metricId: string | null;
    kind: string;
    targetValue: Qty | null;
    unit: string;
  }[];
}

const LEVEL_WORD = { county: '县', city: '市', province: '省' } as const;

/** The columns of a city report's table of its counties (DOMAIN §5.1, city roll-up). */
export const ROLLUP_COLUMNS: { metricId: string; label: string }[] = [
  { metricId: 'projects.upward.recommended.count', label: '向上申报项目（项）' },
  { metricId: 'projects.upward.approved.count', label: '上级立项项目（项）' },
  { metricId: 'projects.upward.approved.amount', label: '争取上级资金（万元）' },
  { metricId: 'projects.county.approved.count', label: '县级计划项目（项）' },
  { metricId: 'projects.county.approved.amount', label: '县级计划资金（万元）' },
  { metricId: 'reserve.added.count', label: '新增入库项目（个）' },
  { metricId: 'ip.applications.count', label: '专利申请（件）' },
];

/** A figure in a table cell: counts as counted, money in 万元 (the column names the unit). */
function tableCell(f: ReportFigure | undefined): string {
  if (!f || f.value === null) return '—';
  if (f.money) return `${Number((f.value / 1_000_000).toFixed(2))}`;
  return formatQty({ value: f.value, qualifier: f.qualifier }, '');
}

/**
 * The per-county table of a city report, with a total row that must equal the city's own figure
 * (both come from the same records; the check C-2 compares them).
 */
function rollupTable(facts: ReportFacts, figures: Record<string, ReportFigure>) {
  if (!facts.below || facts.below.length === 0) return {};
  const rows = facts.below.map((org) => {
    for (const column of ROLLUP_COLUMNS) {
      const figure = org.figures[column.metricId];
      if (figure)
        figures[`org.${org.orgId}.${column.metricId}`] = {
          ...figure,
          label: `${org.orgName}${figure.label}`,
        };
    }
    return { orgName: org.orgName, cells: ROLLUP_COLUMNS.map((c) => tableCell(org.figures[c.metricId])) };
  });
  const total = { orgName: '合计', cells: ROLLUP_COLUMNS.map((c) => tableCell(figures[c.metricId])) };
  return { counties: [...rows, total], countyColumns: ROLLUP_COLUMNS.map((c) => c.label) };
}

/** The figures the annual report reads; the category breakdown follows the managed list. */
export function reportFigureRefs(categories: readonly { code: string }[]): FigureRef[] {
  const refs: FigureRef[] = [
    'projects.upward.recommended.count',
    'projects.upward.approved.count',
    'projects.upward.approved.amount',
    'projects.county.approved.count',
    'projects.county.approved.amount',
    'projects.due.count',
    'projects.implemented.count',
    'projects.implementation.rate',
    'projects.acceptance.decided.count',
    'projects.acceptance.rate',
    'funds.disbursed.amount',
    'reserve.added.count',
    'reserve.stock.count',
    'reserve.stock.start.count',
    'reserve.exited.count',
    'enterprises.hte.count',
    'enterprises.tsme.count',
    'enterprises.hte.new.count',
    'rd.investment.amount',
    'ip.applications.count',
    'ip.applications.invention.count',
    'ip.grants.count',
    'ip.subsidy.patents.count',
    'ip.subsidy.amount',
    'ip.cases.closed.count',
    'ip.policies.count',
    'commissioners.sanqu.count',
    'commissioners.upper.count',
    'commissioners.county.count',
    'commissioners.enterprises.count',
    'services.trainings.count',
    'services.technologies.count',
    'services.varieties.count',
    'cooperation.signed.count',
    'platforms.count',
    'events.count',
    'events.materials.count',
    'events.consultations.count',
    'quake.boards.count',
    'quake.materials.count',
  ].map((metricId) => ({ metricId }));
  for (const level of ['national', 'province', 'city'])
    for (const metricId of ['projects.upward.approved.count', 'projects.upward.approved.amount'])
      refs.push({ metricId, params: { level } });
  for (const { code } of categories)
    refs.push({ metricId: 'projects.county.approved.count', params: { category: code } });
  return refs;
}

/** A figure as prose writes it (DOMAIN §5.3). */
export function renderFigure(f: ReportFigure): string {
  if (f.value === null) return '—';
  if (f.rate) return formatPercentProse(f.value);
  if (f.money)
    return f.manual
      ? formatMoneyQty({ value: f.value / 1_000_000, qualifier: f.qualifier })
      : formatMoneyProse(f.value);
  return formatQty({ value: f.value, qualifier: f.qualifier }, f.unit);
}

type Clause = Segment[] | undefined;

/** Rates the report states beside their parts (check C-4 recomputes them from the text). */
const RATE_PARTS: [rate: string, numerator: string, denominator: string][] = [
  ['projects.implementation.rate', 'projects.implemented.count', 'projects.due.count'],
  ['projects.acceptance.rate', 'projects.acceptance.passed_first.count', 'projects.acceptance.decided.count'],
];

/**
 * Builds the report model from the facts. Every sentence is assembled from clauses; a clause
 * whose figure is missing (or zero, where zero would read oddly) is left out, so a bureau without
 * a line of work gets no empty sentence about it.
 */
export function buildAnnualReport(facts: ReportFacts): ReportModel {
  const figures: Record<string, ReportFigure> = { ...facts.figures };
  for (const [rate, numerator, denominator] of RATE_PARTS)
    if (figures[rate]) figures[rate] = { ...figures[rate], of: { numerator, denominator } };
  const known = (key: string) => figures[key]?.value !== null && figures[key] !== undefined;
  const fig = (metricId: string, params?: Record<string, string>): Segment | undefined => {
    const key = figureKey(metricId, params);
    return known(key) ? { figure: key, text: renderFigure(figures[key]!) } : undefined;
  };
  const nonZero = (s: Segment | undefined) =>
    s && 'figure' in s && (figures[s.figure]!.value ?? 0) > 0 ? s : undefined;
  /** "text{0}text{1}…" with its figures; undefined when one is missing. */
  const clause = (template: string, ...parts: (Segment | undefined)[]): Clause => {
    if (parts.some((p) => p === undefined)) return undefined;
    const segments: Segment[] = [];
    template.split(/(\{\d\})/).forEach((piece) => {
      const slot = /^\{(\d)\}$/.exec(piece);
      if (slot) segments.push(parts[Number(slot[1])]!);
      else if (piece) segments.push({ text: piece });
    });
    return segments;
  };
  const whole = facts.level === 'province' ? '全省' : facts.level === 'city' ? '全市' : '全县';
  const own = `${LEVEL_WORD[facts.level]}本级`;
  const partial = facts.cutoff < `${facts.year}-12-31`;
  const lead = partial ? `截至${chineseDate(facts.cutoff, false)}，` : '';
  const ids = new Map<string, number>();
  const point = (section: string, claim: string, clauses: Clause[]): Point | undefined => {
    const present = clauses.filter((c): c is Segment[] => c !== undefined && c.length > 0);
    if (present.length === 0) return undefined;
    const n = (ids.get(section) ?? 0) + 1;
    ids.set(section, n);
    const segments: Segment[] = [{ text: `${claim}。${lead}` }];
    present.forEach((c, i) => {
      if (i > 0 && !('attach' in (c[0] as object))) segments.push({ text: '，' });
      segments.push(...c);
    });
    segments.push({ text: '。' });
    return { id: `${section}.${n}`, segments: merge(segments) };
  };

  // 争资跑项: the fundraising target this year's upward funds count towards (P7).
  const fundraising = facts.targets.find(
    (t) => t.source === 'fundraising' && t.metricId === 'projects.upward.approved.amount' && t.targetValue,
  );
  let towardsTarget: Clause;
  if (fundraising) {
    const goalKey = `target.${fundraising.targetId}.value`;
    const ratioKey = `target.${fundraising.targetId}.ratio`;
    figures[goalKey] = {
      metricId: 'projects.upward.approved.amount',
      label: `${fundraising.name}目标`,
      value: Math.round(fundraising.targetValue!.value * 1_000_000),
      qualifier: 'exact',
      manual: false,
      money: true,
      rate: false,
      unit: '',
    };
    if (fundraising.assessment.ratio !== null && known('projects.upward.approved.amount')) {
      figures[ratioKey] = {
        metricId: 'projects.upward.approved.amount',
        label: `${fundraising.name}完成率`,
        value: fundraising.assessment.ratio,
        qualifier: 'exact',
        manual: false,
        money: false,
        rate: true,
        unit: '',
        parts: {
          numerator: figures['projects.upward.approved.amount']!.value!,
          denominator: figures[goalKey].value!,
        },
        of: { numerator: 'projects.upward.approved.amount', denominator: goalKey },
      };
      towardsTarget = clause(
        '为全年争资跑项目标{0}的{1}',
        { figure: goalKey, text: renderFigure(figures[goalKey]) },
        { figure: ratioKey, text: renderFigure(figures[ratioKey]) },
      );
    }
  }

  const levels = [
    ['national', '国家级'],
    ['province', '省级'],
    ['city', '市级'],
  ] as const;
  const byLevel = levels
    .map(([level, word]) =>
      clause(
        `${word}{0}、争取资金{1}`,
        nonZero(fig('projects.upward.approved.count', { level })),
        fig('projects.upward.approved.amount', { level }),
      ),
    )
    .filter((c): c is Segment[] => c !== undefined);
  if (byLevel.length > 0) byLevel[0] = [{ text: '其中' }, ...byLevel[0]!];

  const categories = facts.categories
    .map((c) => clause(`${c.label}{0}`, nonZero(fig('projects.county.approved.count', { category: c.code }))))
    .filter((c): c is Segment[] => c !== undefined);
  const byCategory: Clause =
    categories.length > 0
      ? [{ text: '按类别分为' }, ...categories.flatMap((c, i) => (i > 0 ? [{ text: '、' }, ...c] : c))]
      : undefined;

  const survey = facts.survey;
  const surveyClause: Clause =
    survey && survey.unitsVisited
      ? (() => {
          const key = 'reserve.survey.units';
          figures[key] = {
            metricId: 'reserveSurvey.unitsVisited',
            label: '摸底走访行业和企业',
            value: survey.unitsVisited.value,
            qualifier: survey.unitsVisited.qualifier,
            manual: false,
            money: false,
            rate: false,
            unit: '个',
          };
          return clause(`${Number(survey.startDate.slice(5, 7))}月起对{0}行业和企业开展项目摸底`, {
            figure: key,
            text: renderFigure(figures[key]),
          });
        })()
      : undefined;

  const implemented = figures['projects.implemented.count']?.value;
  const due = figures['projects.due.count']?.value;
  const sections: { id: string; heading: string; points: (Point | undefined)[] }[] = [
    {
      id: 'projects',
      heading: '狠抓科技项目，争资跑项成效明显',
      points: [
        point('projects', '争资跑项成效明显', [
          clause('全年向省、市科技部门推荐申报项目{0}', nonZero(fig('projects.upward.recommended.count'))),
          clause('获批立项{0}', nonZero(fig('projects.upward.approved.count'))),
          ...byLevel,
          clause('合计到位项目资金{0}', nonZero(fig('projects.upward.approved.amount'))),
          towardsTarget,
        ]),
        point('projects', `${own}科技计划有序实施`, [
          clause(
            `下达${own}科技计划项目{0}、安排资金{1}`,
            nonZero(fig('projects.county.approved.count')),
            fig('projects.county.approved.amount'),
          ),
          byCategory,
        ]),
        point('projects', '项目储备不断充实', [
          surveyClause,
          clause('新增入库{0}', nonZero(fig('reserve.added.count'))),
          clause(`${partial ? '现有' : '年末'}项目库储备{0}`, nonZero(fig('reserve.stock.count'))),
        ]),
        point('projects', '项目管理规范有序', [
          clause('纳入跟踪管理的在建项目{0}', nonZero(fig('projects.due.count'))),
          implemented !== undefined && implemented === due
            ? [{ text: '均按任务书推进' }]
            : clause('已实施{0}', fig('projects.implemented.count')),
          clause('实施率{0}', due ? fig('projects.implementation.rate') : undefined),
          clause('组织验收项目{0}', nonZero(fig('projects.acceptance.decided.count'))),
          clause(
            '验收一次通过率{0}',
            figures['projects.acceptance.decided.count']?.value ? fig('projects.acceptance.rate') : undefined,
          ),
          clause('拨付项目资金{0}', nonZero(fig('funds.disbursed.amount'))),
        ]),
      ],
    },
    {
      id: 'ip',
      heading: '强化知识产权创造、保护和运用',
      points: [
        point('ip', '知识产权创造量质齐升', [
          clause(`${whole}全年专利申请{0}`, fig('ip.applications.count')),
          attached(clause('（其中发明专利{0}）', fig('ip.applications.invention.count'))),
          clause('授权{0}', fig('ip.grants.count')),
        ]),
        point('ip', '知识产权资助落实到位', [
          clause('为{0}专利兑现资助资金{1}', fig('ip.subsidy.patents.count'), fig('ip.subsidy.amount')),
        ]),
        point('ip', '知识产权保护有力有效', [
          clause('出台知识产权政策文件{0}', nonZero(fig('ip.policies.count'))),
          clause('会同上级调处知识产权纠纷{0}', nonZero(fig('ip.cases.closed.count'))),
        ]),
      ],
    },
    {
      id: 'enterprises',
      heading: '培育创新主体，壮大高新技术企业队伍',
      points: [
        point('enterprises', '创新主体不断壮大', [
          clause(`${whole}有高新技术企业{0}`, nonZero(fig('enterprises.hte.count'))),
          clause('科技型中小企业{0}', nonZero(fig('enterprises.tsme.count'))),
          clause('新认定高新技术企业{0}', nonZero(fig('enterprises.hte.new.count'))),
        ]),
        point('enterprises', '科研投入持续加大', [
          clause('全社会科研经费投入{0}', fig('rd.investment.amount')),
        ]),
      ],
    },
    {
      id: 'commissioners',
      heading: '深化科技特派员制度，强化科技人才支撑',
      points: [
        point('commissioners', '科技人才服务基层', [
          clause('全年引进“三区”科技人才{0}', fig('commissioners.sanqu.count')),
          clause('省市科技特派员{0}', fig('commissioners.upper.count')),
          clause('选派县级科技特派员{0}', fig('commissioners.county.count')),
          clause('服务企业{0}', fig('commissioners.enterprises.count')),
          clause('举办技术培训{0}', fig('services.trainings.count')),
          clause(
            '推广新技术{0}、新品种{1}',
            fig('services.technologies.count'),
            fig('services.varieties.count'),
          ),
        ]),
      ],
    },
    {
      id: 'cooperation',
      heading: '推进产学研合作，搭建创新平台',
      points: [
        point('cooperation', '产学研合作深入推进', [
          clause('签订产学研合作协议{0}', nonZero(fig('cooperation.signed.count'))),
          clause('新建创新平台{0}', nonZero(fig('platforms.count'))),
        ]),
      ],
    },
    {
      id: 'outreach',
      heading: '广泛开展科普宣传和技术服务',
      points: [
        point('outreach', '科普宣传广泛开展', [
          clause('全年开展科普宣传活动{0}', nonZero(fig('events.count'))),
          clause('发放科普资料{0}', nonZero(fig('events.materials.count'))),
          clause('接受群众咨询{0}', nonZero(fig('events.consultations.count'))),
        ]),
      ],
    },
    {
      id: 'quake',
      heading: '扎实做好防震减灾工作',
      points: [
        point('quake', '防震减灾宣传扎实开展', [
          clause('制作防震减灾宣传展板{0}', nonZero(fig('quake.boards.count'))),
          clause('发放防震减灾宣传资料{0}', nonZero(fig('quake.materials.count'))),
        ]),
      ],
    },
  ];
  const work: WorkSection[] = sections
    .map((s) => ({
      id: s.id,
      heading: s.heading,
      points: s.points.filter((p): p is Point => p !== undefined),
    }))
    .filter((s) => s.points.length > 0);

  const y = facts.year;
  return {
    kind: facts.below && facts.below.length > 0 ? 'city_rollup' : 'annual',
    orgId: facts.orgId,
    orgName: facts.orgName,
    year: y,
    planYear: y + 1,
    cutoff: facts.cutoff,
    title: `${facts.orgName}${y}年工作总结及${y + 1}年工作打算`,
    opening: {
      id: 'opening',
      segments: [
        {
          text: `${y}年，${facts.orgName}在${LEVEL_WORD[facts.level]}委、${LEVEL_WORD[facts.level]}政府的正确领导和上级科技部门的精心指导下，坚持以科技创新引领高质量发展，围绕中心、服务大局，各项工作取得新成效。现将${y}年工作总结及${y + 1}年工作打算报告如下：`,
        },
      ],
    },
    work,
    highlights: [],
    kpi: kpiPart(facts, figures),
    ...rollupTable(facts, figures),
    problems: problemPoints(facts),
    plan: planPoints(facts),
    signature: { org: facts.orgName, date: chineseDate(facts.documentDate) },
    figures,
  };
}

/** A clause written straight after the previous one, without a comma: "102件（其中发明专利18件）". */
function attached(c: Clause): Clause {
  if (!c) return c;
  return [Object.assign({ ...c[0]! }, { attach: true }) as Segment, ...c.slice(1)];
}

/** Adjacent plain segments joined, so the editor shows whole phrases. */
function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const clean: Segment = 'figure' in s ? { figure: s.figure, text: s.text } : { text: s.text };
    const last = out.at(-1);
    if (last && !('figure' in last) && !('figure' in clean)) last.text += clean.text;
    else out.push(clean);
  }
  return out;
}

function targetValueText(t: { targetValue: Qty | null; kind: string; unit: string; money: boolean }): string {
  if (!t.targetValue) return '未下达';
  if (t.kind === 'growth') return `增长${formatPercentProse(t.targetValue.value)}`;
  if (t.money) return formatMoneyQty(t.targetValue);
  return formatQty(t.targetValue, t.unit);
}

function actualText(t: TargetFact): string {
  if (t.actual.value === null) return '—';
  if (t.money) return formatMoneyQty({ value: t.actual.value, qualifier: t.actual.qualifier });
  return formatQty({ value: Number(t.actual.value.toFixed(4)), qualifier: t.actual.qualifier }, t.unit);
}

/** 二、主要目标任务完成情况: the summary sentence and the table (DOMAIN §5.1 item 4). */
function kpiPart(facts: ReportFacts, figures: Record<string, ReportFigure>): ReportModel['kpi'] {
  const count = (status: string) => facts.targets.filter((t) => t.assessment.status === status).length;
  const rows: KpiRow[] = facts.targets.map((t) => {
    const key = `target.${t.targetId}.actual`;
    if (t.metricId && t.actual.value !== null)
      figures[key] ??= {
        metricId: t.metricId,
        label: t.name,
        value: t.money ? Math.round(t.actual.value * 1_000_000) : t.actual.value,
        qualifier: t.actual.qualifier,
        manual: t.actual.manual,
        money: t.money,
        rate: t.unit === '%',
        unit: t.money || t.unit === '%' ? '' : t.unit,
      };
    return {
      targetId: t.targetId,
      name: t.name,
      source: TARGET_SOURCES.labels[t.source as keyof typeof TARGET_SOURCES.labels]?.zh ?? t.source,
      target: targetValueText(t),
      actual: actualText(t),
      ratio: t.assessment.ratio === null ? '—' : formatPercentTable(t.assessment.ratio),
      status: TARGET_STATUSES.labels[t.assessment.status].zh + (t.assessment.early ? '（提前）' : ''),
      note: t.assessment.status === 'failed' ? (t.reason ?? '') : '',
      ...(figures[key] ? { figure: key } : {}),
      manual: t.actual.manual,
    };
  });
  const parts = [
    ['exceeded', '超额完成'],
    ['completed', '完成'],
    ['in_progress', '推进中'],
    ['failed', '无法完成'],
    ['not_assigned', '未下达'],
  ]
    .map(([status, word]) => [word, count(status!)] as const)
    .filter(([, n]) => n > 0)
    .map(([word, n]) => `${word}${n}项`);
  const text =
    facts.targets.length === 0
      ? '年度未下达考核指标。'
      : `年度承担的${facts.targets.length}项考核指标中，${parts.join('、')}。`;
  return { summary: { id: 'kpi.summary', segments: [{ text }] }, rows, bySource: false, asAttachment: false };
}

/** 三、存在的问题: one candidate per target not completed (DOMAIN §5.2 "Cannot complete"). */
function problemPoints(facts: ReportFacts): Point[] {
  const open = facts.targets.filter(
    (t) => t.assessment.status === 'failed' || t.assessment.status === 'in_progress',
  );
  const points = open.map((t, i) => ({
    id: `problems.${i + 1}`,
    segments: [
      {
        text:
          `“${t.name}”目标${targetValueText(t)}，实际${actualText(t)}` +
          (t.assessment.ratio === null ? '' : `，完成率${formatPercentProse(t.assessment.ratio)}`) +
          (t.reason ? `。主要原因：${t.reason.replace(/[。.]$/, '')}。` : '。'),
      },
    ],
  }));
  return points.length > 0
    ? points
    : [{ id: 'problems.1', segments: [{ text: '科技创新投入总体不足，企业创新主体作用有待进一步发挥。' }] }];
}

/** Plan wording per line of work, keyed by the metric's module. */
const PLAN_ACTIONS: [prefix: string, action: string][] = [
  ['projects.upward', '加大争资跑项力度，积极向上争取项目和资金'],
  ['projects.county', '组织实施好本级科技计划项目'],
  ['reserve.', '深入开展项目摸底，持续充实项目库'],
  ['ip.', '强化知识产权创造、保护和运用'],
  ['enterprises.', '加大高新技术企业培育力度'],
  ['rd.', '引导全社会加大科研投入'],
  ['commissioners.', '深入推进科技特派员制度'],
  ['services.', '深入开展农村实用技术培训和推广'],
  ['events.', '广泛开展科普宣传活动'],
];

/** 四、{Y+1}年工作打算: one item per next year's target, each ending with the target phrase. */
function planPoints(facts: ReportFacts): Point[] {
  return facts.nextTargets.map((t, i) => {
    const action =
      PLAN_ACTIONS.find(([prefix]) => t.metricId?.startsWith(prefix))?.[1] ?? `抓好${t.name}工作`;
    // "力争争取…" reads badly: a target named 争取… drops its verb after 力争.
    const name = t.name.replace(/^争取/, '');
    const goal = t.targetValue
      ? `，力争${name}${t.kind === 'growth' ? '' : '达到'}${targetValueText({ ...t, money: t.unit === '万元' })}${t.kind === 'growth' ? '' : '以上'}`
      : '';
    return { id: `plan.${i + 1}`, segments: [{ text: `${action}${goal}。` }] };
  });
}
