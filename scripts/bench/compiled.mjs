// Benchmarks drive the library and its test doubles directly: this emits src/ and test/ as JavaScript once per run
// (no type-check: `npm run lint` does that) and imports modules from there.
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { ROOT } from './lib.mjs';

// Inside the repository, so that emitted files resolve node_modules/.
const OUT = path.join(ROOT, 'node_modules', '.cache', 'bench-js');
let emitted = false;

function emitOnce() {
  if (emitted) return;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  const program = ts.createProgram(config.fileNames, {
    ...config.options,
    noEmit: false,
    noCheck: true,
    rootDir: ROOT,
    outDir: OUT,
    declaration: false,
    sourceMap: false,
  });
  const { emitSkipped } = program.emit();
  if (emitSkipped) throw new Error('TypeScript emit for the benchmarks failed');
  // The doubles read their recorded data beside them (test/fixtures), so the emitted tree sees the same folder.
  symlinkSync(path.join(ROOT, 'test', 'fixtures'), path.join(OUT, 'test', 'fixtures'));
  emitted = true;
}

/** Imports a project module by its source path, e.g. `src/core/bump/bumper.ts` or `test/doubles/github-api.ts`. */
export async function importSource(relativePath) {
  emitOnce();
  return import(pathToFileURL(path.join(OUT, relativePath.replace(/\.ts$/, '.js'))).href);
}
