import { DEFAULT_REPLY } from './behaviours.js';

/** The parts of a chat request the default reply reads. */
export interface DefaultReplyRequest {
  messages?: { role: string; content: string | null }[];
  response_format?: {
    type: string;
    json_schema?: { name?: string; schema?: unknown };
  };
}

/** A context passage as Ballast renders it in a prompt: `[chunk:<id>]`, then its text. */
export interface PromptPassage {
  id: string;
  text: string;
}

// Ballast's context message starts with this line (CONTEXT_HEADER in
// src/governance/token-budget/citations.ts); the fake only reads passages from such messages,
// so a question that quotes a tag cannot make it cite a chunk that is not in the prompt.
const CONTEXT_MESSAGE_START = 'Context passages.';
// A passage tag on a line of its own; tags inside passage text are defused by Ballast.
const PASSAGE = /^\[chunk:([A-Za-z0-9_-]{1,64})\]\n([\s\S]*?)(?=\n\n\[chunk:|\n\nQuestion: |$)/gmu;
const STOP_WORDS = new Set(
  'a an and are can do does for from has have how i in is it of on or the to was what when where which who why with'.split(
    ' ',
  ),
);

/** The passages of every context message of `request`, in prompt order, ids de-duplicated. */
export function passagesOf(request: DefaultReplyRequest): PromptPassage[] {
  const seen = new Set<string>();
  const passages: PromptPassage[] = [];
  for (const message of request.messages ?? []) {
    if (message.role === 'assistant' || typeof message.content !== 'string') continue;
    if (!message.content.startsWith(CONTEXT_MESSAGE_START)) continue;
    for (const match of message.content.matchAll(PASSAGE)) {
      const id = match[1]!;
      if (seen.has(id)) continue;
      seen.add(id);
      passages.push({ id, text: (match[2] ?? '').trim() });
    }
  }
  return passages;
}

/** The question of `request`: a `Question: …` line, else the last plain user message. */
export function questionOf(request: DefaultReplyRequest): string {
  const users = (request.messages ?? []).filter(
    (m): m is { role: string; content: string } =>
      m.role === 'user' && typeof m.content === 'string',
  );
  for (const message of [...users].reverse()) {
    const line = /^Question: (.*)$/mu.exec(message.content);
    if (line) return line[1]!.trim();
  }
  const plain = users.filter(
    (m) =>
      !m.content.startsWith(CONTEXT_MESSAGE_START) && !m.content.startsWith('Your previous reply'),
  );
  return plain.at(-1)?.content.trim() ?? '';
}

/** The facts a default reply is built from. */
interface Facts {
  passages: PromptPassage[];
  question: string;
}

function answerText({ passages }: Facts): string {
  if (passages.length === 0) return 'The fake model found no passage to answer from.';
  const first = passages[0]!.text.replace(/\s+/gu, ' ').trim();
  const snippet = first.length > 160 ? `${first.slice(0, 157).trimEnd()}...` : first;
  const count = passages.length === 1 ? 'one passage' : `${passages.length} passages`;
  return `The fake model read ${count}. The first says: "${snippet}"`;
}

function searchQuery({ question }: Facts): string {
  const words = question
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
  return [...new Set(words)].join(' ') || 'fake search query';
}

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
};

const CHUNK_ID_LISTS = new Set(['relevantChunkIds', 'citations', 'chunkIds']);

/**
 * A value of `schema`, filled in from what the request holds: the fields Ballast's graph asks
 * for by name (grade: `relevant`, `score`, `relevantChunkIds`; rewrite: `query`; answer:
 * `answer`, `citations`, `grounded`), and the plainest valid value for anything else.
 */
function valueOf(schema: JsonSchema | undefined, facts: Facts, name = ''): unknown {
  if (schema === undefined) return null;
  if ('const' in schema) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const option = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (option) return valueOf(option, facts, name);
  if (schema.allOf?.length) return valueOf(Object.assign({}, ...schema.allOf), facts, name);
  const type = Array.isArray(schema.type)
    ? (schema.type.find((t) => t !== 'null') ?? 'null')
    : (schema.type ?? (schema.properties ? 'object' : 'string'));
  const found = facts.passages.length > 0;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [
          key,
          valueOf(value, facts, key),
        ]),
      );
    case 'array': {
      if (CHUNK_ID_LISTS.has(name)) return facts.passages.map((p) => p.id);
      const min = schema.minItems ?? 0;
      return Array.from({ length: min }, () => valueOf(schema.items, facts));
    }
    case 'string': {
      const text =
        name === 'answer' ? answerText(facts) : name === 'query' ? searchQuery(facts) : 'fake';
      return text.padEnd(schema.minLength ?? 0, '.');
    }
    case 'number':
    case 'integer': {
      const low = schema.minimum ?? (schema.exclusiveMinimum ?? -1) + 1;
      const high = schema.maximum ?? Math.max(low, 1);
      const wanted = name === 'score' ? (found ? 0.9 : 0) : 0;
      const value = Math.min(high, Math.max(low, wanted));
      return type === 'integer' ? Math.ceil(value) : value;
    }
    case 'boolean':
      return name === 'relevant' || name === 'grounded' ? found : true;
    default:
      return null;
  }
}

/** Every field of the graph's structured steps, `answer` first (for JSON mode without a schema). */
const ALL_STEPS: JsonSchema = {
  type: 'object',
  properties: {
    answer: { type: 'string' },
    citations: { type: 'array' },
    grounded: { type: 'boolean' },
    relevant: { type: 'boolean' },
    score: { type: 'number', minimum: 0, maximum: 1 },
    relevantChunkIds: { type: 'array' },
    query: { type: 'string' },
  },
};

/**
 * What the fake answers when a model has no scripted `reply`, `json` or `invalidJson`: a reply
 * valid for the request, so a models file pointed at the fake works without scripting.
 *
 * - `response_format: json_schema`: a JSON value of that schema. Ballast's grade marks every
 *   passage in the prompt relevant; its rewrite gets the question's key words; its answer
 *   cites every passage in the prompt (`grounded: true`), or none with `grounded: false` when
 *   the prompt has no passage. Other schemas get their plainest valid value.
 * - `response_format: json_object`: one object with the fields of all three steps.
 * - a tool call (`toolSchema`): arguments of the tool's parameter schema.
 * - anything else: {@link DEFAULT_REPLY}.
 */
export function defaultReplyFor(request: DefaultReplyRequest, toolSchema?: unknown): string {
  const facts: Facts = { passages: passagesOf(request), question: questionOf(request) };
  const format = request.response_format;
  if (toolSchema !== undefined)
    return JSON.stringify(valueOf({ type: 'object', ...(toolSchema as JsonSchema) }, facts));
  if (format?.type === 'json_schema' && format.json_schema?.schema !== undefined)
    return JSON.stringify(valueOf(format.json_schema.schema as JsonSchema, facts));
  if (format?.type === 'json_schema' || format?.type === 'json_object')
    return JSON.stringify(valueOf(ALL_STEPS, facts));
  return DEFAULT_REPLY;
}
