import { defineNode } from '../define-node.js';
import { RUN_DEFAULTS } from '../state.js';

const RUN_KEYS = Object.keys(RUN_DEFAULTS) as (keyof typeof RUN_DEFAULTS)[];

/**
 * `begin` opens a run: it resets every per-run field the previous run of the thread left
 * behind. The question arrives validated and redacted (the runs service does both, once, when
 * it is asked), so every checkpoint holds only the redacted question.
 */
export function beginNode() {
  return defineNode('begin', RUN_KEYS, () => Promise.resolve({ ...RUN_DEFAULTS }));
}
