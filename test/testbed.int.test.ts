/**
 * Proves the local test bed works for real: both builders of the Debian docker CLI build FROM local/busybox:1,
 * push to the bed's registry, and skopeo sees the digest docker printed; a repository on the git daemon can be
 * cloned and pushed to.
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { git } from './helpers/git.js';
import { tempTree, writeTree } from './helpers/temp-dir.js';
import { createBareRepo, dockerEnv, testbed } from './helpers/testbed.js';

const execFileAsync = promisify(execFile);

const DOCKERFILE = `FROM local/busybox:1 AS build
ARG BUILDER
RUN mkdir /out && echo "built by $BUILDER" > /out/greeting.txt
FROM local/busybox:1
COPY --from=build /out/greeting.txt /greeting.txt
CMD ["cat", "/greeting.txt"]
`;

// `log` is how each builder's output starts, so a silent fallback to the other builder fails the test.
const BUILDERS = [
  { name: 'buildkit', buildkit: '1', log: /^#\d+ \[internal\] load build definition/m },
  { name: 'classic', buildkit: '0', log: /^Step 1\/\d+ : FROM local\/busybox:1/m },
];

let workDir: string;

beforeAll(async () => {
  workDir = await tempTree({}, 'testbed-int-');
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Runs the bed's docker CLI; returns stdout and stderr together (BuildKit reports progress on stderr). */
async function docker(args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
  const { stdout, stderr } = await execFileAsync(testbed.dockerCli, args, { env: dockerEnv(extraEnv) });
  return stdout + stderr;
}

function pushedDigest(pushOutput: string): string {
  const match = /digest: (sha256:[0-9a-f]{64}) size:/.exec(pushOutput);
  if (!match) throw new Error(`docker push printed no digest:\n${pushOutput}`);
  return match[1];
}

describe('Docker Engine and registry', () => {
  it.each(BUILDERS)(
    'builds a two-stage Dockerfile with the $name builder and pushes it where skopeo finds the same digest',
    async ({ name, buildkit, log }) => {
      const context = join(workDir, name);
      await writeTree(context, { Dockerfile: DOCKERFILE });
      // A fresh value per run, so each run pushes a new manifest rather than finding an old one.
      const builder = `${name} at ${Date.now()}`;
      const image = `${testbed.registry}/testbed/greeting:${name}`;

      const build = await docker(
        ['build', '--network', 'host', '--build-arg', `BUILDER=${builder}`, '--tag', image, context],
        { DOCKER_BUILDKIT: buildkit },
      );
      expect(build).toMatch(log);
      const greeting = await docker(['run', '--rm', '--network', 'none', image]);
      expect(greeting.trim()).toBe(`built by ${builder}`);

      const digest = pushedDigest(await docker(['push', image]));
      const { stdout } = await execFileAsync('skopeo', ['inspect', '--tls-verify=false', `docker://${image}`]);
      expect(JSON.parse(stdout)).toMatchObject({ Digest: digest, Name: `${testbed.registry}/testbed/greeting` });
    },
    180_000,
  );
});

describe('git daemon', () => {
  it('serves a seeded bare repository that can be cloned and pushed to', async () => {
    const repo = await createBareRepo('testbed/smoke', { 'README.md': '# smoke\n', 'k8s/app.yaml': 'kind: List\n' });
    const clone = join(workDir, 'clone');

    git(workDir, 'clone', '--quiet', repo.gitUrl, clone);
    expect(await readFile(join(clone, 'k8s/app.yaml'), 'utf8')).toBe('kind: List\n');
    expect(git(clone, 'rev-parse', 'HEAD')).toBe(repo.head);

    await writeTree(clone, { 'CHANGELOG.md': 'pushed over git://\n' });
    git(clone, 'add', 'CHANGELOG.md');
    git(clone, 'commit', '--quiet', '--message', 'Add changelog');
    git(clone, 'push', '--quiet', 'origin', 'main');

    const pushed = git(clone, 'rev-parse', 'HEAD');
    expect(pushed).not.toBe(repo.head);
    expect(git(repo.path, 'rev-parse', 'main')).toBe(pushed);
  });
});
