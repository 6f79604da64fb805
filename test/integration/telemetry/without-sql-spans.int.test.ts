// OTEL_NODE_DISABLED_INSTRUMENTATIONS=pg: an operator's way to trace without one span per SQL
// statement (the largest part of tracing's cost, see README "Observability"). Everything else
// is still traced and nested as with all four instrumentations.
import { exporter } from './support/telemetry-without-pg.js';
import { eventually, idOf, parentOf, spanNamed } from './support/span-helpers.js';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_MODE } from '../../support/database.js';
import { answerReply, gradeReply } from '../../e2e/support/runs-fixture.js';
import { askStream } from './support/ask-stream.js';
import { useHandbookServer } from './support/handbook-server.js';

const NODES = ['begin', 'cache', 'retrieve', 'grade', 'generate', 'validate', 'respond'];

describe(`telemetry without the pg instrumentation (${TEST_DATABASE_MODE})`, () => {
  const handbook = useHandbookServer();

  it('traces the operation, the workflow, its nodes and model calls, and no SQL', async () => {
    const { fake, server, collectionId, leaveChunks } = handbook;
    fake.script('primary', [
      gradeReply(leaveChunks),
      answerReply('Parental leave is sixteen weeks at full pay.', leaveChunks),
    ]);
    const received = await askStream(server.url, {
      collectionId,
      question: 'How long is parental leave?',
    });
    expect(received.at(-1)!.event.__typename).toBe('RunCompleted');
    const traceId = received[0]!.extensions?.['traceId'];
    expect(typeof traceId).toBe('string');

    const spans = await eventually(() => {
      const found = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      return found.some((s) => s.name === 'invoke_workflow agentic-rag') ? found : undefined;
    });
    const operation = spanNamed(spans, 'subscription Ask');
    const workflow = spanNamed(spans, 'invoke_workflow agentic-rag');
    expect(parentOf(workflow)).toBe(idOf(operation));
    for (const node of NODES)
      expect(parentOf(spanNamed(spans, `node ${node}`))).toBe(idOf(workflow));
    expect(spans.filter((s) => s.name === 'chat primary')).toHaveLength(2);
    expect(spans.filter((s) => parentOf(s) === undefined)).toEqual([operation]);

    // No SQL span anywhere in the process (seeding included), and pg is not patched at all.
    const sql = exporter.getFinishedSpans().filter((s) => s.name.startsWith('pg.'));
    expect(sql).toEqual([]);
    expect(exporter.getFinishedSpans().length).toBeGreaterThan(spans.length);
    expect((pg.Client.prototype.query as { __wrapped?: boolean }).__wrapped).toBeUndefined();
  });
});
