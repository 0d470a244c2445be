import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { freshBundlesForThisFile } from './helpers/fresh-bundles.js';
import { git } from './helpers/git.js';
import { REPO_ROOT } from './helpers/run-action.js';
import { testbed } from './helpers/testbed.js';

const run = promisify(execFile);
// The demo runs the bundles built from this tree (DEMO_BUNDLES), not dist/, which only the lead rebuilds.
const bundles = freshBundlesForThisFile();
// One build (35 s to a few minutes on 2 shared cores), then a wait bounded by the demo's wait-for-sync timeout (3m).
const DEMO_TIMEOUT_MS = 15 * 60_000;

describe('npm run demo', () => {
  it(
    'builds, scans, signs, opens the staging pull request, merges it, waits for Argo CD, then applies in push mode',
    async () => {
      const { stdout } = await run(process.execPath, [path.join(REPO_ROOT, 'scripts/demo.mjs')], {
        env: { ...process.env, DEMO_BUNDLES: bundles() },
        maxBuffer: 32 * 1024 * 1024,
        timeout: DEMO_TIMEOUT_MS,
      });
      const digest = /^digest: (sha256:[0-9a-f]{64})$/m.exec(stdout)?.[1] as string;
      expect(digest).toBeDefined();

      // The registry serves exactly that digest for the release tag.
      const inspect = await run('skopeo', [
        'inspect',
        '--tls-verify=false',
        `docker://${testbed.registry}/demo/sample-app:1.0.0`,
      ]);
      expect(JSON.parse(inspect.stdout).Digest).toBe(digest);

      // open-gitops-pr opened a real pull request, for staging only.
      expect(stdout).toMatch(/^pull request #1 created: .*apps\/sample-app\/staging$/m);
      const bare = path.join(testbed.gitBase, 'demo/gitops.git');
      const merge = git(bare, 'rev-parse', 'main');
      expect(git(bare, 'rev-list', '--parents', '-1', merge).split(' ')).toHaveLength(3);
      expect(git(bare, 'diff', '--name-only', `${merge}^1`, merge)).toBe('apps/sample-app/staging/kustomization.yaml');
      expect(git(bare, 'show', `${merge}:apps/sample-app/staging/kustomization.yaml`)).toContain(`digest: ${digest}`);

      // wait-for-sync saw Argo CD run that merge commit, healthy, with its timeline.
      expect(stdout).toContain(`wait-for-sync: synced, revision ${merge}, health Healthy`);
      expect(stdout).toMatch(/^ +\S+ {2}merged$/m);
      expect(stdout).toMatch(/^ +\S+ {2}healthy$/m);
      expect(stdout).toContain(`sample-app:1.0.0@${digest} in staging`);

      // Push mode: the same digest applied straight to the cluster.
      expect(stdout).toContain('kubectl-apply: succeeded; applied Deployment/demo-push/sample-app');
      expect(stdout).toContain(`sample-app:1.0.0@${digest} in demo-push`);
    },
    DEMO_TIMEOUT_MS + 60_000,
  );
});
