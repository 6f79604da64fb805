import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/connection-errors.js';
import { AppError, ERROR_STATUS } from '../../src/errors.js';
import { createErrorFormatter } from '../../src/graphql/errors.js';
import { silentLogger } from '../../src/logger.js';

const DOC = new URL('../../docs/errors.md', import.meta.url);

describe('the closed list of error codes', () => {
  it('is documented in docs/errors.md, code for code and status for status', () => {
    const rows = [...readFileSync(DOC, 'utf8').matchAll(/^\| `([A-Z_]+)`\s*\| (\d{3}) /gm)];
    const documented = Object.fromEntries(rows.map((m) => [m[1], Number(m[2])]));
    expect(documented).toEqual(ERROR_STATUS);
  });

  const format = createErrorFormatter({ logger: silentLogger });
  const wrapped = (original: Error) =>
    new GraphQLError(original.message, { originalError: original, path: ['field'] });

  it('keeps domain codes and masks anything else', () => {
    expect(
      format({ message: 'x' }, wrapped(new AppError('NOT_FOUND', 'no such run'))),
    ).toMatchObject({
      message: 'no such run',
      extensions: { code: 'NOT_FOUND' },
    });
    const masked = format({ message: 'relation "x" does not exist' }, wrapped(new Error('boom')));
    expect(masked).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const foreign = format(
      { message: 'hi', extensions: { code: 'SOMETHING_ELSE' } },
      new Error('x'),
    );
    expect(foreign.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
  });

  it('says DATABASE_UNAVAILABLE, without the driver text, when the database cannot be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), {
      code: 'ECONNREFUSED',
    });
    const aggregate = Object.assign(new AggregateError([refused], ''), { code: undefined });
    const shutdown = Object.assign(
      new Error('terminating connection due to administrator command'),
      {
        code: '57P01',
      },
    );
    for (const error of [
      refused,
      aggregate,
      shutdown,
      new Error('Connection terminated unexpectedly'),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      const formatted = format({ message: error.message }, wrapped(error));
      expect(formatted).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
      expect(formatted.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminat/);
    }
    const syntax = Object.assign(new Error('syntax error at or near'), { code: '42601' });
    expect(isDatabaseUnavailable(syntax)).toBe(false);
  });
});
