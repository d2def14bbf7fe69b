import { renderFigure } from './annual.js';
import type { Finding } from './check.js';
import { pointText, type Point, type ReportFigure, type ReportModel } from './model.js';

const same = (a: ReportFigure, b: ReportFigure) => a.value === b.value && a.qualifier === b.qualifier;

const allPoints = (model: ReportModel): { part: string; point: Point }[] => [
  { part: 'opening', point: model.opening },
  ...model.work.flatMap((s) => s.points.map((point) => ({ part: 'work', point }))),
  { part: 'kpi', point: model.kpi.summary },
  ...model.problems.map((point) => ({ part: 'problems', point })),
  ...model.plan.map((point) => ({ part: 'plan', point })),
];

/**
 * C-9 for a draft whose records have moved on since it was drafted: each figure the records now
 * give differently, with the places the draft states it.
 */
export function staleFigures(draft: ReportModel, fresh: ReportModel): Finding[] {
  const findings: Finding[] = [];
  for (const [key, figure] of Object.entries(draft.figures)) {
    const now = fresh.figures[key];
    if (!now || same(figure, now)) continue;
    const places = allPoints(draft)
      .filter(({ point }) => point.segments.some((s) => 'figure' in s && s.figure === key))
      .map(({ part, point }) => ({ part, pointId: point.id, text: pointText(point) }));
    if (places.length === 0) continue;
    findings.push({
      check: 'C-9',
      severity: 'warning',
      message: `“${figure.label}”记录现为${renderFigure(now)}，草稿中为${renderFigure(figure)}`,
      places,
      stale: true,
    });
  }
  return findings;
}

/**
 * The draft with its figures as the records give them now: bound wording follows, and what staff
 * typed over stays as typed (the check keeps flagging it). The KPI and county tables are the
 * records' own and are replaced whole.
 */
export function refreshFigures(draft: ReportModel, fresh: ReportModel): ReportModel {
  const figures = { ...draft.figures };
  for (const [key, now] of Object.entries(fresh.figures)) if (key in figures) figures[key] = now;
  const rebind = (point: Point): Point => ({
    ...point,
    segments: point.segments.map((s) => {
      if (!('figure' in s)) return s;
      const before = draft.figures[s.figure];
      const now = figures[s.figure];
      return before && now && s.text === renderFigure(before) ? { ...s, text: renderFigure(now) } : s;
    }),
  });
  return {
    ...draft,
    figures,
    opening: rebind(draft.opening),
    work: draft.work.map((s) => ({ ...s, points: s.points.map(rebind) })),
    kpi: { ...draft.kpi, summary: fresh.kpi.summary, rows: fresh.kpi.rows },
    problems: draft.problems.map(rebind),
    plan: draft.plan.map(rebind),
    ...(fresh.counties ? { counties: fresh.counties, countyColumns: fresh.countyColumns } : {}),
  };
}
