import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { composeUscc } from '@kjj/domain';
import type { BenchUser } from './data.js';
import { serialCode } from './generate.js';
import type { RunningServer } from './server.js';

export interface TransferResult {
  rows: number;
  seconds: number;
  rssMaxMb: number;
  rssStartMb: number;
  /** RSS at each tenth of the transfer: flat means streaming. */
  rssCurveMb: number[];
  bytes?: number;
}

/** A credit code no generated row uses: serials above the generator's range. */
function freshUscc(serial: number): string {
  return composeUscc('91', '431223', `MB${serialCode(serial + 50_000_000, 6)}`);
}

/** A sheet of `count` new enterprises; `first` keeps the credit codes of several files apart. */
export async function importFile(count: number, first = 0): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = book.addWorksheet('企业');
  sheet
    .addRow([
      '*企业名称',
      '*统一社会信用代码',
      '*企业类型',
      '所属行业',
      '成立日期',
      '注册资本（万元）',
      '地址',
      '标签',
      '高新技术企业（手工标注）',
    ])
    .commit();
  for (let i = 0; i < count; i++) {
    sheet
      .addRow([
        `辰溪县导入测试${first + i}号科技有限公司`,
        freshUscc(first + i),
        '有限责任公司',
        '制造业',
        '2015-06-01',
        100 + (i % 900),
        `辰溪县工业园${i}号`,
        '导入、测试',
        i % 7 === 0 ? '是' : '否',
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

const curve = (samples: number[]) =>
  Array.from({ length: 10 }, (_, i) => samples[Math.floor(((i + 1) * (samples.length - 1)) / 10)] ?? 0).map(
    Math.round,
  );

/** Uploads a sheet of new rows and waits for the job, sampling the server's memory. */
export async function measureImport(
  server: RunningServer,
  user: BenchUser,
  count: number,
  log: (s: string) => void,
  first = 0,
): Promise<TransferResult> {
  const file = await importFile(count, first);
  log(`import: ${count} rows, ${(file.length / 2 ** 20).toFixed(1)} MB xlsx`);
  const form = new FormData();
  form.append('file', new Blob([file]), '导入测试.xlsx');
  const auth = { authorization: `Bearer ${user.token}` };
  const rss = server.sampleRss();
  const started = performance.now();
  const res = await fetch(`${server.url}/api/v1/enterprises/import`, {
    method: 'POST',
    body: form,
    headers: auth,
  });
  if (res.status !== 202) throw new Error(`import refused: ${res.status} ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: number };
  let job: { status: string; result: { status: string; created: number; errors: unknown[] } };
  for (;;) {
    job = (await (await fetch(`${server.url}/api/v1/jobs/${jobId}`, { headers: auth })).json()) as typeof job;
    if (job.status === 'succeeded' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  const samples = rss.stop();
  if (job.status !== 'succeeded' || job.result.status !== 'applied')
    throw new Error(`import failed: ${JSON.stringify(job).slice(0, 500)}`);
  log(
    `import: ${job.result.created} rows in ${seconds.toFixed(1)} s, RSS max ${Math.round(Math.max(...samples))} MB`,
  );
  return {
    rows: job.result.created,
    seconds,
    rssMaxMb: Math.max(...samples),
    rssStartMb: samples[0] ?? 0,
    rssCurveMb: curve(samples),
  };
}

/** Downloads an export and counts its rows, sampling the server's memory while it streams. */
export async function measureExport(
  server: RunningServer,
  user: BenchUser,
  path: string,
  log: (s: string) => void,
): Promise<TransferResult> {
  const rss = server.sampleRss();
  const started = performance.now();
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${user.token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  const seconds = (performance.now() - started) / 1000;
  const samples = rss.stop();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(new PassThrough().end(body), {
    sharedStrings: 'cache',
    styles: 'ignore',
    worksheets: 'emit',
    hyperlinks: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const _row of sheet as AsyncIterable<unknown>) rows += 1;
  }
  log(
    `export: ${rows - 1} rows, ${(body.length / 2 ** 20).toFixed(1)} MB in ${seconds.toFixed(1)} s, RSS max ${Math.round(Math.max(...samples))} MB`,
  );
  return {
    rows: rows - 1,
    seconds,
    rssMaxMb: Math.max(...samples),
    rssStartMb: samples[0] ?? 0,
    rssCurveMb: curve(samples),
    bytes: body.length,
  };
}

/**
 * The median run of several (by time), with the highest peak of them all: a single transfer on
 * this shared machine varied by a third between runs of the same code.
 */
export function medianRun(runs: TransferResult[]): TransferResult & { secondsRuns: number[] } {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!mid) throw new Error('no runs');
  return {
    ...mid,
    rssMaxMb: Math.max(...runs.map((r) => r.rssMaxMb)),
    secondsRuns: runs.map((r) => r.seconds),
  };
}
