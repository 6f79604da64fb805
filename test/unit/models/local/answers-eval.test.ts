import { describe, expect, it } from 'vitest';
import { loadCorpus, loadQuestions } from '../../../../eval/answers/questions.js';
import { codeLines, scoreAnswer, summarize } from '../../../../eval/answers/score.js';

const corpus = loadCorpus();
const questions = loadQuestions(corpus);
const code = codeLines(corpus);
const question = (id: string) => questions.find((q) => q.id === id)!;
const cited = (document: string, ...headingPath: string[]) => ({ document, headingPath });

describe('the answers evaluation', () => {
  it('has a corpus of real-looking documents and questions whose facts are in them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(8);
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.some((q) => q.document === null)).toBe(true);
  });

  it('scores facts, citations, heading echoes and flattened code', () => {
    const q = question('oncall-4');
    const right = scoreAnswer(
      q,
      {
        text: 'Restart it:\n```bash\nkubectl rollout restart deployment/api -n production\n```',
        grounded: true,
        citations: [cited('oncall-runbook', 'On-Call Runbook', 'Useful Commands')],
        tokenDeltas: 9,
      },
      code,
    );
    expect(right).toEqual({
      factsFound: true,
      rightCitation: true,
      citationPrecision: 1,
      echoesHeading: false,
      flattensCode: false,
    });
    const wrong = scoreAnswer(
      q,
      {
        text: '## Useful Commands ```bash kubectl rollout restart deployment/api -n production ```',
        grounded: true,
        citations: [cited('oncall-runbook', 'Useful Commands'), cited('leave-policy', 'Leave')],
        tokenDeltas: 1,
      },
      code,
    );
    expect(wrong).toMatchObject({
      factsFound: true,
      rightCitation: false,
      citationPrecision: 0.5,
      echoesHeading: true,
    });
  });

  it('counts a refusal without citations as right on an unanswerable question', () => {
    const q = question('none-1');
    const refusal = { text: 'I cannot answer.', grounded: false, citations: [], tokenDeltas: 3 };
    const score = scoreAnswer(q, refusal, code);
    expect(score).toMatchObject({ factsFound: true, rightCitation: true });
    expect(summarize([{ question: q, answer: refusal, score }])).toMatchObject({
      refusalRate: 1,
      medianTokenDeltas: 3,
    });
  });
});
