import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TransferResult } from './excel.js';
import type { LoadResult } from './load.js';

export interface DatabaseReport {
  name: string;
  url: string;
  results: (LoadResult & { target: string })[];
  mixed: LoadResult;
  framework: LoadResult;
  floor: LoadResult;
  rssMaxMb: number;
  imported: TransferResult;
  exported: TransferResult;
}

const OUT = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const ms = (v: number) => `${v.toFixed(1)}`;

function verdict(ok: boolean): string {
  return ok ? '达标' : '**未达标**';
}

function section(r: DatabaseReport): string {
  const limit = (target: string) => Number(/(\d+)/.exec(target)?.[1] ?? Infinity);
  const rows = r.results.map(
    (x) =>
      `| ${x.label} | ${x.connections} | ${ms(x.p50)} | ${ms(x.p99)} | ${x.target} | ${verdict(x.p99 <= limit(x.target) && x.errors + x.non2xx === 0)} | ${Math.round(x.rps)} | ${x.errors + x.non2xx} |`,
  );
  const ratio = r.framework.rps / r.floor.rps;
  return [
    `## ${r.name === 'sqlite' ? 'SQLite（嵌入式默认）' : 'PostgreSQL（生产）'}`,
    '',
    '| 场景 | 并发 | p50 ms | p99 ms | 目标 p99 | 结论 | 吞吐 req/s | 错误 |',
    '|---|---:|---:|---:|---|---|---:|---:|',
    ...rows,
    `| ${r.mixed.label} | ${r.mixed.connections} | ${ms(r.mixed.p50)} | ${ms(r.mixed.p99)} | 无错误 | ${verdict(r.mixed.errors + r.mixed.non2xx === 0)} | ${Math.round(r.mixed.rps)} | ${r.mixed.errors + r.mixed.non2xx} |`,
    '',
    `- 框架与裸驱动对比（县局首页，同一查询，10 并发，同一轮测量）：框架 ${Math.round(r.framework.rps)} req/s，裸 node:http + 驱动 ${Math.round(r.floor.rps)} req/s，比值 **${ratio.toFixed(2)}**（目标 ≥ 0.67：${verdict(ratio >= 2 / 3)}）。`,
    `- 服务进程内存（负载期间 RSS 峰值）：${Math.round(r.rssMaxMb)} MB（目标 ≤ 300 MB：${verdict(r.rssMaxMb <= 300)}）。`,
    `- 导入 ${r.imported.rows} 行：${r.imported.seconds.toFixed(1)} s（目标 ≤ 20 s：${verdict(r.imported.seconds <= 20)}），RSS 峰值 ${Math.round(r.imported.rssMaxMb)} MB（目标 ≤ 500 MB：${verdict(r.imported.rssMaxMb <= 500)}）；RSS 曲线（MB，每十分之一）：${r.imported.rssCurveMb.join(' → ')}。`,
    `- 导出 ${r.exported.rows} 行（${((r.exported.bytes ?? 0) / 2 ** 20).toFixed(1)} MB）：${r.exported.seconds.toFixed(1)} s（目标 ≤ 10 s：${verdict(r.exported.seconds <= 10)}），RSS 从 ${Math.round(r.exported.rssStartMb)} MB 到峰值 ${Math.round(r.exported.rssMaxMb)} MB；曲线：${r.exported.rssCurveMb.join(' → ')}（平稳即为流式）。`,
    '',
  ].join('\n');
}

export async function writeReport(
  reports: DatabaseReport[],
  meta: { rows: number; duration: number; machine: string },
): Promise<void> {
  const text = [
    '# 性能基准（issue #3）',
    '',
    '由 `npm run bench` 生成（`bench/src/run.ts`），不要手工修改数字。测量方法：',
    '',
    `- 数据：${meta.rows.toLocaleString('en')} 家企业，分布在全国行政区划树（省→市→县，约 3,300 个单位）的各县，各县规模不均；`,
    '  库结构即产品迁移所建（含全部索引与全文检索索引）。',
    `- 负载：autocannon 在同一台机器的另一进程发起，每个场景 ${meta.duration} 秒，10 并发；混合场景 50 并发。`,
    '  本机 2 核由服务、数据库与负载程序共用，所以延迟目标以 10 并发计，吞吐只在同一轮内比较。',
    '- 鉴权：每个请求都带个人 API 令牌，走完整的鉴权、权限、数据范围、参数校验路径。',
    '',
    '```',
    `日期：${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    meta.machine,
    '```',
    '',
    ...reports.map(section),
  ].join('\n');
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
}
