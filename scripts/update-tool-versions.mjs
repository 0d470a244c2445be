// Moves the pinned tools in src/core/tool-versions.ts (trivy, cosign, kubectl) to their newest stable release, with
// each SHA-256 taken from the release's own checksums: trivy_<v>_checksums.txt and cosign_checksums.txt attached to the
// GitHub release, kubectl's <binary>.sha256 next to each binary on dl.k8s.io. The asset URLs keep the shape of the
// pinned ones, with the new version. The same version is written where an action.yml defaults to it
// (`<tool>-version: default: X`) and where a workflow installs it (`<tool>-release: vX`); `npm run docs` then carries
// it into the generated files. .github/workflows/tool-updates.yml runs it weekly and opens a pull request.
//
// Usage: node scripts/update-tool-versions.mjs [--root DIR] [--summary FILE]
//          [--releases-json FILE]   answers recorded as { "<url>": <JSON body or text> } instead of the network
// Prints one line per tool; writes files only when a version moved. Exit 1 on any failure, naming the tool and URL.
import { Buffer } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runWhenMain } from './lib/run-main.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TIMEOUT_MS = 30_000;
const MAX_BYTES = 8 * 1024 * 1024;
const GITHUB_API = 'https://api.github.com';
const STABLE_TAG = /^v(\d+)\.(\d+)\.(\d+)$/;

/**
 * Where each pinned tool is released. `checksums(version, assetUrls)` returns the SHA-256 of each asset URL, read from
 * the release's own checksum files through `get(url)`.
 */
export const TOOL_SOURCES = {
  trivy: {
    repository: 'aquasecurity/trivy',
    async checksums(version, urls, get) {
      const url = `https://github.com/aquasecurity/trivy/releases/download/v${version}/trivy_${version}_checksums.txt`;
      return fromChecksumsFile(url, await get(url), urls);
    },
  },
  cosign: {
    repository: 'sigstore/cosign',
    async checksums(version, urls, get) {
      const url = `https://github.com/sigstore/cosign/releases/download/v${version}/cosign_checksums.txt`;
      return fromChecksumsFile(url, await get(url), urls);
    },
  },
  kubectl: {
    repository: 'kubernetes/kubernetes',
    async checksums(version, urls, get) {
      const sums = {};
      for (const url of urls) sums[url] = parseSha256(`${url}.sha256`, String(await get(`${url}.sha256`)).trim());
      return { sums, source: `https://dl.k8s.io/release/v${version}/bin/<os>/<arch>/kubectl(.exe).sha256` };
    },
  },
};

/** `<sha256>  <file name>` lines (sha256sum's format, `*` for binary mode allowed): the sum of each URL's file. */
export function fromChecksumsFile(checksumsUrl, text, urls) {
  const byName = new Map();
  for (const line of String(text).split('\n')) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line);
    if (match) byName.set(match[2], match[1].toLowerCase());
  }
  const sums = {};
  for (const url of urls) {
    const name = url.slice(url.lastIndexOf('/') + 1);
    const sum = byName.get(name);
    if (!sum) throw new Error(`${checksumsUrl} lists no ${name}`);
    sums[url] = sum;
  }
  return { sums, source: checksumsUrl };
}

function parseSha256(url, text) {
  const match = /^([0-9a-fA-F]{64})(?:\s|$)/.exec(text);
  if (!match) throw new Error(`${url} is not a SHA-256`);
  return match[1].toLowerCase();
}

/** The newest release that is neither a draft nor a pre-release, by version number: `1.35.0` (no `v`). */
export function newestStableVersion(releases) {
  const versions = releases
    .filter((release) => !release.draft && !release.prerelease)
    .map((release) => STABLE_TAG.exec(release.tag_name ?? ''))
    .filter(Boolean)
    .map((match) => match.slice(1, 4).map(Number));
  if (versions.length === 0) return undefined;
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  return versions.at(-1).join('.');
}

