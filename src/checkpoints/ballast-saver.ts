import type { RunnableConfig } from '@langchain/core/runnables';
import type { Checkpoint, CheckpointMetadata } from '@langchain/langgraph';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type pg from 'pg';
import { batchedStatements } from './batched-sql.js';

type WriteRow = [string, string, string, string, number, string, string, Uint8Array];
type ChannelVersions = Parameters<PostgresSaver['put']>[3];
type PendingWrite = Parameters<PostgresSaver['putWrites']>[1][number];

/**
 * `PostgresSaver` with two changes, each checked by LangGraph's conformance suite.
 *
 * **Branch-safe versions.** The stock saver numbers channel versions 1, 2, 3… and stores values
 * keyed by (thread, namespace, channel, version) with `ON CONFLICT DO NOTHING`. A run forked
 * from an earlier checkpoint counts up to the same numbers as the branch it leaves, so its values
 * are silently dropped and reading the fork returns the old branch's. As in LangGraph's Python
 * saver (`"{n:032}.{random}"`), each version here has a random part: `floor(current) + 1 +
 * random()` still orders correctly and stays the plain number the saver's type requires.
 *
 * **One statement per call.** The stock `put` and `putWrites` send one `INSERT` per blob or
 * write inside `BEGIN`/`COMMIT` — about 90 statements for a seven-node run, which on PGlite's
 * single connection queue behind every other query. Here each call is one statement (a CTE
 * is atomic on its own), with the same conflict handling.
 */
export class BallastPostgresSaver extends PostgresSaver {
  readonly #pool: pg.Pool;
  readonly #sql: ReturnType<typeof batchedStatements>;

  constructor(pool: pg.Pool, options: { schema: string }) {
    super(pool, undefined, options);
    this.#pool = pool;
    this.#sql = batchedStatements(options.schema);
  }

  override getNextVersion(current: number | undefined): number {
    return Math.floor(current ?? 0) + 1 + Math.random();
  }

  override async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    if (config.configurable === undefined) throw new Error('Missing "configurable" in config');
    const {
      thread_id: threadId,
      checkpoint_ns: ns = '',
      checkpoint_id: parentId,
    } = config.configurable;
    const [blobs, dumpedMetadata] = await Promise.all([
      this._dumpBlobs(threadId, ns, checkpoint.channel_values, newVersions),
      this._dumpMetadata(metadata),
    ]);
    await this.#pool.query(this.#sql.put, [
      threadId,
      ns,
      blobs.map((row) => row[2]),
      blobs.map((row) => row[3]),
      blobs.map((row) => row[4]),
      blobs.map((row) => row[5] ?? null),
      checkpoint.id,
      parentId ?? null,
      this._dumpCheckpoint(checkpoint),
      dumpedMetadata,
    ]);
    return {
      configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: checkpoint.id },
    };
  }

  override async putWrites(
    config: RunnableConfig,
    writes: PendingWrite[],
    taskId: string,
  ): Promise<void> {
    const {
      thread_id: threadId,
      checkpoint_ns: ns = '',
      checkpoint_id: checkpointId,
    } = config.configurable ?? {};
    const rows: WriteRow[] = await this._dumpWrites(threadId, ns, checkpointId, taskId, writes);
    if (rows.length === 0) return;
    // The stock saver upserts only when every write is to a special channel (error, interrupt,
    // resume…), which are exactly the writes dumped with a negative index.
    const upsert = rows.every((row) => row[4] < 0);
    // One statement cannot update a row twice: for upserts the last write of an index wins,
    // as it did row by row.
    const unique = upsert ? [...new Map(rows.map((row) => [row[4], row])).values()] : rows;
    await this.#pool.query(upsert ? this.#sql.upsertWrites : this.#sql.insertWrites, [
      threadId,
      ns,
      checkpointId,
      taskId,
      unique.map((row) => row[4]),
      unique.map((row) => row[5]),
      unique.map((row) => row[6]),
      unique.map((row) => row[7]),
    ]);
  }
}
