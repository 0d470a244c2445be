import { parseDuration } from '../../core/duration.js';
import { UserError } from '../../core/errors.js';
import { ImageRef } from '../../core/image-ref.js';
import type { InputReader } from '../../core/inputs.js';
import { RENDERER_CHOICES, type RendererChoice } from '../../core/kubernetes/renderers/choose-renderer.js';

export const INPUTS = {
  manifests: 'manifests',
  renderer: 'renderer',
  helmValues: 'helm-values',
  helmRelease: 'helm-release',
  namespace: 'namespace',
  createNamespace: 'create-namespace',
  kubeconfig: 'kubeconfig',
  kubeContext: 'kube-context',
  imageRefs: 'image-refs',
  serverSide: 'server-side',
  fieldManager: 'field-manager',
  forceConflicts: 'force-conflicts',
  prune: 'prune',
  applySet: 'apply-set',
  dryRunStrategy: 'dry-run-strategy',
  wait: 'wait',
  timeout: 'timeout',
  rollbackOnFailure: 'rollback-on-failure',
  kubectlVersion: 'kubectl-version',
  kubectlSha256: 'kubectl-sha256',
  workingDirectory: 'working-directory',
} as const;

export const OUTPUTS = {
  objects: 'objects',
  objectsJson: 'objects-json',
  status: 'status',
  rolledBack: 'rolled-back',
  diff: 'diff',
} as const;

/** Saved by the main step for the post step, which removes the kubeconfig whatever happened. */
export const STATE = {
  kubeconfigFile: 'kubectl-apply-kubeconfig-file',
} as const;

export const DRY_RUNS = ['none', 'server', 'client'] as const;
export type DryRun = (typeof DRY_RUNS)[number];

export const DEFAULT_FIELD_MANAGER = 'gitops-delivery-actions';
export const DEFAULT_TIMEOUT_SECONDS = 300;

export interface KubectlApplySettings {
  manifests: string[];
  renderer: RendererChoice;
  helmValues: string[];
  helmRelease?: string;
  namespace?: string;
  createNamespace: boolean;
  /** Kubeconfig content; undefined means use the runner's own (KUBECONFIG or ~/.kube/config). */
  kubeconfig?: string;
  context?: string;
  images: ImageRef[];
  serverSide: boolean;
  fieldManager: string;
  forceConflicts: boolean;
  /** Name of the set of objects this step owns; prune deletes only labelled objects of this set. */
  applySet?: string;
  prune: boolean;
  dryRun: DryRun;
  wait: boolean;
  timeoutSeconds: number;
  rollbackOnFailure: boolean;
  kubectlVersion?: string;
  kubectlSha256?: string;
  workingDirectory: string;
}

// A label value: at most 63 characters, alphanumeric at both ends, '-', '_' and '.' inside.
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function readKubectlApplySettings(inputs: InputReader, workspace: string): KubectlApplySettings {
  const manifests = inputs.list(INPUTS.manifests);
  if (manifests.length === 0) {
    throw new UserError(
      `Input "${INPUTS.manifests}" is required: name files, directories, a kustomization or a Helm chart.`,
    );
  }
  const namespace = inputs.optional(INPUTS.namespace);
  if (namespace !== undefined && !DNS_LABEL.test(namespace)) {
    throw new UserError(
      `Input "${INPUTS.namespace}" must be a DNS label (lowercase letters, digits, '-'), got "${namespace}".`,
    );
  }
  const applySet = inputs.optional(INPUTS.applySet);
  if (applySet !== undefined && !LABEL_VALUE.test(applySet)) {
    throw new UserError(
      `Input "${INPUTS.applySet}" must be a label value (1-63 letters, digits, '-', '_', '.'), got "${applySet}".`,
    );
  }
  const prune = inputs.boolean(INPUTS.prune, false);
  if (prune && !applySet) {
    throw new UserError(
      `Input "${INPUTS.prune}" needs "${INPUTS.applySet}": the name that scopes what prune may delete.`,
    );
  }
  const serverSide = inputs.boolean(INPUTS.serverSide, true);
  const dryRun = inputs.choice(INPUTS.dryRunStrategy, DRY_RUNS, 'none');
  const fieldManager = inputs.string(INPUTS.fieldManager, DEFAULT_FIELD_MANAGER);
  if (!/^[\w.:-]{1,128}$/.test(fieldManager)) {
    throw new UserError(
      `Input "${INPUTS.fieldManager}" must be 1-128 letters, digits, '.', ':', '_' or '-', got "${fieldManager}".`,
    );
  }
  return {
    manifests,
    renderer: inputs.choice(INPUTS.renderer, RENDERER_CHOICES, 'auto'),
    helmValues: inputs.list(INPUTS.helmValues),
    helmRelease: inputs.optional(INPUTS.helmRelease),
    namespace,
    createNamespace: inputs.boolean(INPUTS.createNamespace, false),
    kubeconfig: inputs.optional(INPUTS.kubeconfig),
    context: inputs.optional(INPUTS.kubeContext),
    images: readImages(inputs),
    serverSide,
    fieldManager,
    forceConflicts: inputs.boolean(INPUTS.forceConflicts, false),
    applySet,
    prune,
    dryRun,
    wait: inputs.boolean(INPUTS.wait, true),
    timeoutSeconds: parseDuration(inputs.string(INPUTS.timeout, '5m'), INPUTS.timeout),
    rollbackOnFailure: inputs.boolean(INPUTS.rollbackOnFailure, true),
    kubectlVersion: inputs.optional(INPUTS.kubectlVersion),
    kubectlSha256: inputs.optional(INPUTS.kubectlSha256),
    workingDirectory: inputs.path(INPUTS.workingDirectory, workspace),
  };
}

function readImages(inputs: InputReader): ImageRef[] {
  return inputs.list(INPUTS.imageRefs).map((text) => {
    const image = ImageRef.parse(text, `image in "${INPUTS.imageRefs}"`);
    if (!image.tag && !image.digest) {
      throw new UserError(
        `Image "${text}" in "${INPUTS.imageRefs}" must carry a tag or a digest, e.g. ${text}@sha256:...`,
      );
    }
    return image;
  });
}
