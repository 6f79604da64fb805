import { context } from '@opentelemetry/api';
import { BALLAST } from './semconv.js';
import { contextOfTraceParent } from './trace-parent.js';
import { inSpan } from './tracer.js';

/** What an `ingest batch` span says about one batch of an ingestion job. */
export interface IngestBatchInfo {
  jobId: string;
  /** Documents in the batch. */
  documents: number;
  /** The queue will not retry this batch if it fails. */
  lastAttempt: boolean;
  /**
   * W3C `traceparent` of the operation that submitted the job (`activeTraceParent()` then);
   * the batch starts a trace of its own when it is missing.
   */
  traceParent?: string | undefined;
}

/**
 * One `ingest batch` span around the processing of a batch in a job worker, as a child of the
 * `ingestDocuments` operation that submitted it (maybe in another process, or after a restart),
 * so the operation, the batches, their embedding calls and their SQL are one trace.
 */
export function traceIngestBatch<T>(info: IngestBatchInfo, run: () => Promise<T>): Promise<T> {
  return context.with(contextOfTraceParent(info.traceParent), () =>
    inSpan(
      'ingest batch',
      {
        attributes: {
          [BALLAST.ingestJobId]: info.jobId,
          [BALLAST.ingestDocuments]: info.documents,
          [BALLAST.ingestLastAttempt]: info.lastAttempt,
        },
      },
      run,
    ),
  );
}
