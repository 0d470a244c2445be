import { beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { commitAll, git } from '../helpers/git.js';
import { REPO_ROOT, runBundledAction } from '../helpers/run-action.js';
import { tempTree } from '../helpers/temp-dir.js';

const DIGEST = `sha256:${'f'.repeat(64)}`;

// Real repositories (Flux's kustomize-helm example, podinfo) and real Argo CD / Argo Rollouts manifests.
let workspace: string;
beforeEach(async () => {
  workspace = await tempTree();
  await fs.cp(path.join(REPO_ROOT, 'test/fixtures/gitops-repos'), workspace, { recursive: true });
  await fs.cp(path.join(REPO_ROOT, 'test/fixtures/kubernetes/manifests'), path.join(workspace, 'argo'), {
    recursive: true,
  });
  commitAll(workspace);
});

async function bumpRepo(inputs: Record<string, string>) {
  const run = await runBundledAction('bump-manifest', inputs, { workspace });
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  return run;
}

const numstat = () => git(workspace, 'diff', '--numstat');

describe('bump-manifest on real GitOps repositories', () => {
  it('podinfo: changes the one container image line, and kustomize renders it', async () => {
    const run = await bumpRepo({ 'image-ref': 'ghcr.io/stefanprodan/podinfo:6.15.0', manifests: 'podinfo' });
    expect(numstat()).toBe('1\t1\tpodinfo/kustomize/deployment.yaml');
    expect(run.outputs).toMatchObject({
      changed: 'true',
      files: 'podinfo/kustomize/deployment.yaml',
      'files-json': '["podinfo/kustomize/deployment.yaml"]',
    });
    expect(run.outputs.diff).toContain(
      '-        image: ghcr.io/stefanprodan/podinfo:6.14.1\n+        image: ghcr.io/stefanprodan/podinfo:6.15.0',
    );
    expect(JSON.parse(run.outputs.changes as string)).toEqual([
      {
        file: 'podinfo/kustomize/deployment.yaml',
        line: 26,
        kind: 'workload',
        from: 'ghcr.io/stefanprodan/podinfo:6.14.1',
        to: 'ghcr.io/stefanprodan/podinfo:6.15.0',
      },
    ]);
    expect(run.summary).toContain(
      '| podinfo/kustomize/deployment.yaml:26 | workload | `ghcr.io/stefanprodan/podinfo:6.14.1` | `ghcr.io/stefanprodan/podinfo:6.15.0` |',
    );
    const rendered = execFileSync('kubectl', ['kustomize', path.join(workspace, 'podinfo/kustomize')], {
      encoding: 'utf8',
    });
    expect(rendered).toContain('image: ghcr.io/stefanprodan/podinfo:6.15.0');
  });

  it('Flux HelmRelease: changes the redis tag in spec.values only', async () => {
    await bumpRepo({
      'image-ref': 'public.ecr.aws/docker/library/redis:8.6.3',
      manifests: 'flux2-kustomize-helm-example',
    });
    expect(numstat()).toBe('1\t1\tflux2-kustomize-helm-example/apps/base/podinfo/release.yaml');
    expect(git(workspace, 'diff', '-U0')).toContain('-      tag: 8.6.2\n+      tag: 8.6.3');
  });

  it('Argo CD Application kustomize images keep their name= prefix', async () => {
    await bumpRepo({ 'image-ref': `gcr.io/my-repo/my-app:0.2@${DIGEST}`, manifests: 'argo/argo-cd' });
    expect(numstat()).toBe('1\t1\targo/argo-cd/application.yaml');
    expect(git(workspace, 'diff', '-U0')).toContain(`+      - my-app=gcr.io/my-repo/my-app:0.2@${DIGEST}`);
  });

  it('Argo Rollouts and AnalysisTemplates: every matching container, nothing else', async () => {
    const run = await bumpRepo({
      'image-ref': 'argoproj/rollouts-demo:yellow',
      manifests: 'argo/argo-rollouts/*.yaml',
    });
    const rollouts = [
      'argo/argo-rollouts/rollout-bluegreen.yaml',
      'argo/argo-rollouts/rollout-canary.yaml',
      'argo/argo-rollouts/rollout-rolling-update.yaml',
    ];
    expect(numstat().split('\n')).toEqual(rollouts.map((file) => `1\t1\t${file}`));
    // One file per line, in the order of the JSON form.
    expect(run.outputs.files).toBe(rollouts.join('\n'));
    expect(JSON.parse(run.outputs['files-json'] as string)).toEqual(rollouts);
    await bumpRepo({ 'image-ref': 'docker.io/library/alpine:3.9', manifests: 'argo' });
    expect(numstat()).toContain('2\t2\targo/argo-rollouts/analysis-templates.yaml');
  });

  it('adds a digest to a kustomize images entry that kustomize then renders', async () => {
    const kustomization = path.join(workspace, 'podinfo/kustomize/kustomization.yaml');
    await fs.appendFile(kustomization, 'images:\n  - name: ghcr.io/stefanprodan/podinfo\n    newTag: 6.14.1\n');
    commitAll(workspace, 'pin images');
    await bumpRepo({
      'image-ref': `ghcr.io/stefanprodan/podinfo:6.15.0@${DIGEST}`,
      manifests: 'podinfo/kustomize/kustomization.yaml',
    });
    expect(numstat()).toBe('2\t1\tpodinfo/kustomize/kustomization.yaml');
    const rendered = execFileSync('kubectl', ['kustomize', path.dirname(kustomization)], { encoding: 'utf8' });
    expect(rendered).toContain(`image: ghcr.io/stefanprodan/podinfo:6.15.0@${DIGEST}`);
  });

  it('a dry run reports the change and writes nothing', async () => {
    const run = await bumpRepo({
      'image-ref': 'ghcr.io/stefanprodan/podinfo:6.15.0',
      manifests: '.',
      'dry-run': 'true',
    });
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs.diff).toContain('+        image: ghcr.io/stefanprodan/podinfo:6.15.0');
    expect(git(workspace, 'status', '--porcelain')).toBe('');
  });

  it('an image referenced nowhere changes nothing', async () => {
    const run = await bumpRepo({ 'image-ref': 'ghcr.io/stefanprodan/podinfo-ui:1.0.0', manifests: '.' });
    expect(run.outputs).toMatchObject({ changed: 'false', files: '', 'files-json': '[]', diff: '', changes: '[]' });
    expect(git(workspace, 'status', '--porcelain')).toBe('');
  });
});
