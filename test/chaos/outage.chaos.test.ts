import { expect, it } from 'vitest';
import { runOutageScenario } from '../support/outage-scenario.js';
import { recordFinding } from './findings.js';

const OUTAGE_MS = 15_000;
const LEASE_SECONDS = 30;

it('a 15 s database outage under two replicas loses no run, job or answer', async () => {
  const figures = await runOutageScenario({
    outageMs: OUTAGE_MS,
    runs: 10,
    replicas: 2,
    job: true,
    cancel: true,
    leaseSeconds: LEASE_SECONDS,
  });
  const held =
    figures.lost.length === 0 &&
    figures.runsCompleted === figures.runsAccepted &&
    figures.textMismatches === 0 &&
    figures.jobsCompleted === figures.jobsAccepted &&
    figures.healthAnswered === figures.healthAsked &&
    figures.cancelStatus === 'CANCELLED' &&
    figures.cancelMs !== null &&
    figures.cancelMs <= LEASE_SECONDS * 1000;
  recordFinding({
    case: `database stopped ${OUTAGE_MS / 1000} s, two replicas, runs and a job in flight`,
    held,
    figures: {
      'runs accepted / completed': `${figures.runsAccepted} / ${figures.runsCompleted}`,
      'jobs accepted / completed': `${figures.jobsAccepted} / ${figures.jobsCompleted}`,
      'runs whose rebuilt text differs from the answer': figures.textMismatches,
      'health answered during the outage': `${figures.healthAnswered} of ${figures.healthAsked} (${figures.healthDegraded} DEGRADED)`,
      'cross-replica cancel after the outage': `${figures.cancelStatus} in ${figures.cancelMs} ms (lease ${LEASE_SECONDS} s)`,
      'warning and error log lines': figures.warnLines,
      'log lines by message': figures.warnByMessage,
      lost: figures.lost,
    },
  });
  expect(held, JSON.stringify(figures)).toBe(true);
});
