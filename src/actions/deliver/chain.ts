// The chains deliver runs, as data: which steps, and which step inputs the chain sets itself instead of the user.
// It imports nothing, so that scripts/generate-docs.mjs can read it (scripts/lib/import-ts.mjs) to write the root
// action.yml's inputs: every step input not fixed here is one of deliver's inputs, under its vocabulary name.

/** A step input the chain sets: a fixed value, or an output of an earlier step. */
export type FixedInput = ({ value: string } | { from: readonly [step: string, output: string] }) & {
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
  'open-gitops-pr': { 'image-ref': PUSHED_IMAGE },
};

/** The steps of each delivery mode, in order. */
export const CHAIN_STEPS = {
  push: ['build-multistage', 'trivy-scan', 'cosign-sign', 'kubectl-apply'],
  pull: ['build-multistage', 'trivy-scan', 'cosign-sign', 'open-gitops-pr'],
} as const;