/** The parts of tool-versions.ts that hold one tool's pins: its default version and its `versions:` block. */
export function readPins(source, tool) {
  const start = source.indexOf(`\n  ${tool}: {\n`);
  if (start < 0) throw new Error(`tool-versions.ts has no pins for ${tool}`);
  const end = source.indexOf('\n  },\n', start);
  const block = source.slice(start, end);
  const defaultVersion = /\n {4}defaultVersion: '([^']+)',/.exec(block)?.[1];
  const versionsStart = block.indexOf('\n    versions: {\n');
  const versionsEnd = block.indexOf('\n    },', versionsStart);
  if (!defaultVersion || versionsStart < 0 || versionsEnd < 0) {
    throw new Error(`tool-versions.ts: ${tool} has no defaultVersion or versions block`);
  }
  const versions = block.slice(versionsStart, versionsEnd);
  // each platform's asset of the default version, in file order
  const assets = [];
  const entry = versions.indexOf(`\n      '${defaultVersion}': {\n`);
  for (const match of versions
    .slice(entry)
    .matchAll(
      /\n {8}'([\w-]+)': \{\n {10}url: '([^']+)',\n {10}archive: '([^']+)',\n {10}binPath: '([^']+)',\n {10}sha256: '[0-9a-f]{64}',\n {8}\},/g,
    )) {
    assets.push({ platform: match[1], url: match[2], archive: match[3], binPath: match[4] });
  }
  if (assets.length === 0) throw new Error(`tool-versions.ts: ${tool} ${defaultVersion} lists no platform`);
  return {
    defaultVersion,
    assets,
    // absolute offsets of what updatePins replaces
    defaultAt: start + block.indexOf(`defaultVersion: '${defaultVersion}'`),
    versionsFrom: start + versionsStart + '\n    versions: {\n'.length,
    versionsTo: start + versionsEnd + 1,
  };
}

/** tool-versions.ts with `tool` pinned to `version` only: the same assets with the new version and their sums. */
export function updatePins(source, tool, version, pins, sums, checksumSource) {
  const entries = pins.assets
    .map(({ platform, url, archive, binPath }) => {
      const newUrl = url.replaceAll(pins.defaultVersion, version);
      return [
        `        '${platform}': {`,
        `          url: '${newUrl}',`,
        `          archive: '${archive}',`,
        `          binPath: '${binPath}',`,
        `          sha256: '${sums[newUrl]}',`,
        '        },',
      ].join('\n');
    })
    .join('\n');
  const versions = [
    `      // Hashes: ${checksumSource}, read by scripts/update-tool-versions.mjs.`,
    `      '${version}': {`,
    entries,
    '      },',
    '',
  ].join('\n');
  const withVersions = source.slice(0, pins.versionsFrom) + versions + source.slice(pins.versionsTo);
  const defaultText = `defaultVersion: '${pins.defaultVersion}'`;
  return (
    withVersions.slice(0, pins.defaultAt) +
    `defaultVersion: '${version}'` +
    withVersions.slice(pins.defaultAt + defaultText.length)
  );
}

/** Checks every tool and rewrites the file's text; returns `{ text, changes: [{ tool, from, to, source }] }`. */
export async function updateToolVersions(source, get) {
  let text = source;
  const changes = [];
  for (const [tool, release] of Object.entries(TOOL_SOURCES)) {
    const pins = readPins(text, tool);
    const releasesUrl = `${GITHUB_API}/repos/${release.repository}/releases?per_page=100`;
    const releases = await get(releasesUrl);
    if (!Array.isArray(releases)) throw new Error(`${releasesUrl} did not answer a list of releases`);
    const newest = newestStableVersion(releases);
    if (!newest) throw new Error(`${releasesUrl} lists no stable release`);
    if (compareVersions(newest, pins.defaultVersion) <= 0) {
      changes.push({ tool, from: pins.defaultVersion, to: pins.defaultVersion });
      continue;
    }
    const urls = pins.assets.map((asset) => asset.url.replaceAll(pins.defaultVersion, newest));
    const { sums, source: checksumSource } = await release.checksums(newest, urls, get);
    text = updatePins(text, tool, newest, pins, sums, checksumSource);
    changes.push({ tool, from: pins.defaultVersion, to: newest, source: checksumSource });
  }
  return { text, changes };
}

