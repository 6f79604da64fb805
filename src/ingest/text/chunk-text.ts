import { AppError } from '../../errors.js';
import { chunkSection } from './chunk/chunk-section.js';
import { splitSections } from './chunk/sections.js';
import type { Chunk, ChunkOptions, ChunkSettings } from './chunk/types.js';
import { defaultCountTokens } from './default-token-counter.js';

export type { Chunk, ChunkOptions, CountTokens } from './chunk/types.js';

/** Default {@link ChunkOptions.maxTokens}. */
export const DEFAULT_MAX_TOKENS = 400;
/** Default {@link ChunkOptions.overlapTokens}. */
export const DEFAULT_OVERLAP_TOKENS = 60;
/** Smallest accepted `maxTokens`: half of it must hold any one character (up to 4 tokens). */
export const MIN_MAX_TOKENS = 8;

/**
 * Splits cleaned text into chunks for embedding, token-aware and recursively: first into heading
 * sections (a chunk never spans two; each carries its heading path and, when it does not start
 * at the heading, begins with the heading line), then paragraphs, lines, sentences and words,
 * and a word longer than a chunk at code points. Pieces are packed greedily up to `maxTokens`;
 * consecutive chunks of a section share about `overlapTokens` of text, whole sentences where
 * possible. Deterministic, and each section's chunks depend on that section alone. Blank text
 * gives no chunks.
 * @throws {AppError} `BAD_USER_INPUT` for `maxTokens` below {@link MIN_MAX_TOKENS} or an
 * `overlapTokens` outside 0..maxTokens-1.
 */
export function chunkText(text: string, options: ChunkOptions = {}): Chunk[] {
  const settings = resolveSettings(options);
  const sections = splitSections(text);
  const chunks: Chunk[] = [];
  sections.forEach((section, index) => {
    // A heading with no text of its own lives on in its subsections' heading paths.
    const hasSubsections = (sections[index + 1]?.level ?? 0) > section.level;
    for (const chunk of chunkSection(text, section, settings, !hasSubsections)) {
      chunks.push({
        ordinal: chunks.length,
        text: chunk.text,
        tokenCount: chunk.tokens,
        headingPath: [...section.headingPath],
        startOffset: chunk.start,
        endOffset: chunk.end,
      });
    }
  });
  return chunks;
}

function resolveSettings(options: ChunkOptions): ChunkSettings {
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const overlapTokens = options.overlapTokens ?? DEFAULT_OVERLAP_TOKENS;
  if (!Number.isInteger(maxTokens) || maxTokens < MIN_MAX_TOKENS) {
    throw invalidOption('maxTokens', maxTokens, `an integer of at least ${MIN_MAX_TOKENS}`);
  }
  if (!Number.isInteger(overlapTokens) || overlapTokens < 0 || overlapTokens >= maxTokens) {
    throw invalidOption('overlapTokens', overlapTokens, 'an integer from 0 to maxTokens - 1');
  }
  return { maxTokens, overlapTokens, countTokens: options.countTokens ?? defaultCountTokens };
}

function invalidOption(option: string, value: number, requirement: string): AppError {
  return new AppError('BAD_USER_INPUT', `${option} must be ${requirement}`, {
    details: { option, value },
  });
}
