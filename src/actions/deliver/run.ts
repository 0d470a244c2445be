import * as core from '@actions/core';
import { UserError } from '../../core/errors.js';
import type { InputSource } from '../../core/inputs.js';
import { actionOutputs, type OutputSink } from '../../core/outputs.js';
import { checkStep, runStep, type StepHost, type StepName } from '../steps.js';
import { type DeliverSettings, DIGEST_PLACEHOLDER, INPUTS, OUTPUTS, stepInputs } from './settings.js';

// Which step output becomes which output of deliver.
const PUBLISHED: Partial<Record<StepName, Record<string, string>>> = {
  'build-multistage': { digest: OUTPUTS.digest, 'image-ref': OUTPUTS.imageRef },
  'trivy-scan': { counts: OUTPUTS.scanCounts },
  'cosign-sign': { 'signature-ref': OUTPUTS.signatureRef, 'verify-command': OUTPUTS.verifyCommand },
  'kubectl-apply': { status: OUTPUTS.status, applied: OUTPUTS.applied },
  'open-gitops-pr': {
    'pull-request-url': OUTPUTS.pullRequestUrl,
    'pull-request-number': OUTPUTS.pullRequestNumber,
    operation: OUTPUTS.operation,
  },
};

/**
 * Runs the whole chain in this process: build, scan, sign, then apply (push) or the GitOps pull request (pull).
 * Every step's inputs are checked before the build starts; each later step gets the image by digest only, and a
 * failing scan gate or signature verification stops the chain before the hand-off.
 */
export async function deliver(
  settings: DeliverSettings,
  inputs: InputSource,
  host: StepHost,
  setOutput: OutputSink = actionOutputs,
): Promise<void> {
  const placeholder = `${inputs(INPUTS.image)}@${DIGEST_PLACEHOLDER}`;
  for (const step of settings.chain) await checkStep(step.name, stepInputs(step, inputs, placeholder), host);

  let imageRef = placeholder;
  for (const step of settings.chain) {
    core.startGroup(`deliver (${settings.mode}): ${step.name}`);
    const outputs = new Map<string, string>();
    try {
      await runStep(step.name, stepInputs(step, inputs, imageRef), (name, value) => outputs.set(name, value), host);
    } finally {
      core.endGroup();
      // Also when the step fails: a failed gate's counts and a rolled-back apply's status are what users look at.
      for (const [from, to] of Object.entries(PUBLISHED[step.name] ?? {})) {
        if (outputs.has(from)) setOutput(to, outputs.get(from) as string);
      }
    }
    if (step.name === 'build-multistage') imageRef = pushedImageRef(outputs);
  }
}

function pushedImageRef(outputs: Map<string, string>): string {
  const imageRef = outputs.get('image-ref');
  if (!imageRef) throw new UserError('The build pushed no digest, so nothing can be scanned, signed or delivered.');
  return imageRef;
}
