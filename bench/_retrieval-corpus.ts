// A text-like corpus for the retrieval bench: chunks of generated prose with a two-level topic
// structure (domains → topics) over Zipf-distributed vocabularies, so that embeddings form the
// nested, overlapping clusters real documents do, instead of the structureless cloud of
// uniformly random vectors. Deterministic: the same seed gives the same text.

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w'];
const CLUSTERS = ['br', 'cl', 'dr', 'fl', 'gr', 'pl', 'pr', 'sc', 'sp', 'st', 'tr', 'ch', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'rk', 'ng'];
const SUFFIXES = ['', '', '', 'tion', 'ment', 'ing', 'er', 'al', 'ity', 'ive', 'ness', 'ure'];
const GLUE = (
  'the a an of to in for on with by from as at and or but that which this these is are was ' +
  'be has have will should can may must not each every our their its more most some'
).split(' ');

/** Unique pseudo-words: syllables, so related spellings share character n-grams. */
function makeWords(next: () => number, count: number, taken: Set<string>): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const out: string[] = [];
  while (out.length < count) {
    const syllables = 1 + Math.floor(next() * 3);
    let word = '';
    for (let s = 0; s < syllables; s++) {
      word += (next() < 0.25 ? pick(CLUSTERS) : pick(ONSETS)) + pick(VOWELS);
    }
    word += pick(CODAS) + pick(SUFFIXES);
    if (word.length < 3 || taken.has(word)) continue;
    taken.add(word);
    out.push(word);
  }
  return out;
}

/** Index into a Zipf(s≈1) distribution over `n` ranks, from a uniform draw. */
function zipfIndex(u: number, n: number): number {
  // Inverse CDF of the continuous 1/x law on [1, n + 1): rank = (n + 1)^u - 1.
  return Math.min(n - 1, Math.floor(Math.pow(n + 1, u)) - 1);
}

/** Shape of a {@link TextCorpus}. */
export interface TextCorpusOptions {
  /** Broad subject areas, each with its own vocabulary. Default: 12. */
  domains?: number;
  /** Topics, spread over the domains; a chunk's `topic`. Default: 100 (so one topic ≈ 1%). */
  topics?: number;
  seed?: number;
}

/** A document's identity in the corpus: its topic and the terms it keeps coming back to. */
export interface CorpusDocumentPlan {
  topic: number;
  /** Terms of this document (drawn from its topic and domain, plus a few of its own names). */
  terms: string[];
}

/** Word sources and their shares in a sentence. */
interface Mix {
  glue: number;
  general: number;
  domain: number;
  topic: number;
  document: number;
}

const CHUNK_MIX: Mix = { glue: 0.2, general: 0.25, domain: 0.15, topic: 0.2, document: 0.2 };
const QUERY_MIX: Mix = { glue: 0.15, general: 0.15, domain: 0.15, topic: 0.25, document: 0.3 };
const TOPIC_QUERY_MIX: Mix = { glue: 0.15, general: 0.2, domain: 0.25, topic: 0.4, document: 0 };

/**
 * Generator of documents, chunks and queries over one fixed vocabulary, nested the way prose
 * is: a general vocabulary shared by everything (Zipf), one per domain, a smaller one per
 * topic, and per document a handful of recurring terms (names, the subject it is about). A
 * chunk mixes all of these with function words; its nearest neighbours are its own document's
 * chunks, then its topic's, then its domain's — a long, graded neighbourhood, as with real text.
 */
export class TextCorpus {
  readonly topics: readonly string[];
  private readonly seed: number;
  private readonly general: string[];
  private readonly domainWords: string[][];
  private readonly topicWords: string[][];
  private readonly topicDomain: number[];
  private readonly names: string[];

  constructor(options: TextCorpusOptions = {}) {
    this.seed = options.seed ?? 20_240_601;
    const next = seededRandom(this.seed);
    const taken = new Set<string>(GLUE);
    const domains = options.domains ?? 12;
    const topics = options.topics ?? 100;
    this.general = makeWords(next, 3000, taken);
    this.domainWords = Array.from({ length: domains }, () => makeWords(next, 250, taken));
    this.topicWords = Array.from({ length: topics }, () => makeWords(next, 80, taken));
    this.topicDomain = Array.from({ length: topics }, (_, t) => t % domains);
    this.names = makeWords(next, 20_000, taken);
    this.topics = Array.from({ length: topics }, (_, t) => `topic-${String(t).padStart(3, '0')}`);
  }

  /** Document number `index`: the same index always gives the same plan. */
  document(index: number): CorpusDocumentPlan {
    const next = seededRandom(this.seed ^ Math.imul(index + 1, 0x9e3779b1));
    const topic = Math.floor(next() * this.topics.length);
    const own = this.topicWords[topic]!;
    const domain = this.domainWords[this.topicDomain[topic]!]!;
    const terms = [
      ...Array.from({ length: 6 }, () => own[zipfIndex(next(), own.length)]!),
      ...Array.from({ length: 3 }, () => domain[zipfIndex(next(), domain.length)]!),
      ...Array.from({ length: 3 }, () => this.names[Math.floor(next() * this.names.length)]!),
    ];
    return { topic, terms };
  }

  /** One sentence of `words` words drawn with `mix`; `terms` are the document's own terms. */
  private sentence(next: () => number, topic: number, terms: string[], words: number, mix: Mix) {
    const domain = this.domainWords[this.topicDomain[topic]!]!;
    const own = this.topicWords[topic]!;
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      let r = next();
      const u = next();
      if ((r -= mix.glue) < 0) out.push(GLUE[Math.floor(u * GLUE.length)]!);
      else if ((r -= mix.general) < 0) out.push(this.general[zipfIndex(u, this.general.length)]!);
      else if ((r -= mix.domain) < 0) out.push(domain[zipfIndex(u, domain.length)]!);
      else if ((r -= mix.topic) < 0 || terms.length === 0) out.push(own[zipfIndex(u, own.length)]!);
      else out.push(terms[Math.floor(u * terms.length)]!);
    }
    const text = out.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  }

  /**
   * Chunk `ordinal` of `plan`: 4–8 sentences (≈ 50–100 words). Each chunk dwells on its own
   * section's subset of the document's terms, as sections of a document do.
   */
  chunk(next: () => number, plan: CorpusDocumentPlan, ordinal: number): string {
    const section = plan.terms.filter((_, i) => (i + ordinal) % 3 !== 0);
    const sentences = 4 + Math.floor(next() * 5);
    return Array.from({ length: sentences }, () =>
      this.sentence(next, plan.topic, section, 8 + Math.floor(next() * 9), CHUNK_MIX),
    ).join(' ');
  }

  /**
   * A question-length query (8–20 words): about one document's subject (a user asking after
   * something specific) or, with `plan.terms` empty, about a topic in general.
   */
  query(next: () => number, plan: CorpusDocumentPlan): string {
    const mix = plan.terms.length > 0 ? QUERY_MIX : TOPIC_QUERY_MIX;
    return this.sentence(next, plan.topic, plan.terms, 8 + Math.floor(next() * 13), mix);
  }
}
