/**
 * How context chunks are shown to a model and cited back. Each chunk is rendered as
 *
 * ```text
 * [chunk:<id>]
 * <text>
 * ```
 *
 * and an answer cites it by the same tag, `[chunk:<id>]`; several in one bracket
 * (`[chunk:a, chunk:b]`) are accepted too.
 */

/** Ids that can be rendered and parsed back unambiguously (Ballast's own are `chk_<hex>`). */
export const CHUNK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const CITATION = /\[(chunk:[A-Za-z0-9_-]{1,64}(?:\s*[,;]\s*chunk:[A-Za-z0-9_-]{1,64})*)\]/g;
// Chunk text must not be able to pose as another chunk's tag.
const TAG_IN_TEXT = /\[chunk:/g;

/** The citation tag of a chunk: `[chunk:<id>]`. */
export function chunkTag(id: string): string {
  return `[chunk:${id}]`;
}

/** A chunk as the model sees it: its tag on one line, its text (tags in it defused) below. */
export function renderChunk(chunk: { id: string; text: string }): string {
  return `${chunkTag(chunk.id)}\n${chunk.text.trim().replace(TAG_IN_TEXT, '(chunk:')}`;
}

/** First line of the context message, before the chunks. */
export const CONTEXT_HEADER = 'Context passages. Cite a passage by its tag, as in [chunk:<id>].';
const BETWEEN_BLOCKS = '\n\n';

/** The context message: {@link CONTEXT_HEADER}, then each chunk, separated by blank lines. */
export function renderContext(chunks: readonly { id: string; text: string }[]): string {
  return [CONTEXT_HEADER, ...chunks.map(renderChunk)].join(BETWEEN_BLOCKS);
}

/** The distinct chunk ids an answer cites, in order of first citation. */
export function parseCitations(answer: string): string[] {
  const ids = new Set<string>();
  for (const match of answer.matchAll(CITATION)) {
    for (const part of (match[1] ?? '').split(/\s*[,;]\s*/)) ids.add(part.slice('chunk:'.length));
  }
  return [...ids];
}
