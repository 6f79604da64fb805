import type { DocumentNode } from 'graphql';
import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/principal.js';
import { guardInput } from '../security/input-guard.js';
import {
  assertPageSizesWithinLimits,
  type OperationLimitRules,
} from '../security/page-size-cost.js';

/**
 * What every operation passes after validation and before execution, on HTTP and graphql-ws
 * alike: the caller's role, then input no field could store, then the limits again with the
 * page sizes its variables give.
 * @throws {AppError} `FORBIDDEN`, `BAD_USER_INPUT` or `GRAPHQL_VALIDATION_FAILED`.
 */
export function admitOperation(
  rules: OperationLimitRules,
  principal: Principal,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): void {
  authorize(principal, document, operationName);
  guardInput(document, variables);
  assertPageSizesWithinLimits(rules, document, variables);
}
