import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { encodedForms, redact, registerSecret } from '../../src/core/secrets.js';

afterEach(() => {
  jest.restoreAllMocks();
});

const SECRET = 'ghp_Secret/Value+With?Odd&Chars 0123456789';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** The runner's reading of a command's data: %25 is a percent sign. */
const unescape = (data: string) => data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

describe('registerSecret and redact (issue 12, item 8)', () => {
  it('masks the value, its base64 (standard and URL-safe) and its URL encoding with the runner', () => {
    const printed: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    registerSecret(SECRET);
    const masks = printed.filter((line) => line.startsWith('::add-mask::')).map((line) => unescape(line.slice(12, -1)));
    expect(masks).toEqual(expect.arrayContaining([SECRET, base64(SECRET), base64url(SECRET)]));
    expect(masks).toContain(encodeURIComponent(SECRET));
    expect(masks).toContain(encodeURIComponent(SECRET).replace(/%20/g, '+'));
  });

  it('redacts the secret inside base64 of a longer text, whatever the length of what comes before', () => {
    registerSecret(SECRET);
    // A basic-auth header, a JSON body, a kubeconfig: the secret starts at any byte offset of the encoded text.
    for (const prefix of ['', 'u', 'us', 'user:', 'x-access-token:', '{"token":"']) {
      for (const encode of [base64, base64url]) {
        const encoded = encode(`${prefix}${SECRET}"} trailing`);
        const shown = redact(`body: ${encoded}`);
        expect(shown).toContain('***');
        // What is left of the encoded text decodes to the prefix and suffix, never to a piece of the secret.
        const left = shown.slice('body: '.length).split('***');
        for (const piece of left) {
          const decoded = Buffer.from(piece, encode === base64 ? 'base64' : 'base64url').toString('latin1');
          expect(decoded).not.toContain(SECRET.slice(0, 6));
          expect(decoded).not.toContain(SECRET.slice(-6));
        }
      }
    }
  });

  it('redacts the URL-encoded secret in an error message', () => {
    registerSecret(SECRET);
    expect(redact(`GET https://x.test/?token=${encodeURIComponent(SECRET)} failed`)).toBe(
      'GET https://x.test/?token=*** failed',
    );
  });

  it('registers no form short enough to mask ordinary text', () => {
    expect(encodedForms('abc').every((form) => form.length >= 4)).toBe(true);
    expect(encodedForms('abcd')).not.toContain('YmNk'.slice(0, 2));
    for (const form of encodedForms('s3cr3t-value')) expect(form.length).toBeGreaterThanOrEqual(8);
  });
});
