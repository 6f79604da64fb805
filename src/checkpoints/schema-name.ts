/** The Postgres schema of LangGraph's checkpoint tables, apart from the application's tables. */
export const CHECKPOINT_SCHEMA = 'ballast_checkpoints';

// The schema name is spliced into SQL (by PostgresSaver and by us): only plain identifiers.
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Checks that `schema` is a plain lower-case identifier and returns it.
 * @throws {RangeError} for anything else.
 */
export function checkpointSchemaName(schema: string = CHECKPOINT_SCHEMA): string {
  if (!IDENTIFIER.test(schema)) {
    throw new RangeError(`checkpoint schema must match ${IDENTIFIER}: ${JSON.stringify(schema)}`);
  }
  return schema;
}

/** The qualified checkpoint tables of `schema`, quoted for SQL. */
export function checkpointTables(schema: string) {
  const name = checkpointSchemaName(schema);
  return {
    checkpoints: `"${name}".checkpoints`,
    blobs: `"${name}".checkpoint_blobs`,
    writes: `"${name}".checkpoint_writes`,
  };
}
