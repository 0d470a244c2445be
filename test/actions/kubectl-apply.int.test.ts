import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { KubernetesApiDouble } from '../doubles/kubernetes-api/server.js';
import { machineKubectlVersion, RECORD, runKubectlApply } from '../core/kubernetes/kubectl-apply-harness.js';
import { tempTree } from '../helpers/temp-dir.js';

const GADGET = 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g1}\nspec: {size: 3}\n';
const GADGET_CRD = [
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata: {name: gadgets.example.com}',
  'spec:',
  '  group: example.com',
  '  names: {kind: Gadget, plural: gadgets, singular: gadget, listKind: GadgetList}',
  '  scope: Namespaced',
  '  versions:',
  '  - name: v1',
  '    served: true',
  '    storage: true',
  '    schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {size: {type: integer}}}}}}',
  '',
].join('\n');
const TOKEN = 'k8s-token-7f3a9c2e51d04b6a';
const DIGEST = `sha256:${'a'.repeat(64)}`;

function deployment(name: string, image: string, replicas = 2): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: ${name}}`,
    'spec:',
    `  replicas: ${replicas}`,
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    `    spec: {containers: [{name: ${name}, image: "${image}"}]}`,
    '',
  ].join('\n');
}

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shop-config}\ndata: {mode: live}\n';
const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports: [{name: http, port: 80}]\n';

describe('kubectl-apply against the Kubernetes API double', () => {
  let double: KubernetesApiDouble;
  let version: string;
  let workspace: string;
  const run = (inputs: Record<string, string>) =>
    runKubectlApply({ kubeconfig: double.kubeconfig(), manifests: 'deploy', ...inputs }, workspace, version);
  const writes = () => double.received.filter((request) => request.method !== 'GET');
  const realApplies = () => double.applyRequests().filter((request) => request.query.dryRun === undefined);

  beforeAll(() => {
    version = machineKubectlVersion();
  });

  beforeEach(async () => {
    double = await KubernetesApiDouble.start({ token: TOKEN });
    workspace = await tempTree({
      'deploy/config.yaml': CONFIG_MAP,
      'deploy/api.yaml': deployment('api', 'ghcr.io/acme/api:1.0.0'),
      'deploy/service.yaml': SERVICE,
    });
  });

  afterEach(async () => {
    await double.stop();
  });

  it('applies the whole set with one server-side apply, marked with the commit, run and image digest', async () => {
    const result = await run({ 'image-refs': `ghcr.io/acme/api:1.1.0@${DIGEST}` });

    expect(result.error).toBeUndefined();
    expect(result.outputs.status).toBe('succeeded');
    expect(result.outputs['rolled-back']).toBe('false');
    expect(JSON.parse(result.outputs['objects-json'] as string)).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'api' },
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'shop-config' },
      { apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'api' },
    ]);
    expect(result.outputs.objects).toBe('Deployment/default/api\nConfigMap/default/shop-config\nService/default/api');
    const applies = realApplies();
    // Independent objects are applied at once, so they arrive in any order.
    expect(applies.map((request) => request.path).sort()).toEqual([
      '/api/v1/namespaces/default/configmaps/shop-config',
      '/api/v1/namespaces/default/services/api',
      '/apis/apps/v1/namespaces/default/deployments/api',
    ]);
    // From the action's own process (no kubectl), with our field manager, not forced.
    expect(new Set(double.received.map((request) => request.userAgent))).toEqual(
      new Set(['gitops-delivery-actions (kubectl-apply)']),
    );
    expect(
      applies.every(
        (request) => request.query.fieldManager === 'gitops-delivery-actions' && request.query.force === 'false',
      ),
    ).toBe(true);
    // The preflight dry run checked the same set first.
    const dryRuns = double.applyRequests().filter((request) => request.query.dryRun === 'All');
    expect(dryRuns.map((request) => request.path).sort()).toEqual(applies.map((request) => request.path).sort());
    const sent = applies[0]?.body as {
      metadata: { annotations: Record<string, string> };
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(sent.spec.template.spec.containers[0]?.image).toBe(`ghcr.io/acme/api:1.1.0@${DIGEST}`);
    expect(sent.metadata.annotations).toEqual({
      'gitops-delivery-actions/commit': RECORD.commit,
      'gitops-delivery-actions/run-url': RECORD.runUrl,
      'gitops-delivery-actions/image-digests': `ghcr.io/acme/api@${DIGEST}`,
    });
    // The override went to the rendered copy only.
    expect(await fs.readFile(path.join(workspace, 'deploy/api.yaml'), 'utf8')).toBe(
      deployment('api', 'ghcr.io/acme/api:1.0.0'),
    );
    expect(result.summary).toContain('deployment "api" successfully rolled out');
    expect(result.kubeconfigLeft).toBe(false);
  });

  it('rolls a failed Deployment back with kubectl rollout undo and ends rolled-back', async () => {
    expect((await run({})).outputs.status).toBe('succeeded');
    double.failImage('ghcr.io/acme/api:2.0.0');

    const result = await run({ 'image-refs': 'ghcr.io/acme/api:2.0.0', timeout: '2s' });

    expect(result.error?.message).toMatch(
      /Deployment default\/api did not become ready \(timed out after 2s: Waiting for deployment "api" rollout to finish: 1 out of 2 new replicas have been updated\.\.\.\); rolled back/,
    );
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.outputs['rolled-back']).toBe('true');
    const undo = double.received.filter((request) => request.contentType === 'application/json-patch+json');
    expect(undo.map((request) => request.path)).toEqual(['/apis/apps/v1/namespaces/default/deployments/api']);
    const live = double.object('apps/v1', 'Deployment', 'default', 'api') as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(live.spec.template.spec.containers[0]?.image).toBe('ghcr.io/acme/api:1.0.0');
    expect(result.summary).toContain('Back-off pulling image \\"ghcr.io/acme/api:2.0.0\\"'.replace(/\\/g, ''));
    expect(result.summary).toContain('condition Progressing=True ReplicaSetUpdated');
    expect(result.log).toContain('::error::Deployment default/api did not become ready');
  });

  it('fails at once on an exceeded progress deadline, and leaves it when rollback-on-failure is off', async () => {
    expect((await run({})).outputs.status).toBe('succeeded');
    double.failImage('ghcr.io/acme/api:2.0.0', 'deadline-exceeded');

    // How soon it fails is a figure of scripts/bench/kubectl-apply.bench.mjs, not asserted here.
    const result = await run({ 'image-refs': 'ghcr.io/acme/api:2.0.0', 'rollback-on-failure': 'false' });

    expect(result.outputs.status).toBe('failed');
    expect(result.error?.message).toContain('deployment \\"api\\" exceeded its progress deadline'.replace(/\\/g, ''));
    expect(double.received.some((request) => request.contentType === 'application/json-patch+json')).toBe(false);
  });

  it('fails on a field owned by another manager, applying nothing, and takes it over with force-conflicts', async () => {
    double.seed(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'shop-config', namespace: 'default' },
        data: { mode: 'maintenance' },
      },
      'ops-console',
    );

    const refused = await run({});
    expect(refused.error?.message).toMatch(
      /^The dry run of the server-side apply failed: ConfigMap default\/shop-config: Apply failed with 1 conflict: conflict with "ops-console": \.data\.mode.*force-conflicts: true/,
    );
    expect(refused.error?.message).not.toContain('\n');
    expect(realApplies()).toEqual([]);

    const forced = await run({ 'force-conflicts': 'true' });
    expect(forced.outputs.status).toBe('succeeded');
    expect(realApplies().every((request) => request.query.force === 'true')).toBe(true);
    expect((double.object('v1', 'ConfigMap', 'default', 'shop-config') as { data: unknown }).data).toEqual({
      mode: 'live',
    });
  });

  it('shows the server-side diff on dry-run-strategy: server and writes nothing', async () => {
    await run({});
    await fs.writeFile(path.join(workspace, 'deploy/config.yaml'), CONFIG_MAP.replace('live', 'canary'));
    const before = realApplies().length;

    const result = await run({ 'dry-run-strategy': 'server' });

    expect(result.outputs.status).toBe('succeeded');
    expect(result.outputs.diff).toMatch(/-\s+mode: live\n\+\s+mode: canary/);
    expect(result.summary).toContain('mode: canary');
    expect(realApplies().length).toBe(before);
    expect((double.object('v1', 'ConfigMap', 'default', 'shop-config') as { data: unknown }).data).toEqual({
      mode: 'live',
    });
  });

  it('shows a client-side diff on dry-run-strategy: client and sends no write at all', async () => {
    await run({});
    await fs.writeFile(path.join(workspace, 'deploy/config.yaml'), CONFIG_MAP.replace('live', 'canary'));
    const before = writes().length;

    const result = await run({ 'dry-run-strategy': 'client' });

    expect(result.outputs.diff).toContain('-  mode: live\n+  mode: canary');
    expect(writes().length).toBe(before);
  });

  it('prunes only objects labelled with its apply-set', async () => {
    await fs.writeFile(
      path.join(workspace, 'deploy/extra.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n',
    );
    double.seed({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'not-ours', namespace: 'default' } });
    // Another pipeline's set of the same name, in a namespace this one never applies to.
    double.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'elsewhere' } });
    double.seed({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'theirs', namespace: 'elsewhere', labels: { 'gitops-delivery-actions/apply-set': 'shop' } },
    });
    const first = await run({ 'apply-set': 'shop', prune: 'true' });
    expect(first.error).toBeUndefined();
    expect(double.object('v1', 'ConfigMap', 'default', 'extra')).toBeDefined();
    await fs.rm(path.join(workspace, 'deploy/extra.yaml'));

    const result = await run({ 'apply-set': 'shop', prune: 'true' });

    expect(result.outputs.status).toBe('succeeded');
    expect(double.object('v1', 'ConfigMap', 'default', 'extra')).toBeUndefined();
    expect(double.object('v1', 'ConfigMap', 'default', 'not-ours')).toBeDefined();
    expect(double.object('v1', 'ConfigMap', 'elsewhere', 'theirs')).toBeDefined();
    expect(double.received.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual([
      '/api/v1/namespaces/default/configmaps/extra',
    ]);
    expect((realApplies()[0]?.body as { metadata: { labels: Record<string, string> } }).metadata.labels).toEqual({
      'gitops-delivery-actions/apply-set': 'shop',
    });
  });

  it('applies a CRD and objects of its kind in one set: the CRD first, its objects once the server serves the kind', async () => {
    await fs.writeFile(path.join(workspace, 'deploy/a-gadget.yaml'), GADGET);
    await fs.writeFile(path.join(workspace, 'deploy/crd.yaml'), GADGET_CRD);

    const result = await run({});

    expect(result.error).toBeUndefined();
    expect(result.outputs.status).toBe('succeeded');
    expect(double.object('example.com/v1', 'Gadget', 'default', 'g1')).toMatchObject({ spec: { size: 3 } });
    // The dry run could not check the Gadget before its CRD existed; the CRD was applied before it.
    const dryRuns = double.applyRequests().filter((request) => request.query.dryRun === 'All');
    expect(dryRuns.some((request) => request.path.includes('/gadgets/'))).toBe(false);
    const paths = realApplies().map((request) => request.path);
    expect(paths.indexOf('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.example.com')).toBe(0);
    expect(paths).toContain('/apis/example.com/v1/namespaces/default/gadgets/g1');
  });

  it('applies a CRD and objects of its kind in one set through kubectl too: the CRD first, then the rest', async () => {
    await fs.writeFile(path.join(workspace, 'deploy/a-gadget.yaml'), GADGET);
    await fs.writeFile(path.join(workspace, 'deploy/crd.yaml'), GADGET_CRD);
    const kubeconfig = double.kubeconfig().replace(`    token: ${TOKEN}`, `    token: ${TOKEN}\n    as: release-bot`);

    const result = await runKubectlApply({ kubeconfig, manifests: 'deploy' }, workspace, version);

    expect(result.error).toBeUndefined();
    expect(result.outputs.status).toBe('succeeded');
    expect(result.log).toContain('kubectl talks to the cluster');
    expect(double.object('example.com/v1', 'Gadget', 'default', 'g1')).toMatchObject({ spec: { size: 3 } });
    const paths = realApplies().map((request) => request.path);
    expect(paths.indexOf('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.example.com')).toBe(0);
    expect(paths).toContain('/apis/example.com/v1/namespaces/default/gadgets/g1');
    // In the set's order (files sorted by name), as through the API client, though the CRD was applied first.
    expect(result.outputs.objects?.split('\n')).toEqual([
      'Gadget/default/g1',
      'Deployment/default/api',
      'ConfigMap/default/shop-config',
      'CustomResourceDefinition/gadgets.example.com',
      'Service/default/api',
    ]);
  });

  it('hands the fields of an object last written by a client-side apply over to its field manager, through kubectl', async () => {
    double.seed(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'shop-config',
          namespace: 'default',
          annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"mode":"live","old":"x"}}' },
        },
        data: { mode: 'live', old: 'x' },
      },
      'kubectl-client-side-apply',
    );

    const result = await run({});

    expect(result.outputs.status).toBe('succeeded');
    expect(result.log).toContain('1 object(s) were last written by a client-side apply');
    const kubectlApplies = realApplies().filter((request) => !request.userAgent?.startsWith('gitops-delivery-actions'));
    // Only that object went through kubectl (which applies it again after moving its fields over).
    expect(new Set(kubectlApplies.map((request) => request.path))).toEqual(
      new Set(['/api/v1/namespaces/default/configmaps/shop-config']),
    );
    // kubectl then moves the client-side apply's fields (f:old included) to the field manager, in one JSON patch of
    // managedFields, which the API server (and the double) take as the new ownership.
    const handOver = double.received.find(
      (request) => request.contentType === 'application/json-patch+json' && request.path.endsWith('/shop-config'),
    );
    const [replace] = handOver?.body as { path: string; value: { manager: string; fieldsV1: unknown }[] }[];
    expect(replace?.path).toBe('/metadata/managedFields');
    expect(replace?.value.map((entry) => entry.manager)).toEqual(['gitops-delivery-actions']);
    expect(replace?.value[0]?.fieldsV1).toMatchObject({ 'f:data': { 'f:old': {} } });
    const live = double.object('v1', 'ConfigMap', 'default', 'shop-config') as {
      metadata: { managedFields: { manager: string; operation: string }[] };
    };
    expect(live.metadata.managedFields.map((entry) => `${entry.manager} ${entry.operation}`)).toEqual([
      'gitops-delivery-actions Apply',
    ]);
  });

  it('creates the namespace input with create-namespace, and fails naming it without', async () => {
    const refused = await run({ namespace: 'fresh' });
    expect(refused.error?.message).toContain('namespaces "fresh" not found');
    expect(realApplies()).toEqual([]);

    const result = await run({ namespace: 'fresh', 'create-namespace': 'true' });

    expect(result.outputs.status).toBe('succeeded');
    expect(realApplies()[0]?.path).toBe('/api/v1/namespaces/fresh');
    expect(realApplies()[0]?.query.fieldManager).toBe('gitops-delivery-actions');
    expect(double.object('v1', 'ConfigMap', 'fresh', 'shop-config')).toBeDefined();
  });

  it('leaves the talking to kubectl when the kubeconfig uses what the action does not read (impersonation)', async () => {
    const kubeconfig = double.kubeconfig().replace(`    token: ${TOKEN}`, `    token: ${TOKEN}\n    as: release-bot`);

    const result = await runKubectlApply({ kubeconfig, manifests: 'deploy' }, workspace, version);

    expect(result.outputs.status).toBe('succeeded');
    expect(result.log).toContain(
      'kubectl talks to the cluster: the kubeconfig is not one this action reads (its context uses as)',
    );
    expect(realApplies()).toHaveLength(3);
    // (this machine's kubectl is a dispatcher that runs the matching kubectl release)
    expect(double.received.every((request) => /^kubectl(-dispatcher)?\//.test(request.userAgent ?? ''))).toBe(true);
  });

  it('masks the kubeconfig credentials and removes the file', async () => {
    const { selfSignedCertificate } = await import('../doubles/kubernetes-api/tls.js');
    const client = selfSignedCertificate('deployer');
    const kubeconfig = double.kubeconfig({ clientCertificate: client });

    const result = await runKubectlApply({ kubeconfig, manifests: 'deploy' }, workspace, version);

    expect(result.outputs.status).toBe('succeeded');
    expect(result.kubeconfigLeft).toBe(false);
    const secrets = [
      TOKEN,
      Buffer.from(client.cert).toString('base64'),
      Buffer.from(client.key).toString('base64'),
      ...client.key.split('\n').slice(1, -2),
    ];
    for (const secret of secrets) expect(result.log).not.toContain(secret);
    // The certificate and key are new in this test (the token may have been masked by an earlier one).
    expect(result.masks).toEqual(expect.arrayContaining(secrets.slice(1, 3)));
    expect(double.received.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });
});
