import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { RunEventsSubscription } from './operations.js';
import { loadProgress, saveProgress } from './progress-store.js';
import { applyRunEvent, initialProgress, isFinished, type RunProgress } from './run-progress.js';

/** Where following the run broke (the socket, or an error the server returned). */
export interface FollowError {
  message: string;
}

/**
 * Follows `runId` with `runEvents`: after a reload, from the seq this tab last processed
 * (`afterSeq`), else from the start. Returns the progress rebuilt so far (null without a run)
 * and why following stopped early, if it did.
 */
export function useRunEvents(runId: string | null): {
  progress: RunProgress | null;
  followError: FollowError | null;
} {
  const client = useApolloClient();
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [followError, setFollowError] = useState<FollowError | null>(null);

  useEffect(() => {
    setFollowError(null);
    if (runId === null) {
      setProgress(null);
      return;
    }
    let current = loadProgress(runId) ?? initialProgress(runId);
    setProgress(current);
    const subscription = client
      .subscribe({
        query: RunEventsSubscription,
        variables: { runId, afterSeq: current.seq },
        fetchPolicy: 'no-cache',
        // Each mount gets its own operation: a deduplicated one that an unmount (React's
        // StrictMode mounts twice) has just closed would complete at once, without events.
        context: { queryDeduplication: false },
      })
      .subscribe({
        next(result) {
          if (result.error) {
            setFollowError({ message: result.error.message });
            return;
          }
          const event = result.data?.runEvents;
          if (!event) return;
          current = applyRunEvent(current, event);
          saveProgress(current);
          setProgress(current);
        },
        error(error: unknown) {
          setFollowError({ message: error instanceof Error ? error.message : String(error) });
        },
        complete() {
          if (!isFinished(current)) setFollowError({ message: 'the event stream ended early' });
        },
      });
    return () => subscription.unsubscribe();
  }, [client, runId]);

  return { progress, followError };
}
