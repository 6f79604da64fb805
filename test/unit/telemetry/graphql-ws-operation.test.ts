import { createSourceEventStream, execute, parse, type ExecutionResult } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { tracedSubscribe } from '../../../src/telemetry/graphql-ws-operation.js';

// A source whose `finally` records that it was closed.
function counting(limit: number, closed: { value: boolean }) {
  return async function* () {
    try {
      for (let n = 1; n <= limit; n++) yield { tick: n };
    } finally {
      closed.value = true;
    }
  };
}

function setUp(limit: number) {
  const closed = { value: false };
  const schema = makeExecutableSchema({
    typeDefs: `type Query { ok: Boolean } type Subscription { tick(fail: Boolean): Int }`,
    resolvers: {
      Subscription: {
        tick: {
          subscribe: (_: unknown, args: { fail?: boolean }) => {
            if (args.fail) throw new Error('no such stream');
            return counting(limit, closed)();
          },
        },
      },
    },
  });
  return { schema, closed };
}

const collect = async (stream: AsyncIterable<ExecutionResult>) => {
  const results: ExecutionResult[] = [];
  for await (const result of stream) results.push(result);
  return results;
};

describe('tracedSubscribe', () => {
  it('executes each event of the source stream with the event as root value', async () => {
    const { schema, closed } = setUp(3);
    const subscribe = tracedSubscribe(createSourceEventStream, execute);
    const stream = await subscribe({ schema, document: parse('subscription { tick }') });
    expect(Symbol.asyncIterator in stream).toBe(true);
    const results = await collect(stream as AsyncIterable<ExecutionResult>);
    expect(results.map((r) => r.data)).toEqual([{ tick: 1 }, { tick: 2 }, { tick: 3 }]);
    expect(closed.value).toBe(true);
  });

  it('returns the errors of a subscription that cannot start', async () => {
    const { schema } = setUp(3);
    const subscribe = tracedSubscribe(createSourceEventStream, execute);
    const result = await subscribe({
      schema,
      document: parse('subscription { tick(fail: true) }'),
    });
    expect(Symbol.asyncIterator in result).toBe(false);
    expect((result as ExecutionResult).errors?.[0]?.message).toBe('no such stream');
  });

  it('closes the source when the client returns early', async () => {
    const { schema, closed } = setUp(100);
    const subscribe = tracedSubscribe(createSourceEventStream, execute);
    const stream = (await subscribe({
      schema,
      document: parse('subscription { tick }'),
    })) as AsyncGenerator<ExecutionResult>;
    expect((await stream.next()).value).toEqual({ data: { tick: 1 } });
    expect(await stream.return(undefined)).toEqual({ done: true, value: undefined });
    expect(closed.value).toBe(true);
  });

  it('closes the source and rejects when an event cannot be executed', async () => {
    const { schema, closed } = setUp(100);
    let calls = 0;
    const subscribe = tracedSubscribe(createSourceEventStream, (args) => {
      if (++calls === 2) throw new Error('execution failed');
      return execute(args);
    });
    const stream = (await subscribe({
      schema,
      document: parse('subscription { tick }'),
    })) as AsyncGenerator<ExecutionResult>;
    expect((await stream.next()).value).toEqual({ data: { tick: 1 } });
    await expect(stream.next()).rejects.toThrow('execution failed');
    expect(closed.value).toBe(true);
  });
});
