import { describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { JobRunner } from './runner.js';

describe('JobRunner', () => {
  it('logs a failure of its own bookkeeping instead of rejecting, and runs the next job', async () => {
    // A database without the job table: every bookkeeping query fails, as when the database is gone.
    const broken = connect('sqlite::memory:');
    const errors: unknown[] = [];
    const runner = new JobRunner(broken.db, {
      error: (details: unknown) => errors.push(details),
      info: () => {},
    });
    await expect(runner.enqueue(1)).resolves.toBeUndefined();
    await expect(runner.enqueue(2)).resolves.toBeUndefined();
    await runner.idle();
    expect(errors).toEqual([
      expect.objectContaining({
        jobId: 1,
        err: expect.objectContaining({ message: expect.stringContaining('no such table') }),
      }),
      expect.objectContaining({ jobId: 2 }),
    ]);
    await broken.close();
  });
});
