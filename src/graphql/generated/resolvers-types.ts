import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CollectionRow } from '../../collections/collection-row.js';
import type { DocumentRow, ChunkRow } from '../../documents/document-row.js';
import type { IngestJobRow } from '../../ingest/ingest-job-row.js';
import type { RetrievedChunk } from '../../retrieval/hybrid-search.js';
import type { ModelStatus as ModelStatusRecord } from '../../models/types.js';
import type { RunRow, ThreadRow, AnswerRecord, CitationRecord } from '../../runs/run-row.js';
import type { CheckpointEntry as CheckpointRecord } from '../../checkpoints/history.js';
import type { RunEvent as RunEventRecord, RunStartedEvent, RunResumedEvent, NodeStartedEvent, NodeFinishedEvent, RetrievalDoneEvent, TokenDeltaEvent, ModelFallbackEvent, RunCompletedEvent, RunFailedEvent, RunCancelledEvent } from '../../runs/run-event.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time with time zone, e.g. `2026-11-28T17:48:35.000Z`. */
  DateTime: { input: Date; output: Date; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
};

export type Answer = {
  __typename?: 'Answer';
  cached: Scalars['Boolean']['output'];
  citations: Array<Citation>;
  /** Every model tried, in order, ending with `model`. */
  fallbackPath: Array<Scalars['String']['output']>;
  /** Every citation points at a retrieved chunk. */
  grounded: Scalars['Boolean']['output'];
  /** Id of the model that produced the answer. */
  model: Scalars['String']['output'];
  text: Scalars['String']['output'];
  usage: Maybe<Usage>;
};

export type AskInput = {
  /** askStream only: cancel the run when the subscription ends before it. Default: false. */
  cancelOnDisconnect?: InputMaybe<Scalars['Boolean']['input']>;
  collectionId: Scalars['ID']['input'];
  /** Start from this earlier checkpoint of the thread (time travel / fork). */
  fromCheckpointId?: InputMaybe<Scalars['String']['input']>;
  /** What to do when the thread has a run in progress. Default: QUEUE. */
  ifBusy?: InputMaybe<IfBusy>;
  /** 1 to 4000 characters. PII is redacted before it is stored or reaches a model. */
  question: Scalars['String']['input'];
  /** Continue this conversation; omit to start a new thread. */
  threadId?: InputMaybe<Scalars['ID']['input']>;
};

export type CheckpointEntry = {
  __typename?: 'CheckpointEntry';
  at: Scalars['DateTime']['output'];
  /** Pass as `AskInput.fromCheckpointId` to fork the conversation from here. */
  checkpointId: Scalars['String']['output'];
  /** The graph node whose output this checkpoint records. */
  node: Scalars['String']['output'];
  parentId: Maybe<Scalars['String']['output']>;
  step: Scalars['Int']['output'];
};

export type Chunk = {
  __typename?: 'Chunk';
  document: Maybe<Document>;
  /** Headings the chunk sits under, outermost first. */
  headingPath: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  ordinal: Scalars['Int']['output'];
  text: Scalars['String']['output'];
  tokenCount: Scalars['Int']['output'];
};

export type ChunkConnection = {
  __typename?: 'ChunkConnection';
  edges: Array<ChunkEdge>;
  pageInfo: PageInfo;
};

export type ChunkEdge = {
  __typename?: 'ChunkEdge';
  cursor: Scalars['String']['output'];
  node: Chunk;
};

/** A model's circuit breaker: OPEN models are skipped without a request until a probe succeeds. */
export type CircuitState =
  | 'CLOSED'
  | 'HALF_OPEN'
  | 'OPEN';

export type Citation = {
  __typename?: 'Citation';
  /** Null when the chunk has since been deleted. */
  chunk: Maybe<Chunk>;
};

/** A set of documents searched together; one embedding model and dimension for all its chunks. */
export type Collection = {
  __typename?: 'Collection';
  chunkCount: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  description: Maybe<Scalars['String']['output']>;
  dimensions: Maybe<Scalars['Int']['output']>;
  documentCount: Scalars['Int']['output'];
  documents: DocumentConnection;
  /** Fixed by the first ingestion; null before it. */
  embeddingModel: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};


/** A set of documents searched together; one embedding model and dimension for all its chunks. */
export type CollectionDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CollectionConnection = {
  __typename?: 'CollectionConnection';
  edges: Array<CollectionEdge>;
  pageInfo: PageInfo;
};

export type CollectionEdge = {
  __typename?: 'CollectionEdge';
  cursor: Scalars['String']['output'];
  node: Collection;
};

export type CreateCollectionInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters, unique in the workspace. */
  name: Scalars['String']['input'];
};

