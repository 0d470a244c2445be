/**
 * contextEntries against what the test bed's Docker Engine (20.10) really copies with `COPY . /ctx/`, with BuildKit
 * and with the classic builder; contextDigest against changes that do and do not reach an image.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { chmod, mkdir, rm, rmdir, stat, symlink, unlink, utimes, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  type ContextEntry,
  contextDigest,
  contextEntries,
  readDockerIgnore,
} from '../../../src/core/build/context-digest.js';
import { DockerIgnore } from '../../../src/core/build/dockerignore.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { dockerEnv, testbed } from '../../helpers/testbed.js';

const execFileAsync = promisify(execFile);

type Builder = 'buildkit' | 'classic';

const COPY_ALL = 'FROM local/busybox:1\nCOPY . /ctx/\n';

// Busybox stat's %F names, as ContextEntry types.
const STAT_TYPES: Record<string, ContextEntry['type']> = {
  'regular file': 'file',
  'regular empty file': 'file',
  directory: 'directory',
  'symbolic link': 'symlink',
};

let contexts: string[] = [];

afterEach(async () => {
  await Promise.all(contexts.map((context) => rm(context, { recursive: true, force: true })));
  contexts = [];
});

async function context(files: Record<string, string>): Promise<string> {
  const root = await tempTree(files, 'context-digest-');
  contexts.push(root);
  return root;
}

async function runDocker(builder: Builder, ...args: string[]): Promise<string> {
  const env = dockerEnv({ DOCKER_BUILDKIT: builder === 'buildkit' ? '1' : '0' });
  const { stdout } = await execFileAsync(testbed.dockerCli, args, { env, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** `path|type|mode` of everything `COPY . /ctx/` put in an image that `builder` built from `root`, by path. */
async function copiedByDocker(root: string, builder: Builder, dockerfile = 'Dockerfile'): Promise<string[]> {
  const built = await runDocker(
    builder,
    'build',
    '--quiet',
    '--network',
    'none',
    '-f',
    path.join(root, dockerfile),
    root,
  );
  const image = built.trim().split('\n').pop() as string;
  try {
    const script = 'cd /ctx && find . -mindepth 1 -exec stat -c "%n|%F|%a" {} +';
    const listing = await runDocker(builder, 'run', '--rm', '--network', 'none', image, 'sh', '-c', script);
    return listing
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const [name, type, mode] = line.split('|') as [string, string, string];
        return `${name.slice('./'.length)}|${STAT_TYPES[type] ?? type}|${mode}`;
      })
      .sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : 1));
  } finally {
    await runDocker(builder, 'rmi', '--force', image);
  }
}

/** contextEntries as `path|type|mode`, in its own order. */
async function listed(root: string, ignore: DockerIgnore): Promise<string[]> {
  const entries = contextEntries(root, ignore);
  return entries.map((entry) => `${entry.path}|${entry.type}|${entry.mode.toString(8)}`);
}

function pathOf(line: string): string {
  return line.split('|')[0] as string;
}

function pathsOf(lines: readonly string[]): string[] {
  return lines.map(pathOf);
}

const TRICKY_IGNORE = [
  '# build outputs and logs',
  '**/*.log',
  'build',
  '!build/keep.txt',
  'docs/**/draft*',
  '/secret.env',
  './tmp/../cache',
  'node_modules/**',
  '[!x]y.txt',
  '\\#hash.txt',
  '  #not-a-comment',
].join('\n');

/** Nested directories, exceptions, an excluded directory with a re-included file, an empty directory, a symlink. */
async function trickyContext(): Promise<string> {
  const files = [
    'app/main.go',
    'app/main.log',
    'app/sub/deep.log',
    'app/sub/util.go',
    'root.log',
    'build/out.bin',
    'build/keep.txt',
    'docs/draft0.md',
    'docs/a/b/draft1.md',
    'docs/a/final.md',
    'secret.env',
    'config/secret.env',
    'cache/blob',
    'node_modules/pkg/index.js',
    '!y.txt',
    'xy.txt',
    'ay.txt',
    '#hash.txt',
    '#not-a-comment',
    'run.sh',
    'private.key',
  ];
  const root = await context({
    Dockerfile: COPY_ALL,
    '.dockerignore': `${TRICKY_IGNORE}\n`,
    ...Object.fromEntries(files.map((file) => [file, `content of ${file}\n`])),
  });
  await mkdir(path.join(root, 'empty'));
  await symlink('app/main.go', path.join(root, 'link'));
  await chmod(path.join(root, 'run.sh'), 0o755);
  await chmod(path.join(root, 'private.key'), 0o600);
  // The classic builder does not send build (excluded, entered for build/keep.txt) but creates it, with 0755.
  await chmod(path.join(root, 'build'), 0o755);
  return root;
}

