// Child process of `bench/peers.ts`: a bare Apollo Server 5 on express 5 (through
// @as-integrations/express5) with a one-field schema, the GraphQL layer with nothing of
// Ballast's on it. Sends `{ ready, url }` over IPC once it listens on 127.0.0.1 (a free port),
// and exits when the parent disconnects or sends `stop`.
//
// Run with `--import tsx` and IPC.
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

if (!process.send) {
  console.error('usage: fork bench/_peers-apollo.ts (with IPC)');
  process.exit(2);
}

const apollo = new ApolloServer({
  typeDefs: 'type Query { hello: String }',
  resolvers: { Query: { hello: () => 'world' } },
});
await apollo.start();
const app = express();
app.use('/graphql', express.json(), expressMiddleware(apollo));
const http = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve, reject) => {
  http.once('listening', resolve);
  http.once('error', reject);
});
const { port } = http.address() as AddressInfo;

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  http.closeAllConnections();
  await Promise.all([apollo.stop(), new Promise((resolve) => http.close(resolve))]);
  process.exit(0);
}
process.on('message', (message: { cmd?: string }) => {
  if (message.cmd === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.send({ ready: true, url: `http://127.0.0.1:${port}/graphql` });
