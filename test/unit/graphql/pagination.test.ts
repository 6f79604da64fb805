import { describe, expect, it } from 'vitest';
import {
  clampFirst,
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  toKeysetConnection,
} from '../../../src/graphql/pagination.js';

describe('pagination', () => {
  it('clamps first into 1..MAX_PAGE_SIZE with a default', () => {
    expect(clampFirst(undefined)).toBe(20);
    expect(clampFirst(null)).toBe(20);
    expect(clampFirst(0)).toBe(1);
    expect(clampFirst(-5)).toBe(1);
    expect(clampFirst(7)).toBe(7);
    expect(clampFirst(10_000)).toBe(MAX_PAGE_SIZE);
  });

  it('round-trips a keyset position through an opaque cursor', () => {
    const key = {
      at: new Date('2026-01-02T03:04:05.678Z'),
      id: '0190f3a2-7b1c-4d2e-8f00-123456789abc',
    };
    const cursor = encodeCursor(key);
    expect(cursor).not.toContain(key.id);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it.each([
    'garbage',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('{}').toString('base64url'),
  ])('rejects a cursor it did not issue: %s', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(/invalid cursor/);
  });

  it('builds edges from a keyset page, with both flags as the page reports them', () => {
    const rows = [1, 2].map((n) => ({
      n,
      at: new Date(n * 1000),
      id: `0000000${n}-0000-4000-8000-000000000000`,
    }));
    const page = toKeysetConnection({ rows, hasPrevious: true, hasNext: false }, (r) => ({
      at: r.at,
      id: r.id,
    }));
    expect(page.edges.map((e) => e.node.n)).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: page.edges[0]!.cursor,
      endCursor: page.edges[1]!.cursor,
    });
    expect(decodeCursor(page.pageInfo.endCursor)).toEqual({ at: rows[1]!.at, id: rows[1]!.id });
    const own = toKeysetConnection({ rows, hasPrevious: false, hasNext: true }, (r) => `c${r.n}`);
    expect(own.edges.map((e) => e.cursor)).toEqual(['c1', 'c2']);
    expect(own.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });
});
