import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SERVER_MAIN = fileURLToPath(new URL('../../packages/server/dist/main.js', import.meta.url));

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export interface RunningServer {
  url: string;
  pid: number;
  stop: () => Promise<void>;
  /** Samples RSS every 100 ms until stopped; returns the samples in MB. */
  sampleRss: () => { stop: () => number[] };
}

export async function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  port: number,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid as number;
  return {
    url,
    pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    sampleRss: () => {
      const samples: number[] = [];
      const timer = setInterval(() => samples.push(rssMb(pid)), 100);
      return {
        stop: () => {
          clearInterval(timer);
          return samples;
        },
      };
    },
  };
}

export const startKjj = (databaseUrl: string, port: number) =>
  startProcess(
    'node',
    // The same heap cap as `npm start`: V8 would otherwise grow the heap far beyond the live data.
    ['--max-old-space-size=384', SERVER_MAIN],
    {
      KJJ_DATABASE_URL: databaseUrl,
      PORT: String(port),
      KJJ_DEMO: '0',
      KJJ_LOG_LEVEL: 'warn',
      KJJ_PG_POOL_SIZE: '10',
      HOST: '127.0.0.1',
    },
    port,
  );
