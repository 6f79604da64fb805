-- W3C traceparent of the GraphQL operation that asked for the run: the run executes later, in a
-- background worker (maybe in another process), and its workflow span continues that trace.
ALTER TABLE runs ADD COLUMN trace_parent text;

-- Tokens the run's model calls used, in total and per model, with their cost when the models
-- config has prices: { inputTokens, outputTokens, costUsd, byModel: [...] }. Null until it ends.
ALTER TABLE runs ADD COLUMN usage jsonb;