/** Where data lives: PGlite in-process, or a PostgreSQL server. */
export type DatabaseMode =
  | 'EMBEDDED'
  | 'POSTGRES';

export type Document = {
  __typename?: 'Document';
  chunkCount: Scalars['Int']['output'];
  /** Chunks in reading order. */
  chunks: ChunkConnection;
  collection: Maybe<Collection>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  metadata: Scalars['JSON']['output'];
  sourceUri: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};


export type DocumentChunksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type DocumentConnection = {
  __typename?: 'DocumentConnection';
  edges: Array<DocumentEdge>;
  pageInfo: PageInfo;
};

export type DocumentEdge = {
  __typename?: 'DocumentEdge';
  cursor: Scalars['String']['output'];
  node: Document;
};

/** Exactly one of text, html or markdown. */
export type DocumentInput = {
  html?: InputMaybe<Scalars['String']['input']>;
  markdown?: InputMaybe<Scalars['String']['input']>;
  /** A JSON object kept on every chunk; `search(filter:)` matches it by containment. */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** Identifies the document across re-ingestion; defaults to its title. */
  sourceUri?: InputMaybe<Scalars['String']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

export type Health = {
  __typename?: 'Health';
  databaseMode: DatabaseMode;
  /** Installed pgvector version, null when the database cannot be reached. */
  pgvectorVersion: Maybe<Scalars['String']['output']>;
  /** Number of applied migrations. */
  schemaVersion: Scalars['Int']['output'];
  serverVersion: Scalars['String']['output'];
  status: HealthStatus;
};

export type HealthStatus =
  | 'DEGRADED'
  | 'OK';

export type IfBusy =
  | 'QUEUE'
  | 'REJECT';

export type IngestDocumentsInput = {
  collectionId: Scalars['ID']['input'];
  documents: Array<DocumentInput>;
};

export type IngestError = {
  __typename?: 'IngestError';
  code: Scalars['String']['output'];
  /** Position of the document in the submitted list. */
  documentIndex: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type IngestJob = {
  __typename?: 'IngestJob';
  /** Stale chunks removed from changed documents. */
  chunksDeleted: Scalars['Int']['output'];
  /** Chunks sent to the embedding model. */
  chunksEmbedded: Scalars['Int']['output'];
  /** New chunks whose text the collection already had: their vectors were reused. */
  chunksReused: Scalars['Int']['output'];
  /** Chunks of the job's documents after indexing. */
  chunksTotal: Scalars['Int']['output'];
  collection: Maybe<Collection>;
  createdAt: Scalars['DateTime']['output'];
  documentsDone: Scalars['Int']['output'];
  documentsFailed: Scalars['Int']['output'];
  documentsTotal: Scalars['Int']['output'];
  /** Documents that could not be indexed. */
  errors: Array<IngestError>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** PII entities replaced by placeholders before storage, per type. */
  piiRedacted: Array<PiiCount>;
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: IngestJobStatus;
};

export type IngestJobStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type Message = {
  __typename?: 'Message';
  at: Scalars['DateTime']['output'];
  role: MessageRole;
  runId: Scalars['ID']['output'];
  text: Scalars['String']['output'];
};

export type MessageRole =
  | 'ASSISTANT'
  | 'USER';

export type ModelFallback = RunEvent & {
  __typename?: 'ModelFallback';
  at: Scalars['DateTime']['output'];
  fromModel: Scalars['String']['output'];
  /** The graph node whose model call moved on: generate, grade or rewrite. */
  node: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  /** The next model answers from scratch: discard the text received so far. */
  restart: Scalars['Boolean']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
  toModel: Scalars['String']['output'];
};

export type ModelRole =
  | 'CHAT'
  | 'EMBEDDING';

export type ModelStatus = {
  __typename?: 'ModelStatus';
  /** Requests in the recent window. */
  calls: Scalars['Int']['output'];
  circuitState: CircuitState;
  /** Failed requests in the recent window. */
  failures: Scalars['Int']['output'];
  /** Id from the models configuration. */
  id: Scalars['ID']['output'];
  lastErrorCode: Maybe<Scalars['String']['output']>;
  model: Scalars['String']['output'];
  p50LatencyMs: Maybe<Scalars['Float']['output']>;
  /** `openai` (any OpenAI-compatible endpoint) or `local`. */
  provider: Scalars['String']['output'];
  role: ModelRole;
};

export type ModelUsage = {
  __typename?: 'ModelUsage';
  /** US dollars; null when the model has no price. */
  costUsd: Maybe<Scalars['Float']['output']>;
  inputTokens: Scalars['Int']['output'];
  /** Model id from the models config. */
  model: Scalars['String']['output'];
  outputTokens: Scalars['Int']['output'];
  /** Requests sent to the model (each retry and each correction of invalid output is one). */
  requests: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Asks a question and returns the run at once; it executes in the background and outlives
   * the client. Follow it with `runEvents`. On a thread with a run in progress the new run waits
   * its turn, or fails with CONFLICT when `ifBusy: REJECT`.
   */
  ask: Run;
  /** Stops a run: a queued one never starts, a running one is aborted and ends with RunCancelled. */
  cancelRun: Run;
  createCollection: Collection;
  /** Deletes a document and its chunks. False when there was no such document. */
  deleteDocument: Scalars['Boolean']['output'];
  /** Deletes a conversation: its runs, their events and its checkpoints. False when there was none. */
  deleteThread: Scalars['Boolean']['output'];
  /**
   * Accepts documents for ingestion and returns at once: cleaning and PII redaction happen
   * before anything is stored; chunking, embedding and indexing run as a durable job. Watch it
   * with `ingestJobUpdates`. Re-ingesting a document (same sourceUri, else same title) updates
   * it in place, re-embedding only chunks whose text changed.
   * Limits: 1000 documents, 2 MiB per document, 16 MiB per call.
   */
  ingestDocuments: IngestJob;
};


export type MutationAskArgs = {
  input: AskInput;
};


export type MutationCancelRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateCollectionArgs = {
  input: CreateCollectionInput;
};


export type MutationDeleteDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteThreadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationIngestDocumentsArgs = {
  input: IngestDocumentsInput;
};

export type NodeFinished = RunEvent & {
  __typename?: 'NodeFinished';
  at: Scalars['DateTime']['output'];
  node: Scalars['String']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

export type NodeStarted = RunEvent & {
  __typename?: 'NodeStarted';
  at: Scalars['DateTime']['output'];
  node: Scalars['String']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

/** Relay pagination state. Cursors are opaque: pass them back unchanged. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type PiiCount = {
  __typename?: 'PiiCount';
  count: Scalars['Int']['output'];
  type: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A collection, or null when it does not exist in the caller's workspace. */
  collection: Maybe<Collection>;
  /** Collections of the caller's workspace, newest first. `first` defaults to 20, clamped to 1..100. */
  collections: CollectionConnection;
  /** A document of the caller's workspace, or null. */
  document: Maybe<Document>;
  /** Liveness and versions. Answers even when nothing else works. */
  health: Health;
  /** An ingestion job of the caller's workspace, or null. */
  ingestJob: Maybe<IngestJob>;
  /** Every configured chat model (in fallback order) and the embedding model, with live health. */
  models: Array<ModelStatus>;
  /** A run of the caller's workspace, or null. */
  run: Maybe<Run>;
  /**
   * Hybrid retrieval (vector + full-text, reciprocal rank fusion) over one collection, with no
   * model call besides the query embedding. `k` defaults to 8 (1..50); `filter` is a JSON object
   * matched against chunk metadata by containment.
   */
  search: Array<SearchHit>;
  /** A conversation of the caller's workspace, or null. */
  thread: Maybe<Thread>;
};


export type QueryCollectionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCollectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIngestJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySearchArgs = {
  collectionId: Scalars['ID']['input'];
  filter?: InputMaybe<Scalars['JSON']['input']>;
  k?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QueryThreadArgs = {
  id: Scalars['ID']['input'];
};

export type RetrievalDone = RunEvent & {
  __typename?: 'RetrievalDone';
  at: Scalars['DateTime']['output'];
  chunks: Array<Chunk>;
  /** The (redacted, possibly rewritten) query that ran. */
  query: Scalars['String']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

export type Run = {
  __typename?: 'Run';
  answer: Maybe<Answer>;
  /** How many times execution started (more than one after a resume). */
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Why the run failed (a code of the error list), when it did. */
  error: Maybe<RunError>;
  /** Logged events after `afterSeq` (default 0), at most `first` (default 100, max 1000). */
  events: Array<RunEvent>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Seq of the last logged event. */
  lastSeq: Scalars['Int']['output'];
  /** The question as stored: PII replaced by placeholders. */
  question: Scalars['String']['output'];
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: RunStatus;
  thread: Maybe<Thread>;
  /**
   * Where the run's time went: the spans of its trace (the operation that asked, the workflow,
   * each graph node, model call and SQL query), from this process's in-memory store. Null when the
   * trace is not held here: spans are exported over OTLP instead, the run executed in another
   * process, or the trace was evicted (the store keeps the most recent ones).
   */
  trace: Maybe<Trace>;
  traceId: Maybe<Scalars['String']['output']>;
  /**
   * Tokens the run's model calls used, in total and per model, with their cost when the models
   * config has prices. Null until the run ends, and for a run that called no model.
   */
  usage: Maybe<RunUsage>;
};


export type RunEventsArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RunCancelled = RunEvent & {
  __typename?: 'RunCancelled';
  at: Scalars['DateTime']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

export type RunCompleted = RunEvent & {
  __typename?: 'RunCompleted';
  answer: Answer;
  at: Scalars['DateTime']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

export type RunError = {
  __typename?: 'RunError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type RunEvent = {
  at: Scalars['DateTime']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

export type RunFailed = RunEvent & {
  __typename?: 'RunFailed';
  at: Scalars['DateTime']['output'];
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

/** The run continues after its process died; text streamed before this is discarded. */
export type RunResumed = RunEvent & {
  __typename?: 'RunResumed';
  at: Scalars['DateTime']['output'];
  attempt: Scalars['Int']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

export type RunStarted = RunEvent & {
  __typename?: 'RunStarted';
  at: Scalars['DateTime']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
};

export type RunStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type RunUsage = {
  __typename?: 'RunUsage';
  /** One entry per model called, in first-call order. */
  byModel: Array<ModelUsage>;
  /** US dollars; null when a model that used tokens has no price in the models config. */
  costUsd: Maybe<Scalars['Float']['output']>;
  inputTokens: Scalars['Int']['output'];
  outputTokens: Scalars['Int']['output'];
};

export type SearchHit = {
  __typename?: 'SearchHit';
  chunk: Chunk;
  score: Scalars['Float']['output'];
  /** 1-based rank in the full-text list; null when only the vector search found the chunk. */
  textRank: Maybe<Scalars['Int']['output']>;
  /** 1-based rank in the vector list; null when only full-text search found the chunk. */
  vectorRank: Maybe<Scalars['Int']['output']>;
};

export type SpanKind =
  | 'CLIENT'
  | 'CONSUMER'
  | 'INTERNAL'
  | 'PRODUCER'
  | 'SERVER';

export type SpanStatus =
  | 'ERROR'
  | 'OK'
  | 'UNSET';

export type Subscription = {
  __typename?: 'Subscription';
  /** Starts a run and streams its events in one operation, ending with its terminal event. */
  askStream: RunEvent;
  /** The job now, then after every change, until it ends (SUCCEEDED or FAILED). */
  ingestJobUpdates: IngestJob;
  /**
   * Joins or re-joins any run: replays every event after `afterSeq` (default 0: all), then live
   * ones, until the terminal event. No gap, no duplicate; `seq` strictly increases.
   */
  runEvents: RunEvent;
};


export type SubscriptionAskStreamArgs = {
  input: AskInput;
};


export type SubscriptionIngestJobUpdatesArgs = {
  id: Scalars['ID']['input'];
};


export type SubscriptionRunEventsArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  runId: Scalars['ID']['input'];
};

export type Thread = {
  __typename?: 'Thread';
  collection: Maybe<Collection>;
  createdAt: Scalars['DateTime']['output'];
  /** Checkpoints of the thread, newest first (at most `last`, default 100): where a run can fork from. */
  history: Array<CheckpointEntry>;
  id: Scalars['ID']['output'];
  lastActivityAt: Scalars['DateTime']['output'];
  /**
   * The conversation the model sees, oldest first: the questions and answers of the thread's
   * current branch (after a fork, the fork's), read from its latest checkpoint. A question is
   * listed with its answer once its run has succeeded; `runs` lists every run, whatever its outcome.
   */
  messages: Array<Message>;
  /** Runs of the conversation, oldest first. */
  runs: Array<Run>;
};


export type ThreadHistoryArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** More answer text. Concatenate in seq order; discard on ModelFallback(restart) or RunResumed. */
export type TokenDelta = RunEvent & {
  __typename?: 'TokenDelta';
  at: Scalars['DateTime']['output'];
  runId: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
  text: Scalars['String']['output'];
};

export type Trace = {
  __typename?: 'Trace';
  /** Spans beyond the store's per-trace cap, not kept. */
  droppedSpans: Scalars['Int']['output'];
  /** In start order. */
  spans: Array<TraceSpan>;
  traceId: Scalars['String']['output'];
};

export type TraceSpan = {
  __typename?: 'TraceSpan';
  /** OpenTelemetry attributes: ids, counts, codes and timings; never prompt or document text. */
  attributes: Scalars['JSON']['output'];
  durationMs: Scalars['Float']['output'];
  /** Retries, circuit breaker transitions, fallbacks and exceptions, with their reasons. */
  events: Array<TraceSpanEvent>;
  kind: SpanKind;
  name: Scalars['String']['output'];
  /** Null for the root span, or when the parent was not recorded here. */
  parentId: Maybe<Scalars['String']['output']>;
  spanId: Scalars['String']['output'];
  /** Milliseconds from the start of the trace's first span. */
  startMs: Scalars['Float']['output'];
  startedAt: Scalars['DateTime']['output'];
  status: SpanStatus;
  /** The error type of a failed span. */
  statusMessage: Maybe<Scalars['String']['output']>;
};

export type TraceSpanEvent = {
  __typename?: 'TraceSpanEvent';
  /** Milliseconds from the start of the trace's first span. */
  atMs: Scalars['Float']['output'];
  attributes: Scalars['JSON']['output'];
  name: Scalars['String']['output'];
};

export type Usage = {
  __typename?: 'Usage';
  inputTokens: Scalars['Int']['output'];
  outputTokens: Scalars['Int']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Answer: ResolverTypeWrapper<AnswerRecord>;
  AskInput: AskInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CheckpointEntry: ResolverTypeWrapper<CheckpointRecord>;
  Chunk: ResolverTypeWrapper<ChunkRow>;
  ChunkConnection: ResolverTypeWrapper<Omit<ChunkConnection, 'edges'> & { edges: Array<ResolversTypes['ChunkEdge']> }>;
  ChunkEdge: ResolverTypeWrapper<Omit<ChunkEdge, 'node'> & { node: ResolversTypes['Chunk'] }>;
  CircuitState: CircuitState;
  Citation: ResolverTypeWrapper<CitationRecord>;
  Collection: ResolverTypeWrapper<CollectionRow>;
  CollectionConnection: ResolverTypeWrapper<Omit<CollectionConnection, 'edges'> & { edges: Array<ResolversTypes['CollectionEdge']> }>;
  CollectionEdge: ResolverTypeWrapper<Omit<CollectionEdge, 'node'> & { node: ResolversTypes['Collection'] }>;
  CreateCollectionInput: CreateCollectionInput;
  DatabaseMode: DatabaseMode;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Document: ResolverTypeWrapper<DocumentRow>;
  DocumentConnection: ResolverTypeWrapper<Omit<DocumentConnection, 'edges'> & { edges: Array<ResolversTypes['DocumentEdge']> }>;
  DocumentEdge: ResolverTypeWrapper<Omit<DocumentEdge, 'node'> & { node: ResolversTypes['Document'] }>;
  DocumentInput: DocumentInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Health: ResolverTypeWrapper<Health>;
  HealthStatus: HealthStatus;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IfBusy: IfBusy;
  IngestDocumentsInput: IngestDocumentsInput;
  IngestError: ResolverTypeWrapper<IngestError>;
  IngestJob: ResolverTypeWrapper<IngestJobRow>;
  IngestJobStatus: IngestJobStatus;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Message: ResolverTypeWrapper<Message>;
  MessageRole: MessageRole;
  ModelFallback: ResolverTypeWrapper<ModelFallbackEvent>;
  ModelRole: ModelRole;
  ModelStatus: ResolverTypeWrapper<ModelStatusRecord>;
  ModelUsage: ResolverTypeWrapper<ModelUsage>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NodeFinished: ResolverTypeWrapper<NodeFinishedEvent>;
  NodeStarted: ResolverTypeWrapper<NodeStartedEvent>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PiiCount: ResolverTypeWrapper<PiiCount>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RetrievalDone: ResolverTypeWrapper<RetrievalDoneEvent>;
  Run: ResolverTypeWrapper<RunRow>;
  RunCancelled: ResolverTypeWrapper<RunCancelledEvent>;
  RunCompleted: ResolverTypeWrapper<RunCompletedEvent>;
  RunError: ResolverTypeWrapper<RunError>;
  RunEvent: ResolverTypeWrapper<RunEventRecord>;
  RunFailed: ResolverTypeWrapper<RunFailedEvent>;
  RunResumed: ResolverTypeWrapper<RunResumedEvent>;
  RunStarted: ResolverTypeWrapper<RunStartedEvent>;
  RunStatus: RunStatus;
  RunUsage: ResolverTypeWrapper<RunUsage>;
  SearchHit: ResolverTypeWrapper<RetrievedChunk>;
  SpanKind: SpanKind;
  SpanStatus: SpanStatus;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Thread: ResolverTypeWrapper<ThreadRow>;
  TokenDelta: ResolverTypeWrapper<TokenDeltaEvent>;
  Trace: ResolverTypeWrapper<Trace>;
  TraceSpan: ResolverTypeWrapper<TraceSpan>;
  TraceSpanEvent: ResolverTypeWrapper<TraceSpanEvent>;
  Usage: ResolverTypeWrapper<Usage>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Answer: AnswerRecord;
  AskInput: AskInput;
  Boolean: Scalars['Boolean']['output'];
  CheckpointEntry: CheckpointRecord;
  Chunk: ChunkRow;
  ChunkConnection: Omit<ChunkConnection, 'edges'> & { edges: Array<ResolversParentTypes['ChunkEdge']> };
  ChunkEdge: Omit<ChunkEdge, 'node'> & { node: ResolversParentTypes['Chunk'] };
  Citation: CitationRecord;
  Collection: CollectionRow;
  CollectionConnection: Omit<CollectionConnection, 'edges'> & { edges: Array<ResolversParentTypes['CollectionEdge']> };
  CollectionEdge: Omit<CollectionEdge, 'node'> & { node: ResolversParentTypes['Collection'] };
  CreateCollectionInput: CreateCollectionInput;
  DateTime: Scalars['DateTime']['output'];
  Document: DocumentRow;
  DocumentConnection: Omit<DocumentConnection, 'edges'> & { edges: Array<ResolversParentTypes['DocumentEdge']> };
  DocumentEdge: Omit<DocumentEdge, 'node'> & { node: ResolversParentTypes['Document'] };
  DocumentInput: DocumentInput;
  Float: Scalars['Float']['output'];
  Health: Health;
  ID: Scalars['ID']['output'];
  IngestDocumentsInput: IngestDocumentsInput;
  IngestError: IngestError;
  IngestJob: IngestJobRow;
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Message: Message;
  ModelFallback: ModelFallbackEvent;
  ModelStatus: ModelStatusRecord;
  ModelUsage: ModelUsage;
  Mutation: Record<PropertyKey, never>;
  NodeFinished: NodeFinishedEvent;
  NodeStarted: NodeStartedEvent;
  PageInfo: PageInfo;
  PiiCount: PiiCount;
  Query: Record<PropertyKey, never>;
  RetrievalDone: RetrievalDoneEvent;
  Run: RunRow;
  RunCancelled: RunCancelledEvent;
  RunCompleted: RunCompletedEvent;
  RunError: RunError;
  RunEvent: RunEventRecord;
  RunFailed: RunFailedEvent;
  RunResumed: RunResumedEvent;
  RunStarted: RunStartedEvent;
  RunUsage: RunUsage;
  SearchHit: RetrievedChunk;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Thread: ThreadRow;
  TokenDelta: TokenDeltaEvent;
  Trace: Trace;
  TraceSpan: TraceSpan;
  TraceSpanEvent: TraceSpanEvent;
  Usage: Usage;
};

export type AnswerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Answer'] = ResolversParentTypes['Answer']> = {
  cached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  citations?: Resolver<Array<ResolversTypes['Citation']>, ParentType, ContextType>;
  fallbackPath?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  grounded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['Usage']>, ParentType, ContextType>;
};

export type CheckpointEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CheckpointEntry'] = ResolversParentTypes['CheckpointEntry']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  checkpointId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  step?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChunkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Chunk'] = ResolversParentTypes['Chunk']> = {
  document?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType>;
  headingPath?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ordinal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokenCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChunkConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChunkConnection'] = ResolversParentTypes['ChunkConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ChunkEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ChunkEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChunkEdge'] = ResolversParentTypes['ChunkEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Chunk'], ParentType, ContextType>;
};

export type CitationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Citation'] = ResolversParentTypes['Citation']> = {
  chunk?: Resolver<Maybe<ResolversTypes['Chunk']>, ParentType, ContextType>;
};

export type CollectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Collection'] = ResolversParentTypes['Collection']> = {
  chunkCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dimensions?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  documentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  documents?: Resolver<ResolversTypes['DocumentConnection'], ParentType, ContextType, Partial<CollectionDocumentsArgs>>;
  embeddingModel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CollectionConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CollectionConnection'] = ResolversParentTypes['CollectionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CollectionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CollectionEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CollectionEdge'] = ResolversParentTypes['CollectionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Collection'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DocumentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Document'] = ResolversParentTypes['Document']> = {
  chunkCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  chunks?: Resolver<ResolversTypes['ChunkConnection'], ParentType, ContextType, Partial<DocumentChunksArgs>>;
  collection?: Resolver<Maybe<ResolversTypes['Collection']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metadata?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  sourceUri?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type DocumentConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DocumentConnection'] = ResolversParentTypes['DocumentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DocumentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type DocumentEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DocumentEdge'] = ResolversParentTypes['DocumentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
};

export type HealthResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Health'] = ResolversParentTypes['Health']> = {
  databaseMode?: Resolver<ResolversTypes['DatabaseMode'], ParentType, ContextType>;
  pgvectorVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  schemaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  serverVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
};

export type IngestErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IngestError'] = ResolversParentTypes['IngestError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documentIndex?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IngestJobResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IngestJob'] = ResolversParentTypes['IngestJob']> = {
  chunksDeleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  chunksEmbedded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  chunksReused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  chunksTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  collection?: Resolver<Maybe<ResolversTypes['Collection']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  documentsDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  documentsFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  documentsTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['IngestError']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  piiRedacted?: Resolver<Array<ResolversTypes['PiiCount']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IngestJobStatus'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MessageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MessageRole'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ModelFallbackResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ModelFallback'] = ResolversParentTypes['ModelFallback']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromModel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  restart?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  toModel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ModelStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ModelStatus'] = ResolversParentTypes['ModelStatus']> = {
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  circuitState?: Resolver<ResolversTypes['CircuitState'], ParentType, ContextType>;
  failures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastErrorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  p50LatencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ModelRole'], ParentType, ContextType>;
};

export type ModelUsageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ModelUsage'] = ResolversParentTypes['ModelUsage']> = {
  costUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  inputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  ask?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationAskArgs, 'input'>>;
  cancelRun?: Resolver<ResolversTypes['Run'], ParentType, ContextType, RequireFields<MutationCancelRunArgs, 'id'>>;
  createCollection?: Resolver<ResolversTypes['Collection'], ParentType, ContextType, RequireFields<MutationCreateCollectionArgs, 'input'>>;
  deleteDocument?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteDocumentArgs, 'id'>>;
  deleteThread?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteThreadArgs, 'id'>>;
  ingestDocuments?: Resolver<ResolversTypes['IngestJob'], ParentType, ContextType, RequireFields<MutationIngestDocumentsArgs, 'input'>>;
};

export type NodeFinishedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NodeFinished'] = ResolversParentTypes['NodeFinished']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type NodeStartedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NodeStarted'] = ResolversParentTypes['NodeStarted']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PiiCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PiiCount'] = ResolversParentTypes['PiiCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  collection?: Resolver<Maybe<ResolversTypes['Collection']>, ParentType, ContextType, RequireFields<QueryCollectionArgs, 'id'>>;
  collections?: Resolver<ResolversTypes['CollectionConnection'], ParentType, ContextType, Partial<QueryCollectionsArgs>>;
  document?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType, RequireFields<QueryDocumentArgs, 'id'>>;
  health?: Resolver<ResolversTypes['Health'], ParentType, ContextType>;
  ingestJob?: Resolver<Maybe<ResolversTypes['IngestJob']>, ParentType, ContextType, RequireFields<QueryIngestJobArgs, 'id'>>;
  models?: Resolver<Array<ResolversTypes['ModelStatus']>, ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType, RequireFields<QueryRunArgs, 'id'>>;
  search?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType, RequireFields<QuerySearchArgs, 'collectionId' | 'query'>>;
  thread?: Resolver<Maybe<ResolversTypes['Thread']>, ParentType, ContextType, RequireFields<QueryThreadArgs, 'id'>>;
};

