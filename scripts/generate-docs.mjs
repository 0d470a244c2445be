// Rewrites the README's generated regions (usage, inputs, outputs of each action) from the action.yml files.
// Usage: node scripts/generate-docs.mjs [--check]   --check writes nothing and exits 1 when a region is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateReadme } from './docs-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const { text, staleRegions } = generateReadme(root);
  if (staleRegions.length === 0) {
    console.log('README.md is up to date');
  } else if (values.check) {
    console.error(`README.md is stale in ${staleRegions.join(', ')}: run npm run docs`);
    process.exitCode = 1;
  } else {
    writeFileSync(path.join(root, 'README.md'), text);
    console.log(`README.md: rewrote ${staleRegions.join(', ')}`);
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
