import { useSubscription } from '@apollo/client/react';
import { IngestJobUpdatesSubscription } from '../operations.js';
import { ErrorNote } from './ErrorNote.js';

/** One ingestion job followed live with `ingestJobUpdates` until it ends. */
export function IngestProgress(props: { jobId: string; title: string; onEnd(): void }) {
  const { data, error } = useSubscription(IngestJobUpdatesSubscription, {
    variables: { id: props.jobId },
    onData: ({ data: update }) => {
      const status = update.data?.ingestJobUpdates.status;
      if (status === 'SUCCEEDED' || status === 'FAILED') props.onEnd();
    },
  });
  const job = data?.ingestJobUpdates;
  return (
    <li className="job" data-status={job?.status ?? 'QUEUED'}>
      <strong>{props.title}</strong>: {job?.status ?? 'QUEUED'}
      {job && (
        <>
          {' '}
          <progress
            max={Math.max(job.documentsTotal, 1)}
            value={job.documentsDone + job.documentsFailed}
            aria-label={`${props.title}: documents processed`}
          />{' '}
          {job.documentsDone}/{job.documentsTotal} documents, {job.chunksTotal} chunks
          {job.piiRedacted.length > 0 &&
            `, redacted ${job.piiRedacted.map((p) => `${p.count} ${p.type}`).join(', ')}`}
          {job.errors.map((e) => (
            <p key={e.documentIndex} role="alert" className="error">
              {e.title}: {e.code}: {e.message}
            </p>
          ))}
        </>
      )}
      <ErrorNote error={error} />
    </li>
  );
}
