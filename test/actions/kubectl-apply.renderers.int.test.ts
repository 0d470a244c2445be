import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubernetesApiDouble } from '../doubles/kubernetes-api/server.js';
import { helmOnPath, machineKubectlVersion, runKubectlApply } from '../core/kubernetes/kubectl-apply-harness.js';
import { tempTree } from '../helpers/temp-dir.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const ROLLOUT_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'rollouts.argoproj.io' },
  spec: {
    group: 'argoproj.io',
    names: { kind: 'Rollout', plural: 'rollouts', singular: 'rollout' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1alpha1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      },
    ],
  },
};

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
  'chart/values.yaml': 'image: ghcr.io/acme/shop:1.0.0\nreplicas: 1\n',
  'chart/templates/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Release.Name }}-web',
    'spec:',
    '  replicas: {{ .Values.replicas }}',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec: {containers: [{name: web, image: "{{ .Values.image }}"}]}',
    '',
  ].join('\n'),
};

describe('kubectl-apply renderers, readiness kinds and bad input', () => {
  let double: KubernetesApiDouble;
  let version: string;
  const run = (workspace: string, inputs: Record<string, string>) =>
    runKubectlApply({ kubeconfig: double.kubeconfig(), ...inputs }, workspace, version);
  const writes = () => double.received.filter((request) => request.method !== 'GET');

  beforeAll(() => {
    version = machineKubectlVersion();
    helmOnPath();
  });
  beforeEach(async () => {
    double = await KubernetesApiDouble.start({ token: 'renderer-token' });
  });
  afterEach(async () => {
    await double.stop();
  });

  it('renders a kustomization with kubectl kustomize (auto) and applies what it builds', async () => {
    const workspace = await tempTree({
      'overlay/kustomization.yaml':
        'namePrefix: prod-\nresources: [web.yaml]\nconfigMapGenerator: [{name: settings, literals: [mode=live]}]\n',
      'overlay/web.yaml':
        'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{name: http, port: 80}]}\n',
    });
    const result = await run(workspace, { manifests: 'overlay' });
    expect(result.error).toBeUndefined();
    expect(result.summary).toContain('rendered by kustomize');
    const names = JSON.parse(result.outputs['objects-json'] as string).map((ref: { name: string }) => ref.name);
    expect(names).toEqual([expect.stringMatching(/^prod-settings-/), 'prod-web']);
  });

  it('renders a Helm chart with helm template and its values files', async () => {
    const workspace = await tempTree({ ...CHART, 'prod-values.yaml': 'replicas: 3\n' });
    const result = await run(workspace, {
      manifests: 'chart',
      'helm-values': 'prod-values.yaml',
      'helm-release': 'shop',
    });
    expect(result.error).toBeUndefined();
    const deployment = double.object('apps/v1', 'Deployment', 'default', 'shop-web') as { spec: { replicas: number } };
    expect(deployment.spec.replicas).toBe(3);
  });

  it("fails with helm's own message when the chart does not render, applying nothing", async () => {
    const workspace = await tempTree({
      ...CHART,
      'chart/templates/broken.yaml': '{{ required "values.region is required" .Values.region }}\n',
    });
    const result = await run(workspace, { manifests: 'chart' });
    expect(result.error?.message).toMatch(/^helm template of chart failed: .*values\.region is required/);
    expect(result.error?.message).not.toContain('\n');
    expect(double.received).toEqual([]);
  });

  it('names the file and line of a manifest that is not YAML, applying nothing', async () => {
    const workspace = await tempTree({
      'deploy/ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n',
      'deploy/bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [broken\n',
    });
    const result = await run(workspace, { manifests: 'deploy' });
    expect(result.error?.message).toMatch(/^deploy\/bad\.yaml:5: invalid YAML: /);
    expect(result.outputs.status).toBeUndefined();
    expect(double.received).toEqual([]);
  });

  it('refuses a set with a kind the cluster does not serve, before applying anything (podinfo HPA as autoscaling/v2beta2, gone since 1.26)', async () => {
    const workspace = await tempTree({});
    cpSync(path.join(FIXTURES, 'gitops-repos/podinfo/kustomize'), path.join(workspace, 'podinfo'), { recursive: true });
    const hpa = path.join(workspace, 'podinfo/hpa.yaml');
    writeFileSync(
      hpa,
      readFileSync(hpa, 'utf8').replace('apiVersion: autoscaling/v2\n', 'apiVersion: autoscaling/v2beta2\n'),
    );
    const result = await run(workspace, { manifests: 'podinfo' });
    expect(result.error?.message).toBe(
      'HorizontalPodAutoscaler podinfo: the cluster serves no kind "HorizontalPodAutoscaler" in "autoscaling/v2beta2"; install its CRD first or use an API version the cluster serves.',
    );
    // Nothing applied: the dry-run preflight runs beside the kind check, and a dry run changes nothing.
    expect(double.applyRequests().filter((request) => request.query.dryRun === undefined)).toEqual([]);
  });

  it('refuses a kubeconfig that is not one, in one line, without quoting it', async () => {
    const workspace = await tempTree({ 'deploy/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n' });
    const notYaml = await runKubectlApply(
      { kubeconfig: 'token: s3cr3t-value: [', manifests: 'deploy' },
      workspace,
      version,
    );
    expect(notYaml.error?.message).toBe('Input "kubeconfig" is not a kubeconfig: it is not valid YAML (line 1).');
    const noCluster = await runKubectlApply(
      { kubeconfig: 'apiVersion: v1\nkind: Config\nusers: []\n', manifests: 'deploy' },
      workspace,
      version,
    );
    expect(noCluster.error?.message).toBe(
      'Input "kubeconfig" is not a kubeconfig: it needs "clusters", each with a cluster.server URL.',
    );
    expect(double.received).toEqual([]);
  });

  it('waits for a Job to complete', async () => {
    const workspace = await tempTree({
      'deploy/job.yaml':
        'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: migrate, image: "ghcr.io/acme/migrate:1"}]\n',
    });
    const result = await run(workspace, { manifests: 'deploy' });
    expect(result.outputs.status).toBe('succeeded');
    expect(result.summary).toContain('job "migrate" completed');
  });

  it('aborts a degraded Argo Rollout and waits for its stable version', async () => {
    double.seed(ROLLOUT_CRD);
    const workspace = await tempTree({
      'deploy/rollout.yaml': readFileSync(
        path.join(FIXTURES, 'kubernetes/manifests/argo-rollouts/rollout-canary.yaml'),
      ),
    });
    const first = await run(workspace, { manifests: 'deploy', timeout: '3s' });
    expect(first.outputs.status).toBe('succeeded');
    double.failImage('argoproj/rollouts-demo:yellow', 'deadline-exceeded');

    const result = await run(workspace, { manifests: 'deploy', 'image-refs': 'argoproj/rollouts-demo:yellow' });

    expect(result.outputs.status).toBe('rolled-back');
    expect(result.error?.message).toContain('rollout "rollout-canary" is degraded');
    const abort = double.received.filter(
      (request) => request.method === 'PATCH' && request.path.endsWith('/rollouts/rollout-canary/status'),
    );
    expect(abort.map((request) => [request.method, request.contentType, request.body])).toEqual([
      ['PATCH', 'application/merge-patch+json', { status: { abort: true } }],
    ]);
    expect(result.summary).toContain('aborted; its stable version serves 5 replica(s)');
  });

  it('rolls a StatefulSet back through its ControllerRevisions', async () => {
    const statefulSet = (image: string) =>
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  replicas: 2\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: "${image}"}]}\n`;
    const workspace = await tempTree({ 'deploy/db.yaml': statefulSet('ghcr.io/acme/db:1') });
    expect((await run(workspace, { manifests: 'deploy' })).outputs.status).toBe('succeeded');
    double.failImage('ghcr.io/acme/db:2');

    const result = await run(workspace, { manifests: 'deploy', 'image-refs': 'ghcr.io/acme/db:2', timeout: '2s' });

    expect(result.outputs.status).toBe('rolled-back');
    const undo = double.received.filter((request) => request.contentType === 'application/strategic-merge-patch+json');
    expect(undo.map((request) => request.path)).toEqual(['/apis/apps/v1/namespaces/default/statefulsets/db']);
    const live = double.object('apps/v1', 'StatefulSet', 'default', 'db') as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(live.spec.template.spec.containers[0]?.image).toBe('ghcr.io/acme/db:1');
    expect(writes().length).toBeGreaterThan(0);
  });
});
