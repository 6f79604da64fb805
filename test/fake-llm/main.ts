// `npm run fake-llm`: the fake OpenAI-compatible server on FAKE_LLM_PORT (default 4010), for
// trying the API against scripted faults by hand. A test tool, so it reads process.env itself.
import { createFakeLlmServer } from './server.js';

const port = Number(process.env.FAKE_LLM_PORT ?? 4010);
const server = await createFakeLlmServer({ port, host: process.env.FAKE_LLM_HOST ?? '127.0.0.1' });
console.log(JSON.stringify({ event: 'fake_llm_listening', url: server.url }));

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
