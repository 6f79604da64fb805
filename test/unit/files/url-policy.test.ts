import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { assertFetchableUrl, type UrlFetchPolicy } from '../../../src/files/url-policy.js';

const policy: UrlFetchPolicy = {
  allowLoopback: false,
  allowedHosts: [],
  maxBytes: 1024,
  timeoutMs: 1000,
  maxRedirects: 5,
};

function refusal(url: string, settings: Partial<UrlFetchPolicy> = {}): string | null {
  try {
    assertFetchableUrl(new URL(url), { ...policy, ...settings });
    return null;
  } catch (error) {
    if (!isAppError(error, 'FORBIDDEN_URL')) throw error;
    return error.message;
  }
}

describe('assertFetchableUrl', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.8.9.10:8080/x', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://10.0.0.5/', 'private'],
    ['http://172.16.3.4/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:a9fe:a9fe]/', 'linkLocal'],
    ['http://[fd00::1]/', 'uniqueLocal'],
    ['http://[fe80::1]/', 'linkLocal'],
    ['http://[2002:7f00:1::]/', '6to4'],
    ['http://100.64.0.1/', 'carrierGradeNat'],
    ['http://224.0.0.1/', 'multicast'],
  ])('refuses %s (%s)', (url, range) => {
    expect(refusal(url)).toContain(`(${range})`);
  });

  it('allows public addresses and names (names are checked once resolved)', () => {
    expect(refusal('https://93.184.216.34/page')).toBeNull();
    expect(refusal('http://[2606:4700:4700::1111]/')).toBeNull();
    expect(refusal('https://docs.example.com/handbook.pdf')).toBeNull();
  });

  it('refuses schemes other than http and https', () => {
    expect(refusal('file:///etc/passwd')).toMatch(/only http and https/);
    expect(refusal('ftp://example.com/x')).toMatch(/only http and https/);
  });

  it('allows loopback, and loopback alone, when the policy says so', () => {
    expect(refusal('http://127.0.0.1:9/', { allowLoopback: true })).toBeNull();
    expect(refusal('http://[::1]/', { allowLoopback: true })).toBeNull();
    expect(refusal('http://169.254.169.254/', { allowLoopback: true })).toContain('linkLocal');
    expect(refusal('http://10.0.0.5/', { allowLoopback: true })).toContain('private');
  });

  it('holds hosts to the allowlist: exact names and subdomains of a leading-dot entry', () => {
    const allowedHosts = ['docs.example.com', '.wiki.example.org'];
    expect(refusal('https://docs.example.com/a', { allowedHosts })).toBeNull();
    expect(refusal('https://DOCS.example.com/a', { allowedHosts })).toBeNull();
    expect(refusal('https://team.wiki.example.org/a', { allowedHosts })).toBeNull();
    expect(refusal('https://example.com/a', { allowedHosts })).toMatch(/not one of the hosts/);
    expect(refusal('https://evil-docs.example.com/a', { allowedHosts })).toMatch(/not one/);
  });
});
