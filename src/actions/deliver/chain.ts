// The chains deliver runs, as data: which steps, and which step inputs the chain sets itself instead of the user.
// It imports nothing, so that scripts/generate-docs.mjs can read it (scripts/lib/import-ts.mjs) to write the root
// action.yml's inputs: every step input not fixed here is one of deliver's inputs, under its vocabulary name.

type StepOutput = readonly [step: string, output: string];

/** A step input the chain sets: a fixed value, or an output of an earlier step (empty when `unless` is set). */
export type FixedInput = ({ value: string } | { from: StepOutput; unless?: StepOutput }) & {
  /** Why the user cannot set it. */
  reason: string;
};

const PUSHED_IMAGE: FixedInput = {
  from: ['build-multistage', 'image-ref'],
  reason: 'every step after the build uses the pushed image by digest, never a tag',
};

/** Step inputs deliver sets itself, by step. */
export const FIXED_INPUTS: Readonly<Record<string, Readonly<Record<string, FixedInput>>>> = {
  'build-multistage': {
    push: { value: 'true', reason: 'the chain scans, signs and delivers the digest the registry serves' },
  },
  'trivy-scan': {
    'image-ref': PUSHED_IMAGE,
    'allow-tag': { value: 'false', reason: 'the scan reads the pushed digest' },
    'fail-build': { value: 'true', reason: 'a failed gate must stop the delivery before the hand-off' },
  },
  'cosign-sign': {
    'image-ref': PUSHED_IMAGE,
    provenance: {
      from: ['build-multistage', 'provenance'],
      reason: "the build's SLSA provenance predicate of the digest",
    },
    verify: { value: 'true', reason: 'nothing is delivered unless the signature verifies' },
  },
  'kubectl-apply': { 'image-refs': PUSHED_IMAGE },
  'open-gitops-pr': {
    'image-ref': PUSHED_IMAGE,
    revert: { value: '', reason: 'the hand-off bumps; with revert-on-failure, deliver reverts it itself' },
  },
  'wait-for-sync': {
    'image-ref': { ...PUSHED_IMAGE, reason: 'the wait ends when the pushed digest runs' },
    revision: {
      from: ['open-gitops-pr', 'revision'],
      reason: 'the commit the hand-off put on the base (published by push, or already there)',
    },
    'pull-request': {
      from: ['open-gitops-pr', 'pull-request-number'],
      unless: ['open-gitops-pr', 'revision'],
      reason: "the hand-off's pull request, whose merge commit is awaited",
    },
  },
};

/**
 * With revert-on-failure (pull mode), a wait that ends degraded or failed is followed by these steps: the hand-off
 * commit reverted the GitOps way, then a wait for the revert. Every input not fixed here is the user's, as for the
 * hand-off and the wait.
 */
export const REVERT_STEPS: readonly { name: string; fixed: Readonly<Record<string, FixedInput>> }[] = [
  {
    name: 'open-gitops-pr',
    fixed: {
      'image-ref': { ...PUSHED_IMAGE, reason: "names the change target: the revert updates the hand-off's branch" },
      revert: { from: ['wait-for-sync', 'revision'], reason: 'the commit the agent ran and that failed' },
    },
  },
  {
    name: 'wait-for-sync',
    fixed: {
      'image-ref': { value: '', reason: 'the image the revert restores is whatever ran before' },
      revision: { from: ['open-gitops-pr', 'revision'], reason: 'the revert, once on the base' },
      'pull-request': {
        from: ['open-gitops-pr', 'pull-request-number'],
        unless: ['open-gitops-pr', 'revision'],
        reason: "the revert's pull request, whose merge commit is awaited",
      },
    },
  },
];

/** The wait statuses that a revert answers: the agent ran the commit and it does not work. */
export const REVERTED_STATUSES: readonly string[] = ['degraded', 'failed'];

/**
 * Steps that run only when one of their inputs is set: the wait runs when an agent is named (sync-agent).
 */
export const OPTIONAL_STEPS: Readonly<Record<string, string>> = { 'wait-for-sync': 'agent' };

/** The steps of each delivery mode, in order. */
export const CHAIN_STEPS = {
  push: ['build-multistage', 'trivy-scan', 'cosign-sign', 'kubectl-apply'],
  pull: ['build-multistage', 'trivy-scan', 'cosign-sign', 'open-gitops-pr', 'wait-for-sync'],
} as const;