describe('contextEntries against what Docker 20.10 copies', () => {
  it.each<Builder>(['buildkit', 'classic'])(
    'lists exactly what %s sends of a tree with **, exceptions, an empty directory and a symlink',
    async (builder) => {
      const root = await trickyContext();
      const ours = await listed(root, DockerIgnore.parse(TRICKY_IGNORE));

      expect(pathsOf(ours)).toEqual([
        '.dockerignore',
        'Dockerfile',
        'app',
        'app/main.go',
        'app/sub',
        'app/sub/util.go',
        'ay.txt',
        'build',
        'build/keep.txt',
        'config',
        'config/secret.env',
        'docs',
        'docs/a',
        'docs/a/b',
        'docs/a/final.md',
        'empty',
        'link',
        'node_modules',
        'private.key',
        'run.sh',
      ]);
      expect(ours).toContain('run.sh|file|755');
      expect(ours).toContain('private.key|file|600');
      expect(ours).toContain('link|symlink|777');
      expect(await copiedByDocker(root, builder)).toEqual(ours);
    },
  );

  it('reads <Dockerfile>.dockerignore with BuildKit only, so readDockerIgnore keeps what either sends', async () => {
    const root = await context({
      'App.Dockerfile': COPY_ALL,
      'App.Dockerfile.dockerignore': 'for-classic-only\nshared\n',
      '.dockerignore': 'for-buildkit-only\nshared\n',
      'for-classic-only': 'a',
      'for-buildkit-only': 'b',
      shared: 'c',
    });
    const buildKitIgnore = DockerIgnore.parse('for-classic-only\nshared');
    const classicIgnore = DockerIgnore.parse('for-buildkit-only\nshared');

    expect(await copiedByDocker(root, 'buildkit', 'App.Dockerfile')).toEqual(await listed(root, buildKitIgnore));
    expect(await copiedByDocker(root, 'classic', 'App.Dockerfile')).toEqual(await listed(root, classicIgnore));
    const either = contextEntries(root, readDockerIgnore(root, path.join(root, 'App.Dockerfile')));
    expect(either.map((entry) => entry.path)).toEqual([
      '.dockerignore',
      'App.Dockerfile',
      'App.Dockerfile.dockerignore',
      'for-buildkit-only',
      'for-classic-only',
    ]);
  });

  it.each<Builder>(['buildkit', 'classic'])(
    'where Docker versions disagree, lists what %s sends and what newer versions send besides',
    async (builder) => {
      // Docker 20.10 skips vendor (no exception names a path in it), BuildKit since 23 re-includes keep.txt in it.
      const ignore = '**/x\n!a/b/x/keep\nvendor\n!**/keep.txt\n';
      const root = await context({
        Dockerfile: COPY_ALL,
        '.dockerignore': ignore,
        'a/b/x/other': 'sent by 20.10: it tries **/x on a/b only',
        'a/b/x/keep/file': 'sent',
        'c/x/file': 'left out',
        'vendor/pkg/keep.txt': 'sent since 23',
        'vendor/pkg/drop.txt': 'left out',
      });
      const ours = pathsOf(await listed(root, DockerIgnore.parse(ignore)));
      const docker = pathsOf(await copiedByDocker(root, builder));

      expect(docker.filter((entry) => !ours.includes(entry))).toEqual([]);
      expect(ours.filter((entry) => !docker.includes(entry))).toEqual(['vendor', 'vendor/pkg', 'vendor/pkg/keep.txt']);
      expect(ours).toContain('a/b/x/other');
      expect(ours).not.toContain('c/x/file');
    },
  );
});

describe('contextDigest', () => {
  async function digestAfter(root: string, change: () => Promise<unknown>): Promise<string> {
    await change();
    return contextDigest(root, path.join(root, 'Dockerfile'));
  }

  it('changes with the content or mode of an included file, a new directory or a symlink target', async () => {
    const root = await trickyContext();
    const dockerfile = path.join(root, 'Dockerfile');
    const before = contextDigest(root, dockerfile);
    expect(before).toMatch(/^sha256:[0-9a-f]{64}$/);
    const file = path.join(root, 'app/main.go');
    const { mode } = await stat(file);

    expect(await digestAfter(root, () => writeFile(file, 'changed\n'))).not.toBe(before);
    expect(await digestAfter(root, () => writeFile(file, 'content of app/main.go\n'))).toBe(before);
    expect(await digestAfter(root, () => chmod(file, mode | 0o111))).not.toBe(before);
    expect(await digestAfter(root, () => chmod(file, mode))).toBe(before);
    expect(await digestAfter(root, () => mkdir(path.join(root, 'app/new')))).not.toBe(before);
    expect(await digestAfter(root, () => rmdir(path.join(root, 'app/new')))).toBe(before);
    const link = path.join(root, 'link');
    expect(await digestAfter(root, () => unlink(link).then(() => symlink('run.sh', link)))).not.toBe(before);
  });

  it('does not change with an excluded file, a new excluded file or a modification time', async () => {
    const root = await trickyContext();
    const before = contextDigest(root, path.join(root, 'Dockerfile'));

    expect(await digestAfter(root, () => writeFile(path.join(root, 'build/out.bin'), 'rebuilt'))).toBe(before);
    expect(await digestAfter(root, () => writeFile(path.join(root, 'app/sub/new.log'), 'log'))).toBe(before);
    expect(await digestAfter(root, () => writeFile(path.join(root, 'cache/blob'), 'changed'))).toBe(before);
    expect(await digestAfter(root, () => mkdir(path.join(root, 'cache/new')))).toBe(before);
    const later = new Date('2030-01-01T00:00:00Z');
    expect(await digestAfter(root, () => utimes(path.join(root, 'app/main.go'), later, later))).toBe(before);
    expect(await digestAfter(root, () => utimes(path.join(root, 'app'), later, later))).toBe(before);
  });
});
