import { describe, expect, it } from 'vitest';
import {
  answerFromContext,
  CANNOT_ANSWER_TEXT,
} from '../../../../src/models/local/extractive-answerer.js';
import type { ContextChunk } from '../../../../src/models/types.js';

// Chunks as the ingest pipeline leaves a Markdown README: heading lines kept, bullets as `- `,
// fenced code verbatim, table delimiter rows dropped.
const readme: ContextChunk[] = [
  {
    id: 'readme#0',
    text: [
      '# tidyx',
      '',
      'tidyx cleans up messy CSV files.',
      '',
      '## Table of Contents',
      '',
      '- Installation',
      '- Exit codes',
      '- Leave',
    ].join('\n'),
  },
  {
    id: 'readme#1',
    text: [
      '## Installation',
      '',
      'tidyx needs Python 3.10 or newer. Install it from PyPI:',
      '',
      '```bash',
      'pip install tidyx',
      'tidyx --version',
      '```',
    ].join('\n'),
  },
  {
    id: 'readme#2',
    text: [
      '## Exit Codes',
      '',
      '- 0: all files were cleaned.',
      '- 2: the command line or the configuration file is invalid.',
      '- 3: `--dry-run` found changes that would be made.',
    ].join('\n'),
  },
  {
    id: 'readme#3',
    text: [
      '## Limits',
      '',
      '| Plan | Requests per minute |',
      '| Free | 60 |',
      '| Team | 600 |',
    ].join('\n'),
  },
  {
    id: 'handbook#4',
    text: '# Leave\n\nParental leave is sixteen weeks at full pay.\nAnnual leave is 25 days a year.',
  },
];

describe('answerFromContext reads Markdown chunks', () => {
  it('never answers with a heading line, even one that matches the question best', () => {
    const context: ContextChunk[] = [
      {
        id: 'expenses#2',
        text: '## Meals and Per Diem\n\nWhen you travel you receive a per diem of 60 euros a day.',
      },
    ];
    const answer = answerFromContext('What is the per diem for meals?', context);
    expect(answer.text).toBe('When you travel you receive a per diem of 60 euros a day.');
    expect(answerFromContext('How long is parental leave?', readme)).toEqual({
      text: 'Parental leave is sixteen weeks at full pay.',
      citations: ['handbook#4'],
      grounded: true,
    });
  });

  it('never answers from a table of contents', () => {
    for (const question of ['What are the exit codes?', 'installation', 'leave']) {
      const answer = answerFromContext(question, readme);
      expect(answer.text).not.toMatch(/^- (?:Installation|Exit codes|Leave)$/mu);
      expect(answer.citations).not.toContain('readme#0');
    }
  });

  it('keeps code on its lines, under the sentence that introduces it', () => {
    const answer = answerFromContext('How do I install tidyx?', readme);
    expect(answer.text).toBe(
      'Install it from PyPI:\n```bash\npip install tidyx\ntidyx --version\n```',
    );
    expect(answer.citations).toEqual(['readme#1']);
  });

  it('answers with the list item that defines what is asked, marker and all', () => {
    const answer = answerFromContext('What does exit code 2 mean?', readme);
    expect(answer.text).toBe('- 2: the command line or the configuration file is invalid.');
    expect(answer.citations).toEqual(['readme#2']);
  });

  it('shows a table row under its header row', () => {
    const answer = answerFromContext('How many requests per minute on the Team plan?', readme);
    expect(answer.text).toBe('| Plan | Requests per minute |\n| Team | 600 |');
  });

  it('adds matching sentences of the same chunk only, and cites only that chunk', () => {
    const context: ContextChunk[] = [
      {
        id: 'a',
        text: 'Parental leave is sixteen weeks. Parental leave can be split in two blocks.',
      },
      { id: 'b', text: 'Parental leave requests go to HR. The office closes at six.' },
    ];
    const answer = answerFromContext('What are the rules for parental leave?', context);
    expect(answer.text).toBe(
      'Parental leave is sixteen weeks. Parental leave can be split in two blocks.',
    );
    expect(answer.citations).toEqual(['a']);
  });

  it('prefers the sentence with a time when asked when', () => {
    const context: ContextChunk[] = [
      { id: 'a', text: 'Read the on-call guide before you join the rotation.' },
      { id: 'b', text: '## Rotation\n\nThe rotation changes every Monday at 10:00 UTC.' },
    ];
    const answer = answerFromContext('When does the on-call rotation change?', context);
    expect(answer.text).toBe('The rotation changes every Monday at 10:00 UTC.');
    expect(answer.citations).toEqual(['b']);
  });

  it('refuses when nothing covers enough of the question', () => {
    expect(answerFromContext('What is the parking policy in Berlin?', readme)).toEqual({
      text: CANNOT_ANSWER_TEXT,
      citations: [],
      grounded: false,
    });
  });
});
