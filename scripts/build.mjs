// Bundles each action's entry, src/actions/<name>/main.ts, with ncc into <out>/<name>/ (default out: dist/).
// Usage: node scripts/build.mjs [--out DIR] [--only NAME[,NAME…]]
//
// ncc is given JavaScript, not TypeScript: its ts-loader either type-checks the whole project once per action (slow, and
// a type error in any test fails every bundle) or, with transpileOnly, compiles NodeNext .ts files to CommonJS, which
// breaks top-level await and ESM-only dependencies. So tsc first emits the entries' module graph without type-checking
// (`npm run lint` type-checks), and ncc bundles that.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ncc from '@vercel/ncc';
import { minify } from 'terser';
import ts from 'typescript';
import { findActions } from './action-catalog.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// webpack names modules and chunks by their path, so this folder's path is part of the bundles' bytes: keep it fixed.
// It sits inside the repository (under the git-ignored tmp/) so that the emitted code resolves node_modules/.
const jsRoot = path.join(root, 'tmp', 'ncc-input');

// How long a build waits for another one to release the scratch folder.
const SCRATCH_WAIT_MS = 15 * 60_000;

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

// ncc minifies the entry file but not the chunks of dynamic import()s, which hold most of the code a run loads, so they
// are minified here (bump-manifest's chunk: 322 KB -> 135 KB; docs/performance.md, "Fixed cost of a step"). Whitespace
// and local names only: terser's compress pass made the build half again as long (90 s to 134 s) for no gain measured at start.
const TERSER_OPTIONS = {
  ecma: 2022,
  module: true,
  compress: false,
  // names kept: errors and stack traces name their classes and functions, and some code reads constructor.name
  keep_classnames: true,
  keep_fnames: true,
  format: { comments: false },
};

// Dependencies whose top-level imports load far more than most runs use, with the edit that defers it. Applied to a copy
// under jsRoot/node_modules, which webpack resolves before the repository's node_modules; each `from` must occur
// exactly once, so that a new version of the package fails the build here instead of bundling unpatched.
const DEFERRED_IMPORTS = [
  {
    // @actions/core imports its OIDC client, and with it @actions/http-client and undici (most of the bundle's start
    // on a bare runner), for getIDToken alone: loaded on the first getIDToken instead.
    package: '@actions/core',
    file: 'lib/core.js',
    edits: [
      ["import { OidcClient } from './oidc-utils.js';\n", ''],
      [
        'return yield OidcClient.getIDToken(aud);',
        "return yield (yield import('./oidc-utils.js')).OidcClient.getIDToken(aud);",
      ],
    ],
  },
  {
    // @actions/github builds a proxy agent and a fetch over undici when it is imported, which loads
    // @actions/http-client and all of undici (~40 ms of open-gitops-pr's start, docs/performance.md): our client passes
    // its own request.fetch (core/http). @octokit/request 10 reads no `agent`; the default fetch loads them on its
    // first call instead (one dispatcher for all its requests, as before). getProxyAgent and getProxyAgentDispatcher,
    // then called by nothing, say so if ever called.
    package: '@actions/github',
    file: 'lib/utils.js',
    edits: [['        agent: Utils.getProxyAgent(baseUrl),\n', '']],
  },
  {
    package: '@actions/github',
    file: 'lib/internal/utils.js',
    edits: [
      ["import * as httpClient from '@actions/http-client';\nimport { fetch } from 'undici';\n", ''],
      [
        '    const httpDispatcher = getProxyAgentDispatcher(destinationUrl);\n' +
          '    const proxyFetch = (url, opts) => __awaiter(this, void 0, void 0, function* () {\n',
        '    let loading;\n' +
          '    const proxyFetch = (url, opts) => __awaiter(this, void 0, void 0, function* () {\n' +
          "        loading = loading || Promise.all([import('@actions/http-client'), import('undici')]).then(\n" +
          '            ([httpClient, undici]) => [undici.fetch, new httpClient.HttpClient().getAgentDispatcher(destinationUrl)]);\n' +
          '        const [fetch, httpDispatcher] = yield loading;\n',
      ],
      [
        '    const hc = new httpClient.HttpClient();\n    return hc.getAgent(destinationUrl);',
        "    throw new Error('getProxyAgent is left out of this bundle (scripts/build.mjs, DEFERRED_IMPORTS)');",
      ],
      [
        '    const hc = new httpClient.HttpClient();\n    return hc.getAgentDispatcher(destinationUrl);',
        "    throw new Error('getProxyAgentDispatcher is left out of this bundle (scripts/build.mjs, DEFERRED_IMPORTS)');",
      ],
    ],
  },
];

