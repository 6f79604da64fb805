import { SpanKind } from '@opentelemetry/api';
import { BALLAST, GEN_AI } from './semconv.js';
import { capturingContent, contentValue } from './settings.js';
import { inSpan } from './tracer.js';

/** What a `retrieval` span says about one search. */
export interface RetrievalInfo {
  collectionId: string;
  k: number;
  filtered: boolean;
  /** Recorded only with content capture on, redacted. */
  query: string;
}

/**
 * One `retrieval {collection}` span (GenAI conventions; the data source is the collection)
 * around a search; the embedding call and the SQL nest under it.
 */
export function traceRetrieval<T extends readonly unknown[]>(
  info: RetrievalInfo,
  run: () => Promise<T>,
): Promise<T> {
  return inSpan(
    `retrieval ${info.collectionId}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [GEN_AI.operationName]: 'retrieval',
        [GEN_AI.dataSourceId]: info.collectionId,
        [BALLAST.retrievalK]: info.k,
        [BALLAST.retrievalFiltered]: info.filtered,
        ...(capturingContent() ? { [GEN_AI.retrievalQueryText]: contentValue(info.query) } : {}),
      },
    },
    async (span) => {
      const found = await run();
      span.setAttribute(BALLAST.retrievalResults, found.length);
      return found;
    },
  );
}
