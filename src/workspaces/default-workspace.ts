/**
 * The workspace of embedded mode and of servers without authentication
 * (created by migration 000002).
 */
export const DEFAULT_WORKSPACE_ID = '00000000-0000-4000-8000-000000000001';
