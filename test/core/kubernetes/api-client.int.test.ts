/**
 * The in-process Kubernetes API client against the API double: what it reads of a kubeconfig (apiEndpoint) and what
 * it sends and concludes (KubeApi). A TLS front with a certificate for names other than 127.0.0.1, which asks for a
 * client certificate, stands before the double where a test needs one (tls-server-name, client certificates, the
 * proxy's host names); it forwards every request, so the double still judges the token and records the request.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { parse, stringify } from 'yaml';
import { UserError } from '../../../src/core/errors.js';
import { HttpTransport } from '../../../src/core/http/transport.js';
import { KubeApi } from '../../../src/core/kubernetes/api-client.js';
import { type ApiEndpoint, apiEndpoint, UnsupportedKubeconfig } from '../../../src/core/kubernetes/api-endpoint.js';
import type { KubeObject } from '../../../src/core/kubernetes/kube-object.js';
import { Kubeconfig } from '../../../src/core/kubernetes/kubeconfig.js';
import type { ApplyOptions } from '../../../src/core/kubernetes/kubectl.js';
import { redact } from '../../../src/core/secrets.js';
import { KubernetesApiDouble } from '../../doubles/kubernetes-api/server.js';
import { selfSignedCertificate } from '../../doubles/kubernetes-api/tls.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { PROXIED_HOSTS, proxiedDuring, testbed } from '../../helpers/testbed.js';

const TOKEN = 'api-client-test-token-5f1c0e';
// The name the front's certificate carries for tls-server-name; nothing resolves it.
const FRONT_NAME = 'kubernetes.front.test';
const APPLY: ApplyOptions = { serverSide: true, fieldManager: 'gitops-delivery', forceConflicts: false };

let double: KubernetesApiDouble;
let doubleCa: string;
let front: ApiFront;
const folders: string[] = [];

/** An HTTPS server that forwards to the double and remembers which client certificate each request came with. */
interface ApiFront {
  port: number;
  cert: string;
  /** The CN of each request's client certificate, '' for none. */
  clientNames: string[];
  server: https.Server;
}

async function startFront(upstream: string, upstreamCa: string): Promise<ApiFront> {
  const tls = selfSignedCertificate('api-front', `DNS:${FRONT_NAME},DNS:${PROXIED_HOSTS.api}`);
  const clientNames: string[] = [];
  // Asked for but not checked: the test reads which certificate arrived.
  const options = { ...tls, requestCert: true, rejectUnauthorized: false };
  const server = https.createServer(options, (request, response) => {
    const peer = (request.socket as TLSSocket).getPeerCertificate();
    clientNames.push(typeof peer.subject?.CN === 'string' ? peer.subject.CN : '');
    // The Host header would name the front; the double's certificate names 127.0.0.1.
    const headers = { ...request.headers, host: new URL(upstream).host };
    const forwarded = https.request(
      `${upstream}${request.url ?? '/'}`,
      { method: request.method, headers, ca: upstreamCa },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', (error) => response.writeHead(502).end(error.message));
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, cert: tls.cert, clientNames, server };
}

/** A kubeconfig with one context (`ctx`) of one cluster and one user, as written by hand. */
function kubeconfigText(cluster: Record<string, unknown>, user: Record<string, unknown>, namespace?: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'cluster', cluster }],
    users: [{ name: 'user', user }],
    contexts: [{ name: 'ctx', context: { cluster: 'cluster', user: 'user', ...(namespace ? { namespace } : {}) } }],
    'current-context': 'ctx',
  });
}

/** A fresh folder holding `files` and the kubeconfig as `config`, removed after the file's tests. */
async function folderWith(kubeconfig: string, files: Record<string, string> = {}): Promise<string> {
  const dir = await tempTree({ ...files, config: kubeconfig }, 'api-client-');
  folders.push(dir);
  return dir;
}

/** apiEndpoint of a kubeconfig given as the action's input, written to `<dir>/config`. */
function endpointOfInput(dir: string, text: string): Promise<ApiEndpoint | UnsupportedKubeconfig> {
  return apiEndpoint({ kubeconfig: Kubeconfig.parse(text, 'kubeconfig'), file: path.join(dir, 'config') });
}

