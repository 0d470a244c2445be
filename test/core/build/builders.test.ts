import { describe, expect, it } from '@jest/globals';
import { BuildKitBuilder } from '../../../src/core/build/builders/buildkit.js';
import { BuildxBuilder, buildxArgs } from '../../../src/core/build/builders/buildx.js';
import { type BuilderFacts, pickBuilder } from '../../../src/core/build/builders/choose-builder.js';
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

describe('pickBuilder', () => {
  const facts = (buildx: boolean, clientVersion: string, serverOs = 'linux') => ({ buildx, clientVersion, serverOs });

  const cases: Array<[BuilderPreference, BuilderFacts, BuilderName]> = [
    ['auto', facts(true, '28.2.2'), 'buildx'],
    ['auto', facts(false, '20.10.24+dfsg1'), 'buildkit'],
    ['auto', facts(false, '18.09.1'), 'buildkit'],
    ['auto', facts(false, '18.06.0-ce'), 'classic'],
    ['auto', facts(false, '28.2.2'), 'classic'],
    ['auto', facts(false, '20.10.24', 'windows'), 'classic'],
    ['docker', facts(true, '28.2.2'), 'buildkit'],
    ['docker', facts(false, '28.2.2'), 'classic'],
    ['docker', facts(false, '20.10.7'), 'buildkit'],
    ['buildx', facts(true, '20.10.24'), 'buildx'],
  ];
  it.each(cases)('%s with %o picks %s', (preference, machine, expected) => {
    expect(pickBuilder(preference, machine)).toBe(expected);
  });

  it('refuses buildx where it is not installed', () => {
    expect(() => pickBuilder('buildx', facts(false, '28.2.2'))).toThrow(
      'builder is "buildx", but "docker buildx" is not installed',
    );
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
