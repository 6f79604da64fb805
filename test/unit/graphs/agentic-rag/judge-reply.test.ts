import { describe, expect, it } from 'vitest';
import { judgeReply } from '../../../../graphs/agentic-rag/judge-reply.js';

const reply = (value: unknown) => JSON.stringify(value);

describe('judgeReply', () => {
  it('accepts a grounded answer citing chunks of the context, de-duplicating citations', () => {
    const verdict = judgeReply(
      reply({ answer: 'Twenty-five days.', citations: ['k1', 'k1', 'k2'], grounded: true }),
      ['k1', 'k2'],
    );
    expect(verdict).toEqual({
      ok: true,
      answer: { answer: 'Twenty-five days.', citations: ['k1', 'k2'], grounded: true },
    });
  });

  it('accepts an honest "not in the documents" answer without citations', () => {
    expect(
      judgeReply(reply({ answer: 'Not covered.', citations: [], grounded: false }), []),
    ).toMatchObject({ ok: true });
  });

  it('rejects text that is not JSON, or JSON of another shape, as INVALID_OUTPUT', () => {
    expect(judgeReply('{"answer": "cut', ['k1'])).toMatchObject({
      ok: false,
      reason: 'INVALID_OUTPUT',
      error: expect.stringMatching(/^is not valid JSON/),
    });
    expect(judgeReply(reply({ answer: '', citations: [] }), ['k1'])).toMatchObject({
      ok: false,
      reason: 'INVALID_OUTPUT',
      error: expect.stringContaining('grounded'),
    });
  });

  it('rejects a second "answer" field, which would break the streamed-text contract', () => {
    expect(
      judgeReply('{"answer": "a", "answer": "b", "citations": [], "grounded": false}', []),
    ).toMatchObject({ ok: false, reason: 'INVALID_OUTPUT' });
  });

  it('rejects citations outside the context, and grounded claims without citations, as UNGROUNDED', () => {
    expect(
      judgeReply(reply({ answer: 'x', citations: ['k9'], grounded: true }), ['k1']),
    ).toMatchObject({ ok: false, reason: 'UNGROUNDED', error: expect.stringContaining('k9') });
    expect(judgeReply(reply({ answer: 'x', citations: [], grounded: true }), ['k1'])).toMatchObject(
      { ok: false, reason: 'UNGROUNDED' },
    );
  });

  it('accepts a ```json fence around the object', () => {
    const fenced = `\`\`\`json\n${reply({ answer: 'x', citations: ['k1'], grounded: true })}\n\`\`\``;
    expect(judgeReply(fenced, ['k1'])).toMatchObject({ ok: true });
  });
});
