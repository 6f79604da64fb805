import type { ServerResponse } from 'node:http';
import type { FakeBehaviour } from './behaviours.js';
import { sendJson } from './http-utils.js';

/** The parts of an embeddings request the fake reads. */
export interface EmbeddingsBody {
  model?: string;
  input?: string | string[];
  dimensions?: number;
}

/** Default vector length when the request names none. */
export const DEFAULT_FAKE_DIMENSIONS = 8;

/** A deterministic unit vector for `text` (xorshift seeded by FNV-1a): same text, same vector. */
export function fakeVector(text: string, dimensions: number): number[] {
  let state = 0x811c9dc5;
  for (let i = 0; i < text.length; i++)
    state = Math.imul(state ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const vector = Array.from({ length: dimensions }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0xffffffff - 0.5;
  });
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

/** Answers one `/v1/embeddings` request. */
export function answerEmbeddings(
  res: ServerResponse,
  body: EmbeddingsBody,
  behaviour: FakeBehaviour,
): void {
  const inputs = typeof body.input === 'string' ? [body.input] : (body.input ?? []);
  const dimensions = behaviour.embeddingDimensions ?? body.dimensions ?? DEFAULT_FAKE_DIMENSIONS;
  sendJson(res, 200, {
    object: 'list',
    model: body.model ?? 'fake-embedding',
    data: inputs.map((input, index) => ({
      object: 'embedding',
      index,
      embedding: fakeVector(input, dimensions),
    })),
    usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
  });
}
