import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { credentialHeaders, type Settings } from './settings.js';

/** An Apollo Client for one server and key, and a way to close its WebSocket. */
export interface BallastClient {
  client: ApolloClient;
  dispose(): void;
}

/**
 * Queries and mutations over HTTP POST (which Ballast's CSRF rule lets through), subscriptions
 * over graphql-ws on the same `/graphql` path, the key in both (header / `connectionParams`).
 */
export function createBallastClient(settings: Settings): BallastClient {
  const headers = credentialHeaders(settings);
  const socket = createClient({
    url: settings.serverUrl.replace(/^http/, 'ws'),
    connectionParams: headers,
    // The socket also drops when the server restarts; graphql-ws reconnects and re-subscribes.
    retryAttempts: 10,
  });
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  const link = ApolloLink.split(
    isSubscription,
    new GraphQLWsLink(socket),
    new HttpLink({ uri: settings.serverUrl, headers }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    client,
    dispose() {
      client.stop();
      void socket.dispose();
    },
  };
}

/** Ballast's `POST /files` URL, beside `/graphql`. */
export function filesUrl(settings: Settings): string {
  return new URL('/files', settings.serverUrl).href;
}
