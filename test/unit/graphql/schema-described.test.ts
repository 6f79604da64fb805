import {
  buildSchema as buildSchemaFromSdl,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../src/graphql/schema.js';

/**
 * The schema is the frontend's contract: every type, field, argument, input field and enum value
 * says what it is, so Apollo Sandbox, IDE hovers and the generated types all carry it. The same
 * rule is `@graphql-eslint/require-description` in `npm run lint`; this test is what `npm test`
 * (CI) enforces.
 */

/** Everything of `schema` without a description, as `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (what: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(what);
  };
  const checkArgs = (where: string, args: readonly GraphQLArgument[]) => {
    for (const arg of args) check(`${where}(${arg.name}:)`, arg.description);
  };

  for (const type of Object.values(schema.getTypeMap())) {
    // graphql-js describes its own types (`String`, `__Type`…).
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        checkArgs(`${type.name}.${field.name}`, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    check(`@${directive.name}`, directive.description);
    checkArgs(`@${directive.name}`, directive.args);
  }
  return missing.sort();
}

describe('the schema describes everything a client sees', () => {
  it('has a description on every type, field, argument, input field and enum value', () => {
    const missing = undescribed(buildSchema());
    expect(
      missing,
      `${missing.length} without a description (add one in schema/*.graphql):\n  ${missing.join('\n  ')}`,
    ).toEqual([]);
  });

  it('would name each thing left undescribed', () => {
    const schema = buildSchemaFromSdl(`
      "Described."
      type Query {
        "Described."
        a(x: Int, "Described." y: Int): Kind
        b: Shape
        " "
        c(input: In): Int
      }
      enum Kind {
        "Described."
        ONE
        TWO
      }
      interface Shape {
        side: Int
      }
      input In {
        field: Int
      }
      scalar Opaque
      directive @tag(name: String) on FIELD_DEFINITION
    `);
    expect(undescribed(schema)).toEqual([
      '@tag',
      '@tag(name:)',
      'In',
      'In.field',
      'Kind',
      'Kind.TWO',
      'Opaque',
      'Query.a(x:)',
      'Query.b',
      'Query.c',
      'Query.c(input:)',
      'Shape',
      'Shape.side',
    ]);
  });
});
