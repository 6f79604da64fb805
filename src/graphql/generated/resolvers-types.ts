import type { ErrorCode } from '../../errors.js';
import type { FallbackReason } from '../../../graphs/agentic-rag/fallback-reasons.js';
import type { PiiType } from '../../governance/pii/types.js';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CollectionRow } from '../../collections/collection-row.js';
import type { DocumentRow, ChunkRow } from '../../documents/document-row.js';
import type { IngestJobRow } from '../../ingest/ingest-job-row.js';
import type { FileRow } from '../../files/file-row.js';
import type { RetrievedChunk } from '../../retrieval/hybrid-search.js';
import type { ModelStatus as ModelStatusRecord } from '../../models/types.js';
import type { RunRow, ThreadRow, MessageRecord, AnswerRecord, CitationRecord } from '../../runs/run-row.js';
import type { CheckpointEntry as CheckpointRecord } from '../../checkpoints/history.js';
import type { RunEvent as RunEventRecord, RunStartedEvent, RunResumedEvent, NodeStartedEvent, NodeFinishedEvent, RetrievalDoneEvent, TokenDeltaEvent, ModelFallbackEvent, RunCompletedEvent, RunFailedEvent, RunCancelledEvent } from '../../runs/run-event.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type EnumResolverSignature<T, AllowedValues = any> = { [key in keyof T]?: AllowedValues };
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

/** The answer of a run, with the chunks it cites. */
export type Answer = {
  __typename?: 'Answer';
  /** A stored answer to the same (or a similar) question was served instead of a new one. */
  cached: Scalars['Boolean']['output'];
  /** The chunks the answer relies on. */
  citations: Array<Citation>;
  /**
   * Every model the run used, in order, ending with `model`. A cached answer's path ends with
   * the model that wrote it (on a cache hit, it is the whole path).
   */
  fallbackPath: Array<Scalars['String']['output']>;
  /** Every citation points at a retrieved chunk. */
  grounded: Scalars['Boolean']['output'];
  /** Id of the model that produced the answer. */
  model: Scalars['String']['output'];
  /** The answer text: what the TokenDelta events of the run assemble to. */
  text: Scalars['String']['output'];
  /**
   * Tokens of every model call of the run up to the answer, failed attempts included; null when
   * the run called no model (a cache hit).
   */
  usage: Maybe<Usage>;
};

