import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { installTool, type InstallOptions } from '../../src/core/installer.js';
import { UserError } from '../../src/core/errors.js';
import type { AssetLocation, PinnedAsset, ReleaseTable } from '../../src/core/tool-versions.js';
import { tempTree } from '../helpers/temp-dir.js';

// A stand-in tool: a shell script that reports its version the way the real tools do.
const script = (version: string) => `#!/bin/sh\necho "hello version ${version}"\n`;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let root: string;
let server: Server;
let baseUrl: string;
const files = new Map<string, string>();
const requests: string[] = [];
const failuresBeforeSuccess = new Map<string, number>();

beforeAll(async () => {
  root = await tempTree(
    { 'tree/hello-1.2.3/bin/hello': script('1.2.3'), 'hello-bare': script('1.2.3'), 'hello-9.9.9': script('9.9.9') },
    'installer-',
  );
  const tree = path.join(root, 'tree');
  chmodSync(path.join(tree, 'hello-1.2.3', 'bin', 'hello'), 0o755);
  execFileSync('tar', ['-czf', path.join(root, 'hello.tar.gz'), '-C', tree, 'hello-1.2.3']);
  // zip builds the fixture; @actions/tool-cache extracts it with unzip.
  execFileSync('zip', ['-qr', path.join(root, 'hello.zip'), 'hello-1.2.3'], { cwd: tree });
  for (const name of ['hello.tar.gz', 'hello.zip', 'hello-bare', 'hello-9.9.9'])
    files.set(`/${name}`, path.join(root, name));

  server = createServer((request, response) => {
    const url = request.url ?? '';
    requests.push(url);
    if (url === '/hang') return; // never answers
    if (url === '/trickle') {
      response.writeHead(200).write('a first chunk, then nothing'); // headers but never the whole body
      return;
    }
    const failures = failuresBeforeSuccess.get(url) ?? 0;
    if (failures > 0) {
      failuresBeforeSuccess.set(url, failures - 1);
      response.writeHead(503).end();
      return;
    }
    const file = files.get(url);
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

const savedEnv = {
  PATH: process.env.PATH,
  RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE,
  RUNNER_TEMP: process.env.RUNNER_TEMP,
};
beforeEach(() => {
  requests.length = 0;
  failuresBeforeSuccess.clear();
  const runner = mkdtempSync(path.join(root, 'runner-'));
  for (const dir of ['tool-cache', 'temp']) mkdirSync(path.join(runner, dir));
  process.env.RUNNER_TOOL_CACHE = path.join(runner, 'tool-cache');
  process.env.RUNNER_TEMP = path.join(runner, 'temp');
});
afterEach(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const asset = (file: string, location: Omit<AssetLocation, 'url'>): PinnedAsset => ({
  url: `${baseUrl}/${file}`,
  sha256: sha256(path.join(root, file)),
  ...location,
});

function releasesOf(pinned: PinnedAsset): ReleaseTable {
  return {
    hello: {
      defaultVersion: '1.2.3',
      versionArgs: ['--version'],
      versionPattern: /^hello version (\S+)/m,
      assetFor: (version) => ({ url: `${baseUrl}/hello-${version}`, archive: 'binary', binPath: 'hello' }),
      versions: { '1.2.3': { 'linux-x64': pinned } },
    },
  };
}

const tarball = () => asset('hello.tar.gz', { archive: 'tar.gz', binPath: 'hello-1.2.3/bin/hello' });
// Fixed platform so the table lookup is the same on any machine; the script itself runs anywhere.
const fast = (pinned: PinnedAsset): InstallOptions => ({
  platform: 'linux',
  arch: 'x64',
  releases: releasesOf(pinned),
  timeoutMs: 300,
  retries: 1,
  retryDelayMs: 10,
});
const run = (bin: string) => execFileSync(bin, { encoding: 'utf8' }).trim();

describe('installing from a local release server', () => {
  it('downloads a tar.gz with the right hash, then serves the second install from the tool cache', async () => {
    const first = await installTool({ tool: 'hello' }, fast(tarball()));
    expect(first).toMatchObject({ source: 'download', version: '1.2.3' });
    expect(path.isAbsolute(first.path)).toBe(true);
    expect(first.path.startsWith(process.env.RUNNER_TOOL_CACHE!)).toBe(true);
    expect(run(first.path)).toBe('hello version 1.2.3');

    const second = await installTool({ tool: 'hello', version: 'v1.2.3' }, fast(tarball()));
    expect(second).toEqual({ ...first, source: 'tool-cache' });
    expect(requests).toEqual(['/hello.tar.gz']);
    expect(readdirSync(process.env.RUNNER_TEMP!)).toEqual([]);
  });

  it('passes over a tool cache folder marked complete that lacks the binary, and downloads', async () => {
    const folder = path.join(process.env.RUNNER_TOOL_CACHE!, 'hello', '1.2.3', 'x64');
    mkdirSync(path.join(folder, 'other-tool'), { recursive: true });
    writeFileSync(`${folder}.complete`, '');
    const installed = await installTool({ tool: 'hello' }, fast(tarball()));
    expect(installed).toMatchObject({ source: 'download', path: path.join(folder, 'hello-1.2.3', 'bin', 'hello') });
    expect(run(installed.path)).toBe('hello version 1.2.3');
    expect(requests).toEqual(['/hello.tar.gz']);
  });

  it('extracts a zip', async () => {
    const zip = asset('hello.zip', { archive: 'zip', binPath: 'hello-1.2.3/bin/hello' });
    const installed = await installTool({ tool: 'hello' }, fast(zip));
    expect(run(installed.path)).toBe('hello version 1.2.3');
  });

  it('makes a bare binary executable', async () => {
    const bare = asset('hello-bare', { archive: 'binary', binPath: 'hello' });
    const installed = await installTool({ tool: 'hello' }, fast(bare));
    expect(path.basename(installed.path)).toBe('hello');
    expect(run(installed.path)).toBe('hello version 1.2.3');
  });

  it('installs a version missing from the table when the user pins its sha256', async () => {
    const pin = sha256(path.join(root, 'hello-9.9.9'));
    const installed = await installTool(
      { tool: 'hello', version: '9.9.9', sha256: pin.toUpperCase() },
      fast(tarball()),
    );
    expect(installed.source).toBe('download');
    expect(run(installed.path)).toBe('hello version 9.9.9');
    expect(requests).toEqual(['/hello-9.9.9']);
  });

  it('refuses a download whose hash differs, keeping nothing', async () => {
    const tampered = { ...tarball(), sha256: 'f'.repeat(64) };
    const refusal = installTool({ tool: 'hello' }, fast(tampered));
    await expect(refusal).rejects.toThrow(UserError);
    await expect(refusal).rejects.toThrow(
      `Checksum mismatch for ${baseUrl}/hello.tar.gz: expected sha256 ${'f'.repeat(64)}, got ${tarball().sha256}`,
    );
    expect(readdirSync(process.env.RUNNER_TOOL_CACHE!)).toEqual([]);
    expect(readdirSync(process.env.RUNNER_TEMP!)).toEqual([]);
  });

  it('fails fast on a 404, naming the URL and the status, without retrying', async () => {
    const missing = { ...tarball(), url: `${baseUrl}/missing.tar.gz` };
    await expect(installTool({ tool: 'hello' }, { ...fast(missing), retries: 5 })).rejects.toThrow(
      new UserError(`Download of ${baseUrl}/missing.tar.gz failed: HTTP 404 Not Found.`),
    );
    expect(requests).toEqual(['/missing.tar.gz']);
  });

  it('gives up on a server that never answers once the timeout and retries are spent', async () => {
    const hanging = { ...tarball(), url: `${baseUrl}/hang` };
    const started = Date.now();
    await expect(installTool({ tool: 'hello' }, fast(hanging))).rejects.toThrow(
      `Download of ${baseUrl}/hang failed after 2 attempts: timed out after 300 ms.`,
    );
    // Each attempt waited out its own timeout: a lower bound, which a loaded machine cannot break.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(requests).toEqual(['/hang', '/hang']);
  });

  it('gives up on a body that never finishes', async () => {
    const trickling = { ...tarball(), url: `${baseUrl}/trickle` };
    await expect(installTool({ tool: 'hello' }, { ...fast(trickling), retries: 0 })).rejects.toThrow(
      `Download of ${baseUrl}/trickle failed after 1 attempt: timed out after 300 ms.`,
    );
    expect(readdirSync(process.env.RUNNER_TEMP!)).toEqual([]);
  });

  it('retries a 5xx and then succeeds', async () => {
    failuresBeforeSuccess.set('/hello.tar.gz', 1);
    const installed = await installTool({ tool: 'hello' }, fast(tarball()));
    expect(installed.source).toBe('download');
    expect(requests).toEqual(['/hello.tar.gz', '/hello.tar.gz']);
  });

  it('stops retrying a 5xx after the configured number of attempts', async () => {
    failuresBeforeSuccess.set('/hello.tar.gz', 10);
    await expect(installTool({ tool: 'hello' }, fast(tarball()))).rejects.toThrow(
      `Download of ${baseUrl}/hello.tar.gz failed after 2 attempts: HTTP 503.`,
    );
    expect(requests).toHaveLength(2);
  });
});

describe('a binary already on PATH', () => {
  function putOnPath(version: string): string {
    const dir = mkdtempSync(path.join(root, 'path-'));
    writeFileSync(path.join(dir, 'hello'), script(version));
    chmodSync(path.join(dir, 'hello'), 0o755);
    process.env.PATH = `${dir}${path.delimiter}${process.env.PATH}`;
    return path.join(dir, 'hello');
  }

  it('is used when it reports exactly the requested version', async () => {
    const onPath = putOnPath('1.2.3');
    const installed = await installTool({ tool: 'hello' }, fast(tarball()));
    expect(installed).toEqual({ path: onPath, version: '1.2.3', source: 'path' });
    expect(requests).toEqual([]);
  });

  it('is not asked for its version when the tool cache holds that version (asking is a process)', async () => {
    const cached = await installTool({ tool: 'hello' }, fast(tarball()));
    putOnPath('1.2.3');
    const asked: string[] = [];
    const installed = await installTool(
      { tool: 'hello' },
      { ...fast(tarball()), runVersion: async (bin) => (asked.push(bin), 'hello version 1.2.3') },
    );
    expect(installed).toEqual({ ...cached, source: 'tool-cache' });
    expect(asked).toEqual([]);
  });

  it('is ignored when it reports another version', async () => {
    const onPath = putOnPath('1.2.30');
    const installed = await installTool({ tool: 'hello' }, fast(tarball()));
    expect(installed.source).toBe('download');
    expect(installed.path).not.toBe(onPath);
    expect(requests).toEqual(['/hello.tar.gz']);
  });
});
