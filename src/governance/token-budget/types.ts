/** A turn of the conversation so far. */
export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** A retrieved chunk offered as context. */
export interface ContextChunk {
  /** What citations point at; must match `CHUNK_ID_PATTERN`. */
  id: string;
  text: string;
  /** Retrieval score, informational only: the order of `context` is the priority. */
  score?: number;
}

/** What {@link assemblePrompt} fits into a budget. */
export interface PromptInput {
  system: string;
  /** Oldest first. */
  history: readonly HistoryMessage[];
  /** Best first. */
  context: readonly ContextChunk[];
  question: string;
  /** A summary of the conversation, used in place of turns that do not fit. Default: none. */
  historySummary?: string;
}

/** Token limits of one model call. */
export interface TokenBudget {
  /** The model's context window: the prompt and the answer together must fit in it. */
  maxInputTokens: number;
  /** Tokens held back for the answer. */
  answerReserve: number;
  /** Fraction of what system and question leave that history may use. Default: 0.25. */
  historyShare?: number;
  /** Longest system prompt in tokens; a longer one is cut. Default: no limit. */
  systemMax?: number;
}

/** One message of the assembled prompt, in the OpenAI chat format. */
export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Something left out of the prompt. */
export interface DroppedItem {
  section: 'history' | 'context';
  /** The chunk id, the history index (`'3'`), or `'summary'` for the history summary. */
  id: string;
  tokens: number;
  reason: 'over_budget';
}

/** A section that was shortened to fit its own limit. */
export interface TruncatedSection {
  section: 'system';
  /** Tokens before and after the cut (content only). */
  tokens: number;
  keptTokens: number;
}

/** Token counts per section (message framing included), plus the answer reserve. */
export interface SectionTokens {
  system: number;
  history: number;
  context: number;
  question: number;
  reserve: number;
}

/** What {@link assemblePrompt} produced. */
export interface AssembledPrompt {
  /** System, history summary, history, context, question: in this order. */
  messages: PromptMessage[];
  /** Tokens of `messages`; never more than `maxInputTokens - answerReserve`. */
  usedTokens: number;
  sections: SectionTokens;
  /** Ids of the chunks in the prompt, in prompt order: the only valid citations. */
  contextIds: string[];
  dropped: DroppedItem[];
  truncated: TruncatedSection[];
}
