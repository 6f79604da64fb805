import { readdirSync } from 'node:fs';
import {
  isTypeDefinitionNode,
  isTypeExtensionNode,
  Kind,
  LoneAnonymousOperationRule,
  parse,
  specifiedRules,
  validate,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../src/graphql/schema.js';
import { fencedBlocks, ROOT, type FencedBlock } from './doc-blocks.js';

/**
 * Every ```graphql block of the docs is true of the schema the server builds: operations
 * validate (a block may hold several anonymous ones, as a list of examples does), and SDL
 * excerpts name only types, fields, arguments and enum values that exist.
 */
const FILES = [
  'README.md',
  ...readdirSync(`${ROOT}docs`)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];
const BLOCKS = FILES.flatMap((file) => fencedBlocks(file)).filter((b) => b.lang === 'graphql');
// A block of examples may hold several anonymous operations: each is checked on its own terms.
const RULES = specifiedRules.filter((rule) => rule !== LoneAnonymousOperationRule);

const isExecutable = (d: DefinitionNode) =>
  d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION;

/** What an SDL excerpt says that the schema does not have. */
function sdlMismatches(schema: GraphQLSchema, document: DocumentNode): string[] {
  const problems: string[] = [];
  for (const definition of document.definitions) {
    if (!isTypeDefinitionNode(definition) && !isTypeExtensionNode(definition)) {
      problems.push(`${definition.kind} is neither an operation nor a type definition`);
      continue;
    }
    const name = definition.name.value;
    const type = schema.getType(name);
    if (!type) {
      problems.push(`type ${name} is not in the schema`);
      continue;
    }
    const fields = 'getFields' in type ? type.getFields() : {};
    if ('fields' in definition) {
      for (const field of definition.fields ?? []) {
        const actual = (fields as Record<string, { args?: readonly { name: string }[] }>)[
          field.name.value
        ];
        if (!actual) problems.push(`${name}.${field.name.value} is not in the schema`);
        const args = 'arguments' in field ? (field.arguments ?? []) : [];
        for (const arg of args) {
          if (!actual?.args?.some((a) => a.name === arg.name.value))
            problems.push(`${name}.${field.name.value}(${arg.name.value}:) is not in the schema`);
        }
      }
    }
    if ('values' in definition && 'getValues' in type) {
      const known = new Set(type.getValues().map((v) => v.name));
      for (const value of definition.values ?? []) {
        if (!known.has(value.name.value)) problems.push(`${name}.${value.name.value} is unknown`);
      }
    }
  }
  return problems;
}

/** The problems of one documented block, as messages naming the block. */
function problemsOf(schema: GraphQLSchema, block: FencedBlock): string[] {
  const where = `${block.file}:${block.line}`;
  let document: DocumentNode;
  try {
    document = parse(block.code);
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
  const executable = document.definitions.filter(isExecutable);
  const problems =
    executable.length === document.definitions.length
      ? validate(schema, document, RULES).map((e) => e.message)
      : executable.length === 0
        ? sdlMismatches(schema, document)
        : ['mixes operations and type definitions'];
  return problems.map((problem) => `${where}: ${problem}`);
}

describe('GraphQL in the documentation', () => {
  const schema = buildSchema();

  it('finds the blocks: the guide has one for each part of the contract', () => {
    const guide = BLOCKS.filter((b) => b.file === 'docs/graphql.md').map((b) => b.code);
    expect(guide.length).toBeGreaterThanOrEqual(10);
    for (const field of [
      'createCollection',
      'ingestDocuments',
      'ingestJobUpdates',
      'search',
      'askStream',
      'ask(',
      'runEvents',
      'afterSeq',
      'cancelRun',
      'thread(',
      'health',
    ]) {
      expect(
        guide.some((code) => code.includes(field)),
        field,
      ).toBe(true);
    }
  });

  it.each(BLOCKS.map((block) => [`${block.file}:${block.line}`, block] as const))(
    '%s is valid against the schema',
    (_where, block) => {
      expect(problemsOf(schema, block)).toEqual([]);
    },
  );

  it('would catch a block that drifted from the schema', () => {
    const drifted = (code: string): FencedBlock => ({
      file: 'x.md',
      line: 1,
      lang: 'graphql',
      code,
    });
    expect(problemsOf(schema, drifted('{ health { status uptime } }'))).toEqual([
      'x.md:1: Cannot query field "uptime" on type "Health".',
    ]);
    expect(
      problemsOf(schema, drifted('query ($id: ID!) { run(id: $id) { answer } }')),
    ).toHaveLength(1);
    expect(
      problemsOf(schema, drifted('type Health { status: HealthStatus! color: String }')),
    ).toEqual(['x.md:1: Health.color is not in the schema']);
  });
});
