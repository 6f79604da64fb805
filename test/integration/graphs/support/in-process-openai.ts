/** What a chat request asked for: its `response_format` schema name, else `text`. */
type TaskOf = (body: { response_format?: { json_schema?: { name?: string } } }) => string;

const taskOf: TaskOf = (body) => body.response_format?.json_schema?.name ?? 'text';

/**
 * A `fetch` that answers OpenAI-compatible `/chat/completions` streaming requests in process,
 * with no socket and no delay: a zero-latency model for benchmarks. `reply(task)` gives the
 * text for a task (`grade`, `answer`, …), streamed word by word as SSE chunks with a finish
 * reason and usage, exactly as the OpenAI client parses them.
 */
export function inProcessOpenAi(reply: (task: string) => string): typeof fetch {
  return (_url, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as Parameters<TaskOf>[0] & {
      model?: string;
    };
    const text = reply(taskOf(body));
    const tokens = text.match(/\s*\S+\s*/gu) ?? [];
    const base = {
      id: 'chatcmpl-local',
      object: 'chat.completion.chunk',
      created: 0,
      model: body.model,
    };
    const chunk = (delta: object, finish: string | null = null) => ({
      ...base,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    const events = [
      chunk({ role: 'assistant', content: '' }),
      ...tokens.map((token) => chunk({ content: token })),
      chunk({}, 'stop'),
      {
        ...base,
        choices: [],
        usage: {
          prompt_tokens: 100,
          completion_tokens: tokens.length,
          total_tokens: 100 + tokens.length,
        },
      },
    ];
    const sse =
      events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + 'data: [DONE]\n\n';
    return Promise.resolve(
      new Response(sse, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    );
  };
}
