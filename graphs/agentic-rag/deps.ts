import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { z } from 'zod';
import type { AnswerCache } from '../../src/cache/index.js';
import type { TokenBudget } from '../../src/governance/token-budget.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import type {
  ChatRequest,
  EmbeddingModel,
  ModelCallOptions,
  ModelStreamEvent,
  ProviderKind,
  StructuredOptions,
} from '../../src/models/index.js';
import type { RetrievedChunk } from '../../src/retrieval/hybrid-search.js';
import { currentRunUsage } from '../../src/telemetry/index.js';
import type { Usage } from './state.js';

/** What the graph uses of one chat model (a `ChatModel` from `ChatRouter.model(id)`). */
export interface GraphChatModel {
  readonly id: string;
  /** Whether it can continue another model's cut answer. */
  readonly canContinue: boolean;
  readonly provider: { readonly kind: ProviderKind };
  stream(request: ChatRequest, options?: ModelCallOptions): AsyncIterable<ModelStreamEvent>;
  /** A value of `schema`, with this model's own corrective re-asks; no fallback. */
  generateStructured<T>(
    schema: z.ZodType<T>,
    request: ChatRequest,
    options?: StructuredOptions,
  ): Promise<T>;
}

/** What the graph uses of the chat chain (`ChatRouter` satisfies it). */
export interface GraphChatRouter {
  /** Model ids in fallback order. */
  readonly ids: string[];
  isOpen(id: string): boolean;
  model(id: string): GraphChatModel;
}

/** Arguments of {@link RetrieveChunks}. */
export interface RetrieveArgs {
  workspaceId: string;
  collectionId: string;
  query: string;
  k: number;
  /** The query's embedding when the graph already has it (the question's, from `cache`). */
  queryVector?: readonly number[];
  signal?: AbortSignal;
}

/** Searches a collection (in production `hybridSearch`); best first. */
export type RetrieveChunks = (
  args: RetrieveArgs,
) => Promise<readonly Pick<RetrievedChunk, 'chunkId' | 'documentId' | 'text' | 'score'>[]>;

/** Loop bounds and thresholds of the graph. */
export interface AgenticRagLimits {
  /** Chunks per retrieval. Default: 6. */
  k?: number;
  /** Query rewrites per run when nothing relevant was found. Default: 2. */
  maxRewrites?: number;
  /** Corrective retries per model after an invalid or ungrounded reply. Default: 1. */
  maxCorrections?: number;
  /**
   * Messages of the conversation an answer prompt may include, the most recent whole turns
   * (the thread keeps them all). Default: 20.
   */
  maxHistoryMessages?: number;
  /** Least similarity of a cached answer served when no model can answer. Default: 0.85. */
  lastResortSimilarity?: number;
}

/** Dependencies of `buildAgenticRagGraph`; tests inject fakes for each. */
export interface AgenticRagDeps {
  router: GraphChatRouter;
  /** Embeds questions for the semantic cache. */
  embedder: Pick<EmbeddingModel, 'model' | 'embed'>;
  retrieve: RetrieveChunks;
  cache: AnswerCache;
  checkpointer: BaseCheckpointSaver;
  /** Clock for hop times and cache entries. Default: `() => new Date()`. */
  now?: () => Date;
  /**
   * The run's token usage so far, for `answer.usage`. Default: the totals of the current run's
   * usage meter (`src/telemetry/run-usage.ts`, the one accounting, which counts every attempt);
   * null outside a run.
   */
  runUsage?: () => Usage | null;
  /** Token budget of the answer prompt. Default: 8192 in, 1024 reserved for the answer. */
  budget?: Partial<TokenBudget>;
  limits?: AgenticRagLimits;
  /** Ids, counts and codes only. Default: silent. */
  logger?: Logger;
}

/** The defaults of {@link AgenticRagDeps.budget}. */
export const DEFAULT_BUDGET: TokenBudget = {
  maxInputTokens: 8192,
  answerReserve: 1024,
  historyShare: 0.25,
};

/** The defaults of {@link AgenticRagLimits}. */
export const DEFAULT_LIMITS: Required<AgenticRagLimits> = {
  k: 6,
  maxRewrites: 2,
  maxCorrections: 1,
  maxHistoryMessages: 20,
  lastResortSimilarity: 0.85,
};

/** What nodes get: the dependencies with every default applied. */
export type NodeDeps = Omit<Required<AgenticRagDeps>, 'checkpointer' | 'budget' | 'limits'> & {
  budget: TokenBudget;
  limits: Required<AgenticRagLimits>;
};

function meteredUsage(): Usage | null {
  const usage = currentRunUsage();
  return usage && { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
}

/** Applies the defaults. */
export function resolveDeps(deps: Omit<AgenticRagDeps, 'checkpointer'>): NodeDeps {
  return {
    router: deps.router,
    embedder: deps.embedder,
    retrieve: deps.retrieve,
    cache: deps.cache,
    now: deps.now ?? (() => new Date()),
    runUsage: deps.runUsage ?? meteredUsage,
    budget: { ...DEFAULT_BUDGET, ...deps.budget },
    limits: { ...DEFAULT_LIMITS, ...deps.limits },
    logger: (deps.logger ?? silentLogger).child({ component: 'agentic-rag' }),
  };
}
