import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Chunk } from './Chunk/index.js';
import { Collection } from './Collection/index.js';
import { Document } from './Document/index.js';
import { IngestJob } from './IngestJob/index.js';
import { createCollection } from './Mutation/createCollection.js';
import { deleteDocument } from './Mutation/deleteDocument.js';
import { ingestDocuments } from './Mutation/ingestDocuments.js';
import { collection } from './Query/collection.js';
import { collections } from './Query/collections.js';
import { document } from './Query/document.js';
import { health } from './Query/health.js';
import { ingestJob } from './Query/ingestJob.js';
import { models } from './Query/models.js';
import { search } from './Query/search.js';
import { SearchHit } from './SearchHit/index.js';
import { ingestJobUpdates } from './Subscription/ingestJobUpdates.js';

/** Every resolver of the schema, one file per field or type. */
export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
  Query: { health, models, collection, collections, document, ingestJob, search },
  Mutation: { createCollection, ingestDocuments, deleteDocument },
  Subscription: { ingestJobUpdates },
  Collection,
  Document,
  Chunk,
  IngestJob,
  SearchHit,
};
