import { isDeepStrictEqual } from 'node:util';
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { z } from 'zod';
import { AppError } from '../../src/errors.js';
import { traceNode } from '../../src/telemetry/index.js';
import { emit } from './events.js';
import type { agenticRagNodeSchema } from './state-schemas.js';
import { stateFields, type AgenticRagValues, type StateKey } from './state.js';

/** The nodes of the graph. */
export type AgenticRagNodeName = z.infer<typeof agenticRagNodeSchema>;

/** A node's update: some of the fields it declared it writes. */
export type NodeOutput<K extends StateKey> = { [P in K]?: z.infer<(typeof stateFields)[P]> };

/** A node function of this graph. */
export type AgenticRagNode<K extends StateKey = StateKey> = (
  state: AgenticRagValues,
  config: LangGraphRunnableConfig,
) => Promise<NodeOutput<K>>;

/** A node produced state that breaks the schema: a bug, reported with the node's name. */
export class NodeOutputError extends AppError {
  readonly node: AgenticRagNodeName;

  constructor(node: AgenticRagNodeName, issues: readonly z.core.$ZodIssue[]) {
    const where = issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    super('INTERNAL_SERVER_ERROR', `node "${node}" produced invalid state: ${where.join('; ')}`, {
      details: { node, issues: where },
    });
    this.name = 'NodeOutputError';
    this.node = node;
  }
}

// Every field written is a pending-write row now and a blob row in the next checkpoint, and
// every field is a last-value channel: writing a value equal to the current one changes nothing
// but costs two inserts.
function changedOnly<K extends StateKey>(
  state: AgenticRagValues,
  output: NodeOutput<K>,
): NodeOutput<K> {
  const changed: NodeOutput<K> = {};
  for (const [key, value] of Object.entries(output) as [K, NodeOutput<K>[K]][]) {
    if (!isDeepStrictEqual(state[key], value)) changed[key] = value;
  }
  return changed;
}

/**
 * Wraps a node so that it validates its own update before returning it: only the fields in
 * `writes`, each valid by its schema in `stateFields`. Anything else throws a
 * {@link NodeOutputError} naming the node, so a bug never reaches the checkpoint. Fields equal
 * to their current value are then left out of the update. Each execution is one `node {name}`
 * span, with the fallbacks the node streams as span events, and starts with a `nodeStarted`
 * event.
 */
export function defineNode<K extends StateKey>(
  name: AgenticRagNodeName,
  writes: readonly K[],
  run: AgenticRagNode<K>,
): AgenticRagNode<K> {
  const shape = Object.fromEntries(writes.map((key) => [key, stateFields[key]]));
  const schema = z.strictObject(shape).partial();
  return (state, config) =>
    traceNode('agentic-rag', name, config, async (traced) => {
      emit(traced, { type: 'nodeStarted', node: name });
      const output = await run(state, traced);
      const checked = schema.safeParse(output);
      if (!checked.success) throw new NodeOutputError(name, checked.error.issues);
      return changedOnly(state, output);
    });
}
