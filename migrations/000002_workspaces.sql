-- A workspace is a tenant: every application table carries workspace_id.
CREATE TABLE workspaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The single workspace of embedded mode and of servers running without authentication.
INSERT INTO workspaces (id, name)
VALUES ('00000000-0000-4000-8000-000000000001', 'default');
