/** Status of a run. */
export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** A cited chunk of an answer. */
export interface CitationRecord {
  chunkId: string;
  documentId: string;
}

/** The answer of a finished run, as stored in `runs.answer`. */
export interface AnswerRecord {
  text: string;
  citations: CitationRecord[];
  model: string;
  fallbackPath: string[];
  cached: boolean;
  grounded: boolean;
  usage?: { inputTokens: number; outputTokens: number } | null;
}

/** A `runs` row as the GraphQL layer receives it. */
export interface RunRow {
  id: string;
  workspace_id: string;
  thread_id: string;
  collection_id: string;
  status: RunStatus;
  question: string;
  from_checkpoint_id: string | null;
  answer: AnswerRecord | null;
  error_code: string | null;
  error_message: string | null;
  trace_id: string | null;
  cancel_requested: boolean;
  attempts: number;
  lease_until: Date | null;
  /** Who asked (`key:<id>`, `jwt:<sub>`, `open`), for token budgets. */
  requested_by: string | null;
  /** Tokens reserved on the budgets when it was asked; its end replaces them by its usage. */
  reserved_tokens: number;
  last_seq: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** The columns of {@link RunRow}. */
export const RUN_COLUMNS = `id, workspace_id, thread_id, collection_id, status, question,
  from_checkpoint_id, answer, error_code, error_message, trace_id, cancel_requested, attempts,
  lease_until, requested_by, reserved_tokens, last_seq, created_at, started_at, finished_at`;

/** True once a run changes no more. */
export function isRunFinished(status: RunStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}

/** A `threads` row. */
export interface ThreadRow {
  id: string;
  workspace_id: string;
  collection_id: string;
  created_at: Date;
  last_activity_at: Date;
}

/** One message of a thread's conversation, as `Thread.messages` lists it. */
export interface MessageRecord {
  role: 'USER' | 'ASSISTANT';
  text: string;
  /** The run of the turn (a raw uuid): `Message.run` loads it. */
  runId: string;
  at: Date;
}

/** Name of the pg-boss queue of runs. */
export const RUN_QUEUE = 'run';

/** Payload of one queued run. */
export interface RunJobPayload {
  runId: string;
}
