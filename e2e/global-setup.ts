import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT` of the built server the journeys run against. */
    baseUrl: string;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_MAIN = join(ROOT, 'packages/server/dist/main.js');
const WEB_INDEX = join(ROOT, 'packages/web/dist/index.html');
// Migrations, the demo seed (250 enterprises, one argon2 hash) and the first listen, on a busy machine.
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

/** A port nobody listens on right now: the OS picks one, we release it and hand it to the server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The caller's environment minus any KJJ_* setting (secure cookies, a proxy…) that would change the run. */
const inheritedEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('KJJ_')));

/** pino's level numbers: 50 error, 60 fatal. */
const ERROR_LEVEL = 50;

/**
 * Keeps the tail of the server's output so a failed start can say why, and shows errors the server
 * logs while the journeys run at once: they explain a failing step.
 */
function captureOutput(child: ChildProcess): () => string {
  let output = '';
  const onLine = (line: string) => {
    output = `${output}${line}\n`.slice(-20_000);
    const level = /^\{"level":(\d+)/.exec(line)?.[1];
    if (level && Number(level) >= ERROR_LEVEL) console.error(`kjj server: ${line}`);
  };
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', onLine);
  }
  return () => output;
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Resolves once /api/health answers 200; rejects with the server's output if it exits or stalls. */
async function waitUntilHealthy(child: ChildProcess, baseUrl: string, output: () => string): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) break;
    if (await healthy(baseUrl)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const why = exited ?? `did not answer ${baseUrl}/api/health within ${START_TIMEOUT_MS / 1000}s`;
  throw new Error(`e2e: the kjj server ${why}. Its output:\n${output() || '(none)'}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the real built server (`node packages/server/dist/main.js`) on a fresh demo SQLite database
 * in a temporary folder, and hands its address to the journeys. Teardown stops it and removes the folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const built of [SERVER_MAIN, WEB_INDEX]) {
    if (!existsSync(built)) throw new Error(`e2e: ${built} is missing; run \`npm run build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kjj-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...inheritedEnv(),
      KJJ_DATABASE_URL: `sqlite:${join(dir, 'kjj.db')}`,
      KJJ_DEMO: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      KJJ_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  // Should vitest die without running teardown (Ctrl-C), the server goes with it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const teardown = async () => {
    process.off('exit', orphanGuard);
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(child, baseUrl, output);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  return teardown;
}
