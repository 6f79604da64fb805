import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../src/ingest/text/chunk-text.js';
import type { Chunk } from '../../../src/ingest/text/chunk-text.js';
import { cleanText } from '../../../src/ingest/text/clean-text.js';
import { contentHash } from '../../../src/ingest/text/content-hash.js';
import { countWords } from './helpers.js';
import { HANDBOOK_HTML } from './samples.js';

const POLICY = `# Travel policy

Employees travelling for work book through the travel desk. Trips abroad need a manager's
approval two weeks ahead. Keep every receipt.

## Flights

Economy class for flights under six hours. Business class above six hours, with director
approval. Book at least fourteen days ahead when you can; late bookings cost the company more.

Frequent flyer miles stay with the traveller. Do not choose a flight for its miles.

## Hotels

Stay within the city rate card. Breakfast is included in the allowance. Long stays above two
weeks go through the relocation team, who negotiate monthly rates.

Cancel unused nights before the hotel's deadline. A no-show fee is not reimbursed unless the
trip itself was cancelled by the company.

## Meals

A daily allowance covers meals. Alcohol is not reimbursed. Client dinners need a list of guests
and the business purpose on the claim.
`;

/** Chunk content hashes per section, the way ingestion dedups them. */
function hashesBySection(chunks: readonly Chunk[]): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  for (const chunk of chunks) {
    const key = chunk.headingPath.join(' > ');
    sections.set(key, [...(sections.get(key) ?? []), contentHash(chunk.text)]);
  }
  return sections;
}

const options = { maxTokens: 30, overlapTokens: 8, countTokens: countWords };

describe('chunk stability', () => {
  it('gives the same chunks for the same input, every time', () => {
    // Recorded once: a chunker that splits this text differently (even deterministically)
    // changes the chunk hashes of every document already ingested, so ingesting it again
    // would embed it all anew. Change this only on purpose.
    const chunks = chunkText(POLICY, options).map((c) => [
      c.headingPath.join(' > '),
      c.startOffset,
      c.endOffset,
      c.tokenCount,
    ]);
    expect(chunks).toEqual([
      ['Travel policy', 0, 152, 24],
      ['Travel policy > Flights', 154, 254, 16],
      ['Travel policy > Flights', 209, 349, 25],
      ['Travel policy > Flights', 304, 434, 25],
      ['Travel policy > Hotels', 436, 606, 28],
      ['Travel policy > Hotels', 561, 742, 30],
      ['Travel policy > Meals', 744, 888, 25],
    ]);
  });

  it('changes only the edited section when a sentence changes', () => {
    const before = hashesBySection(chunkText(POLICY, options));
    const edited = POLICY.replace('Breakfast is included', 'Breakfast is not included');
    const after = hashesBySection(chunkText(edited, options));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [section, hashes] of before) {
      if (section === 'Travel policy > Hotels') expect(after.get(section)).not.toEqual(hashes);
      else expect(after.get(section)).toEqual(hashes);
    }
  });

  it('keeps the other sections when a section grows, shrinks or disappears', () => {
    const before = hashesBySection(chunkText(POLICY, options));
    const grown = POLICY.replace(
      '## Meals',
      'Extra paragraph about hotel loyalty points.\n\n## Meals',
    );
    const withoutFlights = POLICY.replace(/## Flights[\s\S]*?(?=## Hotels)/, '');
    for (const [edit, changed] of [
      [grown, 'Travel policy > Hotels'],
      [withoutFlights, 'Travel policy > Flights'],
    ] as const) {
      const after = hashesBySection(chunkText(edit, options));
      expect(after.get(changed)).not.toEqual(before.get(changed));
      for (const [section, hashes] of before) {
        if (section !== changed) expect(after.get(section)).toEqual(hashes);
      }
    }
  });

  it('keeps the chunks of untouched sections when a page is edited and cleaned again', () => {
    const page = { maxTokens: 40, overlapTokens: 10 };
    const before = hashesBySection(chunkText(cleanText({ html: HANDBOOK_HTML }).text, page));
    const editedHtml = HANDBOOK_HTML.replace('16 weeks', '18 weeks');
    const after = hashesBySection(chunkText(cleanText({ html: editedHtml }).text, page));
    const parental = 'Employee Handbook 2024 edition > Leave > Parental leave';
    expect(after.get(parental)).not.toEqual(before.get(parental));
    expect(new Map([...after].filter(([key]) => key !== parental))).toEqual(
      new Map([...before].filter(([key]) => key !== parental)),
    );
  });
});
