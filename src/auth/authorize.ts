import { getOperationAST, Kind, type DocumentNode } from 'graphql';
import { AppError } from '../errors.js';
import { hasRole, type Principal, type Role } from './principal.js';

// Subscriptions that start work (and spend model tokens) need the writer role.
const WRITING_SUBSCRIPTIONS = new Set(['askStream']);

/** The least role an operation needs: mutations and run-starting subscriptions write. */
export function requiredRole(document: DocumentNode, operationName?: string | null): Role {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 'reader';
  if (operation.operation === 'mutation') return 'writer';
  if (operation.operation === 'subscription') {
    const writes = operation.selectionSet.selections.some(
      (s) => s.kind === Kind.FIELD && WRITING_SUBSCRIPTIONS.has(s.name.value),
    );
    return writes ? 'writer' : 'reader';
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
