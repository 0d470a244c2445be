import { UserError } from '../../core/errors.js';
import type { InputReader, InputSource } from '../../core/inputs.js';
import type { StepName } from '../steps.js';
import { rootName } from '../vocabulary.js';
import { CHAIN_STEPS, FIXED_INPUTS, type FixedInput, OPTIONAL_STEPS, REVERT_STEPS } from './chain.js';

/** deliver's own inputs; every other input is a step's, under the name the vocabulary gives it (rootName). */
export const INPUTS = {
  deliveryMode: 'delivery-mode',
  image: 'image',
  revertOnFailure: 'revert-on-failure',
} as const;

export type DeliveryMode = 'push' | 'pull';
const DELIVERY_MODES: readonly DeliveryMode[] = ['push', 'pull'];

/** What the steps that already ran reported: step name -> output name -> value. */
export type ChainOutputs = ReadonlyMap<StepName, ReadonlyMap<string, string>>;

/** One step of the chain and the inputs it does not take from the user (./chain.ts). */
export interface ChainStep {
  name: StepName;
  fixed: Readonly<Record<string, FixedInput>>;
}

/** The chain for each mode: the hand-off runs only after the scan passed and the signature verified. */
export const CHAINS: Record<DeliveryMode, readonly ChainStep[]> = {
  push: CHAIN_STEPS.push.map((name) => ({ name, fixed: FIXED_INPUTS[name] ?? {} })),
  pull: CHAIN_STEPS.pull.map((name) => ({ name, fixed: FIXED_INPUTS[name] ?? {} })),
};

// Stands in for the digest while every step's inputs are checked before anything is built.
export const DIGEST_PLACEHOLDER = `sha256:${'0'.repeat(64)}`;

export interface DeliverSettings {
  mode: DeliveryMode;
  chain: readonly ChainStep[];
  /** Pull mode with a wait: the steps that revert the hand-off when the wait ends degraded or failed. */
  revert: readonly ChainStep[];
  /** deliver's inputs as the user wrote them, every step's under its root name. */
  inputs: InputSource;
}

/** The steps of a mode's chain that run: an optional step only when the input that enables it is set. */
function stepsThatRun(mode: DeliveryMode, inputs: InputReader): ChainStep[] {
  return CHAINS[mode].filter((step) => {
    const enabledBy = OPTIONAL_STEPS[step.name];
    return enabledBy === undefined || inputs.optional(rootName(step.name, enabledBy)) !== undefined;
  });
}

export function readDeliverSettings(inputs: InputReader): DeliverSettings {
  const mode = inputs.required(INPUTS.deliveryMode);
  if (!(DELIVERY_MODES as readonly string[]).includes(mode)) {
    throw new UserError(
      `Input "${INPUTS.deliveryMode}" must be push (apply to the cluster) or pull (open a GitOps PR), got "${mode}".`,
    );
  }
  // deliver hands on only a signed image: cosign-sign's verify-only (sign nothing) is no method here.
  const signMethod = rootName('cosign-sign', 'method');
  if (inputs.optional(signMethod) === 'verify-only') {
    throw new UserError(`Input "${signMethod}" must be keyless or key: deliver signs the image it delivers.`);
  }
  if (inputs.optional(signMethod) !== undefined) inputs.choice(signMethod, ['keyless', 'key'], 'keyless');
  const chain = stepsThatRun(mode as DeliveryMode, inputs);
  const waits = chain.some((step) => step.name === 'wait-for-sync');
  const revert = waits && inputs.boolean(INPUTS.revertOnFailure, true) ? (REVERT_STEPS as readonly ChainStep[]) : [];
  return { mode: mode as DeliveryMode, chain, revert, inputs: inputs.source };
}

/** The outputs the checks before the build pretend the steps reported: the image by a placeholder digest. */
export function placeholderOutputs(inputs: InputSource): ChainOutputs {
  const imageRef = `${inputs(INPUTS.image)}@${DIGEST_PLACEHOLDER}`;
  return new Map([
    ['build-multistage', new Map([['image-ref', imageRef]])],
    ['open-gitops-pr', new Map([['revision', '0'.repeat(40)]])],
  ]);
}

/** The inputs one step sees: deliver's inputs under the step's own names, and what the chain fixes. */
export function stepInputs(step: ChainStep, source: InputSource, outputs: ChainOutputs): InputSource {
  return (name) => {
    const fixedInput = step.fixed[name];
    if (!fixedInput) return source(rootName(step.name, name));
    if ('value' in fixedInput) return fixedInput.value;
    const read = ([fromStep, output]: readonly [string, string]) =>
      outputs.get(fromStep as StepName)?.get(output) ?? '';
    return fixedInput.unless && read(fixedInput.unless) ? '' : read(fixedInput.from);
  };
}

/**
 * A step's error in the names the user wrote: `Input "severity"` of trivy-scan becomes `Input "scan-severity"`.
 * Messages name inputs as `input "<name>"` (src/core/inputs.ts), so the rewrite is exact for the step's own names.
 */
export function inUserNames(message: string, step: StepName, stepInputNames: readonly string[]): string {
  if (stepInputNames.length === 0) return message;
  // Longest first, so that private-key-password is not read as private-key. A name counts where it stands quoted
  // ("token"), or as a setting to write (`set method: key`, `use pin: tag`, or opening the message), never inside a
  // longer word or in prose ("is not a kubeconfig: ...").
  const names = [...stepInputNames].sort((a, b) => b.length - a.length);
  const mention = new RegExp(
    `(?<=")(${names.join('|')})(?=")|(?<=^|\\b(?:set|use|for|with) )(${names.join('|')})(?=: )`,
    'g',
  );
  return message.replace(mention, (name) => rootName(step, name));
}
