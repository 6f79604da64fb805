import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Collection } from './Collection/index.js';
import { createCollection } from './Mutation/createCollection.js';
import { collection } from './Query/collection.js';
import { collections } from './Query/collections.js';
import { health } from './Query/health.js';

/** Every resolver of the schema, one file per field or type. */
export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
  Query: { health, collection, collections },
  Mutation: { createCollection },
  Collection,
};
