import { AppError } from '../errors.js';

/**
 * The `afterSeq` argument of `runEvents` and `Run.events`: the last `seq` a client processed.
 * @returns it, or 0 (from the first event) when not given.
 * @throws {AppError} `BAD_USER_INPUT` on field `afterSeq` when it is negative.
 */
export function afterSeqArgument(afterSeq: number | null | undefined): number {
  if (afterSeq != null && afterSeq < 0) {
    throw new AppError('BAD_USER_INPUT', 'afterSeq must not be negative', {
      details: { field: 'afterSeq' },
    });
  }
  return afterSeq ?? 0;
}
