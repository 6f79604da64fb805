import { listThreadRuns } from '../../../runs/find-runs.js';
import { cutKeysetPage } from '../../../runs/keyset-page.js';
import type { MessageRecord, RunRow } from '../../../runs/run-row.js';
import { readThreadConversation } from '../../../runs/thread-conversation.js';
import type { ConversationMessage } from '../../../../graphs/agentic-rag/state-schemas.js';
import type { GraphQLContext } from '../../context.js';
import {
  encodeOrdinalCursor,
  keysetWindow,
  ordinalKey,
  ordinalPosition,
  toKeysetConnection,
} from '../../pagination.js';
import type { ThreadResolvers } from '../../generated/resolvers-types.js';

/**
 * `Thread.messages`: the thread's conversation from its latest checkpoint, each message dated
 * by its run (asked at its creation, answered at its end), paged newest first in both
 * directions. A message's position is its ordinal from the oldest: the conversation only grows
 * at its newest end, so cursors stay valid while it does.
 */
export const messages: ThreadResolvers['messages'] = async (row, args, ctx) => {
  const window = keysetWindow(args, ordinalPosition);
  const oldestFirst = await conversationOf(ctx, row.id);
  const newestFirst = oldestFirst.map((message, ordinal) => ({ message, ordinal })).reverse();
  const page = cutKeysetPage(newestFirst, ({ ordinal }) => ordinalKey(ordinal), window);
  const connection = toKeysetConnection(page, ({ ordinal }) => encodeOrdinalCursor(ordinal));
  return {
    ...connection,
    edges: connection.edges.map(({ cursor, node }) => ({ cursor, node: node.message })),
  };
};

/** The thread's answered messages, oldest first. */
async function conversationOf(ctx: GraphQLContext, threadId: string): Promise<MessageRecord[]> {
  const conversation = await readThreadConversation(ctx.checkpointer, threadId);
  const runs = await runsOf(ctx, threadId, conversation);
  return conversation.flatMap((message, index): MessageRecord[] => {
    const run = runs[index];
    if (!run) return [];
    const asked = message.role === 'user';
    return [
      {
        role: asked ? 'USER' : 'ASSISTANT',
        text: message.content,
        runId: run.id,
        at: asked ? run.created_at : (run.finished_at ?? run.created_at),
      },
    ];
  });
}

/**
 * The run of each message. Turns of checkpoints written before turns named their run are
 * matched to the thread's answered runs by their question, in order.
 */
async function runsOf(
  ctx: GraphQLContext,
  threadId: string,
  conversation: readonly ConversationMessage[],
): Promise<(RunRow | undefined)[]> {
  const named = await ctx.loaders.run.loadMany(conversation.flatMap((m) => m.runId ?? []));
  const byId = new Map<string, RunRow>();
  for (const run of named) if (run && !(run instanceof Error)) byId.set(run.id, run);
  const unnamed = conversation.some((m) => m.runId === undefined)
    ? (await listThreadRuns(ctx.db.pool, ctx.workspaceId, threadId)).filter((r) => r.answer)
    : [];
  let turnRun: RunRow | undefined;
  return conversation.map((message) => {
    if (message.runId !== undefined) return byId.get(message.runId);
    if (message.role === 'user') {
      const at = unnamed.findIndex((run) => run.question === message.content);
      turnRun = at === -1 ? undefined : unnamed.splice(at, 1)[0];
    }
    return turnRun;
  });
}
