import {
  Kind,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { AppError } from '../errors.js';

/** The schema and limit rules an operation was validated with. */
export interface OperationLimitRules {
  schema: GraphQLSchema;
  validationRules: readonly ValidationRule[];
}

const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);
// The largest page any field serves (`Run.events`; connections serve 100): a bigger value is
// clamped by the resolvers, so it weighs no more than this.
const LARGEST_PAGE = 1000;

/**
 * Weighs the pages an operation asks for through variables. The limit rules (graphql-armor's
 * cost among them) ran at validation, before variables are known, when a `first` or `last`
 * given as a variable counted as a page of 1: `threads(first: $a) { … runs(first: $b) { …
 * events(first: $c) } }` passed whatever the values. Here each such variable's value is put
 * in its place (at most 1000, the largest page a field serves) and the rules run again, so a
 * page size weighs the same given either way.
 * Nothing is done when no page size is a variable with a value.
 * @throws {AppError} `GRAPHQL_VALIDATION_FAILED` with the exceeded limit's message.
 */
export function assertPageSizesWithinLimits(
  rules: OperationLimitRules,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): void {
  let inlined = false;
  const withValues = visit(document, {
    Argument(node) {
      if (!PAGE_SIZE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) {
        return undefined;
      }
      const value = variables?.[node.value.name.value];
      // Absent or null: the field's default page; not a whole number: coercion refuses it next.
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return undefined;
      inlined = true;
      return { ...node, value: { kind: Kind.INT, value: String(Math.min(value, LARGEST_PAGE)) } };
    },
  });
  if (!inlined) return;
  const [refusal] = validate(rules.schema, withValues, rules.validationRules);
  if (refusal) throw new AppError('GRAPHQL_VALIDATION_FAILED', refusal.message);
}
