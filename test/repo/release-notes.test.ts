import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { releaseNotes } from '../../scripts/release-notes.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHANGELOG = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '- next',
  '',
  '## [1.2.0] - 2026-03-01',
  '',
  '### Added',
  '',
  '- one',
  '',
  '## v1.1.0',
  '',
  '- two',
  '',
  '[1.2.0]: https://example.test/compare',
  '',
].join('\n');

describe('release notes from CHANGELOG.md', () => {
  it.each(['v1.2.0', '1.2.0'])('takes the section of %s up to the next version', (version) => {
    expect(releaseNotes(CHANGELOG, version)).toBe('### Added\n\n- one\n');
  });

  it('reads headings with and without brackets or a v, and the last section up to the end', () => {
    expect(releaseNotes(CHANGELOG, 'v1.1.0')).toBe('- two\n\n[1.2.0]: https://example.test/compare\n');
  });

  it('refuses a version the changelog has no section for, and an empty one', () => {
    expect(() => releaseNotes(CHANGELOG, 'v2.0.0')).toThrow('CHANGELOG.md has no section "## [2.0.0]"');
    expect(() => releaseNotes('## [3.0.0]\n\n## [2.0.0]\n- x\n', 'v3.0.0')).toThrow('section for 3.0.0 is empty');
  });

  it("finds this repository's Unreleased section", () => {
    expect(releaseNotes(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), 'Unreleased')).toContain('### Added');
  });
});
