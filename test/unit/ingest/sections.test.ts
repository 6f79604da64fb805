import { describe, expect, it } from 'vitest';
import { splitSections } from '../../../src/ingest/text/chunk/sections.js';

const summary = (text: string) =>
  splitSections(text).map((section) => ({
    path: section.headingPath,
    content: text.slice(section.start, section.end).trim(),
  }));

describe('splitSections', () => {
  it('gives every section the path of headings enclosing it', () => {
    const text = [
      '# Handbook',
      '## Leave',
      'Intro.',
      '### Parental leave',
      'Sixteen weeks.',
      '#### Adoption',
      'Same rules.',
      '## Benefits',
      'Pension.',
      '# Appendix',
    ].join('\n');
    expect(summary(text)).toEqual([
      { path: ['Handbook'], content: '# Handbook' },
      { path: ['Handbook', 'Leave'], content: '## Leave\nIntro.' },
      {
        path: ['Handbook', 'Leave', 'Parental leave'],
        content: '### Parental leave\nSixteen weeks.',
      },
      {
        path: ['Handbook', 'Leave', 'Parental leave', 'Adoption'],
        content: '#### Adoption\nSame rules.',
      },
      { path: ['Handbook', 'Benefits'], content: '## Benefits\nPension.' },
      { path: ['Appendix'], content: '# Appendix' },
    ]);
  });

  it('handles skipped levels and keeps text before the first heading as its own section', () => {
    expect(summary('Preface.\n### Deep\nx\n## Shallower\ny')).toEqual([
      { path: [], content: 'Preface.' },
      { path: ['Deep'], content: '### Deep\nx' },
      { path: ['Shallower'], content: '## Shallower\ny' },
    ]);
  });

  it('ignores # lines inside fenced code, hashtags and empty headings', () => {
    const text = '# Setup\n```sh\n# install\nmake\n```\n#hashtag\n#\n~~~\n## not either\n~~~';
    expect(summary(text)).toEqual([{ path: ['Setup'], content: text }]);
  });

  it('finds no section in blank text', () => {
    expect(splitSections('')).toEqual([]);
    expect(splitSections(' \n\n\t')).toEqual([]);
  });
});
