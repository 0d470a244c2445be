// scripts/update-tool-versions.mjs against recorded release data, never the network: starting from pins one release
// behind, it must arrive at the reviewed pins of src/core/tool-versions.ts, whose hashes were transcribed from the
// same releases' checksum files. The recorded release lists are checked against GitHub's REST description.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  fromChecksumsFile,
  moveVersionReferences,
  newestStableVersion,
  readPins,
  summarize,
  updateToolVersions,
} from '../../scripts/update-tool-versions.mjs';
import { checkResponse } from '../doubles/github-api/openapi.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = path.join(root, 'scripts', 'update-tool-versions.mjs');
const reviewed = readFileSync(path.join(root, 'src/core/tool-versions.ts'), 'utf8');
const TOOLS = { trivy: 'aquasecurity/trivy', cosign: 'sigstore/cosign', kubectl: 'kubernetes/kubernetes' } as const;
type Tool = keyof typeof TOOLS;

/** A release as GET /repos/{owner}/{repo}/releases lists it. */
function release(repository: string, tag: string, options: { draft?: boolean; prerelease?: boolean } = {}) {
  const id = Number.parseInt(tag.replace(/\D/g, '').slice(0, 9) || '1', 10);
  const api = `https://api.github.com/repos/${repository}`;
  const [owner] = repository.split('/');
  return {
    url: `${api}/releases/${id}`,
    html_url: `https://github.com/${repository}/releases/tag/${tag}`,
    assets_url: `${api}/releases/${id}/assets`,
    upload_url: `https://uploads.github.com/repos/${repository}/releases/${id}/assets{?name,label}`,
    tarball_url: `${api}/tarball/${tag}`,
    zipball_url: `${api}/zipball/${tag}`,
    id,
    node_id: `RE_${id}`,
    tag_name: tag,
    target_commitish: 'main',
    name: tag,
    body: null,
    draft: options.draft ?? false,
    prerelease: options.prerelease ?? false,
    immutable: false,
    created_at: '2026-01-01T00:00:00Z',
    published_at: options.draft ? null : '2026-01-01T00:00:00Z',
    author: {
      login: `${owner}-bot`,
      id: 1,
      node_id: 'U_1',
      avatar_url: 'https://avatars.githubusercontent.com/u/1?v=4',
      gravatar_id: '',
      url: `https://api.github.com/users/${owner}-bot`,
      html_url: `https://github.com/${owner}-bot`,
      followers_url: `https://api.github.com/users/${owner}-bot/followers`,
      following_url: `https://api.github.com/users/${owner}-bot/following{/other_user}`,
      gists_url: `https://api.github.com/users/${owner}-bot/gists{/gist_id}`,
      starred_url: `https://api.github.com/users/${owner}-bot/starred{/owner}{/repo}`,
      subscriptions_url: `https://api.github.com/users/${owner}-bot/subscriptions`,
      organizations_url: `https://api.github.com/users/${owner}-bot/orgs`,
      repos_url: `https://api.github.com/users/${owner}-bot/repos`,
      events_url: `https://api.github.com/users/${owner}-bot/events{/privacy}`,
      received_events_url: `https://api.github.com/users/${owner}-bot/received_events`,
      type: 'User',
      site_admin: false,
    },
    assets: [],
  };
}

/** The reviewed pins of a tool, moved back to an older version with hashes no one reviewed. */
function oneReleaseBehind(source: string, tool: Tool, older: string): string {
  const pins = readPins(source, tool);
  const start = source.indexOf(`\n  ${tool}: {\n`);
  const end = source.indexOf('\n  },\n', start);
  const block = source
    .slice(start, end)
    .replaceAll(pins.defaultVersion, older)
    .replace(/sha256: '[0-9a-f]{64}'/g, `sha256: '${'0'.repeat(64)}'`);
  return source.slice(0, start) + block + source.slice(end);
}

/** Each asset's reviewed SHA-256 in tool-versions.ts, by file name. */
function reviewedSums(tool: Tool): [string, string][] {
  const block = reviewed.slice(reviewed.indexOf(`\n  ${tool}: {\n`));
  const version = readPins(reviewed, tool).defaultVersion;
  return readPins(reviewed, tool).assets.map((asset) => {
    const sum = new RegExp(
      `url: '${asset.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}',[^]*?sha256: '([0-9a-f]{64})'`,
    ).exec(block)?.[1];
    if (!sum) throw new Error(`no sum for ${asset.url} (${version})`);
    return [asset.url, sum];
  });
}

