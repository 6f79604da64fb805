import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../support/database.js';
import { runOutageScenario } from '../support/outage-scenario.js';

const OUTAGE_MS = 6_000;
const LEASE_SECONDS = 6;

// Two servers on a private PostgreSQL cluster of this test's own, stopped for 6 s with runs and
// an ingest job in flight (`npm run chaos` does the same for 15 s). PostgreSQL only: the
// embedded database cannot go away without its process.
describe.runIf(TEST_DATABASE_URL)('a database outage loses no run, job or answer', () => {
  it('answers health throughout, completes everything, and a cancel after it lands', async () => {
    const figures = await runOutageScenario({
      outageMs: OUTAGE_MS,
      runs: 4,
      replicas: 2,
      job: true,
      cancel: true,
      leaseSeconds: LEASE_SECONDS,
    });
    const summary = JSON.stringify(figures);
    expect(figures.lost, summary).toEqual([]);
    expect(figures.runsCompleted, summary).toBe(figures.runsAccepted);
    expect(figures.textMismatches, summary).toBe(0);
    expect(figures.jobsCompleted, summary).toBe(figures.jobsAccepted);
    expect(figures.healthAnswered, summary).toBe(figures.healthAsked);
    expect(figures.healthDegraded, summary).toBeGreaterThan(0);
    expect(figures.cancelStatus, summary).toBe('CANCELLED');
    // Retries back off and log state changes: a few lines per outage, not one per attempt.
    expect(figures.warnLines, summary).toBeLessThan(100);
  }, 300_000);
});
