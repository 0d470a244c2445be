/**
 * build-multistage run as a runner runs it (dist/build-multistage/index.js): the docker CLI found on PATH, the
 * GitHub context read from the environment and the event payload, outputs in GITHUB_OUTPUT, the job summary written.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { REPO_ROOT, runBundledAction } from '../helpers/run-action.js';
import { tempTree } from '../helpers/temp-dir.js';
import { testbed } from '../helpers/testbed.js';
import { freshRepository, skopeoInspect } from '../core/build/build-testbed.js';

const SHA = '2d3c1c1e0b7e7c4d5a38f4bb4c3ea0fd2f0e1a9b';

describe('the bundled build-multistage action', () => {
  it('builds and pushes the sample app with the docker CLI first on PATH, and outputs the served digest', async () => {
    const runnerFiles = await tempTree({ 'event.json': JSON.stringify({ repository: { default_branch: 'main' } }) });
    const image = freshRepository('sample-app');
    const secret = `bundle-secret-${Date.now()}`;
    const run = await runBundledAction(
      'build-multistage',
      {
        image,
        context: 'examples/sample-app',
        'build-args': 'BASE_IMAGE=local/busybox:1\nAPP_VERSION=2.0.0',
        secrets: `unused=${secret}`,
        network: 'host',
      },
      {
        workspace: REPO_ROOT,
        env: {
          // The Debian docker 20.10 CLI first: it has BuildKit (the docker 28 on PATH here has no buildx).
          PATH: `${path.dirname(testbed.dockerCli)}:${process.env.PATH}`,
          DOCKER_HOST: testbed.dockerHost,
          GITHUB_SHA: SHA,
          GITHUB_REF: 'refs/tags/v2.0.0',
          GITHUB_REPOSITORY: 'acme/sample-app',
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_EVENT_PATH: path.join(runnerFiles, 'event.json'),
          NODE_OPTIONS: `--import "${path.join(REPO_ROOT, 'test/helpers/loaded-builtins.mjs')}"`,
          LOADED_BUILTINS_FILE: path.join(runnerFiles, 'builtins'),
        },
      },
    );
    const builtins = await readFile(path.join(runnerFiles, 'builtins'), 'utf8').then(
      (text) => text.split('\n'),
      () => [],
    );
    await rm(runnerFiles, { recursive: true, force: true });

    expect(run.exitCode).toBe(0);
    // The bed's registry speaks plain HTTP: Node's TLS stack (~20 ms of CPU) is not loaded.
    expect(builtins).toContain('http');
    expect(builtins).not.toContain('tls');
    expect(builtins).not.toContain('https');
    const tags = ['2.0.0', '2.0', '2', 'sha-2d3c1c1'].map((tag) => `${image}:${tag}`);
    expect(JSON.parse(run.outputs['tags-json']!)).toEqual(tags);
    expect(run.outputs.tags).toBe(tags.join('\n'));
    for (const reference of tags) expect((await skopeoInspect(reference)).Digest).toBe(run.outputs.digest);
    expect(run.outputs['image-ref']).toBe(`${image}@${run.outputs.digest}`);
    expect(JSON.parse(run.outputs.metadata!)).toMatchObject({ builder: 'buildkit', digestSource: 'registry' });
    expect((await skopeoInspect(tags[0]!)).Labels).toMatchObject({
      'org.opencontainers.image.version': '2.0.0',
      'org.opencontainers.image.revision': SHA,
    });
    expect(run.summary).toContain(`| Digest | \`${run.outputs.digest}\` |`);
    expect(
      run.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(secret);
  });
});
