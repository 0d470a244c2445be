import { parseDuration } from '../../core/duration.js';
import { UserError } from '../../core/errors.js';
import type { ApplicationName, ArgoCdConnection } from '../../core/gitops-agent/argocd-api.js';
import { isCommitSha } from '../../core/gitops-agent/revision.js';
import { readGitHubApiUrl } from '../../core/github/api-url.js';
import { parseRepositoryName, type RepositoryName } from '../../core/github/repository.js';
import { ImageRef } from '../../core/image-ref.js';
import type { InputReader } from '../../core/inputs.js';
import { registerSecret } from '../../core/secrets.js';
import type { SettingsHost } from '../host.js';

export const INPUTS = {
  revision: 'revision',
  pullRequest: 'pull-request',
  repository: 'repository',
  token: 'token',
  githubApiUrl: 'github-api-url',
  imageRef: 'image-ref',
  agent: 'agent',
  argocdServer: 'argocd-server',
  argocdToken: 'argocd-token',
  argocdApplication: 'argocd-application',
  argocdAppNamespace: 'argocd-app-namespace',
  argocdProject: 'argocd-project',
  argocdCaCert: 'argocd-ca-cert',
  argocdInsecure: 'argocd-insecure',
  kubeconfig: 'kubeconfig',
  kubeContext: 'kube-context',
  fluxKustomization: 'flux-kustomization',
  fluxHelmRelease: 'flux-helm-release',
  timeout: 'timeout',
  pollInterval: 'poll-interval',
  refresh: 'refresh',
} as const;

export const OUTPUTS = {
  status: 'status',
  revision: 'revision',
  health: 'health',
  message: 'message',
  mergedAt: 'merged-at',
  syncedAt: 'synced-at',
  leadTimeSeconds: 'lead-time-seconds',
  previousRevision: 'previous-revision',
} as const;

export const AGENTS = ['argocd', 'flux'] as const;
export type AgentName = (typeof AGENTS)[number];

export const DEFAULT_TIMEOUT = '10m';
export const DEFAULT_POLL_INTERVAL = '5s';
/** Where Argo CD keeps its Application objects unless told otherwise. */
export const DEFAULT_ARGOCD_NAMESPACE = 'argocd';

/** The commit to wait for: given, or the merge commit of a pull request once it is merged. */
export type AwaitedCommit = { revision: string } | { pullRequest: number };

/** Where the agent's status is read. */
export type AgentTarget =
  | { kind: 'argocd-api'; connection: ArgoCdConnection; application: ApplicationName }
  | { kind: 'argocd-kubernetes'; namespace: string; name: string; project?: string }
  | { kind: 'flux-kustomization'; namespace: string; name: string }
  | { kind: 'flux-helm-release'; namespace: string; name: string };

export interface WaitForSyncSettings {
  awaited: AwaitedCommit;
  /** The manifests repository on GitHub. */
  repository?: RepositoryName;
  /** Reads the pull request, compares commits and reads commit times; undefined: none of those is asked. */
  token?: string;
  apiUrl: string;
  image?: ImageRef;
  target: AgentTarget;
  /** Kubeconfig content; undefined: KUBECONFIG or ~/.kube/config (Kubernetes targets only). */
  kubeconfig?: string;
  kubeContext?: string;
  timeoutSeconds: number;
  pollSeconds: number;
  refresh: boolean;
  /** The application commit this run delivers (GITHUB_SHA of GITHUB_REPOSITORY), for the lead time. */
  sourceCommit?: { repository: RepositoryName; sha: string };
}

export function readWaitForSyncSettings(inputs: InputReader, { env, context }: SettingsHost): WaitForSyncSettings {
  const token = inputs.optional(INPUTS.token);
  registerSecret(token);
  const awaited = readAwaitedCommit(inputs);
  const repositoryText = inputs.string(INPUTS.repository, context.repository ?? '');
  if ('pullRequest' in awaited && !repositoryText) {
    throw new UserError(
      `Input "${INPUTS.repository}" is required with "${INPUTS.pullRequest}" outside GitHub Actions.`,
    );
  }
  if ('pullRequest' in awaited && !token) {
    throw new UserError(`Input "${INPUTS.token}" is required with "${INPUTS.pullRequest}": it reads the pull request.`);
  }
  const agent = inputs.choice<AgentName | ''>(INPUTS.agent, AGENTS, '');
  if (!agent) throw new UserError(`Input "${INPUTS.agent}" is required: argocd or flux.`);
  const target = agent === 'argocd' ? readArgoCdTarget(inputs) : readFluxTarget(inputs);
  const pollSeconds = parseDuration(inputs.string(INPUTS.pollInterval, DEFAULT_POLL_INTERVAL), INPUTS.pollInterval);
  const { repository, sha } = context;
  return {
    awaited,
    repository: repositoryText ? parseRepositoryName(repositoryText, INPUTS.repository) : undefined,
    token,
    apiUrl: readGitHubApiUrl(inputs, INPUTS.githubApiUrl, env),
    image: readImage(inputs),
    target,
    kubeconfig: target.kind === 'argocd-api' ? undefined : inputs.optional(INPUTS.kubeconfig),
    kubeContext: target.kind === 'argocd-api' ? undefined : inputs.optional(INPUTS.kubeContext),
    timeoutSeconds: parseDuration(inputs.string(INPUTS.timeout, DEFAULT_TIMEOUT), INPUTS.timeout),
    pollSeconds,
    refresh: inputs.boolean(INPUTS.refresh, false),
    sourceCommit:
      repository && sha && isCommitSha(sha)
        ? { repository: parseRepositoryName(repository, 'GITHUB_REPOSITORY'), sha }
        : undefined,
  };
}

