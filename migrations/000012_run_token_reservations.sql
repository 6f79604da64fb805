-- Tokens a run reserved on its caller's and workspace's daily budgets when it was asked; the
-- run's end replaces them by what it used.
ALTER TABLE runs ADD COLUMN reserved_tokens integer NOT NULL DEFAULT 0;
