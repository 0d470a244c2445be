import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const committed = path.join(root, 'dist');
const BUILD_TIMEOUT_MS = 10 * 60_000;

describe('dist/', () => {
  let rebuilt: string;

  beforeAll(async () => {
    rebuilt = mkdtempSync(path.join(tmpdir(), 'dist-'));
    await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--out', rebuilt], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
  }, BUILD_TIMEOUT_MS);

  afterAll(() => {
    rmSync(rebuilt, { recursive: true, force: true });
  });

  it('holds exactly the bundles that npm run build makes from the sources', () => {
    const expected = listFiles(rebuilt);
    const actual = existsSync(committed) ? listFiles(committed) : [];
    const stale = [
      ...expected.filter((file) => !actual.includes(file)).map((file) => `missing ${file}`),
      ...actual.filter((file) => !expected.includes(file)).map((file) => `extra ${file}`),
      ...expected
        .filter((file) => actual.includes(file))
        .filter((file) => !readFileSync(path.join(rebuilt, file)).equals(readFileSync(path.join(committed, file))))
        .map((file) => `outdated ${file}`),
    ];
    if (stale.length > 0) {
      throw new Error(`dist/ does not match the sources: run npm run build and commit dist/\n  ${stale.join('\n  ')}`);
    }
  });
});

/** Paths of every file under dir, relative to it, /-separated, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
