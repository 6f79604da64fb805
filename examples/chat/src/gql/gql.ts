/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Collections {\n    collections(first: 100) {\n      edges {\n        node {\n          id\n          name\n          documentCount\n          chunkCount\n        }\n      }\n    }\n  }\n": typeof types.CollectionsDocument,
    "\n  mutation CreateCollection($name: String!) {\n    createCollection(input: { name: $name }) {\n      id\n      name\n    }\n  }\n": typeof types.CreateCollectionDocument,
    "\n  mutation Ingest($input: IngestDocumentsInput!) {\n    ingestDocuments(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.IngestDocument,
    "\n  subscription IngestJobUpdates($id: ID!) {\n    ingestJobUpdates(id: $id) {\n      id\n      status\n      documentsTotal\n      documentsDone\n      documentsFailed\n      chunksTotal\n      chunksEmbedded\n      piiRedacted {\n        type\n        count\n      }\n      errors {\n        documentIndex\n        title\n        code\n        message\n      }\n    }\n  }\n": typeof types.IngestJobUpdatesDocument,
    "\n  query Threads($collectionId: ID!, $after: String) {\n    threads(first: 20, after: $after, collectionId: $collectionId) {\n      edges {\n        cursor\n        node {\n          id\n          lastActivityAt\n          runs(last: 1) {\n            edges {\n              node {\n                id\n                question\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ThreadsDocument,
    "\n  query ThreadRuns($id: ID!) {\n    thread(id: $id) {\n      id\n      runs(first: 50) {\n        edges {\n          node {\n            id\n            status\n            question\n            createdAt\n            answer {\n              text\n            }\n            error {\n              code\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ThreadRunsDocument,
    "\n  mutation Ask($input: AskInput!) {\n    ask(input: $input) {\n      id\n      status\n      thread {\n        id\n      }\n    }\n  }\n": typeof types.AskDocument,
    "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelRunDocument,
    "\n  subscription RunEvents($runId: ID!, $afterSeq: Int) {\n    runEvents(runId: $runId, afterSeq: $afterSeq) {\n      __typename\n      seq\n      ... on RunResumed {\n        attempt\n      }\n      ... on TokenDelta {\n        text\n      }\n      ... on ModelFallback {\n        node\n        fromModel\n        toModel\n        reason\n        restart\n      }\n      ... on RunCompleted {\n        answer {\n          text\n          model\n          fallbackPath\n          cached\n          citations {\n            chunk {\n              id\n              headingPath\n              pages\n              document {\n                id\n                title\n              }\n            }\n          }\n        }\n      }\n      ... on RunFailed {\n        code\n        message\n      }\n    }\n  }\n": typeof types.RunEventsDocument,
};
const documents: Documents = {
    "\n  query Collections {\n    collections(first: 100) {\n      edges {\n        node {\n          id\n          name\n          documentCount\n          chunkCount\n        }\n      }\n    }\n  }\n": types.CollectionsDocument,
    "\n  mutation CreateCollection($name: String!) {\n    createCollection(input: { name: $name }) {\n      id\n      name\n    }\n  }\n": types.CreateCollectionDocument,
    "\n  mutation Ingest($input: IngestDocumentsInput!) {\n    ingestDocuments(input: $input) {\n      id\n      status\n    }\n  }\n": types.IngestDocument,
    "\n  subscription IngestJobUpdates($id: ID!) {\n    ingestJobUpdates(id: $id) {\n      id\n      status\n      documentsTotal\n      documentsDone\n      documentsFailed\n      chunksTotal\n      chunksEmbedded\n      piiRedacted {\n        type\n        count\n      }\n      errors {\n        documentIndex\n        title\n        code\n        message\n      }\n    }\n  }\n": types.IngestJobUpdatesDocument,
    "\n  query Threads($collectionId: ID!, $after: String) {\n    threads(first: 20, after: $after, collectionId: $collectionId) {\n      edges {\n        cursor\n        node {\n          id\n          lastActivityAt\n          runs(last: 1) {\n            edges {\n              node {\n                id\n                question\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ThreadsDocument,
    "\n  query ThreadRuns($id: ID!) {\n    thread(id: $id) {\n      id\n      runs(first: 50) {\n        edges {\n          node {\n            id\n            status\n            question\n            createdAt\n            answer {\n              text\n            }\n            error {\n              code\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ThreadRunsDocument,
    "\n  mutation Ask($input: AskInput!) {\n    ask(input: $input) {\n      id\n      status\n      thread {\n        id\n      }\n    }\n  }\n": types.AskDocument,
    "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelRunDocument,
    "\n  subscription RunEvents($runId: ID!, $afterSeq: Int) {\n    runEvents(runId: $runId, afterSeq: $afterSeq) {\n      __typename\n      seq\n      ... on RunResumed {\n        attempt\n      }\n      ... on TokenDelta {\n        text\n      }\n      ... on ModelFallback {\n        node\n        fromModel\n        toModel\n        reason\n        restart\n      }\n      ... on RunCompleted {\n        answer {\n          text\n          model\n          fallbackPath\n          cached\n          citations {\n            chunk {\n              id\n              headingPath\n              pages\n              document {\n                id\n                title\n              }\n            }\n          }\n        }\n      }\n      ... on RunFailed {\n        code\n        message\n      }\n    }\n  }\n": types.RunEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Collections {\n    collections(first: 100) {\n      edges {\n        node {\n          id\n          name\n          documentCount\n          chunkCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Collections {\n    collections(first: 100) {\n      edges {\n        node {\n          id\n          name\n          documentCount\n          chunkCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCollection($name: String!) {\n    createCollection(input: { name: $name }) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCollection($name: String!) {\n    createCollection(input: { name: $name }) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Ingest($input: IngestDocumentsInput!) {\n    ingestDocuments(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation Ingest($input: IngestDocumentsInput!) {\n    ingestDocuments(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription IngestJobUpdates($id: ID!) {\n    ingestJobUpdates(id: $id) {\n      id\n      status\n      documentsTotal\n      documentsDone\n      documentsFailed\n      chunksTotal\n      chunksEmbedded\n      piiRedacted {\n        type\n        count\n      }\n      errors {\n        documentIndex\n        title\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription IngestJobUpdates($id: ID!) {\n    ingestJobUpdates(id: $id) {\n      id\n      status\n      documentsTotal\n      documentsDone\n      documentsFailed\n      chunksTotal\n      chunksEmbedded\n      piiRedacted {\n        type\n        count\n      }\n      errors {\n        documentIndex\n        title\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Threads($collectionId: ID!, $after: String) {\n    threads(first: 20, after: $after, collectionId: $collectionId) {\n      edges {\n        cursor\n        node {\n          id\n          lastActivityAt\n          runs(last: 1) {\n            edges {\n              node {\n                id\n                question\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Threads($collectionId: ID!, $after: String) {\n    threads(first: 20, after: $after, collectionId: $collectionId) {\n      edges {\n        cursor\n        node {\n          id\n          lastActivityAt\n          runs(last: 1) {\n            edges {\n              node {\n                id\n                question\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadRuns($id: ID!) {\n    thread(id: $id) {\n      id\n      runs(first: 50) {\n        edges {\n          node {\n            id\n            status\n            question\n            createdAt\n            answer {\n              text\n            }\n            error {\n              code\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadRuns($id: ID!) {\n    thread(id: $id) {\n      id\n      runs(first: 50) {\n        edges {\n          node {\n            id\n            status\n            question\n            createdAt\n            answer {\n              text\n            }\n            error {\n              code\n              message\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Ask($input: AskInput!) {\n    ask(input: $input) {\n      id\n      status\n      thread {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Ask($input: AskInput!) {\n    ask(input: $input) {\n      id\n      status\n      thread {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunEvents($runId: ID!, $afterSeq: Int) {\n    runEvents(runId: $runId, afterSeq: $afterSeq) {\n      __typename\n      seq\n      ... on RunResumed {\n        attempt\n      }\n      ... on TokenDelta {\n        text\n      }\n      ... on ModelFallback {\n        node\n        fromModel\n        toModel\n        reason\n        restart\n      }\n      ... on RunCompleted {\n        answer {\n          text\n          model\n          fallbackPath\n          cached\n          citations {\n            chunk {\n              id\n              headingPath\n              pages\n              document {\n                id\n                title\n              }\n            }\n          }\n        }\n      }\n      ... on RunFailed {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RunEvents($runId: ID!, $afterSeq: Int) {\n    runEvents(runId: $runId, afterSeq: $afterSeq) {\n      __typename\n      seq\n      ... on RunResumed {\n        attempt\n      }\n      ... on TokenDelta {\n        text\n      }\n      ... on ModelFallback {\n        node\n        fromModel\n        toModel\n        reason\n        restart\n      }\n      ... on RunCompleted {\n        answer {\n          text\n          model\n          fallbackPath\n          cached\n          citations {\n            chunk {\n              id\n              headingPath\n              pages\n              document {\n                id\n                title\n              }\n            }\n          }\n        }\n      }\n      ... on RunFailed {\n        code\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;