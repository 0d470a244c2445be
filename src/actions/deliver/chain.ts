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
 * Steps that run only when one of their inputs is set: the wait runs when an agent is named (sync-agent).
 */
export const OPTIONAL_STEPS: Readonly<Record<string, string>> = { 'wait-for-sync': 'agent' };

/** The steps of each delivery mode, in order. */
export const CHAIN_STEPS = {
  push: ['build-multistage', 'trivy-scan', 'cosign-sign', 'kubectl-apply'],
  pull: ['build-multistage', 'trivy-scan', 'cosign-sign', 'open-gitops-pr', 'wait-for-sync'],
} as const;