/** A question to ask, for `ask` and `askStream`. */
export type AskInput = {
  /** askStream only: cancel the run when the subscription ends before it. Default: false. */
  cancelOnDisconnect?: InputMaybe<Scalars['Boolean']['input']>;
  /** The collection to search (`col_…`); with `threadId`, it must be the thread's (BAD_USER_INPUT otherwise). */
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

/** A saved state of a thread, taken when a run starts and after each of its graph steps. */
export type CheckpointEntry = {
  __typename?: 'CheckpointEntry';
  /** When the checkpoint was taken. */
  at: Scalars['DateTime']['output'];
  /** Pass as `AskInput.fromCheckpointId` to fork the conversation from here. */
  checkpointId: Scalars['String']['output'];
  /** The graph node whose output this checkpoint records. */
  node: Scalars['String']['output'];
  /** The checkpoint this one continues from; null for the thread's first. */
  parentId: Maybe<Scalars['String']['output']>;
  /** The graph's step number; it keeps counting across the runs of the thread. */
  step: Scalars['Int']['output'];
};

/** A passage of a document: the unit that is embedded, searched and cited. */
export type Chunk = Node & {
  __typename?: 'Chunk';
  /** The document the chunk belongs to; null when it has since been deleted. */
  document: Maybe<Document>;
  /** Headings the chunk sits under, outermost first. */
  headingPath: Array<Scalars['String']['output']>;
  /** Global id (`chk_…`). */
  id: Scalars['ID']['output'];
  /** Position of the chunk in its document, from 0. */
  ordinal: Scalars['Int']['output'];
  /**
   * The 1-based pages of the source file the chunk's text comes from, ascending (a PDF); empty
   * when the document's format has no pages (text, Markdown, HTML, DOCX).
   */
  pages: Array<Scalars['Int']['output']>;
  /** The chunk's text as stored (cleaned, PII replaced by placeholders). */
  text: Scalars['String']['output'];
  /** Length of `text` in tokens (o200k_base tokenizer). */
  tokenCount: Scalars['Int']['output'];
};

/** A page of a document's chunks. */
export type ChunkConnection = {
  __typename?: 'ChunkConnection';
  /** The chunks of the page, in reading order. */
  edges: Array<ChunkEdge>;
  /** Where the page sits in the list: `hasPreviousPage` is true when items precede the page. */
  pageInfo: PageInfo;
};

/** A chunk and its position in its document. */
export type ChunkEdge = {
  __typename?: 'ChunkEdge';
  /** Opaque position of this chunk: pass as `after` to read the chunks after it. */
  cursor: Scalars['String']['output'];
  /** The chunk. */
  node: Chunk;
};

/** A model's circuit breaker: OPEN models are skipped without a request until a probe succeeds. */
export type CircuitState =
  /** Healthy: requests are sent. */
  | 'CLOSED'
  /** Cooled down: the next request is a probe; its success closes the circuit, its failure opens it again. */
  | 'HALF_OPEN'
  /** Too many consecutive failures: calls are skipped (`CIRCUIT_OPEN`) until the cool-down ends. */
  | 'OPEN';

/**
 * A chunk an answer cites. With `pages` and `chunk.document.title` a client shows where it comes
 * from ("Handbook, p. 12"); `chunk.headingPath` names its section.
 */
export type Citation = {
  __typename?: 'Citation';
  /** Null when the chunk has since been deleted. */
  chunk: Maybe<Chunk>;
  /**
   * The 1-based pages of the source file the cited chunk comes from (its `pages`): empty when the
   * format has no pages or the chunk has since been deleted.
   */
  pages: Array<Scalars['Int']['output']>;
};

/** A set of documents searched together; one embedding model and dimension for all its chunks. */
export type Collection = Node & {
  __typename?: 'Collection';
  /** How many chunks the collection's documents hold in all. */
  chunkCount: Scalars['Int']['output'];
  /** When the collection was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Free text given at creation; null when none was. */
  description: Maybe<Scalars['String']['output']>;
  /** Length of the embedding vectors of `embeddingModel`; fixed by the first ingestion, null before it. */
  dimensions: Maybe<Scalars['Int']['output']>;
  /** How many documents the collection holds. */
  documentCount: Scalars['Int']['output'];
  /** The collection's documents, newest first (by first ingestion). Pages forward only. */
  documents: DocumentConnection;
  /** Fixed by the first ingestion; null before it. */
  embeddingModel: Maybe<Scalars['String']['output']>;
  /** Global id (`col_…`). */
  id: Scalars['ID']['output'];
  /** Unique in the workspace, 1 to 200 characters. */
  name: Scalars['String']['output'];
  /** When the collection last changed: its creation, or its latest ingestion. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A set of documents searched together; one embedding model and dimension for all its chunks. */
export type CollectionDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of collections. */
export type CollectionConnection = {
  __typename?: 'CollectionConnection';
  /** The collections of the page, newest first. */
  edges: Array<CollectionEdge>;
  /** Where the page sits in the list: `hasPreviousPage` is true when items precede the page. */
  pageInfo: PageInfo;
};

/** A collection and its position in the list. */
export type CollectionEdge = {
  __typename?: 'CollectionEdge';
  /** Opaque position of this collection: pass as `after` to read the collections after it. */
  cursor: Scalars['String']['output'];
  /** The collection. */
  node: Collection;
};

/** What `createCollection` needs. */
export type CreateCollectionInput = {
  /** Free text for people, at most 2000 characters; omit for none. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters, unique in the workspace. */
  name: Scalars['String']['input'];
};

/** Where data lives: PGlite in-process, or a PostgreSQL server. */
export type DatabaseMode =
  /** PGlite, a PostgreSQL built into the server's process (no `DATABASE_URL`). */
  | 'EMBEDDED'
  /** A PostgreSQL server, named by `DATABASE_URL`. */
  | 'POSTGRES';

/** A text ingested into a collection, cleaned, PII-redacted and split into chunks. */
export type Document = Node & {
  __typename?: 'Document';
  /** How many chunks the document was split into. */
  chunkCount: Scalars['Int']['output'];
  /** Chunks in reading order. */
  chunks: ChunkConnection;
  /** The collection the document belongs to. */
  collection: Maybe<Collection>;
  /** When the document was first ingested. */
  createdAt: Scalars['DateTime']['output'];
  /** Global id (`doc_…`). */
  id: Scalars['ID']['output'];
  /** The JSON object given at ingestion (`{}` when none was); every chunk carries it for `search(filter:)`. */
  metadata: Scalars['JSON']['output'];
  /** The `sourceUri` given at ingestion (PII redacted); null when none was. */
  sourceUri: Maybe<Scalars['String']['output']>;
  /** The title as stored: PII replaced by placeholders. */
  title: Scalars['String']['output'];
  /** When the document was last ingested (re-ingestion updates it in place). */
  updatedAt: Scalars['DateTime']['output'];
};


/** A text ingested into a collection, cleaned, PII-redacted and split into chunks. */
export type DocumentChunksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of documents. */
export type DocumentConnection = {
  __typename?: 'DocumentConnection';
  /** The documents of the page, newest first. */
  edges: Array<DocumentEdge>;
  /** Where the page sits in the list: `hasPreviousPage` is true when items precede the page. */
  pageInfo: PageInfo;
};

/** A document and its position in the list. */
export type DocumentEdge = {
  __typename?: 'DocumentEdge';
  /** Opaque position of this document: pass as `after` to read the documents after it. */
  cursor: Scalars['String']['output'];
  /** The document. */
  node: Document;
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
  fileId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * The body as HTML, at most 2 MiB; converted to text (headings kept for `Chunk.headingPath`;
   * scripts, styles, embeds and `<nav>` menus dropped).
   */
  html?: InputMaybe<Scalars['String']['input']>;
  /** The body as Markdown, at most 2 MiB; converted to text (headings kept for `Chunk.headingPath`). */
  markdown?: InputMaybe<Scalars['String']['input']>;
  /** A JSON object kept on every chunk; `search(filter:)` matches it by containment. */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** Identifies the document across re-ingestion; defaults to its url, else its title. */
  sourceUri?: InputMaybe<Scalars['String']['input']>;
  /** The body as plain text, at most 2 MiB. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 500 characters. PII is redacted before it is stored. */
  title: Scalars['String']['input'];
  /**
   * An http(s) URL the job fetches (at most 2048 characters), then reads like an uploaded file.
   * Never fetched: hosts outside the server's allowlist (`BALLAST_URL_ALLOWED_HOSTS`) and private,
   * loopback, link-local or other non-public addresses, after DNS resolution and on every redirect
   * (FORBIDDEN_URL). A host that cannot be reached or answers an error fails with URL_UNREACHABLE,
   * one too slow with TIMEOUT, a body over the file limit with PAYLOAD_TOO_LARGE; that document alone.
   */
  url?: InputMaybe<Scalars['String']['input']>;
};

export type { ErrorCode };

export type { FallbackReason };

/**
 * A file uploaded with `POST /files` (multipart/form-data; see the README), kept in the database
 * until it is ingested with `DocumentInput.fileId`.
 */
export type File = Node & {
  __typename?: 'File';
  /** Size in bytes. */
  bytes: Scalars['Int']['output'];
  /** When the upload completed. */
  createdAt: Scalars['DateTime']['output'];
  /** Global id (`fil_…`). */
  id: Scalars['ID']['output'];
  /**
   * The media type the client declared (`application/octet-stream` when none or malformed).
   * Ingestion detects the format from the content first, then this, then the name's extension.
   */
  mediaType: Scalars['String']['output'];
  /** The file name the client sent, without any path. */
  name: Scalars['String']['output'];
  /** SHA-256 of the content, lowercase hex. */
  sha256: Scalars['String']['output'];
};

/** The server's state and versions, as `health` reports them. */
export type Health = {
  __typename?: 'Health';
  /** Which database the server runs on. */
  databaseMode: DatabaseMode;
  /** Installed pgvector version, null when the database cannot be reached. */
  pgvectorVersion: Maybe<Scalars['String']['output']>;
  /** Number of applied migrations; 0 when the database cannot be reached. */
  schemaVersion: Scalars['Int']['output'];
  /** The server's version (its package.json `version`). */
  serverVersion: Scalars['String']['output'];
  /** OK, or DEGRADED while the database cannot be reached. */
  status: HealthStatus;
};

/** Whether the server can reach its database. */
export type HealthStatus =
  /** The database failed or did not answer within a second; the server itself is up. */
  | 'DEGRADED'
  /** The database answered within a second. */
  | 'OK';

/** What `ask` does when the thread already has a run in progress. */
export type IfBusy =
  /** The new run waits (QUEUED) and starts when the runs before it end. */
  | 'QUEUE'
  /** The call fails with CONFLICT; no run is created. */
  | 'REJECT';

/** What `ingestDocuments` needs. */
export type IngestDocumentsInput = {
  /** The collection to ingest into (`col_…`); NOT_FOUND when it is not in the caller's workspace. */
  collectionId: Scalars['ID']['input'];
  /** 1 to 1000 documents, at most 16 MiB of text in all; no two with the same sourceUri (or, without one, title). */
  documents: Array<DocumentInput>;
};

/** A submitted document that could not be indexed. */
export type IngestError = {
  __typename?: 'IngestError';
  /** Why the document could not be indexed, from the closed list of error codes. */
  code: ErrorCode;
  /** Position of the document in the submitted list. */
  documentIndex: Scalars['Int']['output'];
  /** What went wrong, for people; safe to show (never internal details). */
  message: Scalars['String']['output'];
  /** The document's title as stored (PII replaced by placeholders). */
  title: Scalars['String']['output'];
};

/** One `ingestDocuments` call: its progress, counts and the documents that failed. */
export type IngestJob = Node & {
  __typename?: 'IngestJob';
  /** Stale chunks removed from changed documents. */
  chunksDeleted: Scalars['Int']['output'];
  /** Chunks sent to the embedding model. */
  chunksEmbedded: Scalars['Int']['output'];
  /** New chunks whose text the collection already had: their vectors were reused. */
  chunksReused: Scalars['Int']['output'];
  /** Chunks of the job's documents after indexing. */
  chunksTotal: Scalars['Int']['output'];
  /** The collection the documents go into. */
  collection: Maybe<Collection>;
  /** When the job was accepted. */
  createdAt: Scalars['DateTime']['output'];
  /** Documents indexed so far. */
  documentsDone: Scalars['Int']['output'];
  /** Documents that could not be indexed so far (listed in `errors`). */
  documentsFailed: Scalars['Int']['output'];
  /** Documents submitted. */
  documentsTotal: Scalars['Int']['output'];
  /** Documents that could not be indexed. */
  errors: Array<IngestError>;
  /** When the job ended; null until it is SUCCEEDED or FAILED. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Global id (`job_…`). */
  id: Scalars['ID']['output'];
  /** PII entities replaced by placeholders before storage, per type. */
  piiRedacted: Array<PiiCount>;
  /** When processing began; null while QUEUED. */
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** Where the job is; SUCCEEDED and FAILED are final. */
  status: IngestJobStatus;
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

/** One turn of a conversation: a question or its answer. */
export type Message = {
  __typename?: 'Message';
  /** When it was said: a question when its run was asked, an answer when its run ended. */
  at: Scalars['DateTime']['output'];
  /** Who spoke: the user's question or the assistant's answer. */
  role: MessageRole;
  /** The run that asked (a `USER` message) or answered (an `ASSISTANT` message) this turn. */
  run: Maybe<Run>;
  /**
   * Id of `run`.
   * @deprecated Use `run { id }`: the edge to the run, not its id.
   */
  runId: Scalars['ID']['output'];
  /** The question or answer as stored: PII replaced by placeholders. */
  text: Scalars['String']['output'];
};

/** A page of a thread's messages. */
export type MessageConnection = {
  __typename?: 'MessageConnection';
  /** The messages of the page, newest first. */
  edges: Array<MessageEdge>;
  /** Where the page sits in the list. */
  pageInfo: PageInfo;
};

/** A message and its position in the conversation. */
export type MessageEdge = {
  __typename?: 'MessageEdge';
  /** Opaque position of this message: pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The message. */
  node: Message;
};

/** Who said a message. */
export type MessageRole =
  /** The model's answer. */
  | 'ASSISTANT'
  /** The question asked. */
  | 'USER';

/**
 * A model call of the run failed, was skipped or had its reply rejected, and the run moved to the
 * next model of the chain (or retried on the same one).
 */
export type ModelFallback = RunEvent & {
  __typename?: 'ModelFallback';
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** Id of the model the run moved away from (from the models configuration). */
  fromModel: Scalars['String']['output'];
  /** The graph node whose model call moved on: generate, grade or rewrite. */
  node: Scalars['String']['output'];
  /** Why the run moved on from `fromModel`. */
  reason: FallbackReason;
  /** The next model answers from scratch: discard the text received so far. */
  restart: Scalars['Boolean']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. */
  seq: Scalars['Int']['output'];
  /** Id of the model tried next; equals `fromModel` for a corrective retry on the same model. */
  toModel: Scalars['String']['output'];
};

/** What a configured model is used for. */
export type ModelRole =
  /** Answers, grades and rewrites: a model of the fallback chain. */
  | 'CHAT'
  /** Turns chunks and queries into vectors. */
  | 'EMBEDDING';

/** A configured model and its recent health, as this server process sees it. Holds no secrets. */
export type ModelStatus = {
  __typename?: 'ModelStatus';
  /** Requests in the recent window. */
  calls: Scalars['Int']['output'];
  /** The state of the model's circuit breaker; always CLOSED for `local` models, which have none. */
  circuitState: CircuitState;
  /** Failed requests in the recent window. */
  failures: Scalars['Int']['output'];
  /** Id from the models configuration. */
  id: Scalars['ID']['output'];
  /**
   * Why the latest failed request failed, however old (`TIMEOUT`, `HTTP_503`…), from the same list
   * as `ModelFallback.reason` (an HTTP status not on it is `HTTP_ERROR`); null when none failed.
   */
  lastErrorCode: Maybe<FallbackReason>;
  /** The model's name at its provider (`gpt-4o`, for instance). */
  model: Scalars['String']['output'];
  /** Median latency in milliseconds of the successful requests in the recent window; null when there were none. */
  p50LatencyMs: Maybe<Scalars['Float']['output']>;
  /** `openai` (any OpenAI-compatible endpoint) or `local`. */
  provider: Scalars['String']['output'];
  /** Whether it is a chat model or the embedding model. */
  role: ModelRole;
};

/** What one model used within a run. */
export type ModelUsage = {
  __typename?: 'ModelUsage';
  /** US dollars; null when the model has no price. */
  costUsd: Maybe<Scalars['Float']['output']>;
  /** Tokens sent to this model (prompts). */
  inputTokens: Scalars['Int']['output'];
  /** Model id from the models config. */
  model: Scalars['String']['output'];
  /** Tokens this model produced. */
  outputTokens: Scalars['Int']['output'];
  /** Requests sent to the model (each retry and each correction of invalid output is one). */
  requests: Scalars['Int']['output'];
};

/** Every write. When authentication is required, every mutation needs the `writer` or `admin` role. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Asks a question and returns the run at once; it executes in the background and outlives
   * the client. Follow it with `runEvents`. On a thread with a run in progress the new run waits
   * its turn, or fails with CONFLICT when `ifBusy: REJECT`.
   */
  ask: Run;
  /**
   * Stops a run: a queued one never starts, a running one is aborted and ends with RunCancelled.
   * A run that had already ended is returned unchanged.
   */
  cancelRun: Run;
  /** Creates an empty collection. CONFLICT when the workspace already has one of that name. */
  createCollection: Collection;
  /** Deletes a document and its chunks. False when there was no such document. */
  deleteDocument: Scalars['Boolean']['output'];
  /** Deletes a conversation: its runs, their events and its checkpoints. False when there was none. */
  deleteThread: Scalars['Boolean']['output'];
  /**
   * Accepts documents for ingestion and returns at once: cleaning and PII redaction of text,
   * html and markdown happen before anything is stored; a file (`fileId`) is only checked to
   * exist here, and a `url` only to be http(s); the job fetches, reads, detects, cleans and
   * redacts them. Chunking, embedding and
   * indexing run as a durable job. Watch it
   * with `ingestJobUpdates`. Re-ingesting a document (same sourceUri, else same title) updates
   * it in place, re-embedding only chunks whose text changed.
   * Limits: 1000 documents, 2 MiB per document, 16 MiB per call.
   */
  ingestDocuments: IngestJob;
};


/** Every write. When authentication is required, every mutation needs the `writer` or `admin` role. */
export type MutationAskArgs = {
  input: AskInput;
};


/** Every write. When authentication is required, every mutation needs the `writer` or `admin` role. */
export type MutationCancelRunArgs = {
  id: Scalars['ID']['input'];
};


/** Every write. When authentication is required, every mutation needs the `writer` or `admin` role. */
export type MutationCreateCollectionArgs = {
  input: CreateCollectionInput;
};


/** Every write. When authentication is required, every mutation needs the `writer` or `admin` role. */
export type MutationDeleteDocumentArgs = {
  id: Scalars['ID']['input'];
};


/** Every write. When authentication is required, every mutation needs the `writer` or `admin` role. */
export type MutationDeleteThreadArgs = {
  id: Scalars['ID']['input'];
};


/** Every write. When authentication is required, every mutation needs the `writer` or `admin` role. */
export type MutationIngestDocumentsArgs = {
  input: IngestDocumentsInput;
};

/** An object with a global id: refetch it with `node(id:)`. */
export type Node = {
  /** Globally unique, opaque id; its prefix names the type (`col_`, `doc_`, `chk_`, `job_`, `thr_`, `run_`, `fil_`). */
  id: Scalars['ID']['output'];
};

/**
 * A graph step (`node`) finished; its state was checkpointed. A step that fails ends the run
 * without NodeFinished.
 */
export type NodeFinished = RunEvent & {
  __typename?: 'NodeFinished';
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** The graph step, as its NodeStarted named it. */
  node: Scalars['String']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. */
  seq: Scalars['Int']['output'];
};

/**
 * A graph step (`node`) starts. Every step that runs is announced by NodeStarted before its
 * events, and closed by NodeFinished after them.
 */
export type NodeStarted = RunEvent & {
  __typename?: 'NodeStarted';
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** The graph step: begin, cache, retrieve, grade, rewrite, generate, validate, fallback, lastResort or respond. */
  node: Scalars['String']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. */
  seq: Scalars['Int']['output'];
};

/**
 * Relay pagination state. Cursors are opaque: pass them back unchanged. Every connection reports
 * both flags exactly: `threads`, `Thread.runs` and `Thread.messages` in both directions, those paged forward only (`first`/`after`: `collections`,
 * `Collection.documents`, `Document.chunks`) too: after a cursor, `hasPreviousPage` is true when
 * items precede the page.
 */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge; null for an empty page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** More items follow the last edge (in the connection's order). */
  hasNextPage: Scalars['Boolean']['output'];
  /** More items precede the first edge (in the connection's order). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge; null for an empty page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** How many entities of one PII type a job redacted. */
export type PiiCount = {
  __typename?: 'PiiCount';
  /** Entities of this type replaced by placeholders; only types with at least one are listed. */
  count: Scalars['Int']['output'];
  /** The kind of entity. */
  type: PiiType;
};

export type { PiiType };

/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type Query = {
  __typename?: 'Query';
  /** A collection, or null when it does not exist in the caller's workspace. */
  collection: Maybe<Collection>;
  /** Collections of the caller's workspace, newest first. `first` defaults to 20, clamped to 1..100. */
  collections: CollectionConnection;
  /** A document of the caller's workspace, or null. */
  document: Maybe<Document>;
  /** A file of the caller's workspace, or null (also for another workspace's id). */
  file: Maybe<File>;
  /** Liveness and versions. Answers even when nothing else works. */
  health: Health;
  /** An ingestion job of the caller's workspace, or null. */
  ingestJob: Maybe<IngestJob>;
  /** Every configured chat model (in fallback order) and the embedding model, with live health. */
  models: Array<ModelStatus>;
  /**
   * The object of the caller's workspace with this id, whatever its type; null when the id is
   * unknown, malformed or of another workspace.
   */
  node: Maybe<Node>;
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
  /**
   * The conversations of the caller's workspace, newest activity first (a thread's
   * `lastActivityAt`, then its id): asking on a thread moves it to the front. Page forward with
   * `first`/`after` or backward with `last`/`before`; cursors stay valid while threads are
   * created. `first` or `last` defaults to 20 and is clamped to 1..100; passing both is
   * BAD_USER_INPUT.
   */
  threads: ThreadConnection;
};


/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type QueryCollectionArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type QueryCollectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type QueryDocumentArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type QueryFileArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type QueryIngestJobArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type QuerySearchArgs = {
  collectionId: Scalars['ID']['input'];
  filter?: InputMaybe<Scalars['JSON']['input']>;
  k?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type QueryThreadArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. When authentication is required, every query needs the `reader` role or higher. */
export type QueryThreadsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A search of the collection ran during the run. */
export type RetrievalDone = RunEvent & {
  __typename?: 'RetrievalDone';
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** The chunks it found, best first; chunks deleted since are left out. */
  chunks: Array<Chunk>;
  /** The (redacted, possibly rewritten) query that ran. */
  query: Scalars['String']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. */
  seq: Scalars['Int']['output'];
};

/** One question asked and its execution: status, answer or error, and the log of its events. */
export type Run = Node & {
  __typename?: 'Run';
  /** The answer, once the run has SUCCEEDED; null otherwise. */
  answer: Maybe<Answer>;
  /** How many times execution started (more than one after a resume). */
  attempts: Scalars['Int']['output'];
  /** When the run was asked. */
  createdAt: Scalars['DateTime']['output'];
  /** Why the run failed (a code of the error list), when it did. */
  error: Maybe<RunError>;
  /** Logged events after `afterSeq` (default 0), at most `first` (default 100, max 1000). */
  events: Array<RunEvent>;
  /** When the run ended; null until it is SUCCEEDED, FAILED or CANCELLED. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Global id (`run_…`). */
  id: Scalars['ID']['output'];
  /** Seq of the last logged event. */
  lastSeq: Scalars['Int']['output'];
  /** The question as stored: PII replaced by placeholders. */
  question: Scalars['String']['output'];
  /** When execution first started; null while QUEUED. */
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** Where the run is. */
  status: RunStatus;
  /** The conversation the run belongs to. */
  thread: Maybe<Thread>;
  /**
   * Where the run's time went: the spans of its trace (the operation that asked, the workflow,
   * each graph node, model call and SQL query), from this process's in-memory store. Null when the
   * trace is not held here: spans are exported over OTLP instead, the run executed in another
   * process, or the trace was evicted (the store keeps the most recent ones).
   */
  trace: Maybe<Trace>;
  /**
   * OpenTelemetry trace id (32 hex digits) of the operation that asked; the run's execution is
   * part of that trace. Null when tracing was off.
   */
  traceId: Maybe<Scalars['String']['output']>;
  /**
   * Tokens the run's model calls used, in total and per model, with their cost when the models
   * config has prices. Null until the run ends, and for a run that called no model.
   */
  usage: Maybe<RunUsage>;
};


/** One question asked and its execution: status, answer or error, and the log of its events. */
export type RunEventsArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The run was stopped by `cancelRun`: its last event. */
export type RunCancelled = RunEvent & {
  __typename?: 'RunCancelled';
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. */
  seq: Scalars['Int']['output'];
};

/** The run succeeded: its last event. */
export type RunCompleted = RunEvent & {
  __typename?: 'RunCompleted';
  /** The run's answer, as `Run.answer` holds it. */
  answer: Answer;
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. */
  seq: Scalars['Int']['output'];
};

/** A page of runs. */
export type RunConnection = {
  __typename?: 'RunConnection';
  /** The runs of the page, newest first. */
  edges: Array<RunEdge>;
  /** Where the page sits in the list. */
  pageInfo: PageInfo;
};

/** A run and its position in the list. */
export type RunEdge = {
  __typename?: 'RunEdge';
  /** Opaque position of this run: pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The run. */
  node: Run;
};

/** Why a run failed. */
export type RunError = {
  __typename?: 'RunError';
  /** Why the run failed, from the closed list of error codes. */
  code: ErrorCode;
  /** What went wrong, for people; safe to show (never internal details). */
  message: Scalars['String']['output'];
};

/**
 * One entry of a run's event log. Events are stored, so `runEvents` and `Run.events` replay them;
 * the last is RunCompleted, RunFailed or RunCancelled.
 */
export type RunEvent = {
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. Resume `runEvents` with it as `afterSeq`. */
  seq: Scalars['Int']['output'];
};

/** The run failed: its last event. */
export type RunFailed = RunEvent & {
  __typename?: 'RunFailed';
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** Why the run failed, from the closed list of error codes. */
  code: ErrorCode;
  /** What went wrong, for people; safe to show (never internal details). */
  message: Scalars['String']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. */
  seq: Scalars['Int']['output'];
};

/**
 * The run continues from its last checkpoint after its process died, or after the database was
 * unreachable for a while; text streamed before this is discarded.
 */
export type RunResumed = RunEvent & {
  __typename?: 'RunResumed';
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** Number of the execution that continues, as `Run.attempts` counts it (a database outage starts none). */
  attempt: Scalars['Int']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. */
  seq: Scalars['Int']['output'];
};

/** The run's execution started: its first event (a run cancelled while QUEUED has none). */
export type RunStarted = RunEvent & {
  __typename?: 'RunStarted';
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. */
  seq: Scalars['Int']['output'];
};

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

/** What a run's model calls used: every request of every model, retries and failed attempts included. */
export type RunUsage = {
  __typename?: 'RunUsage';
  /** One entry per model called, in first-call order. */
  byModel: Array<ModelUsage>;
  /** US dollars; null when a model that used tokens has no price in the models config. */
  costUsd: Maybe<Scalars['Float']['output']>;
  /** Tokens sent to the models (prompts), all models together. */
  inputTokens: Scalars['Int']['output'];
  /** Tokens the models produced, all models together. */
  outputTokens: Scalars['Int']['output'];
};

/** One result of `search`. */
export type SearchHit = {
  __typename?: 'SearchHit';
  /** The chunk found. */
  chunk: Chunk;
  /** Reciprocal-rank-fusion score: higher is better. Only comparable within one search. */
  score: Scalars['Float']['output'];
  /** 1-based rank in the full-text list; null when only the vector search found the chunk. */
  textRank: Maybe<Scalars['Int']['output']>;
  /** 1-based rank in the vector list; null when only full-text search found the chunk. */
  vectorRank: Maybe<Scalars['Int']['output']>;
};

/** The OpenTelemetry kind of a span: its role in the operation. */
export type SpanKind =
  /** A request the server sent (a model call, a SQL query). */
  | 'CLIENT'
  /** Work taken from a queue and processed. */
  | 'CONSUMER'
  /** Work inside the server (a graph node, the run's workflow). */
  | 'INTERNAL'
  /** Work handed to a queue for later processing. */
  | 'PRODUCER'
  /** A request the server received (an HTTP request, a GraphQL operation). */
  | 'SERVER';

/** The OpenTelemetry status of a span. */
export type SpanStatus =
  /** The operation failed; `statusMessage` says how. */
  | 'ERROR'
  /** The operation reported success. */
  | 'OK'
  /** Not set: the operation did not report failure. */
  | 'UNSET';

/**
 * Live streams, over WebSocket (graphql-ws) only. When authentication is required, `askStream`
 * needs the `writer` role; the others `reader`.
 */
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


/**
 * Live streams, over WebSocket (graphql-ws) only. When authentication is required, `askStream`
 * needs the `writer` role; the others `reader`.
 */
export type SubscriptionAskStreamArgs = {
  input: AskInput;
};


/**
 * Live streams, over WebSocket (graphql-ws) only. When authentication is required, `askStream`
 * needs the `writer` role; the others `reader`.
 */
export type SubscriptionIngestJobUpdatesArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Live streams, over WebSocket (graphql-ws) only. When authentication is required, `askStream`
 * needs the `writer` role; the others `reader`.
 */
export type SubscriptionRunEventsArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  runId: Scalars['ID']['input'];
};

/** A conversation over one collection: its runs, and the messages the model sees. */
export type Thread = Node & {
  __typename?: 'Thread';
  /** The collection every run of the thread searches. */
  collection: Maybe<Collection>;
  /** When the thread's first run was asked. */
  createdAt: Scalars['DateTime']['output'];
  /** Checkpoints of the thread, newest first (at most `last`, default 100): where a run can fork from. */
  history: Array<CheckpointEntry>;
  /** Global id (`thr_…`). */
  id: Scalars['ID']['output'];
  /** When a run of the thread was last asked or ended: `threads` lists the most recent first. */
  lastActivityAt: Scalars['DateTime']['output'];
  /**
   * The conversation the model sees, newest first: the questions and answers of the thread's
   * current branch (after a fork, the fork's), read from its latest checkpoint. A question is
   * listed with its answer once its run has succeeded; `runs` lists every run, whatever its
   * outcome. Page forward (toward older messages) with `first`/`after` or backward with
   * `last`/`before`; cursors stay valid while the conversation grows. `first` or `last` defaults
   * to 20 and is clamped to 1..100; passing both is BAD_USER_INPUT.
   */
  messages: MessageConnection;
  /**
   * Every run of the conversation, whatever its outcome, newest first (creation time, then id).
   * Page forward with `first`/`after` or backward with `last`/`before`; `first` or `last`
   * defaults to 20 and is clamped to 1..100; passing both is BAD_USER_INPUT.
   */
  runs: RunConnection;
};


/** A conversation over one collection: its runs, and the messages the model sees. */
export type ThreadHistoryArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A conversation over one collection: its runs, and the messages the model sees. */
export type ThreadMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A conversation over one collection: its runs, and the messages the model sees. */
export type ThreadRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of threads. */
export type ThreadConnection = {
  __typename?: 'ThreadConnection';
  /** The threads of the page, most recently active first. */
  edges: Array<ThreadEdge>;
  /** Where the page sits in the list. */
  pageInfo: PageInfo;
};

/** A thread and its position in the list. */
export type ThreadEdge = {
  __typename?: 'ThreadEdge';
  /** Opaque position of this thread: pass as `after` or `before`. */
  cursor: Scalars['String']['output'];
  /** The thread. */
  node: Thread;
};

/**
 * More answer text. Concatenate in seq order; discard on ModelFallback(restart) or RunResumed.
 * Every answer streams, a cached one too (in one or more deltas).
 */
export type TokenDelta = RunEvent & {
  __typename?: 'TokenDelta';
  /** When the event was logged. */
  at: Scalars['DateTime']['output'];
  /** Id of the run (`run_…`). */
  runId: Scalars['ID']['output'];
  /** Position in the run's log: 1, 2, 3…, strictly increasing. */
  seq: Scalars['Int']['output'];
  /** The next piece of the answer; may hold several tokens. */
  text: Scalars['String']['output'];
};

/** The spans of one OpenTelemetry trace, as this process recorded them. */
export type Trace = {
  __typename?: 'Trace';
  /** Spans beyond the store's per-trace cap, not kept. */
  droppedSpans: Scalars['Int']['output'];
  /** In start order. */
  spans: Array<TraceSpan>;
  /** OpenTelemetry trace id (32 hex digits), as `Run.traceId`. */
  traceId: Scalars['String']['output'];
};

/** One timed operation of a trace: a GraphQL operation, a graph node, a model call, a SQL query… */
export type TraceSpan = {
  __typename?: 'TraceSpan';
  /** OpenTelemetry attributes: ids, counts, codes and timings; never prompt or document text. */
  attributes: Scalars['JSON']['output'];
  /** How long the span lasted, in milliseconds. */
  durationMs: Scalars['Float']['output'];
  /** Retries, circuit breaker transitions, fallbacks and exceptions, with their reasons. */
  events: Array<TraceSpanEvent>;
  /** The span's OpenTelemetry kind. */
  kind: SpanKind;
  /** What the span measures (`invoke_workflow`, `node generate`, `chat gpt-4o`…). */
  name: Scalars['String']['output'];
  /** Null for the root span, or when the parent was not recorded here. */
  parentId: Maybe<Scalars['String']['output']>;
  /** OpenTelemetry span id (16 hex digits). */
  spanId: Scalars['String']['output'];
  /** Milliseconds from the start of the trace's first span. */
  startMs: Scalars['Float']['output'];
  /** When the span started. */
  startedAt: Scalars['DateTime']['output'];
  /** Whether the operation succeeded, failed or did not say. */
  status: SpanStatus;
  /** The error type of a failed span. */
  statusMessage: Maybe<Scalars['String']['output']>;
};

/** Something that happened at one moment within a span: a retry, a fallback, an exception… */
export type TraceSpanEvent = {
  __typename?: 'TraceSpanEvent';
  /** Milliseconds from the start of the trace's first span. */
  atMs: Scalars['Float']['output'];
  /** OpenTelemetry attributes of the event, such as its reason. */
  attributes: Scalars['JSON']['output'];
  /** The event's name (`exception`, for instance). */
  name: Scalars['String']['output'];
};

/** Token counts of model calls. */
export type Usage = {
  __typename?: 'Usage';
  /** Tokens sent to the models (prompts). */
  inputTokens: Scalars['Int']['output'];
  /** Tokens the models produced. */
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




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( ChunkRow )
    | ( CollectionRow )
    | ( DocumentRow )
    | ( FileRow )
    | ( IngestJobRow )
    | ( RunRow )
    | ( ThreadRow )
  ;
  RunEvent:
    | ( ModelFallbackEvent )
    | ( NodeFinishedEvent )
    | ( NodeStartedEvent )
    | ( RetrievalDoneEvent )
    | ( RunCancelledEvent )
    | ( RunCompletedEvent )
    | ( RunFailedEvent )
    | ( RunResumedEvent )
    | ( RunStartedEvent )
    | ( TokenDeltaEvent )
  ;
};

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
  ErrorCode: ErrorCode;
  FallbackReason: FallbackReason;
  File: ResolverTypeWrapper<FileRow>;
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
  Message: ResolverTypeWrapper<MessageRecord>;
  MessageConnection: ResolverTypeWrapper<Omit<MessageConnection, 'edges'> & { edges: Array<ResolversTypes['MessageEdge']> }>;
  MessageEdge: ResolverTypeWrapper<Omit<MessageEdge, 'node'> & { node: ResolversTypes['Message'] }>;
  MessageRole: MessageRole;
  ModelFallback: ResolverTypeWrapper<ModelFallbackEvent>;
  ModelRole: ModelRole;
  ModelStatus: ResolverTypeWrapper<ModelStatusRecord>;
  ModelUsage: ResolverTypeWrapper<ModelUsage>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  NodeFinished: ResolverTypeWrapper<NodeFinishedEvent>;
  NodeStarted: ResolverTypeWrapper<NodeStartedEvent>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PiiCount: ResolverTypeWrapper<PiiCount>;
  PiiType: PiiType;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RetrievalDone: ResolverTypeWrapper<RetrievalDoneEvent>;
  Run: ResolverTypeWrapper<RunRow>;
  RunCancelled: ResolverTypeWrapper<RunCancelledEvent>;
  RunCompleted: ResolverTypeWrapper<RunCompletedEvent>;
  RunConnection: ResolverTypeWrapper<Omit<RunConnection, 'edges'> & { edges: Array<ResolversTypes['RunEdge']> }>;
  RunEdge: ResolverTypeWrapper<Omit<RunEdge, 'node'> & { node: ResolversTypes['Run'] }>;
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
  ThreadConnection: ResolverTypeWrapper<Omit<ThreadConnection, 'edges'> & { edges: Array<ResolversTypes['ThreadEdge']> }>;
  ThreadEdge: ResolverTypeWrapper<Omit<ThreadEdge, 'node'> & { node: ResolversTypes['Thread'] }>;
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
  File: FileRow;
  Float: Scalars['Float']['output'];
  Health: Health;
  ID: Scalars['ID']['output'];
  IngestDocumentsInput: IngestDocumentsInput;
  IngestError: IngestError;
  IngestJob: IngestJobRow;
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Message: MessageRecord;
  MessageConnection: Omit<MessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['MessageEdge']> };
  MessageEdge: Omit<MessageEdge, 'node'> & { node: ResolversParentTypes['Message'] };
  ModelFallback: ModelFallbackEvent;
  ModelStatus: ModelStatusRecord;
  ModelUsage: ModelUsage;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  NodeFinished: NodeFinishedEvent;
  NodeStarted: NodeStartedEvent;
  PageInfo: PageInfo;
  PiiCount: PiiCount;
  Query: Record<PropertyKey, never>;
  RetrievalDone: RetrievalDoneEvent;
  Run: RunRow;
  RunCancelled: RunCancelledEvent;
  RunCompleted: RunCompletedEvent;
  RunConnection: Omit<RunConnection, 'edges'> & { edges: Array<ResolversParentTypes['RunEdge']> };
  RunEdge: Omit<RunEdge, 'node'> & { node: ResolversParentTypes['Run'] };
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
  ThreadConnection: Omit<ThreadConnection, 'edges'> & { edges: Array<ResolversParentTypes['ThreadEdge']> };
  ThreadEdge: Omit<ThreadEdge, 'node'> & { node: ResolversParentTypes['Thread'] };
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
  pages?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokenCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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
  pages?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
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
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DocumentConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DocumentConnection'] = ResolversParentTypes['DocumentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DocumentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type DocumentEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DocumentEdge'] = ResolversParentTypes['DocumentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
};

export type ErrorCodeResolvers = EnumResolverSignature<{ BAD_REQUEST?: any, BAD_USER_INPUT?: any, CANCELLED?: any, CONFLICT?: any, DATABASE_UNAVAILABLE?: any, FORBIDDEN?: any, FORBIDDEN_URL?: any, GRAPHQL_PARSE_FAILED?: any, GRAPHQL_VALIDATION_FAILED?: any, INTERNAL_SERVER_ERROR?: any, INVALID_DOCUMENT?: any, INVALID_MODEL_OUTPUT?: any, MODEL_UNAVAILABLE?: any, NOT_FOUND?: any, OPERATION_RESOLUTION_FAILURE?: any, PAYLOAD_TOO_LARGE?: any, PERSISTED_QUERY_NOT_FOUND?: any, PERSISTED_QUERY_NOT_SUPPORTED?: any, RATE_LIMITED?: any, TIMEOUT?: any, UNAUTHENTICATED?: any, UNSUPPORTED_MEDIA_TYPE?: any, URL_UNREACHABLE?: any }, ResolversTypes['ErrorCode']>;

export type FallbackReasonResolvers = EnumResolverSignature<{ CIRCUIT_OPEN?: any, CONNECTION?: any, HTTP_400?: any, HTTP_401?: any, HTTP_403?: any, HTTP_404?: any, HTTP_408?: any, HTTP_409?: any, HTTP_413?: any, HTTP_422?: any, HTTP_429?: any, HTTP_500?: any, HTTP_502?: any, HTTP_503?: any, HTTP_504?: any, HTTP_ERROR?: any, INVALID_OUTPUT?: any, REFUSAL?: any, STREAM_CUT?: any, STREAM_STALL?: any, TIMEOUT?: any, UNGROUNDED?: any, UNKNOWN?: any, UNSUPPORTED?: any }, ResolversTypes['FallbackReason']>;

export type FileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['File'] = ResolversParentTypes['File']> = {
  bytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mediaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HealthResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Health'] = ResolversParentTypes['Health']> = {
  databaseMode?: Resolver<ResolversTypes['DatabaseMode'], ParentType, ContextType>;
  pgvectorVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  schemaVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  serverVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
};

export type IngestErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IngestError'] = ResolversParentTypes['IngestError']> = {
  code?: Resolver<ResolversTypes['ErrorCode'], ParentType, ContextType>;
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
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MessageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MessageRole'], ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MessageConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageConnection'] = ResolversParentTypes['MessageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MessageEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageEdge'] = ResolversParentTypes['MessageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type ModelFallbackResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ModelFallback'] = ResolversParentTypes['ModelFallback']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromModel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['FallbackReason'], ParentType, ContextType>;
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
  lastErrorCode?: Resolver<Maybe<ResolversTypes['FallbackReason']>, ParentType, ContextType>;
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

