import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../../src/config.js';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The variables named in the first column of the README's Configuration table. */
function documentedVariables(): string[] {
  const section = README.split(/^## /m).find((part) => part.startsWith('Configuration'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)`/gm)].map((match) => match[1]!);
}

describe('the README documents the configuration', () => {
  it('lists every environment variable the server reads, and none it does not', () => {
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(10);
    expect([...documentedVariables()].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });
});
