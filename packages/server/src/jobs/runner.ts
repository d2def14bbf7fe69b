import type { FastifyBaseLogger } from 'fastify';
import { nowIso } from '../db/dialect.js';
import type { DB, JobTable } from '../db/types.js';

export type JobRow = Omit<JobTable, 'id' | 'attempts'> & { id: number; attempts: number };

export interface JobProgress {
  /** Record progress; cheap to call often (throttled to one write per interval). */
  report(processed: number, total?: number): Promise<void>;
  /**
   * Marks the job succeeded inside the transaction that writes its data, so the data and the
   * outcome commit together: a crash leaves either both or neither, and a rerun never applies twice.
   */
  succeedIn(tx: DB, result: unknown): Promise<void>;
}

/** A job cut short this many times (a crash each time) is failed rather than started again. */
export const MAX_JOB_ATTEMPTS = 3;

export type JobHandler = (job: JobRow, progress: JobProgress) => Promise<unknown>;

/**
 * Runs jobs in this process, one at a time, with their state in the `job` table so any node can
 * answer progress polls and a restart knows what was cut short (DESIGN §7: on PostgreSQL a
 * database queue such as pg-boss is the next step; the interface stays the same).
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private queue: Promise<void> = Promise.resolve();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: DB,
    private readonly log: Pick<FastifyBaseLogger, 'error' | 'info'>,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /**
   * After a restart: a job a crash cut short wrote nothing (see `succeedIn`), so it is queued again
   * with the queued ones, unless crashes have cut it short MAX_JOB_ATTEMPTS times already.
   */
  async recover(): Promise<void> {
    await this.db
      .updateTable('job')
      .set({
        status: 'failed',
        finishedAt: nowIso(),
        result: JSON.stringify({ error: 'interrupted' }),
        file: null,
      })
      .where('status', '=', 'running')
      .where('attempts', '>=', MAX_JOB_ATTEMPTS)
      .execute();
    await this.db.updateTable('job').set({ status: 'queued' }).where('status', '=', 'running').execute();
    const queued = await this.db
      .selectFrom('job')
      .select('id')
      .where('status', '=', 'queued')
      .orderBy('id')
      .execute();
    for (const { id } of queued) this.enqueue(id);
  }

  /**
   * Never rejects: a job's own failure is recorded by `run`, and a failure of that bookkeeping (the
   * database gone) is logged. A rejection here would have no handler (routes do not wait for the
   * job) and would end the whole process.
   */
  enqueue(id: number): Promise<void> {
    const run = this.queue
      .then(() => this.run(id))
      .catch((error: unknown) => {
        this.log.error({ err: error, jobId: id }, 'job bookkeeping failed');
      });
    this.queue = run;
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
    return run;
  }

  /** Resolves when every job enqueued so far has finished (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async run(id: number): Promise<void> {
    const job = (await this.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst()) as
      JobRow | undefined;
    if (!job || job.status !== 'queued') return;
    const handler = this.handlers.get(job.kind);
    await this.db
      .updateTable('job')
      .set((eb) => ({ status: 'running', startedAt: nowIso(), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
    let lastWrite = 0;
    const progress: JobProgress = {
      report: async (processed, total) => {
        if (Date.now() - lastWrite < 250 && processed !== total) return;
        lastWrite = Date.now();
        await this.db
          .updateTable('job')
          .set({ processed, ...(total !== undefined ? { total } : {}) })
          .where('id', '=', id)
          .execute();
      },
      succeedIn: (tx, result) => this.finish(id, 'succeeded', result, tx),
    };
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler(job, progress);
      await this.finish(id, 'succeeded', result);
    } catch (error) {
      this.log.error({ err: error, jobId: id }, 'job failed');
      await this.finish(id, 'failed', { error: 'internal' });
    }
  }

  /** Records the outcome once: a job already finished inside its own transaction keeps that outcome. */
  private async finish(
    id: number,
    status: 'succeeded' | 'failed',
    result: unknown,
    db: DB = this.db,
  ): Promise<void> {
    // The uploaded file is dropped once the job is done: the result keeps what matters.
    await db
      .updateTable('job')
      .set({ status, finishedAt: nowIso(), result: JSON.stringify(result ?? null), file: null })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }
}
