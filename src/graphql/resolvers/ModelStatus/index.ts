import { toFallbackReason } from '../../../../graphs/agentic-rag/fallback-reasons.js';
import type { ModelStatusResolvers } from '../../generated/resolvers-types.js';

/** `ModelStatus`: a model's live status; its failure code as a `FallbackReason`. */
export const ModelStatus: ModelStatusResolvers = {
  lastErrorCode: (status) =>
    status.lastErrorCode === null ? null : toFallbackReason(status.lastErrorCode),
};
