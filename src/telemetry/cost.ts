import type { TokenUsage } from '../models/types.js';

/** What a model costs, in USD per million tokens (`price` of a chat entry of the models config). */
export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
}

/** The price of the local models: they cost nothing. */
export const FREE: ModelPrice = { inputPerMTok: 0, outputPerMTok: 0 };

/** Cost in USD of `usage` at `price`; undefined when the price is unknown. */
export function costOf(usage: TokenUsage, price: ModelPrice | undefined): number | undefined {
  if (price === undefined) return undefined;
  return (usage.inputTokens * price.inputPerMTok + usage.outputTokens * price.outputPerMTok) / 1e6;
}