function supported(endpoint: ApiEndpoint | UnsupportedKubeconfig): ApiEndpoint {
  if (endpoint instanceof UnsupportedKubeconfig) throw new Error(`unexpectedly unsupported: ${endpoint.reason}`);
  return endpoint;
}

/** The certificate a double presents, from the kubeconfig it writes (read as YAML: its token stays unregistered). */
function caOf(server: KubernetesApiDouble): string {
  const written = parse(server.kubeconfig()) as { clusters: { cluster: Record<string, string> }[] };
  return Buffer.from(written.clusters[0]?.cluster['certificate-authority-data'] ?? '', 'base64').toString('utf8');
}

const base64 = (text: string) => Buffer.from(text).toString('base64');
const doubleCluster = () => ({ server: double.url, 'certificate-authority-data': base64(doubleCa) });
const configMap = (name: string, namespace?: string, data: Record<string, string> = { key: 'value' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  data,
});

beforeAll(async () => {
  double = await KubernetesApiDouble.start({ token: TOKEN });
  doubleCa = caOf(double);
  front = await startFront(double.url, doubleCa);
});

afterAll(async () => {
  front.server.closeAllConnections();
  front.server.close();
  await double.stop();
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

/** A namespaced CRD serving `versions` (the last one stored), each with an open schema. */
function customResourceDefinition(group: string, kind: string, versions: readonly string[]): KubeObject {
  const plural = `${kind.toLowerCase()}s`;
  const schema = { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object' } } } };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      scope: 'Namespaced',
      versions: versions.map((name, index) => ({ name, served: true, storage: index === versions.length - 1, schema })),
    },
  };
}

describe('apiEndpoint', () => {
  it('sends the kubeconfig token as a bearer token', async () => {
    const text = kubeconfigText(doubleCluster(), { token: TOKEN }, 'team-a');
    const endpoint = supported(await endpointOfInput(await folderWith(text), text));
    expect(endpoint).toMatchObject({ namespace: 'team-a', authorization: `Bearer ${TOKEN}`, tls: { ca: doubleCa } });
    double.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    double.seed(configMap('settings', 'team-a'));
    // Neither the ref nor the call names a namespace: the context's is read.
    const live = await new KubeApi(endpoint).get([{ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings' }]);
    expect(live.map((object) => `${object.metadata.namespace}/${object.metadata.name}`)).toEqual(['team-a/settings']);
    expect(double.received.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('reads a tokenFile relative to the folder of the kubeconfig KUBECONFIG names', async () => {
    const text = kubeconfigText(doubleCluster(), { tokenFile: 'credentials/token' });
    const dir = await folderWith(text, { 'credentials/token': `${TOKEN}\n` });
    // Jest runs in the repository: a path read relative to the working directory would not be found.
    const endpoint = supported(await apiEndpoint({ env: { KUBECONFIG: path.join(dir, 'config') } }));
    expect(endpoint.authorization).toBe(`Bearer ${TOKEN}`);
    expect(endpoint.namespace).toBe('default');
    expect(await new KubeApi(endpoint).speaksAggregatedDiscovery()).toBe(true);
  });

  it('reads the tokenFile again when the server refuses its token (a rotated service-account token)', async () => {
    const text = kubeconfigText(doubleCluster(), { tokenFile: 'token' });
    const dir = await folderWith(text, { token: 'replaced-meanwhile\n' });
    const endpoint = supported(await endpointOfInput(dir, text));
    await writeFile(path.join(dir, 'token'), `${TOKEN}\n`);
    double.seed(configMap('rotated', 'default'));
    const before = double.received.length;

    const live = await new KubeApi(endpoint).get([{ apiVersion: 'v1', kind: 'ConfigMap', name: 'rotated' }]);

    expect(live.map((object) => object.metadata.name)).toEqual(['rotated']);
    const sent = double.received.slice(before).map((request) => request.authorization);
    expect(sent[0]).toBe('Bearer replaced-meanwhile');
    expect(sent.at(-1)).toBe(`Bearer ${TOKEN}`);
  });

  it('names an unreadable tokenFile in a user error, as it does a certificate file', async () => {
    const text = kubeconfigText(doubleCluster(), { tokenFile: 'credentials/missing' });
    const failure = await endpointOfInput(await folderWith(text), text).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as Error).message).toContain('credentials/missing');
  });

  it('names, in one line, a context whose cluster the kubeconfig lacks', async () => {
    const text = kubeconfigText(doubleCluster(), { token: TOKEN }).replace('cluster: cluster\n', 'cluster: nowhere\n');
    const outcome = await endpointOfInput(await folderWith(text), text).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(UserError);
    expect((outcome as Error).message).toMatch(
      /^The kubeconfig's context "[^"]+" names no cluster with a server URL\.$/,
    );
  });

  it('skips the certificate check only when the cluster says insecure-skip-tls-verify, and warns about it', async () => {
    const text = kubeconfigText({ server: double.url, 'insecure-skip-tls-verify': true }, { token: TOKEN });
    const printed: string[] = [];
    const write = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk) => (printed.push(String(chunk)), true));
    let endpoint: ApiEndpoint;
    try {
      endpoint = supported(await endpointOfInput(await folderWith(text), text));
    } finally {
      write.mockRestore();
    }
    expect(endpoint.tls).toEqual({ rejectUnauthorized: false });
    expect(printed.join('')).toContain('::warning::');
    expect(printed.join('')).toContain('insecure-skip-tls-verify');
    // The double's self-signed certificate is not trusted by Node, yet the client reaches it.
    expect(await new KubeApi(endpoint).speaksAggregatedDiscovery()).toBe(true);
    const checked = kubeconfigText({ server: double.url }, { token: TOKEN });
    const refused = new KubeApi(supported(await endpointOfInput(await folderWith(checked), checked)));
    await expect(refused.speaksAggregatedDiscovery()).rejects.toThrow(/certificate/);
  });

  it('sends username and password as basic auth, which the token-only double refuses', async () => {
    const password = 'correct-horse-battery-staple';
    const text = kubeconfigText(doubleCluster(), { username: 'deployer', password });
    const endpoint = supported(await endpointOfInput(await folderWith(text), text));
    const basic = `Basic ${base64(`deployer:${password}`)}`;
    expect(endpoint.authorization).toBe(basic);
    const reading = new KubeApi(endpoint).get([{ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings' }]);
    await expect(reading).rejects.toThrow(
      /^The API server at https:\/\/127\.0\.0\.1:\d+ refused the kubeconfig's credentials \(\/apis?: Unauthorized\)\.$/,
    );
    expect(double.received.at(-1)?.authorization).toBe(basic);
    expect(redact(basic)).toBe('Basic ***');
  });

  it('presents a client certificate and trusts a certificate authority given as files beside the kubeconfig', async () => {
    const client = selfSignedCertificate('deployer-client');
    const cluster = {
      server: `https://127.0.0.1:${front.port}`,
      'certificate-authority': 'pki/ca.crt',
      'tls-server-name': FRONT_NAME,
    };
    const user = { 'client-certificate': 'pki/client.crt', 'client-key': 'pki/client.key', token: TOKEN };
    const text = kubeconfigText(cluster, user);
    const files = { 'pki/ca.crt': front.cert, 'pki/client.crt': client.cert, 'pki/client.key': client.key };
    const endpoint = supported(await endpointOfInput(await folderWith(text, files), text));
    expect(endpoint.tls).toEqual({ ca: front.cert, servername: FRONT_NAME, clientCertificate: client });
    const before = front.clientNames.length;
    expect(await new KubeApi(endpoint).speaksAggregatedDiscovery()).toBe(true);
    const seen = front.clientNames.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['deployer-client']));
  });

  it('checks the server certificate against tls-server-name, not the host of the server URL', async () => {
    const cluster = (extra: Record<string, string>) => ({
      server: `https://127.0.0.1:${front.port}`,
      'certificate-authority-data': base64(front.cert),
      ...extra,
    });
    const named = kubeconfigText(cluster({ 'tls-server-name': FRONT_NAME }), { token: TOKEN });
    const endpoint = supported(await endpointOfInput(await folderWith(named), named));
    expect(await new KubeApi(endpoint).speaksAggregatedDiscovery()).toBe(true);

    // The front's certificate names FRONT_NAME only: checked against 127.0.0.1 it is refused.
    const unnamed = kubeconfigText(cluster({}), { token: TOKEN });
    const refused = supported(await endpointOfInput(await folderWith(unnamed), unnamed));
    await expect(new KubeApi(refused).speaksAggregatedDiscovery()).rejects.toThrow(
      /^The certificate of https:\/\/127\.0\.0\.1:\d+ was refused: .*\(ERR_TLS_CERT_ALTNAME_INVALID\): it names another server \(the kubeconfig's tls-server-name names the one it should\)\.$/,
    );
  });

  describe('with an exec credential plugin', () => {
    // A double of its own, whose token no kubeconfig carries: only the plugin's answer can register it as a secret.
    const pluginToken = 'exec-plugin-token-9d2b47a1';
    let pluginDouble: KubernetesApiDouble;

    beforeAll(async () => {
      pluginDouble = await KubernetesApiDouble.start({ token: pluginToken });
    });
    afterAll(async () => {
      await pluginDouble.stop();
    });

    /** A folder with `bin/credentials`, a plugin that records how it ran then prints `body`, and its kubeconfig. */
    async function pluginFolder(body: string, exec: Record<string, unknown>): Promise<{ dir: string; text: string }> {
      const script = [
        '#!/bin/sh',
        'here=$(dirname "$0")',
        'printf \'%s\' "$KUBERNETES_EXEC_INFO" > "$here/exec-info.json"',
        'printf \'%s\\n\' "$@" > "$here/args.txt"',
        'printf \'%s\' "$CLUSTER_REGION" > "$here/region.txt"',
        body,
        '',
      ].join('\n');
      const cluster = { server: pluginDouble.url, 'certificate-authority-data': base64(caOf(pluginDouble)) };
      const text = kubeconfigText(cluster, { exec: { command: './bin/credentials', ...exec } });
      const dir = await folderWith(text, { 'bin/credentials': script });
      await chmod(path.join(dir, 'bin/credentials'), 0o755);
      return { dir, text };
    }

    it('runs the plugin from the kubeconfig folder, not interactive, with its args and env, and uses its token', async () => {
      const credential = {
        apiVersion: 'client.authentication.k8s.io/v1',
        kind: 'ExecCredential',
        status: { token: pluginToken },
      };
      const { dir, text } = await pluginFolder(`echo '${JSON.stringify(credential)}'`, {
        apiVersion: 'client.authentication.k8s.io/v1',
        args: ['eks', 'get-token', '--cluster-name', 'shop'],
        env: [{ name: 'CLUSTER_REGION', value: 'eu-west-3' }],
        interactiveMode: 'Never',
      });
      expect(redact(`Bearer ${pluginToken}`)).toBe(`Bearer ${pluginToken}`);
      const endpoint = supported(await endpointOfInput(dir, text));
      expect(endpoint.authorization).toBe(`Bearer ${pluginToken}`);
      expect(redact(`Bearer ${pluginToken}`)).toBe('Bearer ***');

      const bin = path.join(dir, 'bin');
      expect(JSON.parse(await readFile(path.join(bin, 'exec-info.json'), 'utf8'))).toEqual({
        apiVersion: 'client.authentication.k8s.io/v1',
        kind: 'ExecCredential',
        spec: { interactive: false },
      });
      expect(await readFile(path.join(bin, 'args.txt'), 'utf8')).toBe('eks\nget-token\n--cluster-name\nshop\n');
      expect(await readFile(path.join(bin, 'region.txt'), 'utf8')).toBe('eu-west-3');

      expect(await new KubeApi(endpoint).speaksAggregatedDiscovery()).toBe(true);
      expect(pluginDouble.received.map((request) => request.authorization)).toContain(`Bearer ${pluginToken}`);
    });

    /** A plugin that counts its runs in `runs.txt` and answers the token the shell expression `token` gives. */
    const countingPlugin = (token: string, expires: string) =>
      pluginFolder(
        [
          'n=$(( $(cat "$here/runs.txt" 2>/dev/null || echo 0) + 1 )); echo $n > "$here/runs.txt"',
          `printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%s"}}' "${token}" "${expires}"`,
        ].join('\n'),
        { apiVersion: 'client.authentication.k8s.io/v1' },
      );
    const runsOf = async (dir: string) => Number((await readFile(path.join(dir, 'bin/runs.txt'), 'utf8')).trim());

    it('runs the plugin again when its credential has expired, as client-go does', async () => {
      const { dir, text } = await countingPlugin(pluginToken, '2000-01-01T00:00:00Z');
      const endpoint = supported(await endpointOfInput(dir, text));
      expect(await runsOf(dir)).toBe(1);
      expect(await new KubeApi(endpoint).speaksAggregatedDiscovery()).toBe(true);
      expect(await runsOf(dir)).toBeGreaterThan(1);
    });

    it('runs the plugin again once the server refuses its token (401), then succeeds', async () => {
      // The first run answers a stale token, later runs the right one.
      const token = `$( [ "$n" = 1 ] && echo stale-token || echo ${pluginToken} )`;
      const { dir, text } = await countingPlugin(token, '2999-01-01T00:00:00Z');
      const endpoint = supported(await endpointOfInput(dir, text));
      expect(endpoint.authorization).toBe('Bearer stale-token');
      expect(await new KubeApi(endpoint).speaksAggregatedDiscovery()).toBe(true);
      expect(endpoint.authorization).toBe(`Bearer ${pluginToken}`);
      expect(await runsOf(dir)).toBeGreaterThan(1);
    });

    it('fails in one line naming the plugin when it exits non-zero', async () => {
      const { dir, text } = await pluginFolder(
        'echo "could not refresh the session" >&2\necho "run: sso login" >&2\nexit 3',
        {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
        },
      );
      const failure = endpointOfInput(dir, text);
      await expect(failure).rejects.toThrow(UserError);
      await expect(failure).rejects.toThrow(
        "The kubeconfig's exec plugin ./bin/credentials failed: could not refresh the session | run: sso login; kubectl would fail the same way.",
      );
    });
  });

  describe('leaves to kubectl what it does not read', () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>, RegExp][] = [
      ['an auth provider', {}, { 'auth-provider': { name: 'oidc', config: { 'id-token': 'x.y.z' } } }, /auth-provider/],
      ['impersonation', {}, { token: TOKEN, as: 'admin' }, /\bas\b/],
      ['a proxy-url', { 'proxy-url': 'http://proxy.example:3128' }, { token: TOKEN }, /proxy-url/],
      [
        'an exec plugin that needs a terminal',
        {},
        { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'kubelogin', interactiveMode: 'Always' } },
        /terminal/,
      ],
      [
        'an exec plugin of an unknown apiVersion',
        {},
        { exec: { apiVersion: 'client.authentication.k8s.io/v1alpha1', command: 'kubelogin' } },
        /v1alpha1/,
      ],
    ];

    it.each(cases)('%s', async (_, cluster, user, reason) => {
      const text = kubeconfigText({ ...doubleCluster(), ...cluster }, user);
      const endpoint = await endpointOfInput(await folderWith(text), text);
      expect(endpoint).toBeInstanceOf(UnsupportedKubeconfig);
      expect((endpoint as UnsupportedKubeconfig).reason).toMatch(reason);
    });

    it('KUBECONFIG naming two files', async () => {
      const text = kubeconfigText(doubleCluster(), { token: TOKEN });
      const dir = await folderWith(text, { second: text });
      const KUBECONFIG = [path.join(dir, 'config'), path.join(dir, 'second')].join(':');
      const endpoint = await apiEndpoint({ env: { KUBECONFIG } });
      expect(endpoint).toEqual(new UnsupportedKubeconfig('KUBECONFIG names several files to merge'));
    });
  });
});

describe('KubeApi', () => {
  let endpoint: ApiEndpoint;
  let api: KubeApi;

  beforeAll(async () => {
    const text = kubeconfigText(doubleCluster(), { token: TOKEN });
    endpoint = supported(await endpointOfInput(await folderWith(text), text));
    api = new KubeApi(endpoint);
  });
  afterEach(() => double.allowAll());

  it('dry runs persist nothing and ask for dryRun=All with strict field validation', async () => {
    const before = double.applyRequests().length;
    const result = await api.apply([configMap('dry', 'default')], { ...APPLY, dryRun: true });
    expect(result.map((object) => object.metadata.name)).toEqual(['dry']);
    expect(double.object('v1', 'ConfigMap', 'default', 'dry')).toBeUndefined();
    const sent = double.applyRequests().slice(before);
    expect(sent.map((request) => [request.path, request.query])).toEqual([
      [
        '/api/v1/namespaces/default/configmaps/dry',
        { fieldManager: 'gitops-delivery', force: 'false', fieldValidation: 'Strict', dryRun: 'All' },
      ],
    ]);
  });

  it('applies and returns the objects as stored, in the set order', async () => {
    const objects = ['one', 'two', 'three', 'four', 'five', 'six'].map((name) => configMap(name, undefined, { name }));
    const stored = await api.apply(objects, { ...APPLY, namespace: 'default', forceConflicts: true });
    expect(stored.map((object) => object.metadata.name)).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
    expect(stored.every((object) => typeof object.metadata.uid === 'string')).toBe(true);
    for (const object of stored) {
      const live = double.object('v1', 'ConfigMap', 'default', object.metadata.name);
      expect(live?.data).toEqual({ name: object.metadata.name });
      expect(live?.metadata).toMatchObject({ uid: object.metadata.uid });
    }
    expect(double.applyRequests().at(-1)?.query.force).toBe('true');
  });

  it('applies a Namespace before the objects in it, wherever the set lists it', async () => {
    const objects: KubeObject[] = [
      configMap('settings', 'shop'),
      configMap('flags', 'shop'),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    ];
    const before = double.applyRequests().length;
    const stored = await api.apply(objects, APPLY);
    expect(stored.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual([
      'ConfigMap/settings',
      'ConfigMap/flags',
      'Namespace/shop',
    ]);
    const paths = double
      .applyRequests()
      .slice(before)
      .map((request) => request.path);
    expect(paths[0]).toBe('/api/v1/namespaces/shop');
    expect(new Set(paths.slice(1))).toEqual(
      new Set(['/api/v1/namespaces/shop/configmaps/settings', '/api/v1/namespaces/shop/configmaps/flags']),
    );
    expect(double.object('v1', 'ConfigMap', 'shop', 'flags')).toBeDefined();
  });

  it('applies a CRD before the custom resources it defines, which the cluster did not serve before', async () => {
    const crd = customResourceDefinition('example.com', 'Gadget', ['v1']);
    const gadget: KubeObject = { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g1' }, spec: {} };
    const stored = await new KubeApi(endpoint).apply([gadget, crd], { ...APPLY, namespace: 'default' });
    expect(stored.map((object) => object.kind)).toEqual(['Gadget', 'CustomResourceDefinition']);
    expect(double.object('example.com/v1', 'Gadget', 'default', 'g1')).toBeDefined();
  });

  it('finds the version the server prefers for a kind, and a kind installed later once it forgets the discovery', async () => {
    const client = new KubeApi(endpoint);
    expect(await client.preferredApiVersion('example.org', 'Widget')).toBeUndefined();
    // Listed in the CRD with the beta first: the server still prefers the GA version.
    double.seed(customResourceDefinition('example.org', 'Widget', ['v1beta2', 'v1']));
    expect(await client.preferredApiVersion('example.org', 'Widget')).toBeUndefined();

    client.forgetDiscovery();

    expect(await client.preferredApiVersion('example.org', 'Widget')).toBe('example.org/v1');
    expect(await client.preferredApiVersion('apps', 'Deployment')).toBe('apps/v1');
    expect(await client.preferredApiVersion('', 'ConfigMap')).toBe('v1');
  });

  it('refuses an object whose own namespace is not the one the namespace input names, as kubectl does', async () => {
    const before = double.received.length;
    const failure = await api
      .apply([configMap('elsewhere', 'team-b')], { ...APPLY, namespace: 'team-a' })
      .catch((error: unknown) => error);
    expect((failure as Error).message).toBe(
      'The server-side apply failed: ConfigMap team-b/elsewhere: its namespace "team-b" is not the one input "namespace" names ("team-a"); drop one of them.',
    );
    expect(double.received.length).toBe(before);
  });

  it('goes on past refused objects and fails once, naming each', async () => {
    const objects: KubeObject[] = [
      { ...configMap('unknown-field', 'default'), spec: { replicas: 2 } },
      configMap('accepted', 'default'),
      { apiVersion: 'widgets.example.com/v1', kind: 'Widget', metadata: { name: 'gadget' } },
    ];
    const failure = await api.apply(objects, APPLY).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    const message = (failure as UserError).message;
    expect(message).toMatch(
      /^The server-side apply failed: ConfigMap default\/unknown-field: .*\.spec: field not declared in schema/,
    );
    expect(message).toContain('Widget gadget: the cluster serves no kind "Widget" in "widgets.example.com/v1"');
    expect(message).not.toContain('accepted');
    expect(message).not.toContain('force-conflicts');
    expect(double.object('v1', 'ConfigMap', 'default', 'accepted')).toBeDefined();
    expect(double.object('v1', 'ConfigMap', 'default', 'unknown-field')).toBeUndefined();
  });

  it('ends a refusal it made itself with one full stop', async () => {
    const widget: KubeObject = { apiVersion: 'widgets.example.com/v1', kind: 'Widget', metadata: { name: 'gadget' } };
    const failure = await api.apply([widget], APPLY).catch((error: unknown) => error);
    expect((failure as Error).message).toBe(
      'The server-side apply failed: Widget gadget: the cluster serves no kind "Widget" in "widgets.example.com/v1"; install its CRD first or use an API version the cluster serves.',
    );
  });

  it('reads live objects, leaving out those that do not exist', async () => {
    double.seed(configMap('present', 'default'));
    const live = await api.get([
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'absent' },
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'present' },
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'absent' },
    ]);
    expect(live.map((object) => `${object.kind}/${object.metadata.namespace}/${object.metadata.name}`)).toEqual([
      'ConfigMap/default/present',
    ]);
  });

  it("surfaces the server's message for a request RBAC forbids", async () => {
    double.seed(configMap('guarded', 'default'));
    double.forbid({ verb: 'get', resource: 'configmaps', namespace: 'default' });
    const guarded = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'guarded' };
    await expect(api.get([guarded])).rejects.toThrow(
      'Reading the live objects failed: ConfigMap default/guarded: configmaps "guarded" is forbidden: User "ci" cannot get resource "configmaps" in API group "" in the namespace "default"',
    );
  });

  it('reaches the server through the proxy HTTPS_PROXY names', async () => {
    const server = `https://${PROXIED_HOSTS.api}:${front.port}`;
    const text = kubeconfigText({ server, 'certificate-authority-data': base64(front.cert) }, { token: TOKEN });
    const behindProxy = supported(await endpointOfInput(await folderWith(text), text));
    // The environment is the transport's, not this process's: nothing here reaches the proxy by accident.
    const transport = new HttpTransport({ env: { HTTPS_PROXY: testbed.proxy } });
    const proxied = new KubeApi(behindProxy, transport);
    double.seed(configMap('behind-proxy', 'default'));
    const before = double.received.length;
    let live: KubeObject[] = [];
    const { requests, error } = await proxiedDuring(`${PROXIED_HOSTS.api}:${front.port}`, async () => {
      live = await proxied.get([{ apiVersion: 'v1', kind: 'ConfigMap', name: 'behind-proxy' }]);
    });
    transport.close();
    expect(error).toBeUndefined();
    expect(live.map((object) => object.metadata.name)).toEqual(['behind-proxy']);
    // Discovery of /api and /apis starts at once: one tunnel each, or one reused.
    expect(requests.length).toBeGreaterThan(0);
    expect(new Set(requests)).toEqual(new Set([`CONNECT ${PROXIED_HOSTS.api}:${front.port}`]));
    expect(double.received.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual(
      expect.arrayContaining(['GET /api', 'GET /apis', 'GET /api/v1/namespaces/default/configmaps/behind-proxy']),
    );
  });
});
