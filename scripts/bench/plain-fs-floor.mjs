// The floor for a bump: walk the tree, read every YAML file, write back the files of one app. Plain fs, nothing else,
// with the same read concurrency the bumper uses, so the ratio measures the YAML work and not I/O scheduling.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [root, app] = process.argv.slice(2);
const CONCURRENCY = 16;

async function walk(dir, files) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, files);
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(full);
  }
  return files;
}

const files = await walk(root, []);
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < files.length) {
      const file = files[next++];
      const text = await readFile(file, 'utf8');
      if (file.includes(`${path.sep}${app}${path.sep}`)) await writeFile(file, text);
    }
  }),
);
