import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../errors.js';
import type { ClientCertificate, ServerTrust } from '../http/transport.js';
import * as log from '../log.js';
import { execTool, lastLines } from '../exec.js';
import { redact, registerSecret } from '../secrets.js';
import { Kubeconfig, type KubeconfigContext } from './kubeconfig.js';

/** How to reach one API server and prove who we are, as kubectl would from the same kubeconfig and context. */
export interface ApiEndpoint {
  server: URL;
  /** The context's namespace, else `default`: where objects that name none go. */
  namespace: string;
  tls: ServerTrust;
  /** The Authorization header, if the user has one (a token, basic auth, or an exec plugin's token). */
  authorization?: string;
  /**
   * For an exec plugin's credential, which expires (EKS tokens last 15 minutes, a readiness wait can last longer):
   * when, and how to run the plugin again, which updates `authorization` and `tls.clientCertificate`.
   */
  renewal?: { expiresAt?: number; renew(): Promise<void> };
}

/** A kubeconfig this client does not speak; kubectl, which does, talks to the cluster instead. */
export class UnsupportedKubeconfig {
  constructor(readonly reason: string) {}
}

// The fields of a kubeconfig user and cluster this client reads; any other (auth-provider, impersonation, a proxy-url,
// an exec plugin that wants a terminal) leaves the talking to kubectl.
const USER_FIELDS = new Set([
  'token',
  'tokenFile',
  'username',
  'password',
  'client-certificate',
  'client-certificate-data',
  'client-key',
  'client-key-data',
  'exec',
  'extensions',
]);
const CLUSTER_FIELDS = new Set([
  'server',
  'certificate-authority',
  'certificate-authority-data',
  'insecure-skip-tls-verify',
  'tls-server-name',
  'extensions',
]);
const EXEC_TIMEOUT_MS = 60_000;

/**
 * The endpoint of a kubeconfig given as text (written to `file` for kubectl), or of the one kubectl would read
 * (KUBECONFIG naming one file, else ~/.kube/config). Relative paths in it are relative to its file, as for kubectl.
 */
export async function apiEndpoint(
  source: { kubeconfig: Kubeconfig; file: string } | { context?: string; env?: NodeJS.ProcessEnv },
): Promise<ApiEndpoint | UnsupportedKubeconfig> {
  let kubeconfig: Kubeconfig;
  let file: string;
  if ('kubeconfig' in source) ({ kubeconfig, file } = source);
  else {
    const env = source.env ?? process.env;
    const named = env.KUBECONFIG ?? '';
    if (named.includes(path.delimiter)) return new UnsupportedKubeconfig('KUBECONFIG names several files to merge');
    file = named || path.join(env.HOME ?? os.homedir(), '.kube', 'config');
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return new UnsupportedKubeconfig(`there is no kubeconfig at ${file}`);
    try {
      kubeconfig = Kubeconfig.parse(text, 'KUBECONFIG', source.context);
    } catch (error) {
      return new UnsupportedKubeconfig((error as Error).message);
    }
  }
  return endpointOf(kubeconfig.context(), path.dirname(file));
}

