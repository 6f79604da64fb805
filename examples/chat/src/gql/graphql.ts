/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A question to ask, for `ask` and `askStream`. */
export type AskInput = {
  /** askStream only: cancel the run when the subscription ends before it. Default: false. */
  cancelOnDisconnect?: boolean | null | undefined;
  /** The collection to search (`col_…`); with `threadId`, it must be the thread's (BAD_USER_INPUT otherwise). */
  collectionId: string;
  /** Start from this earlier checkpoint of the thread (time travel / fork). */
  fromCheckpointId?: string | null | undefined;
  /** What to do when the thread has a run in progress. Default: QUEUE. */
  ifBusy?: IfBusy | null | undefined;
  /** 1 to 4000 characters. PII is redacted before it is stored or reaches a model. */
  question: string;
  /** Continue this conversation; omit to start a new thread. */
  threadId?: string | null | undefined;
};

/** Exactly one of text, html, markdown, fileId or url. */
export type DocumentInput = {
  /**
   * An uploaded file (`fil_…`, from `POST /files`) of the caller's workspace; NOT_FOUND when there
   * is none. The job detects its format from the content (then the declared type, then the name):
   * PDF (pages kept in `Chunk.pages`), DOCX, HTML, Markdown and text are read; any other format
   * fails this document alone with UNSUPPORTED_MEDIA_TYPE, an encrypted, corrupt or truncated PDF
   * or DOCX with INVALID_DOCUMENT. PII is redacted before anything of it is stored as chunk text or
   * embedded.
   */
  fileId?: string | null | undefined;
  /**
   * The body as HTML, at most 2 MiB; converted to text (headings kept for `Chunk.headingPath`;
   * scripts, styles, embeds and `<nav>` menus dropped).
   */
  html?: string | null | undefined;
  /** The body as Markdown, at most 2 MiB; converted to text (headings kept for `Chunk.headingPath`). */
  markdown?: string | null | undefined;
  /** A JSON object kept on every chunk; `search(filter:)` matches it by containment. */
  metadata?: unknown;
  /** Identifies the document across re-ingestion; defaults to its url, else its title. */
  sourceUri?: string | null | undefined;
  /** The body as plain text, at most 2 MiB. */
  text?: string | null | undefined;
  /** 1 to 500 characters. PII is redacted before it is stored. */
  title: string;
  /**
   * An http(s) URL the job fetches (at most 2048 characters), then reads like an uploaded file.
   * Never fetched: hosts outside the server's allowlist (`BALLAST_URL_ALLOWED_HOSTS`) and private,
   * loopback, link-local or other non-public addresses, after DNS resolution and on every redirect
   * (FORBIDDEN_URL). A host that cannot be reached or answers an error fails with URL_UNREACHABLE,
   * one too slow with TIMEOUT, a body over the file limit with PAYLOAD_TOO_LARGE; that document alone.
   */
  url?: string | null | undefined;
};

/**
 * The closed list of error codes: every error's `extensions.code`, and the `code` of a failed run
 * (`RunFailed`, `Run.error`) or document (`IngestError`). A code not on this list is never sent.
 * docs/errors.md gives the HTTP status of each.
 */
export type ErrorCode =
  /** The HTTP request itself is malformed (not JSON, no query). */
  | 'BAD_REQUEST'
  /** An argument or variable is invalid (wrong type, out of range, NUL or unpaired surrogate, too deep). */
  | 'BAD_USER_INPUT'
  /** The run or model call was cancelled. */
  | 'CANCELLED'
  /** The object's state forbids it (a name taken, a thread busy with `ifBusy: REJECT`). */
  | 'CONFLICT'
  /** The database cannot be reached right now; retry later. */
  | 'DATABASE_UNAVAILABLE'
  /** The caller's role does not allow the operation, or the origin is not allowed. */
  | 'FORBIDDEN'
  /**
   * A document's `url` that the server never fetches: not http(s), outside the configured host
   * allowlist, or naming (directly, after DNS resolution or by a redirect) a private, loopback,
   * link-local or other non-public address. That document alone fails.
   */
  | 'FORBIDDEN_URL'
  /** The document is not valid GraphQL syntax, or has more tokens than allowed. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not fit the schema, or exceeds a limit (depth, aliases, cost, directives). */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** A bug or an unexpected failure; logged in full on the server, never detailed to clients. */
  | 'INTERNAL_SERVER_ERROR'
  /**
   * A file given to `ingestDocuments` is in a readable format but cannot be read: a PDF encrypted
   * with a password, or a corrupt or truncated PDF or DOCX. That document alone fails; the message
   * says why.
   */
  | 'INVALID_DOCUMENT'
  /** The model's output failed validation after the corrective retries. */
  | 'INVALID_MODEL_OUTPUT'
  /** Every model of the chain failed or its circuit is open, and no cached answer could serve. */
  | 'MODEL_UNAVAILABLE'
  /** No such object in the caller's workspace. */
  | 'NOT_FOUND'
  /** The document has several operations and `operationName` names none of them. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** The request body is over the size limit (`extensions.limitBytes`). */
  | 'PAYLOAD_TOO_LARGE'
  /** Automatic persisted queries: send the full query once with its hash. */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** Persisted queries are switched off. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** Too many requests or tokens; retry after `extensions.retryAfterSeconds`. */
  | 'RATE_LIMITED'
  /** A model call or the operation took longer than allowed. */
  | 'TIMEOUT'
  /** Credentials missing, invalid, expired or revoked. */
  | 'UNAUTHENTICATED'
  /**
   * A format Ballast cannot read: a `POST /files` request that is not multipart/form-data, or a
   * file given to `ingestDocuments` whose content is not text, Markdown, HTML, PDF or DOCX (that
   * document alone fails).
   */
  | 'UNSUPPORTED_MEDIA_TYPE'
  /**
   * A document's `url` could not be fetched: its host name was not found, the connection failed,
   * it answered an HTTP error status or redirected too often. That document alone fails.
   */
  | 'URL_UNREACHABLE';

