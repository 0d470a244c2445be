import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Real kubectl against the double, for tests and stand-in controllers: `<home>/kubeconfig`, HOME set to `home` so
 * kubectl's discovery cache belongs to this double, a bounded run time, and the exit code returned instead of thrown.
 */
export function kubectlIn(
  home: string,
  options: { binary?: string; timeoutMs?: number } = {},
): (...args: string[]) => Promise<KubectlResult> {
  return async (...args) => {
    try {
      const { stdout, stderr } = await run(
        options.binary ?? 'kubectl',
        ['--kubeconfig', path.join(home, 'kubeconfig'), ...args],
        { env: { ...process.env, HOME: home }, timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number | string; stdout?: string; stderr?: string; message: string };
      return {
        code: typeof failure.code === 'number' ? failure.code : 1,
        stdout: failure.stdout ?? '',
        stderr: failure.stderr || failure.message,
      };
    }
  };
}
