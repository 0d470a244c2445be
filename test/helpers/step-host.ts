import { tmpdir } from 'node:os';
import { type StepHost, stepHost } from '../../src/actions/host.js';
import type { RunContext } from '../../src/core/run-context.js';

export interface TestHostOptions {
  /** The runner's variables (GITHUB_REPOSITORY, ...); nothing of this process's is added. */
  env?: NodeJS.ProcessEnv;
  workspace?: string;
  tempDir?: string;
  /** Collects the outputs the step sets. */
  outputs?: Record<string, string>;
  /** Collects the state the step saves for its post. */
  state?: Map<string, string>;
  /** Replaces fields of the run's context read from env (a default branch without an event payload). */
  context?: Partial<RunContext>;
}

/** A host as a runner gives it, from explicit variables only, so that a test never reads the machine's. */
export function testHost(options: TestHostOptions = {}): StepHost {
  const env = {
    ...options.env,
    GITHUB_WORKSPACE: options.workspace ?? options.env?.GITHUB_WORKSPACE ?? process.cwd(),
    RUNNER_TEMP: options.tempDir ?? options.env?.RUNNER_TEMP ?? tmpdir(),
  };
  const host = stepHost(env, {
    setOutput: (name, value) => {
      if (options.outputs) options.outputs[name] = value;
    },
    saveState: (name, value) => options.state?.set(name, value),
  });
  return options.context ? { ...host, context: { ...host.context, ...options.context } } : host;
}
