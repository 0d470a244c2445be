import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { SecretFile } from './builders/image-builder.js';

/**
 * Writes each secret to its own file, readable by this user only, for `--secret id=...,src=...`: a file keeps the
 * value out of argv, the environment of every other process, and the image. The caller deletes `dir` afterwards.
 */
export async function writeSecretFiles(secrets: ReadonlyMap<string, string>, dir: string): Promise<SecretFile[]> {
  const folder = path.join(dir, 'secrets');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const files: SecretFile[] = [];
  let index = 0;
  for (const [id, value] of secrets) {
    // Numbered, not named by id: an id is user text and must not pick a path.
    const file = path.join(folder, String(index++));
    await writeFile(file, value, { mode: 0o600, flag: 'wx' });
    files.push({ id, file });
  }
  return files;
}
