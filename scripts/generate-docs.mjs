// Rewrites the generated parts of the docs from the action.yml files: the root action.yml's inputs and outputs (the
// chained steps' own, under their vocabulary names), the reusable workflows' step inputs, then the docs' generated
// regions and docs/vocabulary.md (scripts/docs-lib.mjs says which).
// Usage: node scripts/generate-docs.mjs [--check]   --check writes nothing and exits 1 when anything is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateDocs } from './docs-lib.mjs';
import { renderRootAction } from './root-action.mjs';
import { renderWorkflows } from './workflows.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const rootAction = await renderRootAction(root);
  if (!rootAction.stale) {
    console.log('action.yml is up to date');
  } else if (values.check) {
    console.error('action.yml inputs or outputs are stale: run npm run docs');
    process.exitCode = 1;
  } else {
    writeFileSync(path.join(root, 'action.yml'), rootAction.text);
    console.log('action.yml: rewrote inputs and outputs');
  }
  for (const workflow of await renderWorkflows(root)) {
    if (!workflow.stale) continue;
    if (values.check) {
      console.error(`${workflow.file} is stale: run npm run docs`);
      process.exitCode = 1;
    } else {
      writeFileSync(path.join(root, workflow.file), workflow.text);
      console.log(`${workflow.file}: rewrote the step inputs, secrets and with: blocks`);
    }
  }
  let docsStale = false;
  for (const page of await generateDocs(root)) {
    if (page.staleRegions.length === 0) continue;
    docsStale = true;
    if (values.check) {
      console.error(`${page.file} is stale in ${page.staleRegions.join(', ')}: run npm run docs`);
      process.exitCode = 1;
    } else {
      writeFileSync(path.join(root, page.file), page.text);
      console.log(`${page.file}: rewrote ${page.staleRegions.join(', ')}`);
    }
  }
  if (!docsStale) console.log('the docs are up to date');
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
