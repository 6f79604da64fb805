import { encodeId } from '../../ids.js';
import type { MessageResolvers } from '../../generated/resolvers-types.js';

/** `Message`: one turn's question or answer, with the edge to its run. */
export const Message: MessageResolvers = {
  // The runs of a thread's messages are already in the loader: no query of its own.
  run: (message, _args, ctx) => ctx.loaders.run.load(message.runId),
  runId: (message) => encodeId('Run', message.runId),
};
