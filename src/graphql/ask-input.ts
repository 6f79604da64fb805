import { AppError } from '../errors.js';
import type { SubmitRunInput } from '../runs/submit-run.js';
import type { AskInput } from './generated/resolvers-types.js';
import { decodeId } from './ids.js';

/** Decodes the ids of an `AskInput`; an id that names nothing is `NOT_FOUND`. */
export function toSubmitRunInput(input: AskInput): Omit<SubmitRunInput, 'requestedBy'> {
  const collectionId = decodeId('Collection', input.collectionId);
  if (!collectionId)
    throw new AppError('NOT_FOUND', 'collection not found', { details: { field: 'collectionId' } });
  let threadId: string | null = null;
  if (input.threadId) {
    threadId = decodeId('Thread', input.threadId);
    if (!threadId)
      throw new AppError('NOT_FOUND', 'thread not found', { details: { field: 'threadId' } });
  }
  return {
    collectionId,
    threadId,
    question: input.question,
    ifBusy: input.ifBusy,
    fromCheckpointId: input.fromCheckpointId,
  };
}
