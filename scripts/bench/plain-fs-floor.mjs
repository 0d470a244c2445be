// The floor for a bump: walk the tree, read every YAML file, write back the files of one app. Plain fs, nothing else.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [root, app] = process.argv.slice(2);
const entries = await readdir(root, { withFileTypes: true, recursive: true });
const files = entries.filter((e) => e.isFile() && /\.ya?ml$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
await Promise.all(
  files.map((file, i) => (file.includes(`${path.sep}${app}${path.sep}`) ? writeFile(file, texts[i]) : undefined)),
);
