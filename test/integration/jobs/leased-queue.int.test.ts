import PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executorFor, JOB_SCHEMA } from '../../../src/jobs/boss-db.js';
import { createJobQueue, type JobAttempt, type JobQueue } from '../../../src/jobs/job-queue.js';
import { renewJobLease, settleJob } from '../../../src/jobs/job-lease.js';
import { silentLogger } from '../../../src/logger.js';
import {
  createTestDatabase,
  TEST_DATABASE_MODE,
  type TestDatabase,
} from '../../support/database.js';
import { waitFor } from '../../support/wait-for.js';

const LEASE_SECONDS = 2;

describe(`a leased job queue (${TEST_DATABASE_MODE})`, () => {
  let database: TestDatabase;
  let queue: JobQueue;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await queue?.stop();
  });
  afterAll(() => database.destroy());

  const startQueue = async () => {
    // pg-boss's own expiry and maintenance are far off: only the lease may move a job.
    queue = createJobQueue({
      db: database.db,
      logger: silentLogger,
      expireInSeconds: 300,
      maintenanceIntervalSeconds: 300,
    });
    await queue.start();
    return queue;
  };
  const jobRow = async (name: string) =>
    (
      await database.db.pool.query<{ state: string; retry_count: number }>(
        `SELECT state, retry_count FROM ${JOB_SCHEMA}.job WHERE name = $1`,
        [name],
      )
    ).rows;

  it('gives the queue the lease as its expiry, on creation and on an existing queue', async () => {
    const q = await startQueue();
    await q.ensureQueue('lease-expiry');
    await q.ensureQueue('lease-expiry', { expireInSeconds: LEASE_SECONDS });
    const row = await database.db.pool.query<{ expire_seconds: number }>(
      `SELECT expire_seconds FROM ${JOB_SCHEMA}.queue WHERE name = 'lease-expiry'`,
    );
    expect(row.rows[0]?.expire_seconds).toBe(LEASE_SECONDS);
  });

  it('keeps a job with its live worker for three leases and more, never retrying it', async () => {
    const q = await startQueue();
    await q.ensureQueue('lease-live', { expireInSeconds: LEASE_SECONDS });
    const tries: JobAttempt[] = [];
    let done = false;
    const handler = async (_payload: object, attempt: JobAttempt) => {
      tries.push(attempt);
      await new Promise((r) => setTimeout(r, LEASE_SECONDS * 3_500));
      done = true;
    };
    // A second, idle worker would take the job at once if it were returned to the queue.
    await q.work('lease-live', handler, { leaseSeconds: LEASE_SECONDS });
    await q.work('lease-live', handler, { leaseSeconds: LEASE_SECONDS });
    await q.enqueue('lease-live', [{ n: 1 }]);
    q.wake('lease-live');
    await waitFor(async () => {
      const rows = await jobRow('lease-live');
      return done && rows[0]?.state === 'completed' ? true : undefined;
    }, 20_000);
    expect(tries).toEqual([expect.objectContaining({ retryCount: 0 })]);
    expect(await jobRow('lease-live')).toEqual([{ state: 'completed', retry_count: 0 }]);
  }, 30_000);

  it('retries a job whose holder stopped renewing within about a lease, and fences the dead try', async () => {
    const q = await startQueue();
    await q.ensureQueue('lease-dead', { expireInSeconds: LEASE_SECONDS });
    await q.enqueue('lease-dead', [{ n: 1 }]);
    // A process that fetched the job and died: nothing renews its lease.
    const dead = new PgBoss({
      db: executorFor(database.db.pool),
      schema: JOB_SCHEMA,
      supervise: false,
      schedule: false,
      migrate: false,
    });
    await dead.start();
    const [fetched] = await dead.fetch('lease-dead', { includeMetadata: true });
    expect(fetched?.retryCount).toBe(0);
    const deadTry = { name: 'lease-dead', id: fetched!.id, retryCount: 0 };
    const fetchedAt = Date.now();

    const tries: JobAttempt[] = [];
    await q.work('lease-dead', async (_payload, attempt) => void tries.push(attempt), {
      leaseSeconds: LEASE_SECONDS,
    });
    // One lease, then a sweep (a third of one), then pg-boss's first retry delay (at most 2 s).
    await waitFor(
      async () => {
        const rows = await jobRow('lease-dead');
        return rows[0]?.state === 'completed' ? true : undefined;
      },
      (LEASE_SECONDS + LEASE_SECONDS / 3 + 2) * 1000 + 2_000,
    );
    expect(Date.now() - fetchedAt).toBeGreaterThanOrEqual(LEASE_SECONDS * 1000 - 100);
    expect(tries).toEqual([expect.objectContaining({ retryCount: 1 })]);

    // The dead try, were it to come back, can neither renew nor settle the job.
    expect(await renewJobLease(database.db.pool, deadTry, LEASE_SECONDS)).toBe(false);
    expect(await settleJob(dead, database.db.pool, deadTry, { ok: false, error: 'late' })).toBe(
      false,
    );
    expect(await jobRow('lease-dead')).toEqual([{ state: 'completed', retry_count: 1 }]);
    await dead.stop({ graceful: false, close: false, wait: false });
  }, 30_000);
});
