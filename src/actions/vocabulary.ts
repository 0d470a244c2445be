// The project's one vocabulary: how a step's own input and output names appear in the root action (`deliver`), in the
// reusable workflows and as workflow secrets. deliver feeds its steps by it, docs/vocabulary.md and the root action's
// inputs are generated from it, and test/repo/vocabulary.test.ts checks every action.yml, the root action.yml and the
// reusable workflows against it. It imports nothing, so that the scripts can load it (scripts/lib/import-ts.mjs).
//
// The rule: a step's name keeps its spelling everywhere. In the root action and the workflows it takes the step's
// prefix (scan-severity, gitops-token), unless it is one of the shared names below, or already begins with a word
// that places it in one step (build-args, pull-request-labels, helm-values, kubectl-version, argocd-server). A secret
// is the root name in upper case with underscores (gitops-token -> GITOPS_TOKEN).

/** The prefix of each step in the root action and the reusable workflows. */
export const STEP_PREFIXES: Record<string, string> = {
  'build-multistage': 'build',
  'trivy-scan': 'scan',
  'cosign-sign': 'sign',
  'bump-manifest': 'bump',
  'open-gitops-pr': 'gitops',
  'kubectl-apply': 'apply',
  'wait-for-sync': 'sync',
};

/** One meaning in every action that has them, and the same name in the root action and the workflows. */
export const SHARED_NAMES: Record<string, string> = {
  image: 'the image repository, without tag or digest (ghcr.io/acme/api)',
  'image-ref': 'one image reference with a tag and/or a digest (ghcr.io/acme/api@sha256:...)',
  'image-refs': 'image references, one per line',
  digest: 'the manifest digest (sha256:...) the registry serves',
  manifests: 'the manifest files, folders, kustomizations, charts or globs a step reads or edits',
  'working-directory': 'the folder relative paths are resolved against',
  'github-api-url': 'the GitHub REST API URL (https://HOST/api/v3 on GitHub Enterprise Server)',
};

/**
 * Names several steps share that mean one step's thing: wait-for-sync's repository and token are the GitOps
 * repository and token of open-gitops-pr, and bump-manifest's pin, image-policy and image-keys are the bump that
 * open-gitops-pr commits, so they take its prefix.
 */
export const OWNED_BY: Record<string, string> = {
  repository: 'open-gitops-pr',
  token: 'open-gitops-pr',
  pin: 'open-gitops-pr',
  'image-policy': 'open-gitops-pr',
  'image-keys': 'open-gitops-pr',
};

/**
 * Names several steps use for the same kind of thing with a value of their own: kubectl-apply's kubeconfig may write,
 * wait-for-sync's only reads, so each keeps its step prefix in the root action (apply-kubeconfig, sync-kubeconfig).
 */
export const PER_STEP_NAMES: Record<string, string> = {
  kubeconfig: "a kubeconfig (its contents) for the step's cluster access",
  'kube-context': 'the kubeconfig context to use',
  timeout: 'how long the step may wait (90s, 5m, 1h30m)',
};

/**
 * Leading words, besides the step's own prefix, that already place a name in one step; such a name is not prefixed
 * again. A name never starts with another step's prefix.
 */
export const PLACING_WORDS: readonly string[] = [
  'pull-request',
  'signature',
  'helm',
  'kubectl',
  'trivy',
  'cosign',
  'argocd',
  'flux',
];

/** Names no action may use: a step's name beginning with another step's prefix reads as that step's. */
export function misplacedPrefix(step: string, name: string): string | undefined {
  return Object.entries(STEP_PREFIXES).find(([other, prefix]) => other !== step && name.startsWith(`${prefix}-`))?.[1];
}

/** Names no action may use: each says something different in different places, or has a clearer spelling here. */
export const RETIRED_NAMES: Record<string, string> = {
  mode: 'say what the mode chooses: delivery-mode (deliver), method (cosign-sign), publish-method (open-gitops-pr)',
  file: 'the Dockerfile is "dockerfile"',
  key: 'a signing key is "private-key"',
  password: 'the signing key password is "private-key-password"',
  version: 'a tool version is "<tool>-version" (trivy-version, cosign-version, kubectl-version)',
  'version-sha256': 'a tool checksum is "<tool>-sha256"',
  paths: 'files and folders of manifests are "manifests"',
  images: 'a list of image references is "image-refs"',
  trivyignores: 'ignore files are "ignore-files"',
  'manifests-paths': 'manifests are "manifests"',
  'manifests-repository': 'the GitOps repository is "repository" (gitops-repository in the root action)',
  'manifests-base': 'the GitOps base branch is "base" (gitops-base in the root action)',
  'manifests-ref': 'the GitOps base branch is "base" (gitops-base in the root action)',
};

/**
 * Names that only the root action or the reusable workflows have: they choose between chains or configure jobs, and
 * no single action reads them.
 */
export const ROOT_ONLY_NAMES: Record<string, string> = {
  'delivery-mode': 'push (CI applies to the cluster) or pull (CI opens the GitOps pull request)',
  environment: 'the GitHub environment of the job that delivers',
  'runs-on': 'the runner labels of every job',
  'upload-sarif': 'upload the scan findings to code scanning',
  'environment-url': 'the URL shown on the GitHub deployment',
  'revert-on-failure': 'when the wait fails, revert the hand-off commit the GitOps way and wait for the revert',
  deployed: 'the delivered commit runs and is healthy',
  'registry-username': 'the registry user',
  'registry-password': 'the registry password or token',
};

/** Step inputs that carry a secret: workflows take them as secrets (secretName), never as inputs. */
export const SECRET_INPUTS: Record<string, readonly string[]> = {
  'build-multistage': ['secrets'],
  'cosign-sign': ['private-key', 'private-key-password'],
  'open-gitops-pr': ['token'],
  'kubectl-apply': ['kubeconfig'],
  'wait-for-sync': ['token', 'argocd-token', 'kubeconfig'],
};

/** The name a step's input or output has in the root action and the reusable workflows. */
export function rootName(step: string, name: string): string {
  if (Object.hasOwn(SHARED_NAMES, name)) return name;
  const owner = Object.hasOwn(OWNED_BY, name) ? OWNED_BY[name] : step;
  const prefix = STEP_PREFIXES[owner];
  if (prefix === undefined) throw new Error(`No prefix for step ${owner}`);
  if ([prefix, ...PLACING_WORDS].some((word) => name.startsWith(`${word}-`))) return name;
  return `${prefix}-${name}`;
}

/** The workflow secret that carries a root input: gitops-token -> GITOPS_TOKEN. */
export function secretName(rootInputName: string): string {
  return rootInputName.toUpperCase().replaceAll('-', '_');
}
