import type { RunEventWriter } from './event-writer.js';

/**
 * The runs executing in this process, by id: lets a subscriber in the same process read
 * events from memory the moment they are stored, and a cancel reach the run's abort signal.
 */
export class ActiveRuns {
  readonly #runs = new Map<string, { writer: RunEventWriter; abort: AbortController }>();

  /** Registers a run that starts executing here. */
  add(writer: RunEventWriter, abort: AbortController): void {
    this.#runs.set(writer.runId, { writer, abort });
  }

  /** Forgets a run that stopped executing here. */
  delete(runId: string): void {
    this.#runs.delete(runId);
  }

  /** The event writer of a run executing here, if any. */
  writer(runId: string): RunEventWriter | undefined {
    return this.#runs.get(runId)?.writer;
  }

  /** Aborts a run executing here with `reason`; false when it is not here. */
  abort(runId: string, reason: unknown): boolean {
    const run = this.#runs.get(runId);
    run?.abort.abort(reason);
    return run !== undefined;
  }

  /** Aborts every run executing here (process shutdown). */
  abortAll(reason: unknown): void {
    for (const run of this.#runs.values()) run.abort.abort(reason);
  }

  get size(): number {
    return this.#runs.size;
  }
}
