import { describe, expect, it } from '@jest/globals';
import { shellQuote, verifyCommand } from '../../../src/core/cosign/verify-command.js';

describe('the verify command users paste', () => {
  it('leaves plain words alone', () => {
    expect(verifyCommand(['verify', '--key', 'cosign.pub', `ghcr.io/acme/api@sha256:${'a'.repeat(64)}`])).toBe(
      `cosign verify --key cosign.pub ghcr.io/acme/api@sha256:${'a'.repeat(64)}`,
    );
  });

  it('quotes what a shell would split or expand', () => {
    expect(shellQuote('https://github.com/a/b/.github/workflows/x y.yml@refs/heads/main')).toBe(
      "'https://github.com/a/b/.github/workflows/x y.yml@refs/heads/main'",
    );
    expect(shellQuote('$HOME')).toBe("'$HOME'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe("''");
  });
});
