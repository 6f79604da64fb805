-- A chunk row (text, tsvector, 1.5 kB of embedding at 384 dimensions) passes PostgreSQL's 2 kB
-- TOAST threshold, so by default its largest value, the embedding, went to the TOAST table: every
-- vector search then fetched each hit's embedding through the TOAST index to compute its
-- distance, and every exact sort after a filter did so for every candidate. With the target at
-- its maximum, a row that fits in a page stays whole in the heap (only rows larger than a page,
-- very long chunks, are still toasted). Rows written before this migration keep their layout
-- until they are rewritten.
ALTER TABLE chunks SET (toast_tuple_target = 8160);