async function endpointOf(context: KubeconfigContext, base: string): Promise<ApiEndpoint | UnsupportedKubeconfig> {
  const { cluster, user } = context;
  const unknown = [
    ...Object.keys(cluster).filter((field) => !CLUSTER_FIELDS.has(field)),
    ...Object.keys(user).filter((field) => !USER_FIELDS.has(field)),
  ];
  if (unknown.length > 0) return new UnsupportedKubeconfig(`its context uses ${unknown.join(', ')}`);
  if (typeof cluster.server !== 'string' || !URL.canParse(cluster.server)) {
    throw new UserError(`The kubeconfig's context "${context.name}" names no cluster with a server URL.`);
  }
  const server = new URL(cluster.server);
  const read = (field: string, from: Record<string, unknown>) => readPem(from, field, base);
  const tls: ApiEndpoint['tls'] = {};
  const ca = await read('certificate-authority', cluster);
  if (ca) tls.ca = ca;
  if (cluster['insecure-skip-tls-verify'] === true) {
    tls.rejectUnauthorized = false;
    log.warning(
      `The kubeconfig's context "${context.name}" sets insecure-skip-tls-verify: the API server's certificate is not checked.`,
    );
  }
  if (typeof cluster['tls-server-name'] === 'string') tls.servername = cluster['tls-server-name'];
  const endpoint: ApiEndpoint = { server, namespace: context.namespace ?? 'default', tls };

  if (tls.rejectUnauthorized === false && tls.ca) {
    throw new UserError(
      `The kubeconfig's context "${context.name}" gives a certificate-authority and insecure-skip-tls-verify; kubectl refuses both together, keep one.`,
    );
  }
  const [cert, key] = [await read('client-certificate', user), await read('client-key', user)];
  if (!cert !== !key) {
    throw new UserError(
      `The kubeconfig's user in context "${context.name}" has a client ${cert ? 'certificate without its key' : 'key without its certificate'}.`,
    );
  }
  if (cert && key) tls.clientCertificate = { cert, key };
  if (typeof user.token === 'string' && user.token) endpoint.authorization = `Bearer ${user.token}`;
  else if (typeof user.tokenFile === 'string') {
    const file = user.tokenFile;
    const readToken = async () => {
      const token = (
        await fs.readFile(path.resolve(base, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new UserError(`The kubeconfig's tokenFile ${file} cannot be read (${error.code ?? error.message}).`);
        })
      ).trim();
      registerSecret(token);
      endpoint.authorization = `Bearer ${token}`;
    };
    await readToken();
    // Read again when the server refuses it, as client-go reads the file again: a projected service-account token is
    // replaced while a long wait runs.
    endpoint.renewal = { renew: readToken };
  } else if (typeof user.username === 'string' && typeof user.password === 'string') {
    const basic = Buffer.from(`${user.username}:${user.password}`).toString('base64');
    registerSecret(basic);
    endpoint.authorization = `Basic ${basic}`;
  }
  if (user.exec !== undefined && !endpoint.authorization && !tls.clientCertificate) {
    const exec = user.exec as ExecConfig;
    const apiVersion = exec.apiVersion ?? '';
    if (!/^client\.authentication\.k8s\.io\/(v1|v1beta1)$/.test(apiVersion) || !exec.command)
      return new UnsupportedKubeconfig(`its exec plugin is of apiVersion "${apiVersion}"`);
    if (exec.interactiveMode === 'Always') return new UnsupportedKubeconfig('its exec plugin needs a terminal');
    const plugin = { ...exec, command: exec.command };
    const clusterConfig = execExtension(cluster.extensions);
    let running: Promise<void> | undefined;
    const renewal: NonNullable<ApiEndpoint['renewal']> = {
      // Requests made at once while the credential expires share one run of the plugin.
      renew: () =>
        (running ??= runExecPlugin(plugin, endpoint, clusterConfig, base)
          .then((credential) => {
            endpoint.authorization = credential.token ? `Bearer ${credential.token}` : undefined;
            if (credential.clientCertificate) tls.clientCertificate = credential.clientCertificate;
            renewal.expiresAt = credential.expiresAt;
          })
          .finally(() => (running = undefined))),
    };
    endpoint.renewal = renewal;
    await renewal.renew();
  }
  return endpoint;
}

/** The `client.authentication.k8s.io/exec` extension of a cluster: what provideClusterInfo hands the plugin as config. */
function execExtension(extensions: unknown): unknown {
  if (!Array.isArray(extensions)) return undefined;
  const entry = extensions.find(
    (item): item is { extension?: unknown } =>
      typeof item === 'object' &&
      item !== null &&
      (item as { name?: unknown }).name === 'client.authentication.k8s.io/exec',
  );
  return entry?.extension;
}

