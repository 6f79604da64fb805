// A deterministic, text-like corpus: documents of sections of sentences drawn from topic
// vocabularies, so embeddings cluster by topic the way real prose does.
const TOPICS = {
  leave: [
    'annual',
    'leave',
    'holiday',
    'parental',
    'weeks',
    'days',
    'approval',
    'manager',
    'calendar',
    'absence',
  ],
  security: [
    'password',
    'rotation',
    'two-factor',
    'laptop',
    'encryption',
    'phishing',
    'badge',
    'incident',
    'access',
    'vpn',
  ],
  expenses: [
    'receipt',
    'travel',
    'hotel',
    'mileage',
    'reimbursement',
    'invoice',
    'budget',
    'approval',
    'currency',
    'portal',
  ],
  onboarding: [
    'welcome',
    'mentor',
    'training',
    'orientation',
    'account',
    'desk',
    'checklist',
    'introduction',
    'team',
    'goals',
  ],
  benefits: [
    'pension',
    'insurance',
    'dental',
    'wellness',
    'gym',
    'allowance',
    'enrolment',
    'dependants',
    'coverage',
    'claim',
  ],
} as const;
const GLUE = ['the', 'every', 'a', 'our', 'each', 'new', 'current', 'local', 'shared', 'annual'];
const VERBS = [
  'requires',
  'covers',
  'includes',
  'follows',
  'needs',
  'supports',
  'limits',
  'starts with',
];

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** One sentence about `topic`. */
export function sentence(next: () => number, topic: keyof typeof TOPICS): string {
  const words = TOPICS[topic];
  const text = `${pick(next, GLUE)} ${pick(next, words)} ${pick(next, VERBS)} ${pick(next, GLUE)} ${pick(next, words)} and ${pick(next, words)} for ${pick(next, words)}`;
  return text[0]!.toUpperCase() + text.slice(1) + '.';
}

/** A generated document, as `ingestDocuments` takes it. */
export interface CorpusDocument {
  title: string;
  sourceUri: string;
  markdown: string;
  metadata: { topic: string; index: number };
}

/** `count` Markdown documents of three sections each; the same arguments give the same corpus. */
export function generateCorpus(count: number, seed = 7): CorpusDocument[] {
  const next = random(seed);
  const topics = Object.keys(TOPICS) as (keyof typeof TOPICS)[];
  return Array.from({ length: count }, (_, index) => {
    const topic = topics[index % topics.length]!;
    const sections = [1, 2, 3].map((n) => {
      const body = Array.from({ length: 4 + Math.floor(next() * 4) }, () =>
        sentence(next, topic),
      ).join(' ');
      return `## ${topic} part ${n}\n${body}`;
    });
    return {
      title: `${topic} guide ${index}`,
      sourceUri: `corpus://${index}`,
      markdown: `# ${topic} guide ${index}\n\n${sections.join('\n\n')}`,
      metadata: { topic, index },
    };
  });
}
