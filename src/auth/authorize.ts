import {
  getOperationAST,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AppError } from '../errors.js';
import { hasRole, type Principal, type Role } from './principal.js';

// Subscriptions that start work (and spend model tokens) need the writer role.
const WRITING_SUBSCRIPTIONS = new Set(['askStream']);

/**
 * Names of the root fields an operation executes, through inline fragments and fragment
 * spreads at any depth. `@skip`/`@include` are ignored: a field that might run counts.
 */
export function rootFieldNames(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): Set<string> {
  const names = new Set<string>();
  const visited = new Set<string>();
  const pending: SelectionSetNode[] = [selectionSet];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) pending.push(fragment.selectionSet);
      }
    }
  }
  return names;
}

/**
 * The least role an operation needs: mutations, and subscriptions that execute a
 * run-starting field (however deep in fragments), need `writer`; the rest `reader`.
 */
export function requiredRole(document: DocumentNode, operationName?: string | null): Role {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 'reader';
  if (operation.operation === 'mutation') return 'writer';
  if (operation.operation === 'subscription') {
    const fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const fields = rootFieldNames(operation.selectionSet, fragments);
    return [...fields].some((name) => WRITING_SUBSCRIPTIONS.has(name)) ? 'writer' : 'reader';
  }
  return 'reader';
}

/**
 * Checks the caller may run the operation.
 * @throws {AppError} `FORBIDDEN` naming the role needed.
 */
export function authorize(
  principal: Principal,
  document: DocumentNode,
  operationName?: string | null,
): void {
  const needed = requiredRole(document, operationName);
  if (!hasRole(principal.role, needed)) {
    throw new AppError('FORBIDDEN', `this operation needs the ${needed} role`);
  }
}
