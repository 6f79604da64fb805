-- API keys: only a SHA-256 of the secret is stored; the prefix identifies a key in listings.
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('reader', 'writer', 'admin')),
  prefix text NOT NULL,
  secret_hash text NOT NULL UNIQUE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  last_used_at timestamptz(3),
  revoked_at timestamptz(3)
);

CREATE INDEX api_keys_workspace_idx ON api_keys (workspace_id);

-- Counters of rate-limiter-flexible (requests per minute, model tokens per day).
CREATE TABLE rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);

-- Who asked, for token budgets: `key:<uuid>` or `jwt:<subject>`; null when auth is off.
ALTER TABLE runs ADD COLUMN requested_by text;
