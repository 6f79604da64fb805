import { graphql } from './gql/index.js';

/** The workspace's collections, newest first, with their sizes. */
export const CollectionsQuery = graphql(`
  query Collections {
    collections(first: 100) {
      edges {
        node {
          id
          name
          documentCount
          chunkCount
        }
      }
    }
  }
`);

/** Creates a collection by name. */
export const CreateCollectionMutation = graphql(`
  mutation CreateCollection($name: String!) {
    createCollection(input: { name: $name }) {
      id
      name
    }
  }
`);

/** Submits documents (pasted text or an uploaded file's id) for ingestion. */
export const IngestMutation = graphql(`
  mutation Ingest($input: IngestDocumentsInput!) {
    ingestDocuments(input: $input) {
      id
      status
    }
  }
`);

/** An ingestion job's progress, until it ends. */
export const IngestJobUpdatesSubscription = graphql(`
  subscription IngestJobUpdates($id: ID!) {
    ingestJobUpdates(id: $id) {
      id
      status
      documentsTotal
      documentsDone
      documentsFailed
      chunksTotal
      chunksEmbedded
      piiRedacted {
        type
        count
      }
      errors {
        documentIndex
        title
        code
        message
      }
    }
  }
`);

/** The conversations over a collection, most recently active first, with their first question. */
export const ThreadsQuery = graphql(`
  query Threads($collectionId: ID!, $after: String) {
    threads(first: 20, after: $after, collectionId: $collectionId) {
      edges {
        cursor
        node {
          id
          lastActivityAt
          runs(last: 1) {
            edges {
              node {
                id
                question
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** A thread's runs, newest first: question, status and answer. */
export const ThreadRunsQuery = graphql(`
  query ThreadRuns($id: ID!) {
    thread(id: $id) {
      id
      runs(first: 50) {
        edges {
          node {
            id
            status
            question
            createdAt
            answer {
              text
            }
            error {
              code
              message
            }
          }
        }
      }
    }
  }
`);

/** Asks a question; the run executes in the background and is followed with `runEvents`. */
export const AskMutation = graphql(`
  mutation Ask($input: AskInput!) {
    ask(input: $input) {
      id
      status
      thread {
        id
      }
    }
  }
`);

/** Stops a run; its event stream then ends with RunCancelled. */
export const CancelRunMutation = graphql(`
  mutation CancelRun($id: ID!) {
    cancelRun(id: $id) {
      id
      status
    }
  }
`);

/** Joins or re-joins a run: every event after `afterSeq`, then live ones, until the last. */
export const RunEventsSubscription = graphql(`
  subscription RunEvents($runId: ID!, $afterSeq: Int) {
    runEvents(runId: $runId, afterSeq: $afterSeq) {
      __typename
      seq
      ... on RunResumed {
        attempt
      }
      ... on TokenDelta {
        text
      }
      ... on ModelFallback {
        node
        fromModel
        toModel
        reason
        restart
      }
      ... on RunCompleted {
        answer {
          text
          model
          fallbackPath
          cached
          citations {
            chunk {
              id
              headingPath
              pages
              document {
                id
                title
              }
            }
          }
        }
      }
      ... on RunFailed {
        code
        message
      }
    }
  }
`);
