import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeDocSection } from '../../bench/src/doc-section.js';
import { admin } from './databases.js';

const DOC = fileURLToPath(new URL('../../docs/reliability.md', import.meta.url));

const INTRO = `# Reliability

Figures from real runs of the reliability suite (issue #6): \`npm run test:reliability\` (also run by
\`.ci/run\`) and \`npm run soak\`. Each section is rewritten by the check that measures it; timings are
recorded, never asserted.
`;

export type Figure = [label: string, value: string | number];

async function postgresVersion(): Promise<string> {
  const { rows } = await admin((c) =>
    c.query<{ v: string }>("select current_setting('server_version') as v"),
  );
  return `PostgreSQL ${rows[0]?.v ?? '?'}`;
}

async function describeDatabase(dialect: 'sqlite' | 'postgres' | 'both'): Promise<string> {
  const { default: SQLite } = await import('better-sqlite3');
  const memory = new SQLite(':memory:');
  const sqlite = `SQLite ${memory.prepare('select sqlite_version() v').pluck().get() as string}`;
  memory.close();
  if (dialect === 'sqlite') return sqlite;
  const postgres = await postgresVersion();
  return dialect === 'postgres' ? postgres : `${sqlite} and ${postgres}`;
}

const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

/**
 * Writes one check's figures into docs/reliability.md, replacing the section the same check and
 * database wrote before and keeping every other section.
 */
export async function recordFigures(
  check: string,
  title: string,
  dialect: 'sqlite' | 'postgres' | 'both',
  figures: Figure[],
): Promise<void> {
  const key = `${check}:${dialect}`;
  const start = `<!-- reliability:${key}:start -->`;
  const end = `<!-- reliability:${key}:end -->`;
  const section = [
    start,
    `## ${title}`,
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; database ${await describeDatabase(dialect)}.`,
    '',
    '| Figure | Value |',
    '|---|---:|',
    ...figures.map(
      ([label, value]) => `| ${label} | ${typeof value === 'number' ? value.toLocaleString('en') : value} |`,
    ),
    '',
    end,
  ].join('\n');
  await writeDocSection(DOC, [start, end], section, INTRO);
}
