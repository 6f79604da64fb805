import { readdirSync } from 'node:fs';
import {
  isExecutableDefinitionNode,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../src/graphql/schema.js';
import { createQueryLimits } from '../../../src/security/query-limits.js';
import {
  CLIENT_OPERATIONS,
  COSTLY_QUERY,
  NESTED_PAGES_QUERY,
} from '../../support/client-operations.js';
import { fencedBlocks, ROOT } from '../docs/doc-blocks.js';

const schema = buildSchema();
const { validationRules } = createQueryLimits();
const refusals = (document: DocumentNode) =>
  validate(schema, document, [...specifiedRules, ...validationRules]).map((e) => ({
    message: e.message,
    code: e.extensions['code'],
  }));

/** Every operation of the README's and the docs' ```graphql blocks, one document each. */
const DOCUMENTED = ['README.md', ...readdirSync(`${ROOT}docs`).map((name) => `docs/${name}`)]
  .filter((file) => file.endsWith('.md'))
  .flatMap((file) => fencedBlocks(file))
  .filter((block) => block.lang === 'graphql')
  .flatMap((block) => {
    const document = parse(block.code);
    // SDL excerpts are checked against the schema by test/unit/docs/graphql-snippets.test.ts.
    if (document.definitions.some((d) => !isExecutableDefinitionNode(d))) return [];
    const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    return document.definitions
      .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map(
        (operation, i) =>
          [
            `${block.file}:${block.line} #${i + 1}`,
            { ...document, definitions: [operation, ...fragments] },
          ] as const,
      );
  });

describe('query limits', () => {
  it.each(CLIENT_OPERATIONS.map((op) => [op.name, op.query] as const))(
    'accept the client operation %s',
    (_name, query) => {
      expect(refusals(parse(query))).toEqual([]);
    },
  );

  it('finds the documented operations', () => {
    expect(DOCUMENTED.length).toBeGreaterThanOrEqual(15);
  });

  it.each(DOCUMENTED)('accept the documented operation %s', (_where, document) => {
    expect(refusals(document)).toEqual([]);
  });

  it.each([
    ['fourteen aliases of 100 × 100 documents', COSTLY_QUERY],
    ['a run log under 100 threads of 100 runs', NESTED_PAGES_QUERY],
  ])('refuse %s by its cost', (_name, query) => {
    expect(refusals(parse(query))).toEqual([
      {
        message: expect.stringMatching(/^Query Cost limit of \d+ exceeded, found \d+/),
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
    ]);
  });
});
