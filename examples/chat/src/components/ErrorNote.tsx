import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The code (`extensions.code`) and message of a failed operation, or the error's message. */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors
      .map((e) => `${String(e.extensions?.['code'] ?? 'ERROR')}: ${e.message}`)
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** An operation's error, announced to assistive technology; nothing when there is none. */
export function ErrorNote(props: { error: unknown }) {
  if (!props.error) return null;
  return (
    <p role="alert" className="error">
      {describeError(props.error)}
    </p>
  );
}
