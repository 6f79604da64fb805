// Type-only imports of graphql: this file is loaded by start-telemetry.ts, before the SDK patches
// graphql, and importing graphql's values here would load it unpatched.
import type { DocumentNode, FieldNode, OperationDefinitionNode, SelectionNode } from 'graphql';
import { createContextKey, type Attributes, type Context } from '@opentelemetry/api';
import { BALLAST, GRAPHQL } from './semconv.js';

/** What telemetry records about a GraphQL operation: its type, name and first root field. */
export interface OperationLabels {
  /** `{type} {name}` (the GraphQL conventions' span name), or just the type when unnamed. */
  spanName: string;
  type: string;
  /** Client-chosen: on spans only, never a metric label (unbounded). */
  name: string | undefined;
  /** A field of the schema's root type (bounded): safe as a metric label. */
  rootField: string | undefined;
}

function operationOf(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  if (!operationName) return operations.length === 1 ? operations[0] : undefined;
  return operations.find((o) => o.name?.value === operationName);
}

/** Labels of `operation`, or of `document`'s operation named `operationName`. */
export function operationLabels(
  source: OperationDefinitionNode | DocumentNode | null | undefined,
  operationName?: string | null,
): OperationLabels {
  const operation = source?.kind === 'Document' ? operationOf(source, operationName) : source;
  const type = operation?.operation ?? 'unknown';
  const name = operation?.name?.value;
  const first = operation?.selectionSet.selections.find(
    (s: SelectionNode): s is FieldNode => s.kind === 'Field',
  );
  return { spanName: name ? `${type} ${name}` : type, type, name, rootField: first?.name.value };
}

/** Span attributes of an operation. */
export function operationSpanAttributes(labels: OperationLabels): Attributes {
  return {
    [GRAPHQL.operationType]: labels.type,
    ...(labels.name ? { [GRAPHQL.operationName]: labels.name } : {}),
    ...(labels.rootField ? { [BALLAST.rootField]: labels.rootField } : {}),
  };
}

/** Metric labels of an operation: bounded values only. */
export function operationMetricLabels(labels: OperationLabels): Attributes {
  return {
    [GRAPHQL.operationType]: labels.type,
    [BALLAST.rootField]: labels.rootField ?? 'unknown',
  };
}

const TRACED_OPERATION = createContextKey('ballast.graphql.traced-operation');

/**
 * `ctx` marked as inside an operation span that Ballast starts itself (graphql-ws's, see
 * `graphql-ws-operation.ts`): the graphql instrumentation adds no span under it.
 */
export function markTracedOperation(ctx: Context): Context {
  return ctx.setValue(TRACED_OPERATION, true);
}

/** True in a context marked by {@link markTracedOperation}. */
export function inTracedOperation(ctx: Context): boolean {
  return ctx.getValue(TRACED_OPERATION) === true;
}
