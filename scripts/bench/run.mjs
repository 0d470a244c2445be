// `npm run bench`: runs every scripts/bench/*.bench.mjs (or the ones named) and prints their figures.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort();
for (const name of benches) {
  const bench = await import(path.join(dir, name));
  await bench.run();
  console.log('');
}
