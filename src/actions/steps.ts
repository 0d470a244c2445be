import type { InputReader } from '../core/inputs.js';
import type { OutputSink } from '../core/outputs.js';
import { readBuildMultistageSettings } from './build-multistage/settings.js';
import { readBumpManifestSettings } from './bump-manifest/settings.js';
import { readCosignSignSettings } from './cosign-sign/settings.js';
import { readTrivyScanSettings } from './trivy-scan/settings.js';

/** Where a step runs when no GitHub runner hosts it: the CLI, or the deliver action chaining steps. */
export interface StepHost {
  workspace: string;
  env: NodeJS.ProcessEnv;
}

/** One action as a function of its inputs: reads its settings, runs it, reports through `setOutput`. */
export type Step = (inputs: InputReader, setOutput: OutputSink, host: StepHost) => Promise<void>;

// Each run module is imported only when its step runs, so a bad input fails before heavy code loads.
export const STEPS = {
  'build-multistage': async (inputs, setOutput, host) => {
    const settings = readBuildMultistageSettings(inputs, host.workspace);
    const { buildMultistage } = await import('./build-multistage/run.js');
    await buildMultistage(settings, setOutput);
  },
  'trivy-scan': async (inputs, setOutput, host) => {
    const settings = readTrivyScanSettings(inputs, host.workspace);
    const { trivyScan } = await import('./trivy-scan/run.js');
    await trivyScan(settings, setOutput);
  },
  'cosign-sign': async (inputs, setOutput, host) => {
    const settings = readCosignSignSettings(inputs, host.env);
    const { cosignSign } = await import('./cosign-sign/run.js');
    await cosignSign(settings, setOutput);
  },
  'bump-manifest': async (inputs, setOutput, host) => {
    const settings = readBumpManifestSettings(inputs, host.workspace);
    const { bumpManifest } = await import('./bump-manifest/run.js');
    await bumpManifest(settings, setOutput);
  },
} satisfies Record<string, Step>;

export type StepName = keyof typeof STEPS;

export function isStepName(name: string): name is StepName {
  return Object.hasOwn(STEPS, name);
}
