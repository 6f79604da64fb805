import { wsClient } from '../../../support/graphql-ws-client.js';

/** An askStream over graphql-ws, keeping each result's `extensions`. */
export const ASK_STREAM = `subscription Ask($input: AskInput!) {
  askStream(input: $input) {
    __typename seq runId
    ... on RunCompleted { answer { text model } }
    ... on RunFailed { code message }
  }
}`;

/** One event as a client received it. */
export interface ReceivedEvent {
  event: { __typename: string; seq: number; runId: string; answer?: { text: string } };
  extensions: Record<string, unknown> | undefined;
}

/** Runs `ASK_STREAM` to its end on a graphql-ws connection of its own to `serverUrl`. */
export function askStream(
  serverUrl: string,
  input: { collectionId: string; question: string },
): Promise<ReceivedEvent[]> {
  const client = wsClient(serverUrl);
  const received: ReceivedEvent[] = [];
  const ended = new Promise<ReceivedEvent[]>((resolve, reject) => {
    client.subscribe<{ askStream: ReceivedEvent['event'] }>(
      { query: ASK_STREAM, variables: { input } },
      {
        next: (result) => {
          if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
          received.push({
            event: result.data!.askStream,
            extensions: result.extensions as Record<string, unknown> | undefined,
          });
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(received),
      },
    );
  });
  return ended.finally(() => client.dispose());
}
