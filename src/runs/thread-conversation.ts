import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { z } from 'zod';
import {
  historyMessageSchema,
  type ConversationMessage,
} from '../../graphs/agentic-rag/state-schemas.js';
import { threadConfig } from '../checkpoints/index.js';

// A checkpoint holds what the graph wrote: anything else reads as no conversation.
const conversationSchema = z.array(historyMessageSchema).catch([]);

/**
 * The conversation of a thread, oldest first: the `history` of its latest checkpoint, which is
 * what the model sees on the thread's next turn (after a fork, the fork's branch). The one
 * record of a conversation: `Thread.messages` and the graph both read it.
 */
export async function readThreadConversation(
  checkpointer: Pick<BaseCheckpointSaver, 'getTuple'>,
  threadId: string,
): Promise<ConversationMessage[]> {
  const tuple = await checkpointer.getTuple(threadConfig(threadId));
  return conversationSchema.parse(tuple?.checkpoint.channel_values['history'] ?? []);
}
