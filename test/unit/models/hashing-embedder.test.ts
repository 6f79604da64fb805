import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LocalHashingEmbedder } from '../../../src/models/local/hashing-embedder.js';
import { fnv1a } from '../../../src/models/local/hash.js';
import { isStopword, words } from '../../../src/models/local/text.js';
import { generateCorpus } from '../../support/corpus.js';

/** The embedder's definition, written plainly: every feature string built and hashed each time. */
function referenceVector(text: string, dimensions = 384): number[] {
  const features = new Map<string, { weight: number; count: number }>();
  const add = (feature: string, weight: number) => {
    const entry = features.get(feature);
    if (entry) entry.count += 1;
    else features.set(feature, { weight, count: 1 });
  };
  const content = words(text).filter((word) => !isStopword(word));
  content.forEach((word, index) => {
    add(`w:${word}`, 1);
    const next = content[index + 1];
    if (next !== undefined) add(`b:${word} ${next}`, 0.8);
    const padded = `^${word}$`;
    for (const n of [3, 4])
      for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`, 0.35);
  });
  if (features.size === 0) features.set('\u0000empty', { weight: 1, count: 1 });
  const vector = new Float64Array(dimensions);
  for (const [feature, { weight, count }] of features) {
    const bucket = fnv1a(feature, 0x811c9dc5) % dimensions;
    const sign = (fnv1a(feature, 0x5bd1e995) & 1) === 0 ? 1 : -1;
    vector[bucket] = vector[bucket]! + sign * weight * (1 + Math.log(count));
  }
  const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0));
  return Array.from(vector, (v) => v / norm);
}

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

  it('gives exactly the vectors of hashing every feature string each time', async () => {
    const texts = generateCorpus(30, 5).map((d) => d.markdown);
    texts.push('', 'the of and', 'Ünïcödé wörds, twice: wörds wörds', 'a b a b a b');
    for (const dimensions of [384, 64]) {
      const model = new LocalHashingEmbedder({ dimensions });
      // Twice: the second pass is served from the interned tables.
      for (let pass = 0; pass < 2; pass++) {
        const vectors = await model.embed(texts);
        texts.forEach((text, i) => expect(vectors[i]).toEqual(referenceVector(text, dimensions)));
      }
    }
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
