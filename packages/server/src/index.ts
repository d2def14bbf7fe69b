export { buildApp, type BuiltApp } from './app.js';
export { prepareDatabase } from './bootstrap.js';
export { loadConfig, type Config } from './config.js';
export { connect, type Database } from './db/connect.js';
export { migrateToLatest } from './db/migrate.js';
export { verifyAuditChain } from './audit/chain.js';
export { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/seed.js';
export { ensureDefaultRoles } from './demo/roles.js';
