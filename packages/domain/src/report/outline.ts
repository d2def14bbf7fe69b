import { TARGET_SOURCES } from '../entities/target.js';
import { formatPercentProse, numbering } from './format.js';
import { pointText, type KpiRow, type ReportModel } from './model.js';

/** The parts of the report in order, each with its numbered heading (亮点工作 only when chosen). */
export function reportParts(
  model: ReportModel,
): { id: 'highlights' | 'work' | 'kpi' | 'problems' | 'plan'; heading: string }[] {
  const parts = [
    ...(model.highlights.length > 0 ? [{ id: 'highlights' as const, title: `${model.year}年工作亮点` }] : []),
    { id: 'work' as const, title: `${model.year}年工作情况` },
    { id: 'kpi' as const, title: '主要目标任务完成情况' },
    { id: 'problems' as const, title: '存在的问题' },
    { id: 'plan' as const, title: `${model.planYear}年工作打算` },
  ];
  return parts.map((p, i) => ({ id: p.id, heading: `${numbering.part(i + 1)}${p.title}` }));
}

/** 亮点工作: each chosen section's heading phrase and its first point. */
export function highlightLines(model: ReportModel): string[] {
  return model.work
    .filter((s) => model.highlights.includes(s.id))
    .map((s, i) => `${numbering.point(i + 1)}${s.heading}。${s.points[0] ? pointText(s.points[0]) : ''}`);
}

const prose = (ratio: string) => {
  const value = Number.parseFloat(ratio);
  return Number.isFinite(value) ? formatPercentProse(value) : '';
};

/** One target as prose: 目标任务 then 完成情况 (the KPI part split by source). */
export function kpiRowText(row: KpiRow, n: number): string {
  const ratio = prose(row.ratio);
  return (
    `${numbering.item(n)}${row.name}。目标任务：${row.target}。完成情况：${row.actual}` +
    `${ratio ? `，完成率${ratio}` : ''}，${row.status}${row.note ? `。原因：${row.note.replace(/[。.]$/, '')}` : ''}。`
  );
}

/** The KPI part split by target source, in the catalogue's order: （一）绩效考核指标 … */
export function kpiBySource(model: ReportModel): { heading: string; lines: string[] }[] {
  const labels = TARGET_SOURCES.codes.map((code) => TARGET_SOURCES.labels[code].zh);
  const sources = [...new Set(model.kpi.rows.map((r) => r.source))].sort(
    (a, b) => labels.indexOf(a) - labels.indexOf(b),
  );
  return sources.map((source, i) => ({
    heading: `${numbering.section(i + 1)}${source.replace(/指标$/, '')}指标`,
    lines: model.kpi.rows.filter((r) => r.source === source).map((r, n) => kpiRowText(r, n + 1)),
  }));
}

export const KPI_ATTACHMENT_TITLE = '主要目标任务完成情况表';
