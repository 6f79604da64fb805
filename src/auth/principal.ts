/** What a caller may do, each role including the ones before it. */
export const ROLES = ['reader', 'writer', 'admin'] as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** An authenticated caller: everything it does is scoped to one workspace. */
export interface Principal {
  workspaceId: string;
  role: Role;
  /** Who, for budgets and logs: `key:<uuid>`, `jwt:<subject>` or `open` (no auth). */
  subject: string;
}

/** True when `role` includes `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
