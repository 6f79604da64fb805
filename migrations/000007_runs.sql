-- A thread is a conversation over one collection; its LangGraph checkpoints use thread_id = id.
CREATE TABLE threads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  collection_id uuid NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_activity_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  thread_id uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  collection_id uuid NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'QUEUED'
    CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
  -- Redacted at the edge: raw PII never reaches this table.
  question text NOT NULL,
  -- Start from this earlier checkpoint of the thread (fork / time travel); null: the latest.
  from_checkpoint_id text,
  answer jsonb,
  error_code text,
  error_message text,
  trace_id text,
  cancel_requested boolean NOT NULL DEFAULT false,
  attempts integer NOT NULL DEFAULT 0,
  -- The executing process renews this; a RUNNING run whose lease expired is resumed elsewhere.
  lease_until timestamptz(3),
  -- Highest event seq written; the next event gets last_seq + 1.
  last_seq integer NOT NULL DEFAULT 0,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  started_at timestamptz(3),
  finished_at timestamptz(3)
);

CREATE INDEX runs_thread_created_idx ON runs (thread_id, created_at, id);
CREATE INDEX runs_finished_idx ON runs (finished_at) WHERE finished_at IS NOT NULL;
-- At most one run executes per thread: a second one waits (or is rejected).
CREATE UNIQUE INDEX runs_one_running_per_thread ON runs (thread_id) WHERE status = 'RUNNING';

-- The durable event log of a run: what `runEvents(afterSeq)` replays. Token deltas are
-- coalesced before they are written, so a long answer is tens of rows.
CREATE TABLE run_events (
  run_id uuid NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, seq)
);
