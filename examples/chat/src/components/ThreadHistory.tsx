import { useQuery } from '@apollo/client/react';
import { ThreadRunsQuery } from '../operations.js';
import { ErrorNote } from './ErrorNote.js';

/** The earlier turns of a thread, oldest first, leaving out the run shown live. */
export function ThreadHistory(props: { threadId: string; liveRunId: string | null }) {
  const { data, error } = useQuery(ThreadRunsQuery, { variables: { id: props.threadId } });
  const runs = (data?.thread?.runs.edges ?? [])
    .map((edge) => edge.node)
    .filter((run) => run.id !== props.liveRunId)
    .reverse();
  return (
    <section aria-label="Earlier turns" className="history">
      <ErrorNote error={error} />
      {runs.map((run) => (
        <article key={run.id} className="turn">
          <p className="question">{run.question}</p>
          <p className="answer">
            {run.answer?.text ??
              (run.error ? `${run.error.code}: ${run.error.message}` : run.status)}
          </p>
        </article>
      ))}
    </section>
  );
}
