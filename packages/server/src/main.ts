import { buildApp } from './app.js';
import { DEFAULT_WEB_DIR, prepareDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';

/** `npm start`: migrate, seed the demo on an empty database, serve API and web on PORT. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, {});
  const webDir = config.webDir ?? DEFAULT_WEB_DIR;
  const { database, demoMode } = await prepareDatabase(config);
  const { app, jobs } = await buildApp({ ...config, webDir }, database, { demoMode });
  await jobs.recover();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await jobs.idle();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ db: database.describe, demoMode }, `kjj is ready on http://localhost:${config.port}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