/** What the network would answer: release lists with drafts, pre-releases and older patch releases, and checksums. */
function recordedAnswers(): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const lists: Record<Tool, ReturnType<typeof release>[]> = {
    trivy: [
      release(TOOLS.trivy, 'v0.76.0-rc.1', { prerelease: true }),
      release(TOOLS.trivy, 'v0.77.0', { draft: true }),
      release(TOOLS.trivy, 'v0.75.0'),
      release(TOOLS.trivy, 'v0.74.2'),
    ],
    cosign: [release(TOOLS.cosign, 'v3.0.6'), release(TOOLS.cosign, 'v2.6.1'), release(TOOLS.cosign, 'v3.0.5')],
    // a patch of an older minor published after the newest one, and an alpha of the next
    kubectl: [
      release(TOOLS.kubectl, 'v1.33.7'),
      release(TOOLS.kubectl, 'v1.35.0-alpha.1', { prerelease: true }),
      release(TOOLS.kubectl, 'v1.34.3'),
      release(TOOLS.kubectl, 'v1.34.2'),
    ],
  };
  for (const tool of Object.keys(TOOLS) as Tool[]) {
    answers[`https://api.github.com/repos/${TOOLS[tool]}/releases?per_page=100`] = lists[tool];
  }
  // sha256sum's format, with the assets the pins do not use around the ones they do
  const checksumsFile = (sums: [string, string][], extra: string) =>
    [
      `${'1'.repeat(64)}  ${extra}`,
      ...sums.map(([url, sum]) => `${sum}  ${url.slice(url.lastIndexOf('/') + 1)}`),
      `${'2'.repeat(64)}  ${extra}.pem`,
      '',
    ].join('\n');
  answers['https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_checksums.txt'] = checksumsFile(
    reviewedSums('trivy'),
    'trivy_0.75.0_Linux-PPC64LE.tar.gz',
  );
  answers['https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign_checksums.txt'] = checksumsFile(
    reviewedSums('cosign'),
    'cosign-linux-s390x',
  );
  for (const [url, sum] of reviewedSums('kubectl')) answers[`${url}.sha256`] = sum;
  return answers;
}

const withoutComments = (text: string) => text.replace(/^\s*\/\/.*\n/gm, '');
const behind = oneReleaseBehind(
  oneReleaseBehind(oneReleaseBehind(reviewed, 'trivy', '0.74.2'), 'cosign', '3.0.5'),
  'kubectl',
  '1.34.2',
);

describe('the recorded release lists', () => {
  it("have the shape of GitHub's GET /repos/{owner}/{repo}/releases", () => {
    const answers = recordedAnswers();
    const problems = Object.entries(answers)
      .filter(([url]) => url.startsWith('https://api.github.com/'))
      .flatMap(([url, body]) =>
        checkResponse('GET', '/repos/{owner}/{repo}/releases', 200, body).problems.map((p) => `${url}: ${p}`),
      );
    expect(problems).toEqual([]);
    // and a release without its tag is not one, so the check can fail
    const untagged: Partial<ReturnType<typeof release>> = release('a/b', 'v1.0.0');
    delete untagged.tag_name;
    expect(checkResponse('GET', '/repos/{owner}/{repo}/releases', 200, [untagged]).problems).not.toEqual([]);
  });
});

