import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { BuildKitBuilder } from '../../../src/core/build/builders/buildkit.js';
import { BuildxBuilder, buildxArgs } from '../../../src/core/build/builders/buildx.js';
import { findBuildxPlugin } from '../../../src/core/build/builders/buildx-plugin.js';
import { type BuilderFacts, chooseBuilder, cliHasBuildKit } from '../../../src/core/build/builders/choose-builder.js';
import { ClassicBuilder } from '../../../src/core/build/builders/classic.js';
import { dockerBuildArgs } from '../../../src/core/build/builders/docker-build.js';
import type {
  BuilderName,
  BuilderPreference,
  BuildRequest,
  ImageBuilder,
} from '../../../src/core/build/builders/image-builder.js';
import { Docker } from '../../../src/core/docker.js';

const REQUEST: BuildRequest = {
  context: '/work/app',
  dockerfile: '/work/app/Dockerfile',
  target: 'runtime',
  buildArgs: new Map([
    ['APP_VERSION', '1.2.3'],
    ['EMPTY', ''],
  ]),
  secrets: [{ id: 'npm_token', file: '/tmp/run/secrets/0' }],
  labels: { 'org.opencontainers.image.revision': 'abc', 'com.example.note': 'a=b, c' },
  tags: ['ghcr.io/acme/api:1.2.3', 'ghcr.io/acme/api:latest'],
  platforms: [],
  cacheFrom: [],
  cacheTo: [],
  network: 'host',
  push: true,
  workDir: '/tmp/run',
};

describe('cliHasBuildKit', () => {
  const facts = (buildx: boolean, clientVersion: string, serverOs = 'linux') => ({ buildx, clientVersion, serverOs });

  const cases: Array<[BuilderFacts, boolean]> = [
    [facts(true, '28.2.2'), true],
    [facts(false, '20.10.24+dfsg1'), true],
    [facts(false, '18.09.1'), true],
    [facts(false, '18.06.0-ce'), false],
    [facts(false, '28.2.2'), false],
    [facts(false, '20.10.24', 'windows'), false],
    [facts(true, '28.2.2', 'windows'), false],
    [facts(false, 'unknown'), false],
  ];
  it.each(cases)('%o: %s', (machine, expected) => {
    expect(cliHasBuildKit(machine)).toBe(expected);
  });
});

describe('chooseBuilder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'choose-builder-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** A docker CLI stand-in whose `buildx version` succeeds or fails, and which records every call. */
  async function dockerWithBuildx(works: boolean): Promise<{ docker: Docker; calls: () => Promise<string> }> {
    const script = path.join(dir, `docker-${works}`);
    const log = `${script}.log`;
    await writeFile(script, `#!/bin/sh\necho "$*" >> '${log}'\nexit ${works ? 0 : 1}\n`, { mode: 0o755 });
    const calls = () => readFile(log, 'utf8').catch(() => '');
    return { docker: await Docker.create({ path: script }), calls };
  }

  const cases: Array<[BuilderPreference, string | undefined, BuilderName]> = [
    ['auto', '/usr/lib/docker/cli-plugins/docker-buildx', 'buildx'],
    ['auto', undefined, 'buildkit'],
    ['docker', '/usr/lib/docker/cli-plugins/docker-buildx', 'buildkit'],
    ['docker', undefined, 'buildkit'],
    ['buildx', '/usr/lib/docker/cli-plugins/docker-buildx', 'buildx'],
  ];
  it.each(cases)(
    '%s with the buildx plugin at %s starts with %s, running nothing',
    async (preference, plugin, name) => {
      const { docker, calls } = await dockerWithBuildx(false);
      expect((await chooseBuilder(preference, docker, plugin)).name).toBe(name);
      expect(await calls()).toBe('');
    },
  );

  it('asks the CLI before refusing an explicit buildx the lookup did not find', async () => {
    const found = await dockerWithBuildx(true);
    expect((await chooseBuilder('buildx', found.docker, undefined)).name).toBe('buildx');
    expect(await found.calls()).toBe('buildx version\n');

    const missing = await dockerWithBuildx(false);
    await expect(chooseBuilder('buildx', missing.docker, undefined)).rejects.toThrow(
      'builder is "buildx", but "docker buildx" is not installed',
    );
  });
});

describe('findBuildxPlugin', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'buildx-plugin-'));
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  async function plugin(dir: string, mode = 0o755): Promise<string> {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'docker-buildx');
    await writeFile(file, '#!/bin/sh\n', { mode });
    return file;
  }

  it("looks in the config folder, then in config.json's extra folders, as the docker CLI does", async () => {
    const config = path.join(home, 'config');
    const env = { DOCKER_CONFIG: config, HOME: home };
    const extra = await plugin(path.join(home, 'extra'));
    await writeFile(path.join(home, 'config.json'), '{}');
    await mkdir(config, { recursive: true });
    await writeFile(path.join(config, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: [path.dirname(extra)] }));
    expect(findBuildxPlugin(env, 'linux')).toBe(extra);

    const own = await plugin(path.join(config, 'cli-plugins'));
    expect(findBuildxPlugin(env, 'linux')).toBe(own);
  });

  it('uses ~/.docker without DOCKER_CONFIG, and skips a file that cannot run', async () => {
    const file = await plugin(path.join(home, '.docker', 'cli-plugins'), 0o644);
    const found = findBuildxPlugin({ HOME: home }, 'linux');
    // Only a system-wide plugin of this machine (none on the test bed) could be found instead.
    expect(found === undefined || !found.startsWith(home)).toBe(true);
    await chmod(file, 0o755);
    expect(findBuildxPlugin({ HOME: home }, 'linux')).toBe(file);
  });
});

