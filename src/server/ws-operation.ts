import {
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { GraphQLContext } from '../graphql/context.js';

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/**
 * Parses and validates a graphql-ws `subscribe` message the way Apollo does for HTTP, so
 * both transports give the same codes (`GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED`,
 * `OPERATION_RESOLUTION_FAILURE`). Returns errors, or the arguments to execute.
 */
export async function prepareWsOperation(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  createContext: () => Promise<GraphQLContext>,
): Promise<ExecutionArgs | readonly GraphQLError[]> {
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch (error) {
    return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));

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
  return {
    schema,
    document,
    operationName: payload.operationName ?? null,
    variableValues: payload.variables ?? null,
    contextValue: await createContext(),
  };
}
