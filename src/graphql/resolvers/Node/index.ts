import type { IdKind } from '../../ids.js';
import type { NodeResolvers } from '../../generated/resolvers-types.js';

// Rows carry no type name: `node(id:)` records the kind it decoded for each row it returns.
const kinds = new WeakMap<object, IdKind>();

/** Marks `row` as an object of `kind`, for {@link Node}'s `__resolveType`; returns `row`. */
export function asNode<Row extends object>(kind: IdKind, row: Row): Row {
  kinds.set(row, kind);
  return row;
}

/** `Node`: the type of a row returned by `node(id:)`. */
export const Node: NodeResolvers = {
  __resolveType: (row) => {
    const kind = kinds.get(row);
    if (!kind) throw new Error('a Node was returned without asNode()');
    return kind;
  },
};