export type RetrievalDoneResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetrievalDone'] = ResolversParentTypes['RetrievalDone']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  chunks?: Resolver<Array<ResolversTypes['Chunk']>, ParentType, ContextType>;
  query?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Run'] = ResolversParentTypes['Run']> = {
  answer?: Resolver<Maybe<ResolversTypes['Answer']>, ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['RunError']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['RunEvent']>, ParentType, ContextType, Partial<RunEventsArgs>>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  question?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  thread?: Resolver<Maybe<ResolversTypes['Thread']>, ParentType, ContextType>;
  trace?: Resolver<Maybe<ResolversTypes['Trace']>, ParentType, ContextType>;
  traceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['RunUsage']>, ParentType, ContextType>;
};

export type RunCancelledResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunCancelled'] = ResolversParentTypes['RunCancelled']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RunCompletedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunCompleted'] = ResolversParentTypes['RunCompleted']> = {
  answer?: Resolver<ResolversTypes['Answer'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RunErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunError'] = ResolversParentTypes['RunError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RunEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunEvent'] = ResolversParentTypes['RunEvent']> = {
  __resolveType: TypeResolveFn<'ModelFallback' | 'NodeFinished' | 'NodeStarted' | 'RetrievalDone' | 'RunCancelled' | 'RunCompleted' | 'RunFailed' | 'RunResumed' | 'RunStarted' | 'TokenDelta', ParentType, ContextType>;
};

export type RunFailedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunFailed'] = ResolversParentTypes['RunFailed']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RunResumedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunResumed'] = ResolversParentTypes['RunResumed']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RunStartedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunStarted'] = ResolversParentTypes['RunStarted']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RunUsageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunUsage'] = ResolversParentTypes['RunUsage']> = {
  byModel?: Resolver<Array<ResolversTypes['ModelUsage']>, ParentType, ContextType>;
  costUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  inputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  chunk?: Resolver<ResolversTypes['Chunk'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  textRank?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  vectorRank?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  askStream?: SubscriptionResolver<ResolversTypes['RunEvent'], "askStream", ParentType, ContextType, RequireFields<SubscriptionAskStreamArgs, 'input'>>;
  ingestJobUpdates?: SubscriptionResolver<ResolversTypes['IngestJob'], "ingestJobUpdates", ParentType, ContextType, RequireFields<SubscriptionIngestJobUpdatesArgs, 'id'>>;
  runEvents?: SubscriptionResolver<ResolversTypes['RunEvent'], "runEvents", ParentType, ContextType, RequireFields<SubscriptionRunEventsArgs, 'runId'>>;
};

export type ThreadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Thread'] = ResolversParentTypes['Thread']> = {
  collection?: Resolver<Maybe<ResolversTypes['Collection']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['CheckpointEntry']>, ParentType, ContextType, Partial<ThreadHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastActivityAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['Message']>, ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes['Run']>, ParentType, ContextType>;
};

