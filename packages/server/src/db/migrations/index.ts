import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as core from './0001-core.js';
import * as enterprise from './0002-enterprise.js';
import * as project from './0003-project.js';
import * as reserve from './0004-reserve.js';
import * as disbursement from './0005-disbursement.js';
import * as call from './0006-call.js';
import * as expert from './0007-expert.js';
import * as review from './0008-review.js';
import * as attachment from './0009-attachment.js';
import * as progressReport from './0010-progress-report.js';
import * as firstAcceptance from './0011-first-acceptance.js';
import * as referenceIndexes from './0012-reference-indexes.js';
import * as metricIndexes from './0013-metric-indexes.js';
import * as reserveSurvey from './0014-reserve-survey.js';
import * as dictEntry from './0015-dict-entry.js';
import * as targets from './0016-targets.js';
import * as reportDrafts from './0017-report-drafts.js';
import * as jobAttempts from './0018-job-attempts.js';
import * as searchInOrgIndex from './0019-search-in-org-index.js';
import * as filtersInSortIndex from './0020-filters-in-sort-index.js';
import * as trashUniqueLookup from './0021-trash-unique-lookup.js';
import * as yearFiltersInOrgIndex from './0022-year-filters-in-org-index.js';

/**
 * Versioned migrations, in order. Each runs on both dialects; names never change once released.
 * Bundled in code (not read from a folder) so the compiled server carries them.
 */
const migrations: Record<string, { up: (db: Kysely<unknown>) => Promise<void> }> = {
  '0001-core': core,
  '0002-enterprise': enterprise,
  '0003-project': project,
  '0004-reserve': reserve,
  '0005-disbursement': disbursement,
  '0006-call': call,
  '0007-expert': expert,
  '0008-review': review,
  '0009-attachment': attachment,
  '0010-progress-report': progressReport,
  '0011-first-acceptance': firstAcceptance,
  '0012-reference-indexes': referenceIndexes,
  '0013-metric-indexes': metricIndexes,
  '0014-reserve-survey': reserveSurvey,
  '0015-dict-entry': dictEntry,
  '0016-targets': targets,
  '0017-report-drafts': reportDrafts,
  '0018-job-attempts': jobAttempts,
  '0019-search-in-org-index': searchInOrgIndex,
  '0020-filters-in-sort-index': filtersInSortIndex,
  '0021-trash-unique-lookup': trashUniqueLookup,
  '0022-year-filters-in-org-index': yearFiltersInOrgIndex,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations as Record<string, Migration>,
};
