import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { explorerPage, SANDBOX_SCRIPT_URL } from '../../../src/server/explorer/page.js';

const NONCE = 'bm9uY2Utb2YtdGhlLXRlc3Q=';
const ASSETS = '/graphql/explorer';

/** The Content-Security-Policy of a page, directive by directive. */
function policyOf(html: string): Map<string, string> {
  const content = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error('no Content-Security-Policy');
  return new Map(
    content.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );
}

describe('the explorer landing page', () => {
  it('in graphiql mode names nothing outside the origin, under default-src none', () => {
    const html = explorerPage({ mode: 'graphiql', nonce: NONCE, assetsPath: ASSETS });
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain(`<script nonce="${NONCE}" src="${ASSETS}/graphiql.js"`);
    expect(html).toContain(`href="${ASSETS}/graphiql.css"`);
    const policy = policyOf(html);
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe(`'nonce-${NONCE}'`);
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
  });

  it('in auto mode tries Sandbox first and keeps scripts to the nonce and its CDN', () => {
    const html = explorerPage({ mode: 'auto', nonce: NONCE, assetsPath: ASSETS });
    expect(html).toContain(SANDBOX_SCRIPT_URL);
    expect(html).toContain('onerror');
    const policy = policyOf(html);
    expect(policy.get('script-src')).toBe(`'nonce-${NONCE}' ${new URL(SANDBOX_SCRIPT_URL).origin}`);
    expect(policy.get('frame-src')).toBe('https://sandbox.embed.apollographql.com');
    expect(html).not.toContain('unsafe-inline');
    expect(html).not.toContain('unsafe-eval');
  });
});

describe('BALLAST_EXPLORER', () => {
  it('defaults to auto and accepts graphiql and sandbox', () => {
    expect(loadConfig({}).explorer).toBe('auto');
    expect(loadConfig({ BALLAST_EXPLORER: 'graphiql' }).explorer).toBe('graphiql');
    expect(loadConfig({ BALLAST_EXPLORER: 'sandbox' }).explorer).toBe('sandbox');
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => loadConfig({ BALLAST_EXPLORER: 'playground' })).toThrow(ConfigError);
    expect(() => loadConfig({ BALLAST_EXPLORER: 'playground' })).toThrow(/BALLAST_EXPLORER/);
  });
});
