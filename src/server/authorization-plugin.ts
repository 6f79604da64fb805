import type { ApolloServerPlugin } from '@apollo/server';
import { AppError, isAppError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requestError } from '../graphql/errors.js';
import type { OperationLimitRules } from '../security/page-size-cost.js';
import { admitOperation } from './admit-operation.js';

const SUBSCRIPTION_OVER_HTTP = new AppError(
  'BAD_REQUEST',
  'subscriptions are served over WebSocket only (graphql-ws, subprotocol graphql-transport-ws, ' +
    'on this same path)',
);

/**
 * Admits each HTTP operation once Apollo has validated it: no subscription (they are served
 * over WebSocket only), then {@link admitOperation} (role, then input); a refusal answers with
 * the HTTP status of its code (400, 403).
 */
export function authorizationPlugin(
  rules: OperationLimitRules,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, operationName, request }) {
          try {
            if (operation?.operation === 'subscription') throw SUBSCRIPTION_OVER_HTTP;
            admitOperation(
              rules,
              contextValue.principal,
              document,
              operationName,
              request.variables,
            );
          } catch (error) {
            throw isAppError(error) ? requestError(error) : error;
          }
        },
      };
    },
  };
}
