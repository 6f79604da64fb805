import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/ingest/text/content-hash.js';

describe('contentHash', () => {
  it('is the SHA-256 hex digest of the UTF-8 text', () => {
    // FIPS 180-2 test vector.
    expect(contentHash('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(contentHash('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes canonically equivalent texts alike', () => {
    expect(contentHash('Cafe\u0301')).toBe(contentHash('Café'));
  });

  it('tells apart texts that differ in one character', () => {
    expect(contentHash('Parental leave: 16 weeks')).not.toBe(
      contentHash('Parental leave: 18 weeks'),
    );
  });
});
