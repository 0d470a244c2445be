import * as os from 'node:os';
import { runAction } from '../core/action-runner.js';
import { type ScratchFolder, scratchFolder } from '../core/cleanup.js';
import { actionInputs, InputReader, type InputSource } from '../core/inputs.js';
import type { OutputSink } from '../core/outputs.js';
import { readRunContext, type RunContext } from '../core/run-context.js';
import { readActionState, writeRunnerValue } from '../core/workflow-commands.js';

/**
 * Everything a step takes from where it runs — a GitHub runner (the action's own bundle), the CLI, or deliver
 * chaining steps in one process — so that a step reads no process state of its own and runs the same in all three.
 */
export interface StepHost {
  /** Where relative paths in inputs start (GITHUB_WORKSPACE, else the current folder). */
  workspace: string;
  env: NodeJS.ProcessEnv;
  /** The run's GitHub context. */
  context: RunContext;
  /** The one parent of every private file of the run: RUNNER_TEMP, else the system's temporary folder. */
  tempDir: string;
  /** A private folder under tempDir for this run, removed by `remove()` or when the run is cancelled. */
  scratchFolder(prefix: string): Promise<ScratchFolder>;
  setOutput: OutputSink;
  /** Keeps a value for the step's post: the runner's post step, or the end of the step in one process. */
  saveState(name: string, value: string): void;
}

/** What reading a step's settings may use: no sinks, since nothing is reported before the inputs are valid. */
export type SettingsHost = Pick<StepHost, 'workspace' | 'env' | 'context'>;

/** One action: reading its settings (all validation), checks that need more than inputs, running it, cleaning up. */
export interface StepDefinition<Settings> {
  /** Every input the step reads, as its action.yml names them. */
  inputs: readonly string[];
  read(inputs: InputReader, host: StepHost): Settings;
  /** Checks a chain runs before its first step changes anything (files, credentials the settings only hold). */
  preflight?(settings: Settings, host: StepHost): Promise<void>;
  run(settings: Settings, host: StepHost): Promise<void>;
  /**
   * The backstop cleanup (action.yml `post:` with `post-if: always()`): on a runner it runs as the post step, even
   * after the main step was killed; in one process, right after run, whatever happened. `state` reads what run saved.
   */
  post?(state: (name: string) => string, host: StepHost): Promise<void>;
}

export const defineStep = <Settings>(definition: StepDefinition<Settings>) => definition;

interface HostSinks {
  setOutput: OutputSink;
  saveState(name: string, value: string): void;
}

export function stepHost(env: NodeJS.ProcessEnv, sinks: HostSinks): StepHost {
  const tempDir = env.RUNNER_TEMP || os.tmpdir();
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    env,
    context: readRunContext(env),
    tempDir,
    scratchFolder: (prefix) => scratchFolder(tempDir, prefix),
    ...sinks,
  };
}

// Saved by every action with a post step, so that the one bundle knows which of the two the runner started.
const POST_STATE = 'is-post';

/** The entry of an action's bundle (src/actions/<name>/main.ts): the runner's inputs, outputs and state. */
export async function runActionEntry<Settings>(definition: StepDefinition<Settings>): Promise<void> {
  await runAction(async () => {
    const host = stepHost(process.env, {
      setOutput: (name, value) => writeRunnerValue('OUTPUT', name, value),
      saveState: (name, value) => writeRunnerValue('STATE', name, value),
    });
    if (definition.post && readActionState(POST_STATE)) {
      await definition.post(readActionState, host);
      return;
    }
    const settings = definition.read(new InputReader(actionInputs), host);
    if (definition.post) host.saveState(POST_STATE, 'true');
    await definition.run(settings, host);
  });
}

/** Checks a step's inputs (and runs its preflight) without running it. */
export async function checkStepDefinition<Settings>(
  definition: StepDefinition<Settings>,
  inputs: InputSource,
  host: StepHost,
): Promise<void> {
  const settings = definition.read(new InputReader(inputs), host);
  await definition.preflight?.(settings, host);
}

/** Runs a step in this process (the CLI, deliver): its post runs as soon as it ends, with the state it saved. */
export async function runStepDefinition<Settings>(
  definition: StepDefinition<Settings>,
  inputs: InputSource,
  host: StepHost,
): Promise<void> {
  const settings = definition.read(new InputReader(inputs), host);
  const state = new Map<string, string>();
  const stepHost: StepHost = { ...host, saveState: (name, value) => state.set(name, value) };
  try {
    await definition.run(settings, stepHost);
  } finally {
    await definition.post?.((name) => state.get(name) ?? '', stepHost);
  }
}
