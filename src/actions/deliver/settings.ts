import { UserError } from '../../core/errors.js';
import type { InputReader, InputSource } from '../../core/inputs.js';
import type { StepName } from '../steps.js';

export const INPUTS = {
  mode: 'mode',
  image: 'image',
  context: 'context',
  dockerfile: 'dockerfile',
  target: 'target',
  buildArgs: 'build-args',
  buildSecrets: 'build-secrets',
  tags: 'tags',
  platforms: 'platforms',
  buildNetwork: 'build-network',
  buildReuse: 'build-reuse',
  scanSeverity: 'scan-severity',
  scanIgnoreUnfixed: 'scan-ignore-unfixed',
  scanIgnoreFiles: 'scan-ignore-files',
  sarifFile: 'sarif-file',
  signingMode: 'signing-mode',
  cosignPrivateKey: 'cosign-private-key',
  cosignPassword: 'cosign-password',
  cosignPublicKey: 'cosign-public-key',
  manifests: 'manifests',
  namespace: 'namespace',
  kubeconfig: 'kubeconfig',
  kubeContext: 'kube-context',
  manifestsRepository: 'manifests-repository',
  manifestsBase: 'manifests-base',
  manifestsPaths: 'manifests-paths',
  gitopsToken: 'gitops-token',
  pullRequestLabels: 'pull-request-labels',
  pullRequestReviewers: 'pull-request-reviewers',
} as const;

export const OUTPUTS = {
  digest: 'digest',
  imageRef: 'image-ref',
  scanCounts: 'scan-counts',
  signatureRef: 'signature-ref',
  verifyCommand: 'verify-command',
  status: 'status',
  applied: 'applied',
  pullRequestUrl: 'pull-request-url',
  pullRequestNumber: 'pull-request-number',
  operation: 'operation',
} as const;

export type DeliveryMode = 'push' | 'pull';

/** What a step input is fed from: one of deliver's inputs, a fixed value, or the pushed image by digest. */
type Feed = { input: string } | { value: string } | { imageRef: true };
const input = (name: string): Feed => ({ input: name });
const value = (text: string): Feed => ({ value: text });
const IMAGE_REF: Feed = { imageRef: true };

/** One step of the chain and how its inputs are fed; steps not listed get no value (their defaults). */
export interface ChainStep {
  name: StepName;
  feeds: Record<string, Feed>;
}

const BUILD: ChainStep = {
  name: 'build-multistage',
  feeds: {
    image: input(INPUTS.image),
    context: input(INPUTS.context),
    file: input(INPUTS.dockerfile),
    target: input(INPUTS.target),
    'build-args': input(INPUTS.buildArgs),
    secrets: input(INPUTS.buildSecrets),
    tags: input(INPUTS.tags),
    platforms: input(INPUTS.platforms),
    network: input(INPUTS.buildNetwork),
    reuse: input(INPUTS.buildReuse),
    push: value('true'),
  },
};
const SCAN: ChainStep = {
  name: 'trivy-scan',
  feeds: {
    'image-ref': IMAGE_REF,
    severity: input(INPUTS.scanSeverity),
    'ignore-unfixed': input(INPUTS.scanIgnoreUnfixed),
    trivyignores: input(INPUTS.scanIgnoreFiles),
    'sarif-file': input(INPUTS.sarifFile),
    'fail-build': value('true'),
  },
};
const SIGN: ChainStep = {
  name: 'cosign-sign',
  feeds: {
    'image-ref': IMAGE_REF,
    mode: input(INPUTS.signingMode),
    key: input(INPUTS.cosignPrivateKey),
    password: input(INPUTS.cosignPassword),
    'public-key': input(INPUTS.cosignPublicKey),
    verify: value('true'),
  },
};
const APPLY: ChainStep = {
  name: 'kubectl-apply',
  feeds: {
    manifests: input(INPUTS.manifests),
    namespace: input(INPUTS.namespace),
    kubeconfig: input(INPUTS.kubeconfig),
    context: input(INPUTS.kubeContext),
    images: IMAGE_REF,
  },
};
const HAND_OFF: ChainStep = {
  name: 'open-gitops-pr',
  feeds: {
    repository: input(INPUTS.manifestsRepository),
    base: input(INPUTS.manifestsBase),
    paths: input(INPUTS.manifestsPaths),
    token: input(INPUTS.gitopsToken),
    labels: input(INPUTS.pullRequestLabels),
    reviewers: input(INPUTS.pullRequestReviewers),
    image: IMAGE_REF,
  },
};

/** The chain for each mode: the hand-off runs only after the scan passed and the signature verified. */
export const CHAINS: Record<DeliveryMode, readonly ChainStep[]> = {
  push: [BUILD, SCAN, SIGN, APPLY],
  pull: [BUILD, SCAN, SIGN, HAND_OFF],
};

// Stands in for the digest while every step's inputs are checked before anything is built.
export const DIGEST_PLACEHOLDER = `sha256:${'0'.repeat(64)}`;

export interface DeliverSettings {
  mode: DeliveryMode;
  chain: readonly ChainStep[];
}

export function readDeliverSettings(inputs: InputReader): DeliverSettings {
  const mode = inputs.required(INPUTS.mode);
  if (mode !== 'push' && mode !== 'pull') {
    throw new UserError(
      `Input "${INPUTS.mode}" must be push (apply to the cluster) or pull (open a GitOps PR), got "${mode}".`,
    );
  }
  return { mode, chain: CHAINS[mode] };
}

/** The inputs one step sees: deliver's own inputs renamed, fixed values, and the image reference by digest. */
export function stepInputs(step: ChainStep, source: InputSource, imageRef: string): InputSource {
  return (name) => {
    const feed = step.feeds[name];
    if (feed === undefined) return '';
    if ('input' in feed) return source(feed.input);
    if ('value' in feed) return feed.value;
    return imageRef;
  };
}
