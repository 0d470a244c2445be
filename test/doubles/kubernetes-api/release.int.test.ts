import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import { tempTree } from '../../helpers/temp-dir.js';
import { kubectlIn } from './kubectl-cli.js';
import { GITOPS_CRDS, KubernetesApiDouble } from './server.js';

const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;

const TYPO = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: NAME}\ndatta: {a: b}\n';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The double as a v1.33 kube-apiserver: what kubectl asks of it, and what it answers other clients. */
describe('KubernetesApiDouble as a Kubernetes 1.33 API server', () => {
  let double: KubernetesApiDouble;
  let dir: string;
  let kubectl: ReturnType<typeof kubectlIn>;
  const get = (pathname: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const kubeconfig = double.kubeconfig();
    const ca = Buffer.from(/certificate-authority-data: (\S+)/.exec(kubeconfig)?.[1] ?? '', 'base64');
    const token = /token: (\S+)/.exec(kubeconfig)?.[1];
    return new Promise((resolve, reject) => {
      const request = https.get(
        `${double.url}${pathname}`,
        { ca, headers: { authorization: `Bearer ${token}`, ...headers } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        },
      );
      request.on('error', reject);
    });
  };
  const apply = async (name: string, text: string, ...flags: string[]) => {
    await writeFile(path.join(dir, name), text);
    return kubectl('apply', ...flags, '-f', path.join(dir, name));
  };

  beforeAll(async () => {
    double = await KubernetesApiDouble.start();
    dir = await tempTree({ kubeconfig: double.kubeconfig() });
    kubectl = kubectlIn(dir);
  });
  afterAll(async () => {
    await double.stop();
  });

  it('reports v1.33 at /version', async () => {
    const version = JSON.parse((await kubectl('version', '-o', 'json')).stdout);
    expect(version.serverVersion).toMatchObject({ major: '1', minor: '33', gitVersion: 'v1.33.1' });
  });

  it('lets kubectl discover with two aggregated requests and leave field validation to the server', async () => {
    double.received.length = 0;
    expect((await apply('web.yaml', DEPLOYMENT, '--server-side')).stdout).toBe(
      'deployment.apps/web serverside-applied\n',
    );
    const gets = double.received.filter((request) => request.method === 'GET').map((request) => request.path);
    expect(gets).toEqual(expect.arrayContaining(['/api', '/apis', '/openapi/v3', '/openapi/v3/apis/apps/v1']));
    // Legacy discovery would have asked every group version for its resources.
    expect(gets.filter((pathname) => /^\/apis\/[^/]+\/[^/]+$/.test(pathname))).toEqual([]);
    const root = JSON.parse((await get('/openapi/v3')).body);
    const fetched = double.received.find((request) => request.path === '/openapi/v3/apis/apps/v1');
    expect(`/openapi/v3/apis/apps/v1?hash=${fetched?.query.hash}`).toBe(root.paths['apis/apps/v1'].serverRelativeURL);
    expect(double.applyRequests().map((request) => request.query.fieldValidation)).toEqual(['Strict']);
  });

  it('serves aggregated discovery only to a client that asks for it, with an ETag it can revalidate', async () => {
    const legacy = await get('/apis', { accept: 'application/json, */*' });
    expect(JSON.parse(legacy.body)).toMatchObject({ kind: 'APIGroupList' });
    const aggregated = await get('/apis', { accept: `${AGGREGATED},application/json` });
    expect(aggregated.headers['content-type']).toBe(AGGREGATED);
    const list = JSON.parse(aggregated.body);
    expect(list.items.map((group: { metadata: { name: string } }) => group.metadata.name)).toContain('apps');
    const etag = aggregated.headers.etag as string;
    expect((await get('/apis', { accept: AGGREGATED, 'if-none-match': etag })).status).toBe(304);

    double.installCustomResources(GITOPS_CRDS.argoCdApplication);
    const changed = await get('/apis', { accept: AGGREGATED, 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(JSON.parse(changed.body).items.at(-1)).toMatchObject({
      metadata: { name: 'argoproj.io' },
      versions: [{ version: 'v1alpha1', resources: [{ resource: 'applications', shortNames: ['app', 'apps'] }] }],
    });
  });

  it('lists the legacy resource documents kubectl get --raw reads', async () => {
    const apps = JSON.parse((await kubectl('get', '--raw', '/apis/apps/v1')).stdout);
    expect(apps.resources).toContainEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
    const groups = JSON.parse((await kubectl('get', '--raw', '/apis')).stdout);
    // A default 1.33 install serves no beta version of these groups; the double serves what it has schemas for.
    expect(groups.groups.find((group: { name: string }) => group.name === 'autoscaling').versions).toEqual([
      { groupVersion: 'autoscaling/v2', version: 'v2' },
      { groupVersion: 'autoscaling/v1', version: 'v1' },
    ]);
  });

  it('answers an OpenAPI URL with the current hash as immutable, and redirects a stale one', async () => {
    const root = JSON.parse((await get('/openapi/v3')).body);
    const current = root.paths['api/v1'].serverRelativeURL as string;
    const document = await get(current, { accept: 'application/json' });
    expect(document.headers['cache-control']).toBe('public, immutable');
    expect(JSON.parse(document.body).paths).toHaveProperty('/api/v1/namespaces/{namespace}/configmaps/{name}');
    expect((await get(current, { 'if-none-match': document.headers.etag as string })).status).toBe(304);
    const stale = await get('/openapi/v3/api/v1?hash=0123');
    expect([stale.status, stale.headers.location]).toEqual([301, current]);
  });

  it('follows fieldValidation on a create: Strict refuses, Warn drops with a warning, Ignore drops', async () => {
    const strict = await apply('strict.yaml', TYPO.replace('NAME', 'strict'), '--validate=strict');
    expect(strict.stderr).toBe(
      `Error from server (BadRequest): error when creating "${path.join(dir, 'strict.yaml')}": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datta"\n`,
    );
    const warn = await apply('warn.yaml', TYPO.replace('NAME', 'warn'), '--validate=warn');
    expect([warn.code, warn.stderr]).toEqual([0, 'Warning: unknown field "datta"\n']);
    const ignore = await apply('ignore.yaml', TYPO.replace('NAME', 'ignore'), '--validate=false');
    expect([ignore.code, ignore.stderr]).toEqual([0, '']);
    for (const name of ['warn', 'ignore']) {
      expect(double.object('v1', 'ConfigMap', 'default', name)).not.toHaveProperty('datta');
    }
    expect(double.object('v1', 'ConfigMap', 'default', 'strict')).toBeUndefined();
  });

  it('refuses undeclared fields in a server-side apply whatever fieldValidation says, as structured merge does', async () => {
    const result = await apply(
      'ports.yaml',
      DEPLOYMENT.replace('image: nginx', 'image: nginx, ports: [{containerPort: 80, protocol: TCP, nme: http}]'),
      '--server-side',
      '--validate=false',
    );
    expect(result.stderr).toBe(
      'Error from server: failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"].nme: field not declared in schema\n',
    );
  });
});