function readAwaitedCommit(inputs: InputReader): AwaitedCommit {
  const revision = inputs.optional(INPUTS.revision);
  const pullRequest = inputs.optional(INPUTS.pullRequest);
  if (revision && pullRequest) {
    throw new UserError(`Inputs "${INPUTS.revision}" and "${INPUTS.pullRequest}" exclude each other: give one.`);
  }
  if (pullRequest) return { pullRequest: inputs.integer(INPUTS.pullRequest, 0) };
  if (!revision) {
    throw new UserError(
      `Input "${INPUTS.revision}" (a commit SHA of the manifests repository) or "${INPUTS.pullRequest}" is required.`,
    );
  }
  const sha = revision.toLowerCase();
  if (!isCommitSha(sha)) {
    throw new UserError(`Input "${INPUTS.revision}" must be a full commit SHA (40 hex digits), got "${revision}".`);
  }
  return { revision: sha };
}

function readImage(inputs: InputReader): ImageRef | undefined {
  const text = inputs.optional(INPUTS.imageRef);
  if (!text) return undefined;
  const image = ImageRef.parse(text, INPUTS.imageRef);
  if (!image.digest) {
    throw new UserError(`Input "${INPUTS.imageRef}" must name a digest (repo@sha256:...), got "${text}".`);
  }
  return image;
}

function readArgoCdTarget(inputs: InputReader): AgentTarget {
  refuseInputs(inputs, [INPUTS.fluxKustomization, INPUTS.fluxHelmRelease], 'agent: flux');
  const name = inputs.optional(INPUTS.argocdApplication);
  if (!name) throw new UserError(`Input "${INPUTS.argocdApplication}" is required with agent: argocd.`);
  checkName(name, INPUTS.argocdApplication);
  const appNamespace = inputs.optional(INPUTS.argocdAppNamespace);
  if (appNamespace) checkName(appNamespace, INPUTS.argocdAppNamespace);
  const project = inputs.optional(INPUTS.argocdProject);
  const server = inputs.optional(INPUTS.argocdServer);
  if (!server) {
    refuseInputs(inputs, [INPUTS.argocdToken, INPUTS.argocdCaCert], `"${INPUTS.argocdServer}"`);
    return { kind: 'argocd-kubernetes', namespace: appNamespace ?? DEFAULT_ARGOCD_NAMESPACE, name, project };
  }
  const token = inputs.optional(INPUTS.argocdToken);
  registerSecret(token);
  if (!token) throw new UserError(`Input "${INPUTS.argocdToken}" is required with "${INPUTS.argocdServer}".`);
  refuseInputs(inputs, [INPUTS.kubeconfig, INPUTS.kubeContext], 'agent: argocd without "argocd-server"');
  const caCert = inputs.optional(INPUTS.argocdCaCert);
  if (caCert && !/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(caCert)) {
    throw new UserError(`Input "${INPUTS.argocdCaCert}" must be PEM (-----BEGIN CERTIFICATE----- ...).`);
  }
  return {
    kind: 'argocd-api',
    connection: {
      server: readServerUrl(server),
      token,
      caCert,
      insecure: inputs.boolean(INPUTS.argocdInsecure, false),
    },
    application: { name, appNamespace, project },
  };
}

function readFluxTarget(inputs: InputReader): AgentTarget {
  refuseInputs(
    inputs,
    [
      INPUTS.argocdServer,
      INPUTS.argocdToken,
      INPUTS.argocdApplication,
      INPUTS.argocdAppNamespace,
      INPUTS.argocdProject,
      INPUTS.argocdCaCert,
    ],
    'agent: argocd',
  );
  const kustomization = inputs.optional(INPUTS.fluxKustomization);
  const release = inputs.optional(INPUTS.fluxHelmRelease);
  if (kustomization && release) {
    throw new UserError(`Inputs "${INPUTS.fluxKustomization}" and "${INPUTS.fluxHelmRelease}" exclude each other.`);
  }
  if (kustomization) return { kind: 'flux-kustomization', ...namespacedName(kustomization, INPUTS.fluxKustomization) };
  if (release) return { kind: 'flux-helm-release', ...namespacedName(release, INPUTS.fluxHelmRelease) };
  throw new UserError(
    `Agent flux needs "${INPUTS.fluxKustomization}" or "${INPUTS.fluxHelmRelease}" (namespace/name).`,
  );
}

const DNS_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

function namespacedName(text: string, input: string): { namespace: string; name: string } {
  const [namespace, name, extra] = text.split('/');
  if (!namespace || !name || extra !== undefined) {
    throw new UserError(`Input "${input}" must be namespace/name, e.g. flux-system/apps, got "${text}".`);
  }
  checkName(namespace, input);
  checkName(name, input);
  return { namespace, name };
}

function checkName(name: string, input: string): void {
  if (!DNS_NAME.test(name)) {
    throw new UserError(
      `Input "${input}" must be a Kubernetes name (lowercase letters, digits, '-', '.'), got "${name}".`,
    );
  }
}

function readServerUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(
      `Input "${INPUTS.argocdServer}" must be a URL such as https://argocd.example.com, got "${text}".`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`Input "${INPUTS.argocdServer}" must be an http(s) URL, got "${text}".`);
  }
  return text.replace(/\/+$/, '');
}

/** Inputs that belong to another way of reading the agent are a mistake worth naming, not something to ignore. */
function refuseInputs(inputs: InputReader, names: readonly string[], belongsTo: string): void {
  const given = names.find((name) => inputs.optional(name) !== undefined);
  if (given) throw new UserError(`Input "${given}" is only for ${belongsTo}; remove it or change "${INPUTS.agent}".`);
}
