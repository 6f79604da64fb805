import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { LRUCache } from 'lru-cache';
import type { Principal } from '../auth/principal.js';
import { isAppError } from '../errors.js';
import { admitOperation } from './admit-operation.js';
import type { GraphQLContext } from '../graphql/context.js';

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/** What {@link prepareWsOperation} checks an operation against. */
export interface WsOperationRules {
  schema: GraphQLSchema;
  /** Extra validation rules (graphql-armor's), as on HTTP. */
  validationRules: readonly ValidationRule[];
  /** Most lexical tokens in a document. */
  maxTokens: number;
}

// Documents that parsed and validated, by query text, per set of rules: a client sends the same
// few operations again and again, and parsing and validating them (with armor's cost and depth
// rules) is most of an operation's start. Apollo keeps the same kind of store for HTTP.
// Bounded by the queries' total length, as Apollo's is.
const DOCUMENT_CACHE_CHARACTERS = 16 * 1024 * 1024;
const validDocuments = new WeakMap<WsOperationRules, LRUCache<string, DocumentNode>>();

function documentCache(rules: WsOperationRules): LRUCache<string, DocumentNode> {
  let cache = validDocuments.get(rules);
  if (!cache) {
    cache = new LRUCache({
      maxSize: DOCUMENT_CACHE_CHARACTERS,
      sizeCalculation: (_document, query) => Math.max(1, query.length),
    });
    validDocuments.set(rules, cache);
  }
  return cache;
}

/**
 * Parses and validates `query`, or returns the document it gave before under the same rules.
 * Errors are never kept: a query that failed fails the same way again.
 */
function validDocument(
  rules: WsOperationRules,
  query: string,
): DocumentNode | readonly GraphQLError[] {
  const cache = documentCache(rules);
  const known = cache.get(query);
  if (known) return known;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: rules.maxTokens });
  } catch (error) {
    return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
  }
  const errors = validate(rules.schema, document, [...specifiedRules, ...rules.validationRules]);
  if (errors.length > 0) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
  cache.set(query, document);
  return document;
}

/**
 * Parses, validates and authorizes a graphql-ws `subscribe` message the way Apollo does for
 * HTTP, so both transports give the same codes (`GRAPHQL_PARSE_FAILED`,
 * `GRAPHQL_VALIDATION_FAILED`, `OPERATION_RESOLUTION_FAILURE`, `FORBIDDEN`) and limits.
 * Returns errors, or the arguments to execute. A query that parsed and validated before is
 * neither parsed nor validated again (an LRU store of 16 M characters of queries).
 */
export async function prepareWsOperation(
  rules: WsOperationRules,
  payload: SubscribePayload,
  principal: Principal,
  createContext: (principal: Principal) => Promise<GraphQLContext>,
): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const { schema } = rules;
  const document = validDocument(rules, payload.query);
  if (!('kind' in document)) return document;

  const operation = getOperationAST(document, payload.operationName);
  if (!operation) {
    return [
      new GraphQLError('Unable to determine which operation to run', {
        extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
      }),
    ];
  }
  if (operation.operation === 'subscription' && !schema.getSubscriptionType()) {
    return [
      new GraphQLError('This schema has no subscriptions', {
        nodes: [operation],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ];
  }
  try {
    admitOperation(rules, principal, document, payload.operationName, payload.variables);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return [
      new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } }),
    ];
  }
  // Coerced here, as Apollo does on HTTP, so a bad variable is BAD_USER_INPUT on both.
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    payload.variables ?? {},
  );
  if (coerced.errors) return coerced.errors.map((e) => withCode(e, 'BAD_USER_INPUT'));
  return {
    schema,
    document,
    operationName: payload.operationName ?? null,
    variableValues: coerced.coerced,
    contextValue: await createContext(principal),
  };
}