export type TokenDeltaResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TokenDelta'] = ResolversParentTypes['TokenDelta']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TraceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Trace'] = ResolversParentTypes['Trace']> = {
  droppedSpans?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  spans?: Resolver<Array<ResolversTypes['TraceSpan']>, ParentType, ContextType>;
  traceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TraceSpanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TraceSpan'] = ResolversParentTypes['TraceSpan']> = {
  attributes?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['TraceSpanEvent']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SpanKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  spanId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SpanStatus'], ParentType, ContextType>;
  statusMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TraceSpanEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TraceSpanEvent'] = ResolversParentTypes['TraceSpanEvent']> = {
  atMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  attributes?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UsageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Usage'] = ResolversParentTypes['Usage']> = {
  inputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Answer?: AnswerResolvers<ContextType>;
  CheckpointEntry?: CheckpointEntryResolvers<ContextType>;
  Chunk?: ChunkResolvers<ContextType>;
  ChunkConnection?: ChunkConnectionResolvers<ContextType>;
  ChunkEdge?: ChunkEdgeResolvers<ContextType>;
  Citation?: CitationResolvers<ContextType>;
  Collection?: CollectionResolvers<ContextType>;
  CollectionConnection?: CollectionConnectionResolvers<ContextType>;
  CollectionEdge?: CollectionEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Document?: DocumentResolvers<ContextType>;
  DocumentConnection?: DocumentConnectionResolvers<ContextType>;
  DocumentEdge?: DocumentEdgeResolvers<ContextType>;
  Health?: HealthResolvers<ContextType>;
  IngestError?: IngestErrorResolvers<ContextType>;
  IngestJob?: IngestJobResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Message?: MessageResolvers<ContextType>;
  ModelFallback?: ModelFallbackResolvers<ContextType>;
  ModelStatus?: ModelStatusResolvers<ContextType>;
  ModelUsage?: ModelUsageResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NodeFinished?: NodeFinishedResolvers<ContextType>;
  NodeStarted?: NodeStartedResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PiiCount?: PiiCountResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RetrievalDone?: RetrievalDoneResolvers<ContextType>;
  Run?: RunResolvers<ContextType>;
  RunCancelled?: RunCancelledResolvers<ContextType>;
  RunCompleted?: RunCompletedResolvers<ContextType>;
  RunError?: RunErrorResolvers<ContextType>;
  RunEvent?: RunEventResolvers<ContextType>;
  RunFailed?: RunFailedResolvers<ContextType>;
  RunResumed?: RunResumedResolvers<ContextType>;
  RunStarted?: RunStartedResolvers<ContextType>;
  RunUsage?: RunUsageResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Thread?: ThreadResolvers<ContextType>;
  TokenDelta?: TokenDeltaResolvers<ContextType>;
  Trace?: TraceResolvers<ContextType>;
  TraceSpan?: TraceSpanResolvers<ContextType>;
  TraceSpanEvent?: TraceSpanEventResolvers<ContextType>;
  Usage?: UsageResolvers<ContextType>;
};

