export const REPO_ROOT: string;

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export function runnerEnvironment(
  inputs?: Record<string, string>,
  extraEnv?: Record<string, string>,
): { env: Record<string, string>; dir: string };

export function runBundledAction(
  name: string,
  inputs: Record<string, string>,
  options?: { workspace?: string; env?: Record<string, string>; echo?: boolean },
): Promise<ActionRun>;

export function parseOutputFile(text: string): Record<string, string>;
