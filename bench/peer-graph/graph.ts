// The peer's graph for `npm run bench -- peers`: five nodes in a line, each only counting, no
// model call. The LangGraph JS dev server (`langgraphjs dev`, bench/peer-graph/langgraph.json)
// serves it with its own in-memory checkpointer, queue and thread store.
import { Annotation, END, START, StateGraph } from '@langchain/langgraph';

const State = Annotation.Root({
  note: Annotation<string>(),
  step: Annotation<number>({ reducer: (_, next) => next, default: () => 0 }),
});

const step = (state: typeof State.State) => ({ step: state.step + 1 });

export const graph = new StateGraph(State)
  .addNode('redact', step)
  .addNode('retrieve', step)
  .addNode('grade', step)
  .addNode('generate', step)
  .addNode('respond', step)
  .addEdge(START, 'redact')
  .addEdge('redact', 'retrieve')
  .addEdge('retrieve', 'grade')
  .addEdge('grade', 'generate')
  .addEdge('generate', 'respond')
  .addEdge('respond', END)
  .compile();
