import type { Qualifier } from '../qty.js';

/**
 * The annual report as data (DESIGN §6 step 1, DOMAIN §5.1): parts → sections → points → segments.
 * A segment is plain wording or a figure bound to a metric; staff edit the wording, the figures
 * stay bound, and every renderer (HTML preview, docx) and the consistency check read this model.
 */

/** One figure of the report: a metric over the report's org and period, with its provenance. */
export interface ReportFigure {
  metricId: string;
  params?: Record<string, string>;
  label: string;
  /** Counts as counted, 分 for money, percent for rates; null when nothing measures it. */
  value: number | null;
  qualifier: Qualifier;
  /** 手工填报: marked wherever it appears. */
  manual: boolean;
  money: boolean;
  rate: boolean;
  /** Measure word (项, 件) or '' for money and rates. */
  unit: string;
  /** For rates: what they were computed from (report check C-4). */
  parts?: { numerator: number; denominator: number };
  /** For rates: the figures of the report that are its numerator and denominator. */
  of?: { numerator: string; denominator: string };
}

export type Segment =
  | { text: string }
  /** A bound figure: `text` is its rendering; editing it by hand turns it into plain wording (C-9). */
  | { figure: string; text: string };

export interface Point {
  id: string;
  segments: Segment[];
}

/** A thematic subsection of part 一 (（一） 科技项目 …): an editable heading phrase and its points. */
export interface WorkSection {
  id: string;
  heading: string;
  points: Point[];
}

export interface KpiRow {
  targetId: number;
  name: string;
  source: string;
  target: string;
  actual: string;
  ratio: string;
  status: string;
  note: string;
  /** The actual's figure key. */
  figure?: string;
  manual: boolean;
}

export interface ReportModel {
  kind: 'annual' | 'city_rollup';
  orgId: number;
  /** 机关全称, as the title and signature name it. */
  orgName: string;
  year: number;
  planYear: number;
  /** 数据截至: the figures count up to this day. */
  cutoff: string;
  title: string;
  opening: Point;
  /** 一、{Y}年工作情况 */
  work: WorkSection[];
  /** 亮点工作: ids of work sections also called out as highlights (option). */
  highlights: string[];
  /** 二、主要目标任务完成情况 */
  kpi: { summary: Point; rows: KpiRow[]; bySource: boolean; asAttachment: boolean };
  /** 三、存在的问题 */
  problems: Point[];
  /** 四、{Y+1}年工作打算 */
  plan: Point[];
  /** City roll-up: one row per county. */
  counties?: { orgName: string; cells: string[] }[];
  countyColumns?: string[];
  signature: { org: string; date: string };
  figures: Record<string, ReportFigure>;
}

/** A point's wording as one string. */
export const pointText = (p: Point): string => p.segments.map((s) => s.text).join('');

/** The figure key of a metric with its parameters: `projects.upward.approved.count{level=province}`. */
export function figureKey(metricId: string, params?: Record<string, string>): string {
  const entries = Object.entries(params ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? metricId : `${metricId}{${entries.map(([k, v]) => `${k}=${v}`).join(',')}}`;
}
