import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CollectionRow } from '../../collections/collection-row.js';
import type { DocumentRow, ChunkRow } from '../../documents/document-row.js';
import type { IngestJobRow } from '../../ingest/ingest-job-row.js';
import type { RetrievedChunk } from '../../retrieval/hybrid-search.js';
import type { ModelStatus as ModelStatusRecord } from '../../models/types.js';
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

export type Mutation = {
  __typename?: 'Mutation';
  createCollection: Collection;
  /** Deletes a document and its chunks. False when there was no such document. */
  deleteDocument: Scalars['Boolean']['output'];
  /**
   * Accepts documents for ingestion and returns at once: cleaning and PII redaction happen
   * before anything is stored; chunking, embedding and indexing run as a durable job. Watch it
   * with `ingestJobUpdates`. Re-ingesting a document (same sourceUri, else same title) updates
   * it in place, re-embedding only chunks whose text changed.
   * Limits: 1000 documents, 2 MiB per document, 16 MiB per call.
   */
  ingestDocuments: IngestJob;
};


export type MutationCreateCollectionArgs = {
  input: CreateCollectionInput;
};


export type MutationDeleteDocumentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationIngestDocumentsArgs = {
  input: IngestDocumentsInput;
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
  /**
   * Hybrid retrieval (vector + full-text, reciprocal rank fusion) over one collection, with no
   * model call besides the query embedding. `k` defaults to 8 (1..50); `filter` is a JSON object
   * matched against chunk metadata by containment.
   */
  search: Array<SearchHit>;
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


export type QuerySearchArgs = {
  collectionId: Scalars['ID']['input'];
  filter?: InputMaybe<Scalars['JSON']['input']>;
  k?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
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

export type Subscription = {
  __typename?: 'Subscription';
  /** The job now, then after every change, until it ends (SUCCEEDED or FAILED). */
  ingestJobUpdates: IngestJob;
};


export type SubscriptionIngestJobUpdatesArgs = {
  id: Scalars['ID']['input'];
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
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Chunk: ResolverTypeWrapper<ChunkRow>;
  ChunkConnection: ResolverTypeWrapper<Omit<ChunkConnection, 'edges'> & { edges: Array<ResolversTypes['ChunkEdge']> }>;
  ChunkEdge: ResolverTypeWrapper<Omit<ChunkEdge, 'node'> & { node: ResolversTypes['Chunk'] }>;
  CircuitState: CircuitState;
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
  IngestDocumentsInput: IngestDocumentsInput;
  IngestError: ResolverTypeWrapper<IngestError>;
  IngestJob: ResolverTypeWrapper<IngestJobRow>;
  IngestJobStatus: IngestJobStatus;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  ModelRole: ModelRole;
  ModelStatus: ResolverTypeWrapper<ModelStatusRecord>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PiiCount: ResolverTypeWrapper<PiiCount>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SearchHit: ResolverTypeWrapper<RetrievedChunk>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  Chunk: ChunkRow;
  ChunkConnection: Omit<ChunkConnection, 'edges'> & { edges: Array<ResolversParentTypes['ChunkEdge']> };
  ChunkEdge: Omit<ChunkEdge, 'node'> & { node: ResolversParentTypes['Chunk'] };
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
  ModelStatus: ModelStatusRecord;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PiiCount: PiiCount;
  Query: Record<PropertyKey, never>;
  SearchHit: RetrievedChunk;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
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

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createCollection?: Resolver<ResolversTypes['Collection'], ParentType, ContextType, RequireFields<MutationCreateCollectionArgs, 'input'>>;
  deleteDocument?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteDocumentArgs, 'id'>>;
  ingestDocuments?: Resolver<ResolversTypes['IngestJob'], ParentType, ContextType, RequireFields<MutationIngestDocumentsArgs, 'input'>>;
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
  search?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType, RequireFields<QuerySearchArgs, 'collectionId' | 'query'>>;
};

export type SearchHitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  chunk?: Resolver<ResolversTypes['Chunk'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  textRank?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  vectorRank?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  ingestJobUpdates?: SubscriptionResolver<ResolversTypes['IngestJob'], "ingestJobUpdates", ParentType, ContextType, RequireFields<SubscriptionIngestJobUpdatesArgs, 'id'>>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Chunk?: ChunkResolvers<ContextType>;
  ChunkConnection?: ChunkConnectionResolvers<ContextType>;
  ChunkEdge?: ChunkEdgeResolvers<ContextType>;
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
  ModelStatus?: ModelStatusResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PiiCount?: PiiCountResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
};

