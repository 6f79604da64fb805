import type pg from 'pg';

const oids = new WeakMap<pg.Pool, Promise<number>>();

/**
 * The OID of pgvector's `vector` type in the pool's database (an extension type has no fixed
 * OID), looked up once per pool.
 */
export function vectorTypeOid(pool: pg.Pool): Promise<number> {
  let oid = oids.get(pool);
  if (!oid) {
    oid = pool
      .query<{ oid: number }>(`SELECT 'vector'::regtype::oid::int AS oid`)
      .then((result) => result.rows[0]!.oid);
    // A failed lookup is not remembered: the next call asks again.
    oid.catch(() => oids.delete(pool));
    oids.set(pool, oid);
  }
  return oid;
}

/**
 * Encodes vectors as one PostgreSQL `vector[]` in the binary wire format (pgvector's binary
 * form per element: dimension, a reserved word, then 4-byte floats). node-postgres sends a
 * Buffer parameter in binary, so `$n::vector[]` arrives without printing and parsing a decimal
 * for every number: for 384-dimensional embeddings that was a third of a chunk insert's cost,
 * and the binary form is half the size of the text. Element `i` (1-based) is `($n::vector[])[i]`.
 * @param vectorOid from {@link vectorTypeOid}.
 * @throws {RangeError} when a vector's length differs from `dimensions`.
 */
export function vectorArrayParam(
  vectors: readonly ArrayLike<number>[],
  dimensions: number,
  vectorOid: number,
): Buffer {
  const elementBytes = 4 + 4 * dimensions;
  // Header: one axis, no nulls, element type, then the axis' length and lower bound.
  const buffer = Buffer.allocUnsafe(20 + vectors.length * (4 + elementBytes));
  buffer.writeInt32BE(1, 0);
  buffer.writeInt32BE(0, 4);
  buffer.writeUInt32BE(vectorOid, 8);
  buffer.writeInt32BE(vectors.length, 12);
  buffer.writeInt32BE(1, 16);
  let offset = 20;
  for (const vector of vectors) {
    if (vector.length !== dimensions) {
      throw new RangeError(`a vector has ${vector.length} values, expected ${dimensions}`);
    }
    buffer.writeInt32BE(elementBytes, offset);
    buffer.writeInt16BE(dimensions, offset + 4);
    buffer.writeInt16BE(0, offset + 6);
    offset += 8;
    for (let i = 0; i < dimensions; i++, offset += 4) buffer.writeFloatBE(vector[i]!, offset);
  }
  return buffer;
}
