import { countTokens } from '../../governance/token-budget.js';
import type { CountTokens } from './chunk/types.js';

/**
 * The chunker's default token counter: the governance token budget's `countTokens`
 * (js-tiktoken, o200k_base), so chunk sizes match what prompts are budgeted in.
 */
export const defaultCountTokens: CountTokens = countTokens;