export type NodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Chunk' | 'Collection' | 'Document' | 'File' | 'IngestJob' | 'Run' | 'Thread', ParentType, ContextType>;
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
  type?: Resolver<ResolversTypes['PiiType'], ParentType, ContextType>;
};

export type PiiTypeResolvers = EnumResolverSignature<{ API_KEY?: any, CREDIT_CARD?: any, EMAIL?: any, IBAN?: any, IP_ADDRESS?: any, PHONE?: any, PRIVATE_KEY?: any, SECRET?: any, US_SSN?: any }, ResolversTypes['PiiType']>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  collection?: Resolver<Maybe<ResolversTypes['Collection']>, ParentType, ContextType, RequireFields<QueryCollectionArgs, 'id'>>;
  collections?: Resolver<ResolversTypes['CollectionConnection'], ParentType, ContextType, Partial<QueryCollectionsArgs>>;
  document?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType, RequireFields<QueryDocumentArgs, 'id'>>;
  file?: Resolver<Maybe<ResolversTypes['File']>, ParentType, ContextType, RequireFields<QueryFileArgs, 'id'>>;
  health?: Resolver<ResolversTypes['Health'], ParentType, ContextType>;
  ingestJob?: Resolver<Maybe<ResolversTypes['IngestJob']>, ParentType, ContextType, RequireFields<QueryIngestJobArgs, 'id'>>;
  models?: Resolver<Array<ResolversTypes['ModelStatus']>, ParentType, ContextType>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  run?: Resolver<Maybe<ResolversTypes['Run']>, ParentType, ContextType, RequireFields<QueryRunArgs, 'id'>>;
  search?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType, RequireFields<QuerySearchArgs, 'collectionId' | 'query'>>;
  thread?: Resolver<Maybe<ResolversTypes['Thread']>, ParentType, ContextType, RequireFields<QueryThreadArgs, 'id'>>;
  threads?: Resolver<ResolversTypes['ThreadConnection'], ParentType, ContextType, Partial<QueryThreadsArgs>>;
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
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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

