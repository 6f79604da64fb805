import type { ApolloServerPlugin } from '@apollo/server';
import { authorize } from '../auth/authorize.js';
import type { GraphQLContext } from '../graphql/context.js';

/** Checks the caller's role against the operation once Apollo has parsed it (HTTP). */
export function authorizationPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operationName }) {
          authorize(contextValue.principal, document, operationName);
        },
      };
    },
  };
}
