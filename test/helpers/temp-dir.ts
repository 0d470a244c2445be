import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh directory under the OS temp dir, with the given files written into it. */
export async function tempTree(files: Record<string, string | Buffer> = {}, prefix = 'gda-'): Promise<string> {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), prefix)));
  await writeTree(root, files);
  return root;
}

export async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
}

export async function readTree(root: string, names: readonly string[]): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of names) result[name] = await fs.readFile(path.join(root, name), 'utf8');
  return result;
}
