import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { git } from './helpers/git.js';
import { REPO_ROOT } from './helpers/run-action.js';
import { testbed } from './helpers/testbed.js';
import { tempTree } from './helpers/temp-dir.js';

const run = promisify(execFile);

describe('npm run demo', () => {
  it('builds, pushes by digest, bumps the seeded GitOps repo and pushes the hand-off branch', async () => {
    const { stdout } = await run(process.execPath, [path.join(REPO_ROOT, 'scripts/demo.mjs')], {
      env: process.env,
      maxBuffer: 32 * 1024 * 1024,
    });
    const digest = /^digest: (sha256:[0-9a-f]{64})$/m.exec(stdout)?.[1];
    expect(digest).toBeDefined();

    // The registry serves exactly that digest for the release tag.
    const inspect = await run('skopeo', [
      'inspect',
      '--tls-verify=false',
      `docker://${testbed.registry}/demo/sample-app:1.0.0`,
    ]);
    expect(JSON.parse(inspect.stdout).Digest).toBe(digest);

    // The hand-off branch on the git remote pins that digest in all three kinds of manifest.
    const clone = await tempTree();
    git(clone, 'clone', '-q', '--branch', 'deliver/sample-app', `${testbed.gitUrl}/demo/gitops.git`, '.');
    expect(git(clone, 'diff', '--numstat', 'origin/main', 'HEAD').split('\n').sort()).toEqual([
      '1\t1\tapps/sample-app/base/deployment.yaml',
      '2\t1\tapps/sample-app/staging/kustomization.yaml',
      '2\t2\tapps/sample-app/production/release.yaml',
    ]);
    expect(git(clone, 'grep', '-c', digest as string, '--', 'apps').split('\n')).toHaveLength(3);
  });
});
