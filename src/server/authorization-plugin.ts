import type { ApolloServerPlugin } from '@apollo/server';
import { isAppError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requestError } from '../graphql/errors.js';
import { admitOperation } from './admit-operation.js';

/**
 * Admits each HTTP operation once Apollo has validated it ({@link admitOperation}: role, then
 * input); a refusal answers with the HTTP status of its code (403, 400).
 */
export function authorizationPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operationName, request }) {
          try {
            admitOperation(contextValue.principal, document, operationName, request.variables);
          } catch (error) {
            throw isAppError(error) ? requestError(error) : error;
          }
        },
      };
    },
  };
}