/**
 * Why a run moved from one model to the next, or retried on the same one (`fromModel` equals
 * `toModel`); also why a model's latest request failed (`ModelStatus.lastErrorCode`).
 */
export type FallbackReason =
  /** The model was skipped: its circuit breaker is open after recent failures. */
  | 'CIRCUIT_OPEN'
  /** The model could not be reached. */
  | 'CONNECTION'
  /** The provider answered HTTP 400. */
  | 'HTTP_400'
  /** The provider answered HTTP 401: the model's credentials are wrong. */
  | 'HTTP_401'
  /** The provider answered HTTP 403. */
  | 'HTTP_403'
  /** The provider answered HTTP 404: no such model at the provider. */
  | 'HTTP_404'
  /** The provider answered HTTP 408. */
  | 'HTTP_408'
  /** The provider answered HTTP 409. */
  | 'HTTP_409'
  /** The provider answered HTTP 413: the request was too large. */
  | 'HTTP_413'
  /** The provider answered HTTP 422. */
  | 'HTTP_422'
  /** The provider answered HTTP 429: rate limited. */
  | 'HTTP_429'
  /** The provider answered HTTP 500. */
  | 'HTTP_500'
  /** The provider answered HTTP 502. */
  | 'HTTP_502'
  /** The provider answered HTTP 503. */
  | 'HTTP_503'
  /** The provider answered HTTP 504. */
  | 'HTTP_504'
  /** The provider answered another HTTP error status (the run's trace has it). */
  | 'HTTP_ERROR'
  /** The model's reply was not the JSON asked for. */
  | 'INVALID_OUTPUT'
  /** The model refused to answer. */
  | 'REFUSAL'
  /** The model's stream broke after it had started. */
  | 'STREAM_CUT'
  /** The model's stream went silent after it had started. */
  | 'STREAM_STALL'
  /** The model did not answer (or send its first token) in time. */
  | 'TIMEOUT'
  /** The model's answer was not grounded: it cited no chunk, or a chunk not in its prompt. */
  | 'UNGROUNDED'
  /** Any other model failure. */
  | 'UNKNOWN'
  /** The model cannot do this task (the local model cannot grade or rewrite, for instance). */
  | 'UNSUPPORTED';

/** What `ask` does when the thread already has a run in progress. */
export type IfBusy =
  /** The new run waits (QUEUED) and starts when the runs before it end. */
  | 'QUEUE'
  /** The call fails with CONFLICT; no run is created. */
  | 'REJECT';

/** What `ingestDocuments` needs. */
export type IngestDocumentsInput = {
  /** The collection to ingest into (`col_…`); NOT_FOUND when it is not in the caller's workspace. */
  collectionId: string;
  /** 1 to 1000 documents, at most 16 MiB of text in all; no two with the same sourceUri (or, without one, title). */
  documents: Array<DocumentInput>;
};

/** Where an ingestion job is. */
export type IngestJobStatus =
  /** Ended with no document indexed; `errors` says why for each. */
  | 'FAILED'
  /** Accepted; no document processed yet. */
  | 'QUEUED'
  /** Documents are being chunked, embedded and indexed. */
  | 'RUNNING'
  /** Ended with at least one document indexed; the ones that failed are in `errors`. */
  | 'SUCCEEDED';

/** A kind of personal or secret data the redactor replaces by a placeholder (`[EMAIL_1]`). */
export type PiiType =
  /** An API key or access token of a known format. */
  | 'API_KEY'
  /** A payment card number (Luhn-checked). */
  | 'CREDIT_CARD'
  /** An e-mail address. */
  | 'EMAIL'
  /** An international bank account number (checksum-checked). */
  | 'IBAN'
  /** An IPv4 or IPv6 address. */
  | 'IP_ADDRESS'
  /** A phone number. */
  | 'PHONE'
  /** A PEM private key block. */
  | 'PRIVATE_KEY'
  /** A password or secret assigned in text (`password: …`). */
  | 'SECRET'
  /** A US social security number. */
  | 'US_SSN';

