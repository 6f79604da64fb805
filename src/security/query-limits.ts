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
  /** graphql-armor cost (depth × fields, fragments included). */
  maxCost: 8000,
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
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
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