function compareVersions(a, b) {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** A pull request body: what moved, from where the sums came. */
export function summarize(changes) {
  const moved = changes.filter((change) => change.from !== change.to);
  const lines = moved.map(
    (change) => `- ${change.tool} ${change.from} -> ${change.to} (SHA-256 from ${change.source})`,
  );
  const same = changes.filter((change) => change.from === change.to).map((change) => `${change.tool} ${change.to}`);
  if (same.length > 0) lines.push(`- unchanged: ${same.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** GET through the environment's proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), with a deadline and a size cap. */
async function networkGet(url) {
  const { EnvHttpProxyAgent, fetch } = await import('undici');
  const headers = { 'user-agent': 'gitops-delivery-actions tool-updates' };
  if (url.startsWith(GITHUB_API)) {
    headers.accept = 'application/vnd.github+json';
    if (process.env.GITHUB_TOKEN) headers.authorization = `Bearer ${process.env.GITHUB_TOKEN}`;
  }
  const response = await fetch(url, {
    headers,
    dispatcher: new EnvHttpProxyAgent(),
    signal: globalThis.AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  const chunks = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > MAX_BYTES) throw new Error(`GET ${url}: the answer is larger than ${MAX_BYTES} bytes`);
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  return (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(body) : body;
}

function recordedGet(file) {
  const recorded = JSON.parse(readFileSync(file, 'utf8'));
  return async (url) => {
    if (!Object.hasOwn(recorded, url)) throw new Error(`${file} has no answer for ${url}`);
    return recorded[url];
  };
}

/** Where else a tool's version is written: action.yml defaults and the workflows' installer steps. */
export function versionReferenceFiles(root) {
  const files = [];
  const actions = path.join(root, 'actions');
  if (existsSync(actions)) {
    for (const name of readdirSync(actions)) {
      const file = path.join(actions, name, 'action.yml');
      if (existsSync(file)) files.push(file);
    }
  }
  const workflows = path.join(root, '.github', 'workflows');
  if (existsSync(workflows)) {
    files.push(
      ...readdirSync(workflows)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => path.join(workflows, name)),
    );
  }
  return files.sort();
}

/** `<tool>-version:`'s `default:` and `<tool>-release: v<from>` moved to `to`, in one action.yml or workflow. */
export function moveVersionReferences(text, tool, from, to) {
  const escaped = from.replaceAll('.', '\\.');
  const defaultOf = new RegExp(`(\\n( *)${tool}-version:\\n(?:\\2 +.*\\n)*?\\2 +default: '?)${escaped}(?![\\w.])`, 'g');
  const release = new RegExp(`(${tool}-release: v)${escaped}(?![\\w.])`, 'g');
  return text.replace(defaultOf, `$1${to}`).replace(release, `$1${to}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: ROOT },
      summary: { type: 'string' },
      'releases-json': { type: 'string' },
    },
  });
  const pinsFile = path.join(values.root, 'src/core/tool-versions.ts');
  const source = readFileSync(pinsFile, 'utf8');
  const get = values['releases-json'] ? recordedGet(values['releases-json']) : networkGet;
  const { text, changes } = await updateToolVersions(source, get);
  const moved = changes.filter((change) => change.from !== change.to);
  const writes = text === source ? [] : [[pinsFile, text]];
  for (const file of versionReferenceFiles(values.root)) {
    const current = readFileSync(file, 'utf8');
    const next = moved.reduce(
      (acc, change) => moveVersionReferences(acc, change.tool, change.from, change.to),
      current,
    );
    if (next !== current) writes.push([file, next]);
  }
  // every answer is in before the first write, so a failure leaves the tree as it was
  for (const [file, content] of writes) writeFileSync(file, content);
  for (const change of changes) {
    console.log(
      change.from === change.to
        ? `${change.tool} ${change.to} is the newest`
        : `${change.tool} ${change.from} -> ${change.to}`,
    );
  }
  if (values.summary) writeFileSync(values.summary, summarize(changes));
}

await runWhenMain(import.meta.url, main);
