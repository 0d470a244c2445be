import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ManifestBumper } from '../../../src/core/bump/bumper.js';
import { parseImagePolicy } from '../../../src/core/bump/image-policy.js';
import type { BumpNotice } from '../../../src/core/bump/notices.js';
import type { BumpTarget } from '../../../src/core/bump/types.js';
import { resolveYamlFiles } from '../../../src/core/file-scope.js';
import { ImageRef } from '../../../src/core/image-ref.js';
import { commitAll, git } from '../../helpers/git.js';
import { REPO_ROOT } from '../../helpers/run-action.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { helmOnPath } from '../kubernetes/kubectl-apply-harness.js';
import { DIGEST } from './bump-helper.js';

// Real charts and GitOps files, bumped by the core and checked the way users check: git's line counts and a render.
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
const PODINFO = 'ghcr.io/stefanprodan/podinfo';

let helm: string;
beforeAll(() => {
  helm = path.join(helmOnPath(), 'helm');
});

async function workspace(copies: Record<string, string>, files: Record<string, string> = {}): Promise<string> {
  const root = await tempTree(files);
  for (const [dest, source] of Object.entries(copies)) {
    await fs.cp(path.join(FIXTURES, source), path.join(root, dest), { recursive: true });
  }
  commitAll(root);
  return root;
}

/** Plans and writes a bump of everything under `root`; returns the notices. */
async function bumpTree(root: string, image: string, extra: Partial<BumpTarget> = {}): Promise<BumpNotice[]> {
  const ref = ImageRef.parse(image);
  const notices: BumpNotice[] = [];
  const bumper = new ManifestBumper(undefined, (notice) => notices.push(notice));
  const bumps = await bumper.plan(await resolveYamlFiles(['.'], root), root, { image: ref, pin: 'tag', ...extra });
  for (const bump of bumps) await fs.writeFile(bump.file, bump.after);
  return notices;
}

const numstat = (root: string) => git(root, 'diff', '--numstat').split('\n');
const render = (chart: string, ...args: string[]) =>
  execFileSync(helm, ['template', 'demo', chart, ...args], { encoding: 'utf8' });

describe('layouts on real files, rendered', () => {
  it('a chart directory: templates skipped, both values files bumped, helm renders the new tag', async () => {
    const root = await workspace({ 'charts/podinfo': 'helm-charts/podinfo' });
    const notices = await bumpTree(root, `${PODINFO}:6.15.0@${DIGEST}`);
    expect(numstat(root)).toEqual(['1\t1\tcharts/podinfo/values-prod.yaml', '1\t1\tcharts/podinfo/values.yaml']);
    expect(notices.map((n) => n.level)).toEqual(['info']);
    const chart = path.join(root, 'charts/podinfo');
    expect(render(chart)).toContain(`image: "${PODINFO}:6.15.0"`);
    expect(render(chart, '-f', path.join(chart, 'values-prod.yaml'))).toContain(`image: "${PODINFO}:6.15.0"`);
  });

  it('an Argo CD Application: helm.parameters and the helm.values block both render with the new tag', async () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata:',
      '  name: podinfo',
      'spec:',
      '  source:',
      '    path: charts/podinfo',
      '    helm:',
      '      parameters:',
      '        - name: image.repository',
      `          value: ${PODINFO}`,
      '        - name: image.tag',
      '          value: "6.14.1"',
      '      values: |',
      '        replicaCount: 2',
      '        image:',
      `          repository: ${PODINFO}`,
      '          tag: 6.14.1 # pinned',
      '',
    ].join('\n');
    const root = await workspace({ 'charts/podinfo': 'helm-charts/podinfo' }, { 'apps/podinfo.yaml': app });
    await bumpTree(root, `${PODINFO}:6.15.0`);
    expect(numstat(root)).toEqual([
      '2\t2\tapps/podinfo.yaml',
      '1\t1\tcharts/podinfo/values-prod.yaml',
      '1\t1\tcharts/podinfo/values.yaml',
    ]);
    git(root, 'checkout', '-q', '--', 'charts');
    const source = parse(await fs.readFile(path.join(root, 'apps/podinfo.yaml'), 'utf8')).spec.source.helm;
    const values = path.join(root, 'block-values.yaml');
    await fs.writeFile(values, source.values);
    const fromBlock = render(path.join(root, 'charts/podinfo'), '-f', values);
    expect(fromBlock).toContain(`image: "${PODINFO}:6.15.0"`);
    expect(fromBlock).toContain('replicas: 2');
    const set = source.parameters.map((p: { name: string; value: string }) => `${p.name}=${p.value}`).join(',');
    expect(render(path.join(root, 'charts/podinfo'), '--set', set)).toContain(`image: "${PODINFO}:6.15.0"`);
  });

  it('Argo CD write-back files: one line each, nothing else', async () => {
    const root = await workspace({
      'app/.argocd-source-testapp.yaml': 'argocd/writeback-multi_.argocd-source-testapp.yaml',
      'app/.argocd-source.yaml': 'argocd/writeback-multi_.argocd-source.yaml',
    });
    await bumpTree(root, 'quay.io/argoprojlabs/argocd-e2e-container:0.4');
    expect(numstat(root)).toEqual(['1\t1\tapp/.argocd-source-testapp.yaml', '1\t1\tapp/.argocd-source.yaml']);
  });

  it("Flux setters: Flux's own test files, and a marked kustomization kubectl renders", async () => {
    const root = await workspace({ flux: 'flux/setters/original', podinfo: 'gitops-repos/podinfo' });
    const kustomization = path.join(root, 'podinfo/kustomize/kustomization.yaml');
    await fs.appendFile(
      kustomization,
      `images:\n  - name: ${PODINFO}\n    newTag: 6.14.1 # {"$imagepolicy": "flux-system:podinfo:tag"}\n`,
    );
    git(root, 'commit', '-qam', 'mark');
    const imagePolicy = parseImagePolicy('flux-system:podinfo', 'image-policy');
    await bumpTree(root, `${PODINFO}:6.15.0`, { imagePolicy });
    expect(numstat(root)).toEqual(['1\t1\tpodinfo/kustomize/kustomization.yaml']);
    const rendered = execFileSync('kubectl', ['kustomize', path.dirname(kustomization)], { encoding: 'utf8' });
    expect(rendered).toContain(`image: ${PODINFO}:6.15.0`);

    await bumpTree(root, 'index.repo.fake/updated:v1.0.1', {
      imagePolicy: parseImagePolicy('automation-ns:policy', 'image-policy'),
    });
    expect(numstat(root)).toEqual([
      '2\t2\tflux/kustomization.yml',
      '1\t1\tflux/marked.yaml',
      '1\t1\tpodinfo/kustomize/kustomization.yaml',
    ]);
  });
});
