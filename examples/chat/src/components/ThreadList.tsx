import { useQuery } from '@apollo/client/react';
import { ThreadsQuery } from '../operations.js';
import { ErrorNote } from './ErrorNote.js';

/** The collection's conversations, most recently active first; picking one continues it. */
export function ThreadList(props: {
  collectionId: string;
  threadId: string | null;
  onPick(threadId: string | null): void;
}) {
  const { data, error, fetchMore } = useQuery(ThreadsQuery, {
    variables: { collectionId: props.collectionId },
  });
  const threads = data?.threads;
  return (
    <nav aria-labelledby="threads-heading">
      <h2 id="threads-heading">Conversations</h2>
      <button type="button" onClick={() => props.onPick(null)} aria-pressed={!props.threadId}>
        New conversation
      </button>
      <ErrorNote error={error} />
      <ul className="threads">
        {threads?.edges.map(({ node }) => (
          <li key={node.id}>
            <button
              type="button"
              aria-current={node.id === props.threadId ? 'true' : undefined}
              onClick={() => props.onPick(node.id)}
            >
              {node.runs.edges[0]?.node.question ?? node.id}
              <small> {new Date(node.lastActivityAt).toLocaleString()}</small>
            </button>
          </li>
        ))}
      </ul>
      {threads?.pageInfo.hasNextPage && (
        <button
          type="button"
          onClick={() =>
            void fetchMore({
              variables: { after: threads.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                threads: {
                  ...fetchMoreResult.threads,
                  edges: [...previous.threads.edges, ...fetchMoreResult.threads.edges],
                },
              }),
            })
          }
        >
          Older conversations
        </button>
      )}
    </nav>
  );
}
