import type { ApolloServerPlugin } from '@apollo/server';
import { authorize } from '../auth/authorize.js';
import { isAppError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requestError } from '../graphql/errors.js';

/**
 * Checks the caller's role against the operation once Apollo has parsed it (HTTP); a refusal
 * answers with the HTTP status of its code (403).
 */
export function authorizationPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operationName }) {
          try {
            authorize(contextValue.principal, document, operationName);
          } catch (error) {
            throw isAppError(error) ? requestError(error) : error;
          }
        },
      };
    },
  };
}
