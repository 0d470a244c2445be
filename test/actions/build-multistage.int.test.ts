/**
 * build-multistage against the real Docker Engine 20.10 and the OCI registry of the test bed: the sample app built
 * with BuildKit and with the classic builder, pushed, and every output checked against what skopeo and docker say.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { chmod, cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { buildMultistage, type BuildMultistageSeams } from '../../src/actions/build-multistage/run.js';
import { readBuildMultistageSettings } from '../../src/actions/build-multistage/settings.js';
import type { BuildReport } from '../../src/actions/build-multistage/report.js';
import { BUILD_INPUTS_LABEL } from '../../src/core/build/build-inputs.js';
import { RegistryClient } from '../../src/core/build/registry.js';
import { Docker } from '../../src/core/docker.js';
import { InputReader, inputsFromRecord } from '../../src/core/inputs.js';
import { testHost } from '../helpers/step-host.js';
import { tempTree } from '../helpers/temp-dir.js';
import { testbed } from '../helpers/testbed.js';
import { AuthRegistryProxy } from '../core/build/auth-registry-proxy.js';
import { REPO_ROOT } from '../helpers/run-action.js';
import {
  bedDocker,
  capturePrinted,
  docker,
  DOCKER_28_CLI,
  freshRepository,
  skopeoInspect,
  SOURCE,
} from '../core/build/build-testbed.js';

const SAMPLE_APP = 'examples/sample-app';
const BED_INPUTS = { context: SAMPLE_APP, network: 'host', 'build-args': 'BASE_IMAGE=local/busybox:1' };

let scratch: string;
let summaryFile: string;

beforeEach(async () => {
  scratch = await tempTree({ summary: '' }, 'build-multistage-int-');
  summaryFile = path.join(scratch, 'summary');
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
});

afterEach(async () => {
  delete process.env.GITHUB_STEP_SUMMARY;
  await rm(scratch, { recursive: true, force: true });
});

interface Run {
  outputs: Record<string, string>;
  printed: string;
  error?: unknown;
  report?: BuildReport;
}

async function run(
  inputs: Record<string, string>,
  seams: BuildMultistageSeams = {},
  workspace: string = REPO_ROOT,
): Promise<Run> {
  const outputs: Record<string, string> = {};
  const settings = readBuildMultistageSettings(new InputReader(inputsFromRecord(inputs)), workspace);
  const host = testHost({ workspace, tempDir: scratch, outputs, context: SOURCE });
  const captured = await capturePrinted(async () =>
    buildMultistage(settings, host, { docker: await bedDocker(), now: SOURCE.created, ...seams }),
  );
  return { outputs, printed: captured.printed, error: captured.error, report: captured.result };
}

function succeeded(result: Run): BuildReport {
  if (result.error) throw result.error;
  return result.report as BuildReport;
}

describe('build-multistage with the docker CLI and BuildKit', () => {
  it('pushes the sample app under every tag rule, with a digest each tag serves, labels, a non-root user', async () => {
    const image = freshRepository('sample-app');
    const result = await run({
      ...BED_INPUTS,
      image,
      'build-args': 'BASE_IMAGE=local/busybox:1\nAPP_VERSION=1.2.3',
      labels: 'com.example.team=delivery',
      tags: 'sha, branch, latest, candidate',
    });
    const report = succeeded(result);

    const expectedTags = ['sha-3f78685', 'main', 'latest', 'candidate'].map((tag) => `${image}:${tag}`);
    expect(JSON.parse(result.outputs['tags-json']!)).toEqual(expectedTags);
    expect(result.outputs.tags).toBe(expectedTags.join('\n'));
    expect(result.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(result.outputs['image-ref']).toBe(`${image}@${result.outputs.digest}`);
    for (const reference of expectedTags) {
      expect((await skopeoInspect(reference)).Digest).toBe(result.outputs.digest);
    }

    const served = await skopeoInspect(result.outputs['image-ref']!);
    expect(served.Labels).toMatchObject({
      'org.opencontainers.image.source': 'https://github.com/acme/sample-app',
      'org.opencontainers.image.revision': SOURCE.sha,
      'org.opencontainers.image.created': '2024-05-01T12:00:00.000Z',
      'org.opencontainers.image.version': 'sha-3f78685',
      'org.opencontainers.image.title': 'sample-app',
      'com.example.team': 'delivery',
    });

    const metadata = JSON.parse(result.outputs.metadata!) as BuildReport;
    expect(metadata).toMatchObject({ builder: 'buildkit', stages: ['builder', 'runtime'], digestSource: 'registry' });
    expect(metadata).toEqual(JSON.parse(JSON.stringify(report)));
    expect(result.outputs['image-id']).toBe(
      (await docker('image', 'inspect', '--format', '{{.Id}}', expectedTags[0]!)).trim(),
    );

    expect((await docker('run', '--rm', '--network', 'none', `${image}:candidate`, 'hello')).trim()).toBe(
      'Hello from sample-app 1.2.3',
    );
    expect((await docker('image', 'inspect', '--format', '{{.Config.User}}', `${image}:candidate`)).trim()).toBe(
      '65534:65534',
    );

    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toContain(result.outputs.digest);
    expect(summary).toMatch(/\| Builder \| buildkit \|/);
    expect(summary).toMatch(/\| Stages built \| builder, runtime \(final\) \|/);
    // The sample app's base comes from a build argument and is not pinned here: both stages built on it say so.
    for (const line of [8, 18]) {
      expect(result.printed).toMatch(
        new RegExp(
          `^::warning file=examples/sample-app/Dockerfile,line=${line}::.*base image \\$\\{BASE_IMAGE\\} = local/busybox:1 is not pinned`,
          'm',
        ),
      );
    }
    expect(metadata.findings).toBe(2);
  });

  it('rebuilds an unchanged app from the cache', async () => {
    const inputs = { ...BED_INPUTS, image: freshRepository('sample-app'), tags: 'warm', push: 'false' };
    succeeded(await run(inputs));
    const warm = succeeded(await run(inputs));
    expect(warm.steps).toEqual({ total: 4, cached: 4 });
  });

  it('builds only the stages a target needs, and a build arg takes effect', async () => {
    const image = freshRepository('sample-app');
    const result = await run({
      ...BED_INPUTS,
      image,
      target: 'builder',
      'build-args': 'BASE_IMAGE=local/busybox:1\nAPP_VERSION=9.9.9-target',
      tags: 'builder',
    });
    const report = succeeded(result);
    expect(report).toMatchObject({ target: 'builder', stages: ['builder'] });
    const version = await docker('run', '--rm', '--network', 'none', `${image}:builder`, 'cat', '/out/VERSION');
    expect(version.trim()).toBe('9.9.9-target');
    // The builder stage has no USER: the check says so at its FROM line.
    expect(result.printed).toMatch(/^::warning file=examples\/sample-app\/Dockerfile,line=8::.*has no USER/m);
  });

  it('passes secrets as BuildKit secrets: used by the build, absent from history, config, output and disk', async () => {
    const secret = `s3cr3t-${Date.now()}-value`;
    const workspace = await tempTree({
      'app/Dockerfile': [
        'FROM local/busybox:1 AS builder',
        // A secret is not part of BuildKit's cache key: the run's own text keeps an earlier run's result out.
        `RUN --mount=type=secret,id=api_token echo ${randomUUID()} && sha256sum /run/secrets/api_token | cut -c1-64 > /token.sha`,
        'FROM local/busybox:1',
        'COPY --from=builder /token.sha /token.sha',
        'USER 65534',
        '',
      ].join('\n'),
    });
    const result = await run(
      {
        image: freshRepository('secrets'),
        context: 'app',
        network: 'host',
        tags: 'with-secret',
        secrets: `api_token=${secret}`,
        push: 'false',
      },
      {},
      workspace,
    );
    const report = succeeded(result);
    expect(result.outputs.digest).toBe('');
    expect(result.outputs['image-ref']).toBe('');

    const imageId = result.outputs['image-id']!;
    expect(imageId).toBe(report.imageId);
    const digestOfSecret = createHash('sha256').update(secret).digest('hex');
    expect((await docker('run', '--rm', '--network', 'none', imageId, 'cat', '/token.sha')).trim()).toBe(
      digestOfSecret,
    );
    expect(await docker('history', '--no-trunc', imageId)).not.toContain(secret);
    expect(await docker('image', 'inspect', imageId)).not.toContain(secret);
    expect(result.printed).not.toContain(secret);
    expect(JSON.stringify(result.outputs)).not.toContain(secret);
    expect(await readdir(scratch)).toEqual(['summary']);
    await rm(workspace, { recursive: true, force: true });
  });

  it('fails a broken step with its last lines in the error and the summary', async () => {
    const workspace = await tempTree({
      Dockerfile: [
        'FROM local/busybox:1 AS builder',
        'RUN echo "compiling main.c" && echo "main.c:3: error: expected ;" >&2 && exit 3',
        'FROM local/busybox:1',
        'COPY --from=builder /out /out',
        '',
      ].join('\n'),
    });
    const result = await run({ image: freshRepository('broken'), network: 'host', tags: 'x' }, {}, workspace);
    expect(result.error).toBeInstanceOf(Error);
    const message = (result.error as Error).message;
    expect(message).toMatch(/^The build failed at \[builder 2\/2\] RUN echo "compiling main\.c"/);
    expect(message).toContain('main.c:3: error: expected ;');
    expect(message).not.toContain('\n');
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toContain('failed to build');
    // A step's stdout and stderr reach BuildKit's log through separate pipes, so their order varies.
    expect(summary).toMatch(/^compiling main\.c$/m);
    expect(summary).toMatch(/^main\.c:3: error: expected ;$/m);
    expect(result.outputs).toEqual({});
    await rm(workspace, { recursive: true, force: true });
  });

  it('warns when the registry cannot be probed and reuse is off, and lets the push decide', async () => {
    // An unpinned base: nothing could be reused, so the registry is only probed, and the push says what failed.
    const port = await closedPort();
    const result = await run(
      { ...BED_INPUTS, image: `127.0.0.1:${port}/acme/api`, tags: 'x' },
      { registry: new RegistryClient({ retry: { attempts: 3, firstDelayMs: 50 } }) },
    );
    expect(result.printed).toContain(`::warning::Registry 127.0.0.1:${port} did not answer GET`);
    expect((result.error as Error).message).toMatch(
      new RegExp(`^docker push 127\\.0\\.0\\.1:${port}/acme/api:x failed`),
    );
    expect(result.outputs).toEqual({});
  });

  it('says so when the Docker Engine does not answer', async () => {
    const silentEngine = await Docker.create({
      path: testbed.dockerCli,
      env: { DOCKER_HOST: `unix://${scratch}/none.sock` },
    });
    const result = await run(
      { ...BED_INPUTS, image: freshRepository('sample-app'), push: 'false' },
      { docker: silentEngine },
    );
    expect((result.error as Error).message).toMatch(
      /^The Docker Engine does not answer \(\/usr\/bin\/docker version\): Cannot connect to the Docker daemon at unix:\/\//,
    );
  });

  it('fails with the answer of a registry that refuses the push', async () => {
    const proxy = await AuthRegistryProxy.start({
      upstream: testbed.registry,
      scheme: 'bearer',
      username: 'ci',
      password: 'x',
    });
    try {
      const image = `${proxy.host}/acme/sample-app`;
      const result = await run({ ...BED_INPUTS, image, tags: 'denied' });
      expect((result.error as Error).message).toMatch(
        new RegExp(`^docker push ${image.replace(/\./g, '\\.')}:denied failed: .*unauthorized`),
      );
      expect(result.outputs).toEqual({});
    } finally {
      await proxy.stop();
    }
  });
});

describe('build-multistage with the classic builder', () => {
  it('picks the classic builder where the docker CLI has no BuildKit, and gives the same outputs', async () => {
    const image = freshRepository('sample-app');
    const result = await run(
      { ...BED_INPUTS, image, tags: 'classic, raw:latest' },
      { docker: await bedDocker(DOCKER_28_CLI) },
    );
    const report = succeeded(result);
    expect(report).toMatchObject({
      builder: 'classic',
      stages: ['builder', 'test', 'runtime'],
      digestSource: 'registry',
    });
    for (const tag of ['classic', 'latest']) {
      expect((await skopeoInspect(`${image}:${tag}`)).Digest).toBe(result.outputs.digest);
    }
    expect((await skopeoInspect(`${image}:classic`)).Labels).toMatchObject({
      'org.opencontainers.image.revision': SOURCE.sha,
      'org.opencontainers.image.version': 'classic',
    });
    // Every instruction but FROM is a classic step (11 here), and so is each of the 6 labels (5 OCI, the inputs one).
    expect(report.steps?.total).toBe(17);
    // The docker 28 CLI has BuildKit only through buildx, which it lacks: `docker version` says so after BuildKit failed.
    expect(result.printed).toMatch(/::warning::The buildkit builder does not work here .*; trying classic\./);
  });

  it('refuses secrets rather than pass them any other way', async () => {
    const result = await run(
      { ...BED_INPUTS, image: freshRepository('sample-app'), tags: 'x', secrets: 'token=abc-secret-1' },
      { docker: await bedDocker(DOCKER_28_CLI) },
    );
    expect((result.error as Error).message).toMatch(/^Input "secrets" needs BuildKit/);
    // The BuildKit attempt stopped in the CLI (no buildx); the classic builder never started.
    expect(result.printed.match(/\[command\]\S+ build/g)).toHaveLength(1);
    expect(result.printed).not.toContain('abc-secret-1');
  });

  it('fails a broken step with its last lines', async () => {
    const workspace = await tempTree({
      Dockerfile: 'FROM local/busybox:1\nRUN echo "linking" && echo "ld: cannot find -lfoo" >&2 && exit 1\n',
    });
    const result = await run(
      { image: freshRepository('broken'), network: 'host', tags: 'x', policy: 'off' },
      { docker: await bedDocker(DOCKER_28_CLI) },
      workspace,
    );
    const message = (result.error as Error).message;
    expect(message).toMatch(/^The build failed at Step 2\/\d+ : RUN echo "linking" .* returned a non-zero code: 1$/);
    // The classic builder prints a step's stdout and stderr through separate pipes, so their order varies.
    const lines = message.slice(message.indexOf('exit 1: ') + 'exit 1: '.length).split(' | ');
    expect(lines.slice(0, 2).sort()).toEqual(['ld: cannot find -lfoo', 'linking']);
    await rm(workspace, { recursive: true, force: true });
  });
});

/** A port on 127.0.0.1 that nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('build-multistage reusing an image built from the same inputs', () => {
  let workspace: string;
  const pinned = () => ({ network: 'host', 'build-args': `BASE_IMAGE=${testbed.pinnedBase}`, policy: 'off' });

  beforeEach(async () => {
    workspace = await tempTree({}, 'build-multistage-reuse-');
    await cp(path.join(REPO_ROOT, SAMPLE_APP), workspace, { recursive: true });
    await writeFile(path.join(workspace, '.dockerignore'), '# docs are not part of the image\n*.md\n');
  });

  afterEach(() => rm(workspace, { recursive: true, force: true }));

  it('tags the image the registry already has instead of building, so a rerun gives the same digest', async () => {
    const image = freshRepository('reuse');
    const first = await run({ ...pinned(), image, tags: 'sha, branch' }, {}, workspace);
    expect(succeeded(first)).toMatchObject({ builder: 'buildkit', stages: ['builder', 'runtime'] });
    const labels = (await skopeoInspect(`${image}:main`)).Labels ?? {};
    expect(labels[BUILD_INPUTS_LABEL]).toMatch(/^sha256:[a-f0-9]{64}$/);

    const later = new Date('2024-06-01T08:00:00Z');
    const rerun = await run({ ...pinned(), image, tags: 'sha, branch, rerun' }, { now: later }, workspace);
    expect(succeeded(rerun)).toMatchObject({ builder: 'none', stages: [], reusedFrom: `${image}:sha-3f78685` });
    expect(rerun.printed).not.toMatch(/\[command\]\S+ (build|push)/);
    expect(rerun.printed).toContain(`${image}:sha-3f78685 was built from the same inputs`);
    expect(rerun.outputs.digest).toBe(first.outputs.digest);
    expect(rerun.outputs['image-id']).toBe(first.outputs['image-id']);
    for (const tag of ['sha-3f78685', 'main', 'rerun']) {
      expect((await skopeoInspect(`${image}:${tag}`)).Digest).toBe(first.outputs.digest);
    }
    // The image is the one built first: created then, not now.
    expect(JSON.parse(rerun.outputs.metadata!).labels).toMatchObject({
      'org.opencontainers.image.created': SOURCE.created.toISOString(),
    });
    expect(await readFile(summaryFile, 'utf8')).toMatch(/\| Builder \| none: reused `[^`]+:sha-3f78685`/);
  });

  it('builds again when a file Docker sends changes, but not for a file .dockerignore leaves out', async () => {
    const image = freshRepository('reuse');
    const inputs = { ...pinned(), image, tags: 'sha' };
    const first = await run(inputs, {}, workspace);
    succeeded(first);

    await writeFile(path.join(workspace, 'README.md'), 'edited docs\n');
    const docsOnly = await run(inputs, {}, workspace);
    expect(succeeded(docsOnly).builder).toBe('none');

    await writeFile(path.join(workspace, 'src', 'NOTICE'), 'a new file in the context\n');
    const changed = await run(inputs, {}, workspace);
    expect(succeeded(changed).builder).toBe('buildkit');
    expect(changed.outputs.digest).not.toBe(first.outputs.digest);
    expect((await skopeoInspect(`${image}:sha-3f78685`)).Digest).toBe(changed.outputs.digest);
  });

  it('builds with reuse: false, or when a base image is not pinned, and says why', async () => {
    const image = freshRepository('reuse');
    succeeded(await run({ ...pinned(), image, tags: 'sha' }, {}, workspace));
    const forced = await run({ ...pinned(), image, tags: 'sha', reuse: 'false' }, {}, workspace);
    expect(succeeded(forced).builder).toBe('buildkit');

    const unpinned = { ...pinned(), 'build-args': 'BASE_IMAGE=local/busybox:1', image, tags: 'unpinned' };
    succeeded(await run(unpinned, {}, workspace));
    const again = await run(unpinned, {}, workspace);
    expect(succeeded(again).builder).toBe('buildkit');
    expect(again.printed).toContain(
      'An earlier image cannot stand in for this build (stage builder (line 8) uses local/busybox:1, which is not ' +
        'pinned by digest; stage runtime (line 18) uses local/busybox:1, which is not pinned by digest): building.',
    );
    // Empty rather than absent, so that a label of the base image does not show through.
    expect((await skopeoInspect(`${image}:unpinned`)).Labels).toHaveProperty([BUILD_INPUTS_LABEL], '');
  });
  it('builds, with a warning, when the registry answers the lookup with something it cannot use', async () => {
    const image = freshRepository('reuse');
    succeeded(await run({ ...pinned(), image, tags: 'sha' }, {}, workspace));
    class CorruptBlobs extends RegistryClient {
      override blob(): Promise<Buffer | undefined> {
        return Promise.reject(new Error('answered bytes that do not match their digest'));
      }
    }
    const result = await run({ ...pinned(), image, tags: 'sha' }, { registry: new CorruptBlobs() }, workspace);
    expect(succeeded(result).builder).toBe('buildkit');
    expect(result.printed).toContain(
      '::warning::Looking for an image of the same inputs failed (answered bytes that do not match their digest): building.',
    );
  });

  it('builds when the registry lets it read the image but not tag it', async () => {
    const repository = `testbed/reuse-${randomUUID().slice(0, 8)}`;
    succeeded(await run({ ...pinned(), image: `${testbed.registry}/${repository}`, tags: 'sha' }, {}, workspace));
    const readOnly = await AuthRegistryProxy.start({
      upstream: testbed.registry,
      scheme: 'bearer',
      username: 'reader',
      password: 'x',
    });
    try {
      const registry = new RegistryClient({ credentials: () => ({ username: 'reader', password: 'x' }) });
      const image = `${readOnly.host}/${repository}`;
      const result = await run({ ...pinned(), image, tags: 'sha, extra' }, { registry }, workspace);
      expect(result.printed).toContain(
        `The registry would not let these credentials tag ${image}:sha-3f78685: building.`,
      );
      expect(result.printed).toMatch(/\[command\]\S+ build /);
      // The double grants pull tokens only, and docker has no login for it: the build's own push is refused too.
      expect((result.error as Error).message).toMatch(/^docker push .* failed: .*unauthorized/);
    } finally {
      await readOnly.stop();
    }
  });
});

describe('build-multistage when the first builder does not work here', () => {
  it('falls back from a buildx plugin that does not run to the docker CLI with BuildKit', async () => {
    const config = await tempTree({ 'cli-plugins/docker-buildx': '#!/bin/sh\nexit 1\n' }, 'docker-config-');
    await chmod(path.join(config, 'cli-plugins', 'docker-buildx'), 0o755);
    process.env.DOCKER_CONFIG = config;
    try {
      const cli = await Docker.create({
        path: testbed.dockerCli,
        env: { DOCKER_HOST: testbed.dockerHost, DOCKER_CONFIG: config },
      });
      const image = freshRepository('sample-app');
      const result = await run({ ...BED_INPUTS, image, tags: 'fallback' }, { docker: cli });
      expect(succeeded(result)).toMatchObject({ builder: 'buildkit', digestSource: 'registry' });
      expect(result.printed).toMatch(/\[command\]\S+ buildx build/);
      expect(result.printed).toMatch(/::warning::The buildx builder does not work here .*; trying buildkit\./);
      expect((await skopeoInspect(`${image}:fallback`)).Digest).toBe(result.outputs.digest);
    } finally {
      delete process.env.DOCKER_CONFIG;
      await rm(config, { recursive: true, force: true });
    }
  });
});
