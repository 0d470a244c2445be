import * as os from 'node:os';
import { InputReader, type InputSource } from '../core/inputs.js';
import type { OutputSink } from '../core/outputs.js';
import { INPUTS as BUILD_INPUTS, readBuildMultistageSettings } from './build-multistage/settings.js';
import { INPUTS as BUMP_INPUTS, readBumpManifestSettings } from './bump-manifest/settings.js';
import { INPUTS as SIGN_INPUTS, readCosignSignSettings } from './cosign-sign/settings.js';
import {
  INPUTS as APPLY_INPUTS,
  readKubectlApplySettings,
  STATE as KUBECTL_APPLY_STATE,
} from './kubectl-apply/settings.js';
import { INPUTS as GITOPS_INPUTS, readOpenGitopsPrSettings } from './open-gitops-pr/settings.js';
import { INPUTS as SCAN_INPUTS, readTrivyScanSettings } from './trivy-scan/settings.js';
import { INPUTS as SYNC_INPUTS, readWaitForSyncSettings } from './wait-for-sync/settings.js';

/** Where a step runs when no GitHub runner hosts it: the CLI, or the deliver action chaining steps in one process. */
export interface StepHost {
  workspace: string;
  env: NodeJS.ProcessEnv;
  tempDir: string;
}

export function processHost(): StepHost {
  const env = process.env;
  return { workspace: env.GITHUB_WORKSPACE ?? process.cwd(), env, tempDir: env.RUNNER_TEMP ?? os.tmpdir() };
}

/** One action as reading its settings (all validation), checks that need more than inputs, then running it. */
interface StepDefinition<Settings> {
  /** Every input the step reads, as its action.yml names them. */
  inputs: readonly string[];
  read(inputs: InputReader, host: StepHost): Settings;
  /** Checks a chain runs before its first step changes anything (files, credentials the settings only hold). */
  preflight?(settings: Settings, host: StepHost): Promise<void>;
  run(settings: Settings, setOutput: OutputSink, host: StepHost): Promise<void>;
}

const step = <Settings>(definition: StepDefinition<Settings>) => definition;

// Each run module is imported only when its step runs, so a bad input fails before heavy code loads.
export const STEPS = {
  'build-multistage': step({
    inputs: Object.values(BUILD_INPUTS),
    read: (inputs, host) => readBuildMultistageSettings(inputs, host.workspace),
    run: async (settings, setOutput) => {
      await (await import('./build-multistage/run.js')).buildMultistage(settings, setOutput);
    },
  }),
  'trivy-scan': step({
    inputs: Object.values(SCAN_INPUTS),
    read: (inputs, host) => readTrivyScanSettings(inputs, host.workspace),
    run: async (settings, setOutput) => {
      await (await import('./trivy-scan/run.js')).trivyScan(settings, setOutput);
    },
  }),
  'cosign-sign': step({
    inputs: Object.values(SIGN_INPUTS),
    read: (inputs, host) => readCosignSignSettings(inputs, host.env),
    run: async (settings, setOutput) => {
      await (await import('./cosign-sign/run.js')).cosignSign(settings, setOutput);
    },
  }),
  'bump-manifest': step({
    inputs: Object.values(BUMP_INPUTS),
    read: (inputs, host) => readBumpManifestSettings(inputs, host.workspace),
    run: async (settings, setOutput) => {
      await (await import('./bump-manifest/run.js')).bumpManifest(settings, setOutput);
    },
  }),
  'open-gitops-pr': step({
    inputs: Object.values(GITOPS_INPUTS),
    read: (inputs, host) => readOpenGitopsPrSettings(inputs, host.env),
    run: async (settings, setOutput) => {
      await (await import('./open-gitops-pr/run.js')).openGitopsPr(settings, setOutput);
    },
  }),
  'kubectl-apply': step({
    inputs: Object.values(APPLY_INPUTS),
    read: (inputs, host) => readKubectlApplySettings(inputs, host.workspace),
    preflight: async (settings) => {
      const { Kubeconfig } = await import('../core/kubernetes/kubeconfig.js');
      if (settings.kubeconfig) Kubeconfig.parse(settings.kubeconfig, 'kubeconfig', settings.context);
      const { resolveYamlFiles } = await import('../core/file-scope.js');
      await resolveYamlFiles(settings.manifests, settings.workingDirectory);
    },
    // In one process there is no post step: the kubeconfig is removed as soon as the step ends, whatever happened.
    run: async (settings, setOutput, host) => {
      const { kubectlApply } = await import('./kubectl-apply/run.js');
      const { deliveryRecord } = await import('./kubectl-apply/delivery-record.js');
      const { removeKubeconfig } = await import('./kubectl-apply/post.js');
      const state = new Map<string, string>();
      try {
        await kubectlApply(settings, setOutput, {
          tempDir: host.tempDir,
          saveState: (name, value) => state.set(name, value),
          record: deliveryRecord(host.env),
        });
      } finally {
        await removeKubeconfig(state.get(KUBECTL_APPLY_STATE.kubeconfigFile) ?? '');
      }
    },
  }),
  'wait-for-sync': step({
    inputs: Object.values(SYNC_INPUTS),
    read: (inputs, host) => readWaitForSyncSettings(inputs, host.env),
    preflight: async (settings) => {
      const { Kubeconfig } = await import('../core/kubernetes/kubeconfig.js');
      if (settings.kubeconfig) Kubeconfig.parse(settings.kubeconfig, SYNC_INPUTS.kubeconfig, settings.kubeContext);
    },
    run: async (settings, setOutput) => {
      await (await import('./wait-for-sync/run.js')).waitForSyncAction(settings, setOutput);
    },
  }),
};

export type StepName = keyof typeof STEPS;

export function isStepName(name: string): name is StepName {
  return Object.hasOwn(STEPS, name);
}

/** Checks a step's inputs (and runs its preflight) without running it. */
export async function checkStep(name: StepName, inputs: InputSource, host: StepHost): Promise<void> {
  const definition = STEPS[name] as StepDefinition<unknown>;
  const settings = definition.read(new InputReader(inputs), host);
  await definition.preflight?.(settings, host);
}

export async function runStep(
  name: StepName,
  inputs: InputSource,
  setOutput: OutputSink,
  host: StepHost,
): Promise<void> {
  const definition = STEPS[name] as StepDefinition<unknown>;
  await definition.run(definition.read(new InputReader(inputs), host), setOutput, host);
}
