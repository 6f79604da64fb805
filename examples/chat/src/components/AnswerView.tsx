import type { RunProgress } from '../run-progress.js';

const STATUS_TEXT: Record<RunProgress['status'], string> = {
  streaming: 'Answering…',
  completed: 'Answered',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/**
 * A run's answer as it streams, then its citations (document title and heading path; the
 * schema's Citation has no page number). The answer region is `aria-live`, marked busy while
 * tokens arrive so that screen readers read it once rather than token by token; model
 * fallbacks are announced in their own live list.
 */
export function AnswerView(props: { question: string | null; progress: RunProgress }) {
  const { progress } = props;
  const citations = progress.answer?.citations.flatMap((c) => (c.chunk ? [c.chunk] : [])) ?? [];
  return (
    <section aria-labelledby="answer-heading" className="turn live">
      {props.question && <p className="question">{props.question}</p>}
      <h2 id="answer-heading" className="visually-hidden">
        Answer
      </h2>
      <p className="run-status" data-status={progress.status}>
        {STATUS_TEXT[progress.status]}
        {progress.answer && ` by ${progress.answer.model}`}
        {progress.answer?.cached && ' (cached)'}
      </p>
      <ul aria-live="polite" aria-label="Model fallbacks" className="fallbacks">
        {progress.fallbacks.map((f) => (
          <li key={f.seq}>
            Model {f.fromModel} failed ({f.reason}):{' '}
            {f.toModel === f.fromModel ? 'retrying' : `moving to ${f.toModel}`}
            {f.restart && ', answer restarted'}
          </li>
        ))}
      </ul>
      <div
        id="answer"
        className="answer"
        aria-live="polite"
        aria-busy={progress.status === 'streaming'}
        data-status={progress.status}
      >
        {progress.text}
      </div>
      {progress.error && (
        <p role="alert" className="error">
          {progress.error.code}: {progress.error.message}
        </p>
      )}
      {citations.length > 0 && (
        <ol aria-label="Citations" className="citations">
          {citations.map((chunk) => (
            <li key={chunk.id} className="citation">
              <cite>{chunk.document?.title ?? 'deleted document'}</cite>
              {chunk.headingPath.length > 0 && <span> › {chunk.headingPath.join(' › ')}</span>}
              {chunk.pages.length > 0 && <span>, {pageLabel(chunk.pages)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "p. 12" or "pp. 12–13" for the pages a citation spans. */
function pageLabel(pages: readonly number[]): string {
  const first = pages[0];
  const last = pages[pages.length - 1];
  return first === last ? `p. ${first}` : `pp. ${first}–${last}`;
}
