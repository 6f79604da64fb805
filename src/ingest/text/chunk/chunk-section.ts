import { trim } from './boundaries.js';
import { packPieces } from './pack-pieces.js';
import type { RenderedChunk } from './pack-pieces.js';
import type { Section } from './sections.js';
import { splitIntoPieces } from './split-pieces.js';
import type { ChunkSettings, Span } from './types.js';

/**
 * The chunks of one section, computed from the section's own text and heading alone, so that
 * editing one section never changes another's chunks. Every chunk but the first starts with the
 * heading line and a blank line; that prefix is left out when it would take more than half of
 * `maxTokens` (the heading is then chunked as text). A section with no text after its heading
 * yields its heading line only when `keepLoneHeading` is set.
 */
export function chunkSection(
  text: string,
  section: Section,
  settings: ChunkSettings,
  keepLoneHeading: boolean,
): RenderedChunk[] {
  const { maxTokens, countTokens: count } = settings;
  const whole = trim(text, section);
  const body = trim(text, { start: section.bodyStart, end: section.end });
  if (!whole || (!body && !keepLoneHeading)) return [];
  const plain = (start: number, end: number, spanTokens?: number): RenderedChunk => {
    const chunkText = text.slice(start, end);
    return { start, end, text: chunkText, tokens: spanTokens ?? count(chunkText) };
  };
  const prefix = section.headingLine === null ? '' : `${section.headingLine}\n\n`;
  const prefixTokens = count(prefix);
  if (!body || prefix === '' || prefixTokens > maxTokens / 2) {
    return chunkSpan(text, whole, maxTokens, settings, plain);
  }
  const prefixed = (start: number, end: number): RenderedChunk => {
    if (start === body.start) return plain(whole.start, end);
    const chunkText = prefix + text.slice(start, end);
    return { start, end, text: chunkText, tokens: count(chunkText) };
  };
  // Only a counter whose counts do not add up at the prefix could overshoot; the chunk's own
  // text is within budget, so it goes without the prefix then.
  return chunkSpan(text, body, maxTokens - prefixTokens, settings, prefixed).map((chunk) =>
    chunk.tokens > maxTokens ? plain(Math.max(chunk.start, body.start), chunk.end) : chunk,
  );
}

function chunkSpan(
  text: string,
  span: Span,
  budget: number,
  settings: ChunkSettings,
  render: (start: number, end: number, spanTokens?: number) => RenderedChunk,
): RenderedChunk[] {
  const pieces = splitIntoPieces(text, span, budget, settings.countTokens);
  return packPieces(pieces, {
    text,
    budget,
    maxTokens: settings.maxTokens,
    overlapTokens: settings.overlapTokens,
    count: settings.countTokens,
    render,
  });
}
