// `npm run bench [-- <name>… [--dist DIR]]`: runs every scripts/bench/*.bench.mjs (or the ones named) and prints their
// tables. Without --dist the bundles are built fresh into a temporary folder first (see lib.mjs).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NODE, ROUNDS } from './lib.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const { positionals: wanted } = parseArgs({ options: { dist: { type: 'string' } }, allowPositionals: true });
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort();
console.log(
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ` +
    `bundles on node ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()}; ${ROUNDS} rounds per figure, contenders alternating, medians (min–max)\n`,
);
for (const name of benches) {
  const bench = await import(path.join(dir, name));
  await bench.run();
  console.log('');
}
