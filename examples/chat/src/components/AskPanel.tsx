import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { AskMutation, CancelRunMutation, ThreadRunsQuery, ThreadsQuery } from '../operations.js';
import { useRunEvents } from '../use-run-events.js';
import { AnswerView } from './AnswerView.js';
import { ErrorNote } from './ErrorNote.js';
import { ThreadHistory } from './ThreadHistory.js';

/** The question box, the run being followed (re-joined after a reload), and cancel. */
export function AskPanel(props: {
  collectionId: string;
  threadId: string | null;
  runId: string | null;
  onAsked(runId: string, threadId: string | null): void;
}) {
  const client = useApolloClient();
  const [question, setQuestion] = useState('');
  const [ask, asked] = useMutation(AskMutation, { refetchQueries: [ThreadsQuery] });
  const [cancel, cancelled] = useMutation(CancelRunMutation);
  const { progress, followError } = useRunEvents(props.runId);
  const streaming = progress?.status === 'streaming';
  const liveQuestion = useLiveQuestion(props.threadId, props.runId);

  // Once the run ends, the thread list and the thread's turns have changed.
  const status = progress?.status;
  useEffect(() => {
    if (status && status !== 'streaming') {
      void client.refetchQueries({ include: [ThreadsQuery, ThreadRunsQuery] });
    }
  }, [client, status]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      collectionId: props.collectionId,
      question,
      ...(props.threadId ? { threadId: props.threadId } : {}),
    };
    const result = await ask({ variables: { input } }).catch(() => null);
    const run = result?.data?.ask;
    if (!run) return;
    setQuestion('');
    props.onAsked(run.id, run.thread?.id ?? null);
  }

  return (
    <main aria-labelledby="conversation-heading">
      <h2 id="conversation-heading">{props.threadId ? 'Conversation' : 'New conversation'}</h2>
      {props.threadId && <ThreadHistory threadId={props.threadId} liveRunId={props.runId} />}
      {progress && <AnswerView question={liveQuestion} progress={progress} />}
      <ErrorNote error={followError ? new Error(followError.message) : null} />
      <form onSubmit={submit} className="ask">
        <label htmlFor="question">Your question</label>
        <textarea
          id="question"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          required
          maxLength={4000}
          rows={3}
        />
        <button type="submit" disabled={asked.loading || streaming}>
          Ask
        </button>
        {streaming && props.runId && (
          <button
            type="button"
            disabled={cancelled.loading}
            onClick={() => void cancel({ variables: { id: props.runId! } }).catch(() => null)}
          >
            Cancel
          </button>
        )}
      </form>
      <ErrorNote error={asked.error ?? cancelled.error} />
    </main>
  );
}

/** The followed run's question, read from its thread (so a reload shows it too). */
function useLiveQuestion(threadId: string | null, runId: string | null): string | null {
  const { data } = useQuery(ThreadRunsQuery, {
    variables: { id: threadId ?? '' },
    skip: threadId === null || runId === null,
  });
  return data?.thread?.runs.edges.find((edge) => edge.node.id === runId)?.node.question ?? null;
}