/** A PEM from `<field>-data` (base64) or `<field>` (a file). */
async function readPem(from: Record<string, unknown>, field: string, base: string): Promise<string | undefined> {
  const data = from[`${field}-data`];
  if (typeof data === 'string' && data) return Buffer.from(data, 'base64').toString('utf8');
  const file = from[field];
  if (typeof file !== 'string' || !file) return undefined;
  return fs.readFile(path.resolve(base, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`The kubeconfig's ${field} ${file} cannot be read (${error.code ?? error.message}).`);
  });
}

interface ExecConfig {
  apiVersion?: string;
  command?: string;
  args?: string[];
  env?: { name: string; value: string }[] | null;
  interactiveMode?: string;
  provideClusterInfo?: boolean;
}

/**
 * A client-go credential plugin (`aws eks get-token`, `gke-gcloud-auth-plugin`, `kubelogin`...), run as kubectl runs
 * it: KUBERNETES_EXEC_INFO says we are not interactive; its ExecCredential gives a token or a client certificate.
 */
async function runExecPlugin(
  exec: ExecConfig & { command: string },
  endpoint: ApiEndpoint,
  clusterConfig: unknown,
  base: string,
): Promise<{ token?: string; clientCertificate?: ClientCertificate; expiresAt?: number }> {
  const apiVersion = exec.apiVersion as string;
  const spec: Record<string, unknown> = { interactive: false };
  if (exec.provideClusterInfo) {
    spec.cluster = {
      server: endpoint.server.href.replace(/\/$/, ''),
      ...(endpoint.tls.ca ? { 'certificate-authority-data': Buffer.from(endpoint.tls.ca).toString('base64') } : {}),
      ...(endpoint.tls.servername ? { 'tls-server-name': endpoint.tls.servername } : {}),
      ...(endpoint.tls.rejectUnauthorized === false ? { 'insecure-skip-tls-verify': true } : {}),
      ...(clusterConfig !== undefined ? { config: clusterConfig } : {}),
    };
  }
  const info = JSON.stringify({ apiVersion, kind: 'ExecCredential', spec });
  // A command with a slash is a path relative to the kubeconfig; a bare name is looked up on PATH.
  const command = exec.command.includes('/') ? path.resolve(base, exec.command) : exec.command;
  const env = Object.fromEntries((exec.env ?? []).map((variable) => [variable.name, variable.value]));
  const result = await execTool(command, exec.args ?? [], {
    env: { ...env, KUBERNETES_EXEC_INFO: info },
    silent: true,
    allowFailure: true,
    timeoutMs: EXEC_TIMEOUT_MS,
    // Run again for a fresh token, the plugin prints the one it gave before: masked by then, it must be read as is.
    unredactedStdout: true,
  }).catch((error: NodeJS.ErrnoException) => ({ exitCode: -1, stdout: '', stderr: error.code ?? error.message }));
  const failed = (reason: string) =>
    new UserError(`The kubeconfig's exec plugin ${exec.command} ${reason}; kubectl would fail the same way.`);
  if (result.exitCode !== 0) throw failed(`failed: ${lastLines(redact(result.stderr || result.stdout), 3)}`);
  let status:
    | { token?: unknown; clientCertificateData?: unknown; clientKeyData?: unknown; expirationTimestamp?: unknown }
    | undefined;
  try {
    status = (JSON.parse(result.stdout) as { status?: typeof status }).status;
  } catch {
    throw failed('printed no ExecCredential JSON');
  }
  const token = typeof status?.token === 'string' && status.token ? status.token : undefined;
  const cert = typeof status?.clientCertificateData === 'string' ? status.clientCertificateData : undefined;
  const key = typeof status?.clientKeyData === 'string' ? status.clientKeyData : undefined;
  if (!token && !(cert && key)) throw failed('gave neither a token nor a client certificate');
  if (token) registerSecret(token);
  if (key) for (const line of key.split(/\r?\n/)) if (line.trim() && !line.startsWith('-----')) registerSecret(line);
  const expiresAt = typeof status?.expirationTimestamp === 'string' ? Date.parse(status.expirationTimestamp) : NaN;
  return {
    token,
    clientCertificate: cert && key ? { cert, key } : undefined,
    expiresAt: Number.isNaN(expiresAt) ? undefined : expiresAt,
  };
}
