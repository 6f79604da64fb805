/**
 * The operations a chat client sends, at their largest realistic size: every event type's fields
 * selected with inline fragments, the biggest pages the schema allows for a run's log, and a
 * sidebar of threads with their latest runs and messages. The query limits must accept every
 * one of them (test/unit/security/query-limits.test.ts, and over HTTP and WebSocket in
 * test/integration/graphql/query-limits.int.test.ts).
 */

/** Every field of every run event type. */
export const ALL_EVENT_FIELDS = `
  __typename
  seq
  runId
  at
  ... on RunResumed { attempt }
  ... on NodeStarted { node }
  ... on NodeFinished { node }
  ... on RetrievalDone {
    query
    chunks { id text headingPath document { id title sourceUri } }
  }
  ... on TokenDelta { text }
  ... on ModelFallback { node fromModel toModel reason restart }
  ... on RunCompleted {
    answer {
      text
      model
      fallbackPath
      cached
      grounded
      usage { inputTokens outputTokens }
      citations { chunk { id text headingPath document { id title sourceUri } } }
    }
  }
  ... on RunFailed { code message }
`;

/** A realistic client operation: its name, whether it is a subscription, and its variables. */
export interface ClientOperation {
  name: string;
  query: string;
  /** Variable names the operation needs: `runId`, `threadId`, `collectionId`. */
  needs: readonly ('runId' | 'threadId' | 'collectionId')[];
  subscription?: boolean;
}

/** A run's whole log with every event field, in the largest page `Run.events` serves. */
export const RUN_LOG_PAGE: ClientOperation = {
  name: 'Run.events(first: 1000), every field',
  needs: ['runId'],
  query: `query RunLog($runId: ID!) {
    run(id: $runId) {
      id
      status
      question
      lastSeq
      attempts
      createdAt
      finishedAt
      answer { text model cached }
      error { code message }
      events(afterSeq: 0, first: 1000) { ${ALL_EVENT_FIELDS} }
    }
  }`,
};

export const CLIENT_OPERATIONS: readonly ClientOperation[] = [
  {
    name: 'runEvents, every event type',
    needs: ['runId'],
    subscription: true,
    query: `subscription Follow($runId: ID!, $afterSeq: Int) {
      runEvents(runId: $runId, afterSeq: $afterSeq) { ${ALL_EVENT_FIELDS} }
    }`,
  },
  RUN_LOG_PAGE,
  {
    name: 'Run.events(first: 100), every field',
    needs: ['runId'],
    query: `query RunPage($runId: ID!) {
      run(id: $runId) { status lastSeq events(first: 100) { ${ALL_EVENT_FIELDS} } }
    }`,
  },
  {
    name: 'threads(first: 50) with runs(first: 10) and messages(first: 20)',
    needs: [],
    query: `query Sidebar {
      threads(first: 50) {
        edges {
          cursor
          node {
            id
            createdAt
            lastActivityAt
            collection { id name }
            runs(first: 10) {
              edges { cursor node { id status question createdAt finishedAt answer { text } error { code message } } }
              pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            }
            messages(first: 20) {
              edges { cursor node { role text at run { id status } } }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`,
  },
  {
    name: 'thread with runs(first: 100), messages(first: 100) and history(last: 100)',
    needs: ['threadId'],
    query: `query Conversation($threadId: ID!) {
      thread(id: $threadId) {
        id
        collection { id name }
        messages(first: 100) {
          edges { cursor node { role text at run { id status } } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
        runs(first: 100) {
          edges {
            cursor
            node {
              id
              status
              question
              createdAt
              finishedAt
              answer { text model citations { chunk { id text document { id title } } } }
              error { code message }
            }
          }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
        history(last: 100) { checkpointId parentId node step at }
      }
    }`,
  },
];

/**
 * A cost bomb under the depth, alias and token limits: fourteen aliases each asking for 100
 * collections of 100 documents.
 */
export const COSTLY_QUERY = `{ ${Array.from(
  { length: 14 },
  (_, i) =>
    `a${i}: collections(first: 100) { edges { node { documents(first: 100) { edges { node { id title } } } } } }`,
).join(' ')} }`;

/** A run's log, nested under 100 threads of 100 runs: far more than a client reads. */
export const NESTED_PAGES_QUERY = `{
  threads(first: 100) {
    edges { node { runs(first: 100) { edges { node { events(first: 1000) { seq } } } } } }
  }
}`;

/** The same nested pages, their sizes given as variables. */
export const NESTED_PAGES_BY_VARIABLES = `query ($threads: Int, $runs: Int, $events: Int) {
  threads(first: $threads) {
    edges { node { runs(first: $runs) { edges { node { events(first: $events) { seq } } } } } }
  }
}`;
