import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * The real built server as a child process (`node packages/server/dist/main.js`): what the Chromium
 * journeys and the reliability harness run against.
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_MAIN = join(ROOT, 'packages/server/dist/main.js');
export const CLI_MAIN = join(ROOT, 'packages/server/dist/cli/main.js');
// Migrations, the demo seed (250 enterprises, one argon2 hash) and the first listen, on a busy machine.
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

/** A port nobody listens on right now: the OS picks one, we release it and hand it to the server. */
export function freePort(): Promise<number> {
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
export const inheritedEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('KJJ_')));

/** pino's level numbers: 50 error, 60 fatal. */
const ERROR_LEVEL = 50;

/**
 * Keeps the tail of the server's output so a failed start can say why, and shows errors the server
 * logs at once: they explain a failing step.
 */
function captureOutput(child: ChildProcess, echoErrors: boolean, limit: number): () => string {
  let output = '';
  const onLine = (line: string) => {
    output = `${output}${line}\n`.slice(-limit);
    const level = /^\{"level":(\d+)/.exec(line)?.[1];
    if (echoErrors && level && Number(level) >= ERROR_LEVEL) console.error(`kjj server: ${line}`);
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
  throw new Error(`the kjj server ${why}. Its output:\n${output() || '(none)'}`);
}

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** The tail of what the server printed. */
  output: () => string;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop: () => Promise<void>;
  /** SIGKILL at once, as a power cut or the OOM killer would. */
  kill: () => Promise<void>;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function stopWith(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill(signal);
  });
}

export interface StartOptions {
  databaseUrl: string;
  /** Load the demo into an empty database ('1'), or never ('0'). */
  demo?: '0' | '1';
  /** Serve the built web app (the journeys) or the API alone. */
  web?: boolean;
  logLevel?: string;
  echoErrors?: boolean;
  /** How much of the server's output to keep (the tail; 20,000 characters unless set). */
  outputLimit?: number;
  env?: Record<string, string>;
}

/** Starts the built server on a free port and resolves once it answers /api/health. */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...inheritedEnv(),
      KJJ_DATABASE_URL: options.databaseUrl,
      KJJ_DEMO: options.demo ?? '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      KJJ_LOG_LEVEL: options.logLevel ?? 'warn',
      ...(options.web === false ? { KJJ_WEB_DIR: '' } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child, options.echoErrors ?? true, options.outputLimit ?? 20_000);
  // Should the test runner die without its teardown (Ctrl-C), the server goes with it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.off('exit', orphanGuard));
  const server: ServerProcess = {
    baseUrl,
    child,
    output,
    stop: () => stopWith(child, 'SIGTERM'),
    kill: () => stopWith(child, 'SIGKILL'),
  };
  try {
    await waitUntilHealthy(child, baseUrl, output);
  } catch (error) {
    await server.kill();
    throw error;
  }
  return server;
}
