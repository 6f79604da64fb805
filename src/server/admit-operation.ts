import type { DocumentNode } from 'graphql';
import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/principal.js';
import { guardInput } from '../security/input-guard.js';

/**
 * What every operation passes after validation and before execution, on HTTP and graphql-ws
 * alike: the caller's role, then input no field could store.
 * @throws {AppError} `FORBIDDEN` or `BAD_USER_INPUT`.
 */
export function admitOperation(
  principal: Principal,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): void {
  authorize(principal, document, operationName);
  guardInput(document, variables);
}