describe('buildx argv', () => {
  it('pushes with a metadata file, every input as a flag, the context last', () => {
    expect(buildxArgs(REQUEST)).toEqual([
      '--progress',
      'plain',
      '--file',
      '/work/app/Dockerfile',
      '--iidfile',
      '/tmp/run/image-id',
      '--metadata-file',
      '/tmp/run/metadata.json',
      '--target',
      'runtime',
      '--network',
      'host',
      '--build-arg',
      'APP_VERSION=1.2.3',
      '--build-arg',
      'EMPTY=',
      '--label',
      'org.opencontainers.image.revision=abc',
      '--label',
      'com.example.note=a=b, c',
      '--tag',
      'ghcr.io/acme/api:1.2.3',
      '--tag',
      'ghcr.io/acme/api:latest',
      '--secret',
      'id=npm_token,src=/tmp/run/secrets/0',
      '--push',
      '/work/app',
    ]);
  });

  it('passes platforms and caches as given', () => {
    const args = buildxArgs({
      ...REQUEST,
      platforms: ['linux/amd64', 'linux/arm64'],
      cacheFrom: ['type=gha', 'type=registry,ref=ghcr.io/acme/api:cache'],
      cacheTo: ['type=gha,mode=max'],
    });
    expect(args.join(' ')).toContain('--platform linux/amd64,linux/arm64 --network host');
    expect(args.join(' ')).toContain(
      '--cache-from type=gha --cache-from type=registry,ref=ghcr.io/acme/api:cache --cache-to type=gha,mode=max --push',
    );
  });

  it('loads a single-platform image that is not pushed, and leaves a multi-platform one in the cache', () => {
    expect(buildxArgs({ ...REQUEST, push: false }).slice(-2)).toEqual(['--load', '/work/app']);
    const multi = buildxArgs({ ...REQUEST, push: false, platforms: ['linux/amd64', 'linux/arm64'] });
    expect(multi).not.toContain('--load');
    expect(multi).not.toContain('--push');
  });

  it('never puts a secret value or a build arg named like one anywhere but where given', () => {
    expect(buildxArgs(REQUEST).filter((arg) => arg.includes('npm_token'))).toEqual([
      'id=npm_token,src=/tmp/run/secrets/0',
    ]);
  });
});

describe('docker build argv', () => {
  it('shares the flags of both docker CLI builders, with image-only caches and one platform', () => {
    const args = dockerBuildArgs(
      {
        ...REQUEST,
        platforms: ['linux/arm64'],
        cacheFrom: ['ghcr.io/acme/api:cache', 'type=registry,ref=ghcr.io/acme/api:main'],
      },
      ['--progress', 'plain'],
    );
    expect(args).toEqual([
      '--file',
      '/work/app/Dockerfile',
      '--iidfile',
      '/tmp/run/image-id',
      '--target',
      'runtime',
      '--platform',
      'linux/arm64',
      '--network',
      'host',
      '--build-arg',
      'APP_VERSION=1.2.3',
      '--build-arg',
      'EMPTY=',
      '--label',
      'org.opencontainers.image.revision=abc',
      '--label',
      'com.example.note=a=b, c',
      '--tag',
      'ghcr.io/acme/api:1.2.3',
      '--tag',
      'ghcr.io/acme/api:latest',
      '--cache-from',
      'ghcr.io/acme/api:cache',
      '--cache-from',
      'ghcr.io/acme/api:main',
      '--progress',
      'plain',
      '/work/app',
    ]);
  });
});

describe('what each builder refuses before anything runs', () => {
  const builders = async (): Promise<Record<string, ImageBuilder>> => {
    const docker = await Docker.create({ path: '/nonexistent/docker' });
    return {
      buildx: new BuildxBuilder(docker),
      buildkit: new BuildKitBuilder(docker),
      classic: new ClassicBuilder(docker),
    };
  };
  const cases: Array<[string, Partial<BuildRequest>, Record<string, string | null>]> = [
    ['secrets', {}, { buildx: null, buildkit: null, classic: 'Input "secrets" needs BuildKit' }],
    [
      'two platforms',
      { secrets: [], platforms: ['linux/amd64', 'linux/arm64'] },
      { buildx: null, buildkit: 'Building for several platforms needs buildx', classic: 'needs buildx' },
    ],
    [
      'cache-from type=gha',
      { secrets: [], cacheFrom: ['type=gha'] },
      { buildx: null, buildkit: 'cache-from "type=gha" needs buildx', classic: 'needs buildx' },
    ],
    [
      'cache-from an image',
      { secrets: [], cacheFrom: ['type=registry,ref=ghcr.io/acme/api:cache'] },
      { buildx: null, buildkit: null, classic: null },
    ],
    [
      'cache-to inline',
      { secrets: [], cacheTo: ['type=inline'] },
      { buildx: null, buildkit: null, classic: 'cache-to "type=inline" needs buildx' },
    ],
    [
      'cache-to a registry',
      { secrets: [], cacheTo: ['type=registry,ref=ghcr.io/acme/api:cache'] },
      { buildx: null, buildkit: 'only type=inline works without it', classic: 'needs buildx' },
    ],
  ];

  it.each(cases)('%s', async (_, change, expected) => {
    const all = await builders();
    for (const [name, message] of Object.entries(expected)) {
      const refuse = () => all[name]!.refuseUnsupported({ ...REQUEST, ...change });
      if (message === null) expect(refuse).not.toThrow();
      else expect(refuse).toThrow(message);
    }
  });
});