export type RunConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunConnection'] = ResolversParentTypes['RunConnection']> = {
  edges?: Resolver<Array<ResolversTypes['RunEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type RunEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunEdge'] = ResolversParentTypes['RunEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Run'], ParentType, ContextType>;
};

export type RunErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunError'] = ResolversParentTypes['RunError']> = {
  code?: Resolver<ResolversTypes['ErrorCode'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RunEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunEvent'] = ResolversParentTypes['RunEvent']> = {
  __resolveType: TypeResolveFn<'ModelFallback' | 'NodeFinished' | 'NodeStarted' | 'RetrievalDone' | 'RunCancelled' | 'RunCompleted' | 'RunFailed' | 'RunResumed' | 'RunStarted' | 'TokenDelta', ParentType, ContextType>;
};

export type RunFailedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunFailed'] = ResolversParentTypes['RunFailed']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ErrorCode'], ParentType, ContextType>;
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
  messages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, Partial<ThreadMessagesArgs>>;
  runs?: Resolver<ResolversTypes['RunConnection'], ParentType, ContextType, Partial<ThreadRunsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ThreadConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ThreadConnection'] = ResolversParentTypes['ThreadConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ThreadEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ThreadEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ThreadEdge'] = ResolversParentTypes['ThreadEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Thread'], ParentType, ContextType>;
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
  ErrorCode?: ErrorCodeResolvers;
  FallbackReason?: FallbackReasonResolvers;
  File?: FileResolvers<ContextType>;
  Health?: HealthResolvers<ContextType>;
  IngestError?: IngestErrorResolvers<ContextType>;
  IngestJob?: IngestJobResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Message?: MessageResolvers<ContextType>;
  MessageConnection?: MessageConnectionResolvers<ContextType>;
  MessageEdge?: MessageEdgeResolvers<ContextType>;
  ModelFallback?: ModelFallbackResolvers<ContextType>;
  ModelStatus?: ModelStatusResolvers<ContextType>;
  ModelUsage?: ModelUsageResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  NodeFinished?: NodeFinishedResolvers<ContextType>;
  NodeStarted?: NodeStartedResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PiiCount?: PiiCountResolvers<ContextType>;
  PiiType?: PiiTypeResolvers;
  Query?: QueryResolvers<ContextType>;
  RetrievalDone?: RetrievalDoneResolvers<ContextType>;
  Run?: RunResolvers<ContextType>;
  RunCancelled?: RunCancelledResolvers<ContextType>;
  RunCompleted?: RunCompletedResolvers<ContextType>;
  RunConnection?: RunConnectionResolvers<ContextType>;
  RunEdge?: RunEdgeResolvers<ContextType>;
  RunError?: RunErrorResolvers<ContextType>;
  RunEvent?: RunEventResolvers<ContextType>;
  RunFailed?: RunFailedResolvers<ContextType>;
  RunResumed?: RunResumedResolvers<ContextType>;
  RunStarted?: RunStartedResolvers<ContextType>;
  RunUsage?: RunUsageResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Thread?: ThreadResolvers<ContextType>;
  ThreadConnection?: ThreadConnectionResolvers<ContextType>;
  ThreadEdge?: ThreadEdgeResolvers<ContextType>;
  TokenDelta?: TokenDeltaResolvers<ContextType>;
  Trace?: TraceResolvers<ContextType>;
  TraceSpan?: TraceSpanResolvers<ContextType>;
  TraceSpanEvent?: TraceSpanEventResolvers<ContextType>;
  Usage?: UsageResolvers<ContextType>;
};

