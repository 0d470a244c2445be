import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command-line tool (argv, no shell) without blocking the event loop, so doubles served by the same process
 * keep answering it; bounded in time and output; the exit code is returned instead of thrown.
 */
export async function runTool(
  binary: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<ToolResult> {
  try {
    const { stdout, stderr } = await run(binary, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number | string; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof failure.code === 'number' ? failure.code : 1,
      stdout: failure.stdout ?? '',
      stderr: failure.stderr || failure.message,
    };
  }
}

/**
 * Real kubectl against the double: `<home>/kubeconfig`, HOME set to `home` so kubectl's discovery cache belongs
 * to this double.
 */
export function kubectlIn(
  home: string,
  options: { binary?: string; timeoutMs?: number } = {},
): (...args: string[]) => Promise<ToolResult> {
  return (...args) =>
    runTool(options.binary ?? 'kubectl', ['--kubeconfig', path.join(home, 'kubeconfig'), ...args], {
      env: { ...process.env, HOME: home },
      timeoutMs: options.timeoutMs,
    });
}
