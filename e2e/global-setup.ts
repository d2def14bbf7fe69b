import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, SERVER_MAIN, startServer, type ServerProcess } from './support/server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT` of the built server the journeys run against. */
    baseUrl: string;
  }
}

const WEB_INDEX = join(ROOT, 'packages/web/dist/index.html');

/**
 * Starts the real built server (`node packages/server/dist/main.js`) on a fresh demo SQLite database
 * in a temporary folder, and hands its address to the journeys. Teardown stops it and removes the folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const built of [SERVER_MAIN, WEB_INDEX]) {
    if (!existsSync(built)) throw new Error(`e2e: ${built} is missing; run \`npm run build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kjj-e2e-'));
  let server: ServerProcess;
  try {
    server = await startServer({ databaseUrl: `sqlite:${join(dir, 'kjj.db')}` });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`e2e: ${(error as Error).message}`);
  }
  const teardown = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  project.provide('baseUrl', server.baseUrl);
  return teardown;
}