describe('update-tool-versions', () => {
  it('picks the newest release that is neither a draft nor a pre-release, by version number', () => {
    const releases = recordedAnswers()['https://api.github.com/repos/kubernetes/kubernetes/releases?per_page=100'];
    expect(newestStableVersion(releases as never)).toBe('1.34.3');
    expect(newestStableVersion([release('a/b', 'v1.0.0-rc.1', { prerelease: true })])).toBeUndefined();
  });

  it('moves each tool to its newest release with the SHA-256 values of its own checksums, and nothing else', async () => {
    const answers = recordedAnswers();
    const { text, changes } = await updateToolVersions(behind, async (url: string) => {
      if (!(url in answers)) throw new Error(`unexpected ${url}`);
      return answers[url];
    });

    expect(withoutComments(text)).toBe(withoutComments(reviewed));
    expect(changes).toEqual([
      {
        tool: 'trivy',
        from: '0.74.2',
        to: '0.75.0',
        source: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_checksums.txt',
      },
      {
        tool: 'cosign',
        from: '3.0.5',
        to: '3.0.6',
        source: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign_checksums.txt',
      },
      {
        tool: 'kubectl',
        from: '1.34.2',
        to: '1.34.3',
        source: 'https://dl.k8s.io/release/v1.34.3/bin/<os>/<arch>/kubectl(.exe).sha256',
      },
    ]);
    expect(summarize(changes)).toContain('- trivy 0.74.2 -> 0.75.0 (SHA-256 from https://github.com/aquasecurity/');
  });

  it('changes nothing when every pin is the newest release', async () => {
    const answers = recordedAnswers();
    const { text, changes } = await updateToolVersions(reviewed, async (url: string) => answers[url]);

    expect(text).toBe(reviewed);
    expect(changes.map((change: { to: string }) => change.to)).toEqual(['0.75.0', '3.0.6', '1.34.3']);
    expect(summarize(changes)).toBe('- unchanged: trivy 0.75.0, cosign 3.0.6, kubectl 1.34.3\n');
  });

  it('refuses a checksums file that does not list an asset the pins use', () => {
    expect(() =>
      fromChecksumsFile('https://example.test/sums.txt', `${'a'.repeat(64)}  other.tar.gz\n`, [
        'https://example.test/v1/tool.tar.gz',
      ]),
    ).toThrow('https://example.test/sums.txt lists no tool.tar.gz');
  });
});

describe('update-tool-versions.mjs --releases-json', () => {
  let folder: string;
  // the files that also name cosign's version, moved back with the pins
  const cosignAction = 'actions/cosign-sign/action.yml';
  const workflow = '.github/workflows/deliver-pull.yml';
  const olderCosign = (text: string) =>
    moveVersionReferences(text, 'cosign', readPins(reviewed, 'cosign').defaultVersion, '3.0.5');

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'tool-updates-'));
    writeIn('src/core/tool-versions.ts', behind);
    for (const file of [cosignAction, workflow])
      writeIn(file, olderCosign(readFileSync(path.join(root, file), 'utf8')));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  function writeIn(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }

  const readIn = (file: string) => readFileSync(path.join(folder, file), 'utf8');
  const run = (...args: string[]) => promisify(execFile)(process.execPath, [script, '--root', folder, ...args]);

  it('moves the older files back to the reviewed state: pins, the action default and the installer step', () => {
    expect(readIn(cosignAction)).not.toBe(readFileSync(path.join(root, cosignAction), 'utf8'));
    expect(readIn(cosignAction)).toContain('    default: 3.0.5\n');
    expect(readIn(workflow)).toContain('cosign-release: v3.0.5\n');
  });

  it('rewrites the pins and every file that names the version, and writes the pull request body', async () => {
    writeIn('releases.json', JSON.stringify(recordedAnswers()));

    const { stdout } = await run(
      '--releases-json',
      path.join(folder, 'releases.json'),
      '--summary',
      path.join(folder, 'summary.md'),
    );

    expect(stdout).toBe('trivy 0.74.2 -> 0.75.0\ncosign 3.0.5 -> 3.0.6\nkubectl 1.34.2 -> 1.34.3\n');
    expect(withoutComments(readIn('src/core/tool-versions.ts'))).toBe(withoutComments(reviewed));
    for (const file of [cosignAction, workflow]) expect(readIn(file)).toBe(readFileSync(path.join(root, file), 'utf8'));
    expect(readIn('summary.md')).toMatch(/^- trivy 0\.74\.2 -> 0\.75\.0 /);
  });

  it('fails naming the URL it has no answer for, and writes nothing', async () => {
    const answers = recordedAnswers();
    delete answers['https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign_checksums.txt'];
    writeIn('releases.json', JSON.stringify(answers));
    const before = [cosignAction, workflow, 'src/core/tool-versions.ts'].map(readIn);

    await expect(run('--releases-json', path.join(folder, 'releases.json'))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('has no answer for https://github.com/sigstore/cosign/releases/download/v3.0.6/'),
    });
    expect([cosignAction, workflow, 'src/core/tool-versions.ts'].map(readIn)).toEqual(before);
  });
});
