import type { Config } from '../config.js';
import type { DB, Dialect } from '../db/types.js';
import type { JobRunner } from '../jobs/runner.js';

/** What route modules need from the app; passed explicitly, not through a god object. */
export interface AppDeps {
  db: DB;
  dialect: Dialect;
  config: Config;
  jobs: JobRunner;
  demoMode: boolean;
}
