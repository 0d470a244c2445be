// Prints the section of CHANGELOG.md for one version: what .github/workflows/release.yml publishes as the release
// notes. A section starts at `## [X.Y.Z]` (or `## X.Y.Z`, with or without a leading v) and ends at the next `## `.
// Usage: node scripts/release-notes.mjs <vX.Y.Z | X.Y.Z> [--changelog FILE]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runWhenMain } from './lib/run-main.mjs';

/** The body of the version's section, trimmed; throws when the changelog has none, or an empty one. */
export function releaseNotes(changelog, version) {
  const wanted = version.replace(/^v/, '');
  const lines = changelog.split(/\r?\n/);
  const heading = /^## \[?v?([^\]\s]+)\]?(?:\s|$)/;
  const start = lines.findIndex((line) => heading.exec(line)?.[1] === wanted);
  if (start < 0) throw new Error(`CHANGELOG.md has no section "## [${wanted}]": move the Unreleased notes under it`);
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  if (body === '') throw new Error(`CHANGELOG.md's section for ${wanted} is empty`);
  return `${body}\n`;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      changelog: { type: 'string', default: path.join(fileURLToPath(new URL('..', import.meta.url)), 'CHANGELOG.md') },
    },
  });
  if (positionals.length !== 1) throw new Error('usage: node scripts/release-notes.mjs <version> [--changelog FILE]');
  process.stdout.write(releaseNotes(readFileSync(values.changelog, 'utf8'), positionals[0]));
}

await runWhenMain(import.meta.url, main);
