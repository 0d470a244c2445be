// Bundles each action's entry, src/actions/<name>/main.ts, with ncc into <out>/<name>/ (default out: dist/).
// Usage: node scripts/build.mjs [--out DIR]
//
// ncc is given JavaScript, not TypeScript: its ts-loader either type-checks the whole project once per action (slow, and
// a type error in any test fails every bundle) or, with transpileOnly, compiles NodeNext .ts files to CommonJS, which
// breaks top-level await and ESM-only dependencies. So tsc first emits the entries' module graph without type-checking
// (`npm run lint` type-checks), and ncc bundles that.
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ncc from '@vercel/ncc';
import ts from 'typescript';
import { findActions } from './action-catalog.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// webpack names modules and chunks by their path, so this folder's path is part of the bundles' bytes: keep it fixed.
// It sits inside the repository (under the git-ignored tmp/) so that the emitted code resolves node_modules/.
const jsRoot = path.join(root, 'tmp', 'ncc-input');

const NCC_OPTIONS = {
  minify: true,
  target: 'es2022',
  sourceMap: false,
  license: 'licenses.txt',
  // measured: a warm webpack cache saves nothing here, and building from scratch cannot depend on the cache's state
  cache: false,
  filterAssetBase: root,
  quiet: true,
};

// package.json's bin: `npx gitops-delivery-actions <step>` runs it, so it starts with a shebang.
const CLI = { name: 'cli', entryFile: path.join(root, 'src', 'cli.ts'), banner: '#!/usr/bin/env node\n' };

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const outRoot = path.resolve(values.out ?? path.join(root, 'dist'));
  refuseToEmpty(outRoot);
  // webpack resolves from, and names modules relative to, the working directory
  process.chdir(root);

  // Every action, plus the command-line entry that runs the same steps outside GitHub Actions.
  const bundles = [...findActions(root), CLI];
  const started = Date.now();
  await claimScratchFolder();
  try {
    await emitJavaScript(bundles.map((entry) => entry.entryFile));
    console.log(`tsc: ${Date.now() - started} ms`);
    // the output root is wholly generated: emptying it drops chunks and bundles of actions that no longer exist
    await rm(outRoot, { recursive: true, force: true });
    // one after another: two at once on 2 cores measured no faster
    for (const entry of bundles) {
      const entryStarted = Date.now();
      await bundle(emittedPath(entry.entryFile), path.join(outRoot, entry.name), entry.banner);
      console.log(`${entry.name}: ${Date.now() - entryStarted} ms`);
    }
  } finally {
    await rm(jsRoot, { recursive: true, force: true });
  }
  const into = path.relative(root, outRoot) || '.';
  console.log(`built ${bundles.length} bundle(s) into ${into} in ${Date.now() - started} ms`);
}

async function claimScratchFolder() {
  await mkdir(path.dirname(jsRoot), { recursive: true });
  try {
    await mkdir(jsRoot);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const folder = path.relative(root, jsRoot);
    throw new Error(`${folder} exists: another build is running, or one was killed; if not, delete it`, {
      cause: error,
    });
  }
}

/** Writes the JavaScript of the entries and everything they import, plus src/'s non-TypeScript files, under jsRoot. */
async function emitJavaScript(entryFiles) {
  await cp(path.join(root, 'src'), path.join(jsRoot, 'src'), {
    recursive: true,
    filter: (file) => !file.endsWith('.ts'),
  });
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(formatDiagnostics([diagnostic]));
    },
  });
  const program = ts.createProgram(entryFiles, {
    ...config.options,
    noEmit: false,
    noCheck: true,
    rootDir: root,
    outDir: jsRoot,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: false,
  });
  const syntaxErrors = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics()];
  const { emitSkipped, diagnostics } = program.emit();
  if (syntaxErrors.length > 0 || emitSkipped) {
    throw new Error(formatDiagnostics([...syntaxErrors, ...diagnostics]));
  }
}

function emittedPath(sourceFile) {
  return path.join(jsRoot, path.relative(root, sourceFile)).replace(/\.ts$/, '.js');
}

async function bundle(entry, outDir, banner = '') {
  const { code, assets, symlinks, stats } = await ncc(entry, NCC_OPTIONS);
  const unresolved = unresolvedImportsOfOurCode(stats.compilation);
  if (unresolved.length > 0) {
    throw new Error(`${path.basename(outDir)}: cannot resolve ${unresolved.join(', ')}`);
  }
  if (Object.keys(symlinks).length > 0) {
    throw new Error(`${path.basename(outDir)}: ncc emitted symlinks, which a committed dist/ cannot hold`);
  }
  await writeOutput(path.join(outDir, 'index.js'), banner + code);
  // assets: the chunks of dynamic import()s, licenses.txt, and a package.json that marks the bundle as ESM
  for (const [name, asset] of Object.entries(assets)) {
    await writeOutput(path.join(outDir, name), asset.source);
  }
}

/**
 * ncc bundles an import it cannot resolve as a stub that throws when run, for dependencies' optional imports.
 * tsc emitted without type-checking, so a missing module of our own would only show there: `import './gone.js'`.
 */
function unresolvedImportsOfOurCode(compilation) {
  const modules = [...compilation.modules].flatMap((module) => (module.modules ? [...module.modules] : [module]));
  return modules.flatMap((module) => {
    const request = /@@notfound\.js\?(.*)$/.exec(module.identifier())?.[1];
    const issuer = compilation.moduleGraph.getIssuer(module)?.resource;
    return request !== undefined && issuer?.startsWith(jsRoot)
      ? [`${request} from ${path.relative(jsRoot, issuer).replace(/\.js$/, '.ts')}`]
      : [];
  });
}

async function writeOutput(file, content) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

function formatDiagnostics(diagnostics) {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (fileName) => fileName,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
}

function refuseToEmpty(outRoot) {
  const fromOut = path.relative(outRoot, root);
  if (fromOut === '' || !fromOut.startsWith('..')) {
    throw new Error(`--out ${outRoot} would delete the repository it builds; choose a folder inside or beside it`);
  }
}

try {
  await main();
} catch (error) {
  // the message alone: printed uncaught, Node would also quote the line that threw, one megabyte of minified ncc
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
