import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LocalHashingEmbedder } from '../../../src/models/local/hashing-embedder.js';

const cosine = (a: number[], b: number[]): number =>
  a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
const norm = (v: number[]): number => Math.sqrt(cosine(v, v));

describe('LocalHashingEmbedder', () => {
  const embedder = new LocalHashingEmbedder();

  it('defaults to 384 dimensions and honours a configured size', async () => {
    const [vector] = await embedder.embed(['circuit breakers stop cascading failures']);
    expect(vector).toHaveLength(384);
    const [small] = await new LocalHashingEmbedder({ dimensions: 64 }).embed(['hello']);
    expect(small).toHaveLength(64);
  });

  it('is deterministic, also across instances', async () => {
    const text = 'Retries use exponential backoff with jitter.';
    const [a] = await embedder.embed([text]);
    const [b] = await new LocalHashingEmbedder().embed([text]);
    expect(a).toEqual(b);
  });

  it('gives the same vector in another process', () => {
    // Stored pgvector rows and other replicas depend on this.
    const text = 'pgvector stores embeddings';
    const moduleUrl = new URL('../../../src/models/local/hashing-embedder.ts', import.meta.url)
      .href;
    const script =
      `const { LocalHashingEmbedder } = await import(${JSON.stringify(moduleUrl)});` +
      `process.stdout.write(JSON.stringify(new LocalHashingEmbedder().embedOne(${JSON.stringify(text)})));`;
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(output)).toEqual(embedder.embedOne(text));
  });

  it('returns unit vectors, including for texts without words', async () => {
    const vectors = await embedder.embed(['a short text', 'the of and', '', 'ünïcödé wörds ok']);
    for (const vector of vectors) expect(norm(vector)).toBeCloseTo(1, 10);
  });

  it('puts similar texts closer than unrelated ones', () => {
    const base = embedder.embedOne('The circuit breaker opens after five consecutive failures.');
    const similar = embedder.embedOne('After 5 failures in a row the circuit breaker is opened.');
    const unrelated = embedder.embedOne('Bake the bread at two hundred degrees for forty minutes.');
    expect(cosine(base, similar)).toBeGreaterThan(cosine(base, unrelated) + 0.2);
  });

  it('relates word forms through character n-grams', () => {
    const retries = embedder.embedOne('retries');
    expect(cosine(retries, embedder.embedOne('retrying'))).toBeGreaterThan(
      cosine(retries, embedder.embedOne('database')),
    );
  });

  it('stops when the signal is aborted', async () => {
    await expect(embedder.embed(['x'], { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});
