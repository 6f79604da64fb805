import {
  END,
  START,
  StateGraph,
  StateSchema,
  type BaseCheckpointSaver,
} from '@langchain/langgraph';
import { z } from 'zod';

const TinyState = new StateSchema({
  note: z.string(),
  notes: z.array(z.string()).default(() => []),
});

/** A two-node graph that appends each run's note to `notes`: enough to exercise a saver. */
export function tinyGraph(checkpointer: BaseCheckpointSaver) {
  return new StateGraph(TinyState)
    .addNode('read', (state) => ({ note: state.note.trim() }))
    .addNode('append', (state) => ({ notes: [...state.notes, state.note] }))
    .addEdge(START, 'read')
    .addEdge('read', 'append')
    .addEdge('append', END)
    .compile({ checkpointer });
}