/** Where a run is. SUCCEEDED, FAILED and CANCELLED are final. */
export type RunStatus =
  /** Stopped by `cancelRun` (event RunCancelled). */
  | 'CANCELLED'
  /** Ended without an answer (`error`, event RunFailed). */
  | 'FAILED'
  /** Accepted, not started yet (waiting for a worker, or behind another run of its thread). */
  | 'QUEUED'
  /** Executing. */
  | 'RUNNING'
  /** Ended with an answer (`answer`, event RunCompleted). */
  | 'SUCCEEDED';

export type CollectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CollectionsQuery = { collections: { edges: Array<{ node: { id: string, name: string, documentCount: number, chunkCount: number } }> } };

export type CreateCollectionMutationVariables = Exact<{
  name: string;
}>;


export type CreateCollectionMutation = { createCollection: { id: string, name: string } };

export type IngestMutationVariables = Exact<{
  input: IngestDocumentsInput;
}>;


export type IngestMutation = { ingestDocuments: { id: string, status: IngestJobStatus } };

export type IngestJobUpdatesSubscriptionVariables = Exact<{
  id: string;
}>;


export type IngestJobUpdatesSubscription = { ingestJobUpdates: { id: string, status: IngestJobStatus, documentsTotal: number, documentsDone: number, documentsFailed: number, chunksTotal: number, chunksEmbedded: number, piiRedacted: Array<{ type: PiiType, count: number }>, errors: Array<{ documentIndex: number, title: string, code: ErrorCode, message: string }> } };

export type ThreadsQueryVariables = Exact<{
  collectionId: string;
  after?: string | null | undefined;
}>;


export type ThreadsQuery = { threads: { edges: Array<{ cursor: string, node: { id: string, lastActivityAt: string, runs: { edges: Array<{ node: { id: string, question: string } }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ThreadRunsQueryVariables = Exact<{
  id: string;
}>;


export type ThreadRunsQuery = { thread: { id: string, runs: { edges: Array<{ node: { id: string, status: RunStatus, question: string, createdAt: string, answer: { text: string } | null, error: { code: ErrorCode, message: string } | null } }> } } | null };

export type AskMutationVariables = Exact<{
  input: AskInput;
}>;


export type AskMutation = { ask: { id: string, status: RunStatus, thread: { id: string } | null } };

export type CancelRunMutationVariables = Exact<{
  id: string;
}>;


export type CancelRunMutation = { cancelRun: { id: string, status: RunStatus } };

export type RunEventsSubscriptionVariables = Exact<{
  runId: string;
  afterSeq?: number | null | undefined;
}>;


export type RunEventsSubscription = { runEvents:
    | { __typename: 'ModelFallback', node: string, fromModel: string, toModel: string, reason: FallbackReason, restart: boolean, seq: number }
    | { __typename: 'NodeFinished', seq: number }
    | { __typename: 'NodeStarted', seq: number }
    | { __typename: 'RetrievalDone', seq: number }
    | { __typename: 'RunCancelled', seq: number }
    | { __typename: 'RunCompleted', seq: number, answer: { text: string, model: string, fallbackPath: Array<string>, cached: boolean, citations: Array<{ chunk: { id: string, headingPath: Array<string>, pages: Array<number>, document: { id: string, title: string } | null } | null }> } }
    | { __typename: 'RunFailed', code: ErrorCode, message: string, seq: number }
    | { __typename: 'RunResumed', attempt: number, seq: number }
    | { __typename: 'RunStarted', seq: number }
    | { __typename: 'TokenDelta', text: string, seq: number }
   };


export const CollectionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Collections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"chunkCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CollectionsQuery, CollectionsQueryVariables>;
export const CreateCollectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCollection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCollection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateCollectionMutation, CreateCollectionMutationVariables>;
export const IngestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Ingest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IngestDocumentsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestDocuments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<IngestMutation, IngestMutationVariables>;
export const IngestJobUpdatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"IngestJobUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestJobUpdates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"documentsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDone"}},{"kind":"Field","name":{"kind":"Name","value":"documentsFailed"}},{"kind":"Field","name":{"kind":"Name","value":"chunksTotal"}},{"kind":"Field","name":{"kind":"Name","value":"chunksEmbedded"}},{"kind":"Field","name":{"kind":"Name","value":"piiRedacted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentIndex"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<IngestJobUpdatesSubscription, IngestJobUpdatesSubscriptionVariables>;
export const ThreadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Threads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"collectionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"collectionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"collectionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastActivityAt"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"question"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ThreadsQuery, ThreadsQueryVariables>;
export const ThreadRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ThreadRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"answer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ThreadRunsQuery, ThreadRunsQueryVariables>;
export const AskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Ask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"thread"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AskMutation, AskMutationVariables>;
export const CancelRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelRunMutation, CancelRunMutationVariables>;
export const RunEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RunEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSeq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunResumed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelFallback"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"}},{"kind":"Field","name":{"kind":"Name","value":"fromModel"}},{"kind":"Field","name":{"kind":"Name","value":"toModel"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"restart"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunCompleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackPath"}},{"kind":"Field","name":{"kind":"Name","value":"cached"}},{"kind":"Field","name":{"kind":"Name","value":"citations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chunk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headingPath"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunFailed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RunEventsSubscription, RunEventsSubscriptionVariables>;