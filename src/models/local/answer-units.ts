import type { ContextChunk } from '../types.js';
import { markdownBlocks, type Block } from './markdown-blocks.js';
import { termSet } from './lexical-scorer.js';
import { sentences, terms } from './text.js';

/** A piece of a chunk the local model may answer with, and what it is scored on. */
export interface AnswerUnit {
  chunkId: string;
  /** Position among all units of the context, in reading order. */
  order: number;
  /** The unit as shown: a sentence, a list item or table row, or a lead-in with its block. */
  text: string;
  /** Shown before {@link text} unless the unit before it in an answer has the same (a header row). */
  header: string | null;
  /** Whether it is prose: consecutive sentences of one paragraph are joined with a space. */
  prose: boolean;
  /** Which block of which chunk it comes from (`chunkId/index`). */
  block: string;
  /** Orders of the units {@link text} contains besides itself (a lead-in's list items). */
  contains: number[];
  /** Stemmed terms of the unit itself. */
  own: Set<string>;
  /** Pairs of adjacent terms of the unit itself (`"on-call rotation"` → `call rotation`). */
  pairs: Set<string>;
  /** Terms of what the unit sits under: its heading, a list's lead-in, a table's header row. */
  context: Set<string>;
  /** Terms of the name a list item or row defines (`--dry-run` in "--dry-run: prints…"). */
  key: Set<string>;
}

const TABLE_OF_CONTENTS =
  /^(?:table of contents|contents|toc|in this (?:document|guide|page)|on this page)$/iu;
const DEFINITION = /^(?:[-*+]|\d{1,9}[.)])\s+([^:]{1,60}):\s/u;
const MAX_KEY_WORDS = 6;

/**
 * Cuts chunks into answer units: sentences of paragraphs, list items, table rows (shown under
 * their header row) and fenced code. Headings are never units, only context for what follows
 * them, and a table of contents is skipped whole. A sentence ending in `:` right before a list
 * or code block is a lead-in: its unit shows the block too, lines intact.
 */
export function answerUnits(context: readonly ContextChunk[]): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  for (const chunk of context) {
    const blocks = markdownBlocks(chunk.text);
    let heading = new Set<string>();
    let skipBelow: number | null = null;
    blocks.forEach((block, index) => {
      if (block.kind === 'heading') {
        if (skipBelow !== null && block.level <= skipBelow) skipBelow = null;
        if (TABLE_OF_CONTENTS.test(block.title)) skipBelow = block.level;
        heading = termSet(block.title);
        return;
      }
      if (skipBelow !== null) return;
      const add = (
        unit: Omit<AnswerUnit, 'chunkId' | 'order' | 'block' | 'own' | 'pairs' | 'header'>,
        ownText: string,
        header: string | null = null,
      ) => {
        const sequence = terms(ownText);
        units.push({
          ...unit,
          chunkId: chunk.id,
          order: units.length,
          block: `${chunk.id}/${index}`,
          header,
          own: new Set(sequence),
          pairs: termPairs(sequence),
        });
        return units.length - 1;
      };
      const previous = blocks[index - 1];
      const leadIn = previous?.kind === 'paragraph' ? lastSentence(previous.text) : undefined;
      const blockContext = (extra?: string) =>
        new Set([...heading, ...(extra === undefined ? [] : termSet(extra))]);
      switch (block.kind) {
        case 'paragraph': {
          const next = blocks[index + 1];
          const all = sentences(block.text);
          all.forEach((sentence, i) => {
            const attached =
              i === all.length - 1 && sentence.endsWith(':') ? attachable(next) : undefined;
            add(
              {
                text: attached === undefined ? sentence : `${sentence}\n${attached.text}`,
                prose: attached === undefined,
                contains: [],
                context: blockContext(attached?.kind === 'list' ? attached.text : undefined),
                key: new Set(),
              },
              attached?.kind === 'code' ? `${sentence}\n${attached.text}` : sentence,
            );
          });
          return;
        }
        case 'list': {
          const leadInUnit = leadIn?.endsWith(':') ? units.length - 1 : undefined;
          const orders = block.items.map((item) =>
            add(
              {
                text: item,
                prose: false,
                contains: [],
                context: blockContext(leadIn),
                key: keyOf(item),
              },
              item,
            ),
          );
          if (leadInUnit !== undefined) units[leadInUnit]!.contains.push(...orders);
          return;
        }
        case 'table':
          for (const row of block.rows) {
            add(
              {
                text: row,
                prose: false,
                contains: [],
                context: blockContext(block.header ?? undefined),
                key: termSet(row.split('|').find((cell) => cell.trim() !== '') ?? ''),
              },
              row,
              block.header,
            );
          }
          return;
        case 'code':
          if (leadIn?.endsWith(':')) return;
          add(
            {
              text: block.text,
              prose: false,
              contains: [],
              context: blockContext(leadIn),
              key: new Set(),
            },
            block.text,
          );
      }
    });
  }
  return units;
}

/** Adjacent pairs of a term sequence, as `"a b"`. */
export function termPairs(sequence: readonly string[]): Set<string> {
  return new Set(sequence.slice(1).map((term, i) => `${sequence[i]} ${term}`));
}

/** The block a lead-in shows with it, as text: a list's items one a line, or code verbatim. */
function attachable(block: Block | undefined): { kind: 'list' | 'code'; text: string } | undefined {
  if (block?.kind === 'code') return { kind: 'code', text: block.text };
  if (block?.kind === 'list') return { kind: 'list', text: block.items.join('\n') };
  return undefined;
}

function lastSentence(paragraph: string): string | undefined {
  return sentences(paragraph).at(-1);
}

/** The terms of what a definition-style item ("`--in-place`: overwrite…") names. */
function keyOf(item: string): Set<string> {
  const name = DEFINITION.exec(item)?.[1]?.replaceAll('`', '');
  if (name === undefined || name.trim().split(/\s+/u).length > MAX_KEY_WORDS) return new Set();
  return termSet(name);
}
