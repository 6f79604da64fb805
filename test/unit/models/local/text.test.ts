import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../../../../src/models/local/markdown-blocks.js';
import { sentences, stem } from '../../../../src/models/local/text.js';
import { wordPieces } from '../../../../src/models/local/word-pieces.js';

describe('local text helpers', () => {
  it('stems inflected forms of a word alike', () => {
    const groups = [
      ['change', 'changes', 'changed', 'changing'],
      ['deploy', 'deployed', 'deployments', 'deploying'],
      ['retry', 'retries', 'retried'],
      ['need', 'needs', 'needed'],
      ['day', 'days'],
      ['stop', 'stopped', 'stops'],
    ];
    for (const forms of groups) expect(new Set(forms.map(stem)).size).toBe(1);
    expect(stem('sev1')).toBe('sev1');
  });

  it('splits sentences at Unicode boundaries, not inside times or versions', () => {
    expect(sentences('It runs at 14:00. Node.js 20 is needed!\nReally?\n\nNext')).toEqual([
      'It runs at 14:00.',
      'Node.js 20 is needed!',
      'Really?',
      'Next',
    ]);
  });

  it('cuts text into word pieces that add up to it', () => {
    const json = JSON.stringify({ answer: 'Two words\nand code', citations: ['a b'] });
    const pieces = wordPieces(json);
    expect(pieces.join('')).toBe(json);
    expect(pieces).toEqual(['{"answer":"Two ', 'words\\nand ', 'code","citations":["a ', 'b"]}']);
    expect(wordPieces('')).toEqual([]);
  });

  it('reads headings, paragraphs, lists, code and tables', () => {
    const text = [
      '## Setup',
      'Install it:',
      '',
      '```sh',
      '# not a heading',
      'npm ci',
      '```',
      '- one item',
      '  that wraps',
      '',
      '- two',
      '| Plan | Limit |',
      '| --- | --- |',
      '| Free | 60 |',
    ].join('\n');
    expect(markdownBlocks(text)).toEqual([
      { kind: 'heading', level: 2, title: 'Setup' },
      { kind: 'paragraph', text: 'Install it:' },
      { kind: 'code', text: '```sh\n# not a heading\nnpm ci\n```' },
      { kind: 'list', items: ['- one item that wraps', '- two'] },
      { kind: 'table', header: '| Plan | Limit |', rows: ['| Free | 60 |'] },
    ]);
  });
});