// package.json's bin: `npx gitops-delivery-actions <step>` runs it, so it starts with a shebang.
const CLI = { name: 'cli', entryFile: path.join(root, 'src', 'cli.ts'), banner: '#!/usr/bin/env node\n' };

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
  const outRoot = path.resolve(values.out ?? path.join(root, 'dist'));
  refuseToEmpty(outRoot);
  // webpack resolves from, and names modules relative to, the working directory
  process.chdir(root);

  // Every action, plus the command-line entry that runs the same steps outside GitHub Actions.
  const bundles = selectBundles([...findActions(root), CLI], values.only);
  const started = Date.now();
  await claimScratchFolder();
  try {
    await emitJavaScript(bundles.map((entry) => entry.entryFile));
    await deferImports();
    console.log(`tsc: ${Date.now() - started} ms`);
    // the output root is wholly generated: emptying it drops chunks and bundles of actions that no longer exist
    if (values.only)
      await Promise.all(bundles.map((entry) => rm(path.join(outRoot, entry.name), { recursive: true, force: true })));
    else await rm(outRoot, { recursive: true, force: true });
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

/** `--only a,b`: those bundles alone (for benches and quick checks; dist/ is always built whole). */
function selectBundles(all, only) {
  if (only === undefined) return all;
  const names = only.split(',').filter(Boolean);
  const unknown = names.filter((name) => !all.some((entry) => entry.name === name));
  if (unknown.length > 0) throw new Error(`--only: no bundle named ${unknown.join(', ')}`);
  return all.filter((entry) => names.includes(entry.name));
}

/** Writes the DEFERRED_IMPORTS copies of their packages under jsRoot/node_modules. */
async function deferImports() {
  const copied = new Set();
  for (const { package: name, file, edits } of DEFERRED_IMPORTS) {
    const copy = path.join(jsRoot, 'node_modules', name);
    // once per package: a package may have several files edited
    if (!copied.has(name)) await cp(path.join(root, 'node_modules', name), copy, { recursive: true });
    copied.add(name);
    let text = await readFile(path.join(copy, file), 'utf8');
    for (const [from, to] of edits) {
      if (text.split(from).length !== 2) {
        throw new Error(`${name}/${file} no longer contains ${JSON.stringify(from)} once: review DEFERRED_IMPORTS`);
      }
      text = text.replace(from, to);
    }
    await writeFile(path.join(copy, file), text);
  }
}

/**
 * Takes the scratch folder, waiting while another build holds it (tests build bundles in parallel workers); a folder
 * whose owner process is gone is taken over. The owner's pid is in the folder's `.owner` file.
 */
async function claimScratchFolder() {
  await mkdir(path.dirname(jsRoot), { recursive: true });
  const deadline = Date.now() + SCRATCH_WAIT_MS;
  for (;;) {
    try {
      await mkdir(jsRoot);
      await writeFile(path.join(jsRoot, '.owner'), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const owner = Number(await readFile(path.join(jsRoot, '.owner'), 'utf8').catch(() => ''));
    if (owner > 0 && !processIsAlive(owner)) {
      await rm(jsRoot, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      const folder = path.relative(root, jsRoot);
      throw new Error(`${folder} is still held by another build after ${SCRATCH_WAIT_MS / 60_000} minutes`);
    }
    await sleep(500);
  }
}

function processIsAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
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
    const source = name.endsWith('.js') ? await minifyChunk(name, asset.source) : asset.source;
    await writeOutput(path.join(outDir, name), source);
  }
}

async function minifyChunk(name, source) {
  const { code } = await minify({ [name]: source.toString() }, TERSER_OPTIONS);
  if (code === undefined) throw new Error(`terser returned nothing for ${name}`);
  return code;
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
