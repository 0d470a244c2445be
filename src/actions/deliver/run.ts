import * as core from '@actions/core';
import { isUserError, UserError } from '../../core/errors.js';
import type { InputSource } from '../../core/inputs.js';
import { actionOutputs, type OutputSink } from '../../core/outputs.js';
import { checkStep, runStep, STEPS, type StepHost, type StepName } from '../steps.js';
import { rootName } from '../vocabulary.js';
import {
  type ChainOutputs,
  type ChainStep,
  type DeliverSettings,
  inUserNames,
  placeholderOutputs,
  stepInputs,
} from './settings.js';

/**
 * Runs the whole chain in this process: build, scan, sign, then apply (push) or the GitOps pull request (pull).
 * Every step's inputs are checked before the build starts; each later step gets the image by digest only, and a
 * failing scan gate or signature verification stops the chain before the hand-off. Every output of every step is
 * published under its name in the vocabulary (scan-counts, gitops-commit-sha).
 */
export async function deliver(
  settings: DeliverSettings,
  inputs: InputSource,
  host: StepHost,
  setOutput: OutputSink = actionOutputs,
): Promise<void> {
  const placeholders = placeholderOutputs(inputs);
  for (const step of settings.chain) {
    await inStepNames(step, () => checkStep(step.name, stepInputs(step, inputs, placeholders), host));
  }

  const outputs = new Map<StepName, Map<string, string>>();
  for (const step of settings.chain) {
    const stepOutputs = new Map<string, string>();
    outputs.set(step.name, stepOutputs);
    core.startGroup(`deliver (${settings.mode}): ${step.name}`);
    try {
      const record = (name: string, value: string) => {
        stepOutputs.set(name, value);
        // As soon as it is known: a failed gate's counts and a rolled-back apply's status are what users look at.
        setOutput(rootName(step.name, name), value);
      };
      await inStepNames(step, () =>
        runStep(step.name, stepInputs(step, inputs, outputs as ChainOutputs), record, host),
      );
    } finally {
      core.endGroup();
    }
    if (step.name === 'build-multistage' && !stepOutputs.get('image-ref')) {
      throw new UserError('The build pushed no digest, so nothing can be scanned, signed or delivered.');
    }
  }
}

/** Runs a step so that its user mistakes name deliver's inputs, as the user wrote them. */
async function inStepNames(step: ChainStep, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!isUserError(error)) throw error;
    throw new UserError(inUserNames(error.message, step.name, STEPS[step.name].inputs), error.location);
  }
}
