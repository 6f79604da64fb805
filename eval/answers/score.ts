import { normalized, type CorpusDocument, type EvalQuestion } from './questions.js';

/** A cited chunk, as the eval reads it back: its document's title and heading path. */
export interface CitedChunk {
  document: string;
  headingPath: string[];
}

/** What a run answered. */
export interface EvalAnswer {
  text: string;
  grounded: boolean;
  citations: CitedChunk[];
  /** `TokenDelta` events the run's answer arrived in. */
  tokenDeltas: number;
}

/** How one answer scored. */
export interface AnswerScore {
  /** Every expected fact is in the answer (answerable questions); a refusal (unanswerable ones). */
  factsFound: boolean;
  /**
   * Cites the expected section and nothing outside the expected document (answerable); cites
   * nothing and says it cannot answer (unanswerable).
   */
  rightCitation: boolean;
  /** Citations in the expected document, of all citations; null without citations. */
  citationPrecision: number | null;
  /** The answer contains a Markdown heading (`# Title`), inline or on its own line. */
  echoesHeading: boolean;
  /** A code line of the corpus appears in the answer, but not on a line of its own. */
  flattensCode: boolean;
}

const HEADING = /(?:^|\s)#{1,6} \S/u;

const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The lines of every fenced code block of the corpus that are long enough to be telling. */
export function codeLines(corpus: readonly CorpusDocument[]): string[] {
  const lines: string[] = [];
  for (const { markdown } of corpus) {
    let inFence = false;
    for (const line of markdown.split('\n')) {
      if (line.trimStart().startsWith('```')) inFence = !inFence;
      else if (inFence && line.trim().length >= 12) lines.push(line.trim());
    }
  }
  return lines;
}

/** Scores one answer against its question; `code` from {@link codeLines}. */
export function scoreAnswer(
  question: EvalQuestion,
  answer: EvalAnswer,
  code: readonly string[],
): AnswerScore {
  const text = normalized(answer.text.replaceAll('`', ''));
  const inDocument = answer.citations.filter(
    (cited) => question.document !== null && sameTitle(cited.document, question.document),
  );
  const citesSection = inDocument.some((cited) =>
    cited.headingPath.some((heading) => sameTitle(heading, question.section ?? '')),
  );
  const answerLines = new Set(answer.text.split('\n').map((line) => line.trim()));
  const common = {
    citationPrecision:
      answer.citations.length === 0 ? null : inDocument.length / answer.citations.length,
    echoesHeading: HEADING.test(answer.text),
    flattensCode: code.some((line) => answer.text.includes(line) && !answerLines.has(line)),
  };
  if (question.document === null) {
    const refused = !answer.grounded;
    return {
      ...common,
      factsFound: refused,
      rightCitation: refused && answer.citations.length === 0,
    };
  }
  const factsFound = question.facts.every((fact) =>
    (typeof fact === 'string' ? [fact] : fact).some((option) => text.includes(normalized(option))),
  );
  return {
    ...common,
    factsFound,
    rightCitation: citesSection && inDocument.length === answer.citations.length,
  };
}

/** Rates over a set of scored answers. */
export interface EvalSummary {
  questions: number;
  answerable: number;
  /** Answerable questions whose answer holds every expected fact. */
  factInAnswerRate: number;
  /** Answerable questions whose answer cites the expected section and only its document. */
  rightCitationRate: number;
  /** Both at once. */
  correctRate: number;
  /** Unanswerable questions answered with a refusal and no citation. */
  refusalRate: number;
  /** Mean of {@link AnswerScore.citationPrecision} over answers with citations. */
  meanCitationPrecision: number;
  headingEchoes: number;
  flattenedCode: number;
  /** Median of `TokenDelta` events per answer. */
  medianTokenDeltas: number;
}

const median = (sorted: readonly number[]): number => {
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const rate = (hits: number, total: number) =>
  total === 0 ? 0 : Math.round((hits / total) * 1000) / 1000;

/** Summarises `scored`, pairs of a question and its answer's score. */
export function summarize(
  scored: readonly { question: EvalQuestion; answer: EvalAnswer; score: AnswerScore }[],
): EvalSummary {
  const answerable = scored.filter((entry) => entry.question.document !== null);
  const unanswerable = scored.filter((entry) => entry.question.document === null);
  const precisions = scored.flatMap((entry) =>
    entry.score.citationPrecision === null ? [] : [entry.score.citationPrecision],
  );
  const deltas = scored.map((entry) => entry.answer.tokenDeltas).sort((a, b) => a - b);
  const count = (entries: typeof scored, test: (s: AnswerScore) => boolean) =>
    entries.filter((entry) => test(entry.score)).length;
  return {
    questions: scored.length,
    answerable: answerable.length,
    factInAnswerRate: rate(
      count(answerable, (s) => s.factsFound),
      answerable.length,
    ),
    rightCitationRate: rate(
      count(answerable, (s) => s.rightCitation),
      answerable.length,
    ),
    correctRate: rate(
      count(answerable, (s) => s.factsFound && s.rightCitation),
      answerable.length,
    ),
    refusalRate: rate(
      count(unanswerable, (s) => s.rightCitation),
      unanswerable.length,
    ),
    meanCitationPrecision: rate(
      precisions.reduce((sum, p) => sum + p, 0),
      precisions.length,
    ),
    headingEchoes: count(scored, (s) => s.echoesHeading),
    flattenedCode: count(scored, (s) => s.flattensCode),
    medianTokenDeltas: median(deltas),
  };
}
