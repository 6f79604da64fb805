import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/** Limits on the shape of an operation, the same on HTTP and WebSocket. */
export const QUERY_LIMITS = {
  /** Nesting depth of selections. */
  maxDepth: 12,
  /** Aliases in one operation. */
  maxAliases: 15,
  /** Lexical tokens of the document. */
  maxTokens: 3000,
  /**
   * graphql-armor cost: an upper bound of the values a response can hold. Each field counts 1
   * (2 when it has a selection), times the literal `first`/`last` of every list above it;
   * inline fragments and named ones count every type's fields, as if all matched. A page size
   * passed as a variable counts 1 here, at validation, and its value once the variables are
   * known (page-size-cost.ts); one left to its default counts 1.
   * 100 000 admits the largest page the schema offers with every field selected — a run's log,
   * `Run.events(first: 1000)` with each event type's fields, costs about 67 000 — and refuses
   * nested pages (`threads(first: 100) { … runs(first: 100) { … } }` of more than a few fields)
   * and alias bombs of big pages.
   */
  maxCost: 100_000,
  /** What a field with a selection costs, beside its children. */
  objectCost: 2,
  /** What a leaf field costs. */
  scalarCost: 1,
  /**
   * Each level of nesting multiplies its fields' cost by this. graphql-armor's default, 1.5,
   * makes a Relay page (`edges { node { … } }`) and every inline fragment weigh 1.5× more per
   * level, so `Run.events` selecting each event type's fields was refused above 23 events;
   * depth has its own limit (`maxDepth`), so cost counts fields only.
   */
  depthCostFactor: 1,
  /** Directives in one operation. */
  maxDirectives: 30,
} as const;

/**
 * graphql-armor's protections for Apollo (HTTP) — depth, aliases, cost, directives, no field
 * suggestions — the same validation rules for graphql-ws, which Apollo's plugins never see,
 * and the token limit both transports pass to graphql-js's parser.
 */
export function createQueryLimits(): {
  apolloPlugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  maxTokens: number;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // Token limits go through graphql-js's own `parse(…, { maxTokens })` (Apollo `parseOptions`
    // and the WebSocket path): armor's plugin turns syntax errors into unexpected errors.
    maxTokens: { enabled: false },
    costLimit: {
      maxCost: QUERY_LIMITS.maxCost,
      objectCost: QUERY_LIMITS.objectCost,
      scalarCost: QUERY_LIMITS.scalarCost,
      depthCostFactor: QUERY_LIMITS.depthCostFactor,
      ignoreIntrospection: true,
    },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    apolloPlugins: armor.plugins as ApolloServerPlugin[],
    validationRules: armor.validationRules.map(plainLimitErrors),
    maxTokens: QUERY_LIMITS.maxTokens,
  };
}

// graphql-armor words every refusal as "Syntax Error: …" with the code BAD_USER_INPUT; the
// operation is well-formed and refused by validation, so it says so on both transports.
function plainLimitErrors(rule: ValidationRule): ValidationRule {
  return (context) => {
    const report = context.reportError.bind(context);
    const reworded = Object.create(context, {
      reportError: {
        value: (error: GraphQLError) =>
          report(
            new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
              nodes: error.nodes,
              extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          ),
      },
    }) as ValidationContext;
    return rule(reworded);
  };
}
