import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Answer, Citation } from './Answer/index.js';
import { Chunk } from './Chunk/index.js';
import { Collection } from './Collection/index.js';
import { Document } from './Document/index.js';
import { File } from './File/index.js';
import { IngestJob } from './IngestJob/index.js';
import { Message } from './Message/index.js';
import { ModelStatus } from './ModelStatus/index.js';
import { ask } from './Mutation/ask.js';
import { cancelRun } from './Mutation/cancelRun.js';
import { createCollection } from './Mutation/createCollection.js';
import { deleteDocument } from './Mutation/deleteDocument.js';
import { deleteThread } from './Mutation/deleteThread.js';
import { ingestDocuments } from './Mutation/ingestDocuments.js';
import { collection } from './Query/collection.js';
import { collections } from './Query/collections.js';
import { document } from './Query/document.js';
import { file } from './Query/file.js';
import { health } from './Query/health.js';
import { ingestJob } from './Query/ingestJob.js';
import { models } from './Query/models.js';
import { node } from './Query/node.js';
import { run } from './Query/run.js';
import { search } from './Query/search.js';
import { thread } from './Query/thread.js';
import { threads } from './Query/threads.js';
import { Node } from './Node/index.js';
import { Run } from './Run/index.js';
import { runEventResolvers } from './RunEvent/index.js';
import { SearchHit } from './SearchHit/index.js';
import { askStream } from './Subscription/askStream.js';
import { ingestJobUpdates } from './Subscription/ingestJobUpdates.js';
import { runEvents } from './Subscription/runEvents.js';
import { Thread } from './Thread/index.js';

/** Every resolver of the schema, one file per field or type. */
export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
  Query: {
    health,
    models,
    node,
    collection,
    collections,
    document,
    file,
    ingestJob,
    search,
    threads,
    thread,
    run,
  },
  Mutation: { createCollection, ingestDocuments, deleteDocument, ask, cancelRun, deleteThread },
  Subscription: { ingestJobUpdates, askStream, runEvents },
  Node,
  Thread,
  Message,
  Run,
  Answer,
  Citation,
  ...runEventResolvers,
  Collection,
  Document,
  File,
  Chunk,
  IngestJob,
  SearchHit,
  ModelStatus,
};
