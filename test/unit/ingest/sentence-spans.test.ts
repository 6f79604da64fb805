import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../../src/ingest/text/chunk/boundaries.js';

const sentences = (text: string) =>
  sentenceSpans(text, { start: 0, end: text.length }).map((span) =>
    text.slice(span.start, span.end),
  );

describe('sentenceSpans', () => {
  it('cuts after terminal punctuation followed by space and a non-lowercase start', () => {
    expect(sentences('Leave is paid. Apply early! Questions? Ask “HR.” 2 forms… Done')).toEqual([
      'Leave is paid.',
      'Apply early!',
      'Questions?',
      'Ask “HR.”',
      '2 forms…',
      'Done',
    ]);
  });

  it('does not cut inside abbreviations followed by lowercase, or inside numbers', () => {
    expect(sentences('Bring ID, e.g. a passport. Pay 3.5 days (approx.) in advance.')).toEqual([
      'Bring ID, e.g. a passport.',
      'Pay 3.5 days (approx.) in advance.',
    ]);
  });

  it('cuts at line breaks and after full-width terminators', () => {
    expect(sentences('first line\nsecond line\n休暇は有給です。申請してください。')).toEqual([
      'first line',
      'second line',
      '休暇は有給です。',
      '申請してください。',
    ]);
  });
});
