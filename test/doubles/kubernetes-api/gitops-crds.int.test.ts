import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempTree } from '../../helpers/temp-dir.js';
import { kubectlIn } from './kubectl-cli.js';
import { KubernetesApiDouble } from './server.js';

const SHA = 'c'.repeat(40);

const APPLICATION = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: web, namespace: argocd}
spec:
  project: default
  source: {repoURL: 'git://127.0.0.1/manifests.git', path: apps/web, targetRevision: main}
  destination: {server: 'https://kubernetes.default.svc', namespace: default}
`;

const KUSTOMIZATION = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: apps, namespace: flux-system}
spec:
  interval: 1m
  path: ./apps
  prune: true
  sourceRef: {kind: GitRepository, name: flux-system}
`;

const HELM_RELEASE = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: podinfo, namespace: flux-system}
spec:
  interval: 1m
  chart: {spec: {chart: podinfo, sourceRef: {kind: HelmRepository, name: podinfo}}}
`;

/** Real kubectl reads and writes Argo CD and Flux objects in the double as in a cluster that has their CRDs. */
describe('KubernetesApiDouble serving the Argo CD and Flux CRDs', () => {
  let double: KubernetesApiDouble;
  let dir: string;
  let kubectl: ReturnType<typeof kubectlIn>;
  const patchKustomizationStatus = (status: object) =>
    kubectl(
      'patch',
      'ks',
      'apps',
      '-n',
      'flux-system',
      '--subresource=status',
      '--type=merge',
      '-p',
      JSON.stringify({ status }),
    );
  const apply = async (name: string, text: string) => {
    await writeFile(path.join(dir, name), text);
    return kubectl('apply', '--server-side', '--field-manager=ci', '-f', path.join(dir, name));
  };

  beforeAll(async () => {
    double = await KubernetesApiDouble.start();
    double.installGitOpsCustomResources();
    dir = await tempTree({ kubeconfig: double.kubeconfig() });
    kubectl = kubectlIn(dir);
  });
  afterAll(async () => {
    await double.stop();
  });

  it('applies and gets each kind by its full, plural and short names', async () => {
    expect((await apply('app.yaml', APPLICATION)).stdout).toBe('application.argoproj.io/web serverside-applied\n');
    expect((await apply('ks.yaml', KUSTOMIZATION)).stdout).toBe(
      'kustomization.kustomize.toolkit.fluxcd.io/apps serverside-applied\n',
    );
    expect((await apply('hr.yaml', HELM_RELEASE)).stdout).toBe(
      'helmrelease.helm.toolkit.fluxcd.io/podinfo serverside-applied\n',
    );
    const app = JSON.parse((await kubectl('get', 'application', '-n', 'argocd', 'web', '-o', 'json')).stdout);
    expect(app).toMatchObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { generation: 1 } });
    expect((await kubectl('get', 'app', '-n', 'argocd', 'web', '-o', 'name')).stdout).toBe(
      'application.argoproj.io/web\n',
    );
    expect(
      (await kubectl('get', 'kustomization.kustomize.toolkit.fluxcd.io', '-n', 'flux-system', 'apps', '-o', 'name'))
        .stdout,
    ).toBe('kustomization.kustomize.toolkit.fluxcd.io/apps\n');
    expect((await kubectl('get', 'hr', '-n', 'flux-system', '-o', 'name')).stdout).toBe(
      'helmrelease.helm.toolkit.fluxcd.io/podinfo\n',
    );
  });

  it('writes Flux status only through the status subresource, and Argo CD status with the object (no subresource)', async () => {
    const status = { lastAppliedRevision: `main@sha1:${SHA}`, observedGeneration: 1 };
    const ignored = await kubectl(
      'patch',
      'ks',
      'apps',
      '-n',
      'flux-system',
      '--type=merge',
      '-p',
      JSON.stringify({ status }),
    );
    expect(ignored.code).toBe(0);
    expect(
      double.object('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'flux-system', 'apps')?.status,
    ).toBeUndefined();
    const written = await patchKustomizationStatus(status);
    expect(written.code).toBe(0);
    expect(double.object('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'flux-system', 'apps')?.status).toEqual(
      status,
    );

    const sync = { sync: { status: 'Synced', revision: SHA } };
    expect(
      (await kubectl('patch', 'app', 'web', '-n', 'argocd', '--type=merge', '-p', JSON.stringify({ status: sync })))
        .code,
    ).toBe(0);
    const app = JSON.parse((await kubectl('get', 'application', '-n', 'argocd', 'web', '-o', 'json')).stdout);
    expect(app.status).toEqual(sync);
    expect(app.metadata.generation).toBe(1);
  });

  it('refuses a field the CRD schema does not declare, as strict field validation does', async () => {
    const result = await apply('bad.yaml', APPLICATION.replace('project: default', 'project: default\n  colour: red'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('.spec.colour: field not declared in schema');
  });

  it('lets kubectl annotate (a refresh request) and --watch see the change', async () => {
    const watcher = spawn(
      'kubectl',
      [
        '--kubeconfig',
        path.join(dir, 'kubeconfig'),
        'get',
        'application',
        'web',
        '-n',
        'argocd',
        '-o',
        'json',
        '--watch',
      ],
      { env: { ...process.env, HOME: dir } },
    );
    let seen = '';
    const refreshed = new Promise<void>((resolve) =>
      watcher.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('"argocd.argoproj.io/refresh": "normal"')) resolve();
      }),
    );
    try {
      await new Promise((resolve) => watcher.stdout.once('data', resolve));
      const annotated = await kubectl(
        'annotate',
        'application',
        'web',
        '-n',
        'argocd',
        'argocd.argoproj.io/refresh=normal',
      );
      expect(annotated.stdout).toBe('application.argoproj.io/web annotated\n');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the watch never showed the annotation:\n${seen}`)), 20_000);
      });
      await Promise.race([refreshed, late]).finally(() => clearTimeout(timer));
    } finally {
      watcher.kill();
    }
  });

  it('answers 403 Forbidden naming the user, verb and resource when a test forbids it', async () => {
    double.forbid({ verb: 'get', resource: 'applications', group: 'argoproj.io' });
    double.forbid({ verb: 'patch', resource: 'kustomizations/status' });
    try {
      const get = await kubectl('get', 'application', '-n', 'argocd', 'web', '-o', 'json');
      expect(get.code).toBe(1);
      expect(get.stderr).toBe(
        'Error from server (Forbidden): applications.argoproj.io "web" is forbidden: User "ci" cannot get resource "applications" in API group "argoproj.io" in the namespace "argocd"\n',
      );
      // Listing is another verb: still allowed.
      expect((await kubectl('get', 'applications', '-n', 'argocd', '-o', 'name')).code).toBe(0);
      const patch = await patchKustomizationStatus({});
      expect(patch.stderr).toContain(
        'User "ci" cannot patch resource "kustomizations/status" in API group "kustomize.toolkit.fluxcd.io" in the namespace "flux-system"',
      );
    } finally {
      double.allowAll();
    }
  });

  it('publishes the CRD schemas in OpenAPI v3, enough for kubectl explain', async () => {
    const explained = await kubectl('explain', 'applications.status.sync.revision');
    expect(explained.stdout).toContain('FIELD: revision <string>');
    expect(explained.stdout).toContain('Revision contains information about the revision the comparison has been');
    expect((await kubectl('explain', 'kustomization.status.lastAppliedRevision')).stdout).toContain(
      'lastAppliedRevision',
    );
  });
});
