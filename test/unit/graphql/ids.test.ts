import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { decodeId, encodeId } from '../../../src/graphql/ids.js';

const uuid = '0190f3a2-7b1c-4d2e-8f00-123456789abc';

describe('public ids', () => {
  it('round-trips a uuid through its prefixed public form', () => {
    const id = encodeId('Collection', uuid);
    expect(id).toBe('col_0190f3a27b1c4d2e8f00123456789abc');
    expect(decodeId('Collection', id)).toBe(uuid);
  });

  it('answers null for a well-formed id of another kind or shape', () => {
    expect(decodeId('Collection', encodeId('Document', uuid))).toBeNull();
    expect(decodeId('Collection', 'nope')).toBeNull();
    expect(decodeId('Collection', 'col_123')).toBeNull();
  });

  it.each(['', 'col_ 1', 'a'.repeat(65), 'col_é', "col_1'; drop table x"])(
    'throws BAD_USER_INPUT for malformed %j',
    (raw) => {
      let error: unknown;
      try {
        decodeId('Collection', raw);
      } catch (e) {
        error = e;
      }
      expect(isAppError(error, 'BAD_USER_INPUT')).toBe(true);
    },
  );
});
