import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { execTool, ToolFailedError } from '../../src/core/exec.js';
import { registerSecret } from '../../src/core/secrets.js';
import { runnerCommands } from '../helpers/runner-commands.js';

afterEach(() => {
  jest.restoreAllMocks();
});

function captureStdout(): () => string {
  const chunks: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return () => chunks.join('');
}

describe('execTool', () => {
  it('forwards a tool output line by line with no line the runner would run (issue 12, item 4)', async () => {
    const printed = captureStdout();
    const stderr: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    const script = [
      "printf '  ::add-mask::acme\\n'",
      "printf 'x ##[error title=planted]planted\\n' >&2",
      "printf 'progress\\r::warning title=INJECTED::x\\n' >&2",
    ].join('; ');

    const result = await execTool('sh', ['-c', script, 'z\n::warning title=INJECTED::argv']);

    expect(runnerCommands(printed())).toEqual([]);
    expect(runnerCommands(stderr.join(''))).toEqual([]);
    expect(printed()).toContain('  :\\x3aadd-mask::acme\n');
    expect(stderr.join('')).toContain('progress\r:\\x3awarning title=INJECTED::x\n');
    // What the caller gets back is the tool's own output.
    expect(result.stdout).toBe('  ::add-mask::acme\n');
  });

  it('passes argv as is, never through a shell', async () => {
    const result = await execTool('printf', ['%s|', 'a b', '$(echo no)', ';rm -rf x'], { silent: true });
    expect(result).toEqual({ exitCode: 0, stdout: 'a b|$(echo no)|;rm -rf x|', stderr: '' });
  });

  it('redacts registered secrets in the echoed command, the streamed lines and the captured output', async () => {
    registerSecret('s3cr3t-value');
    const printed = captureStdout();
    const result = await execTool('sh', ['-c', 'echo "token=$0"; echo "err $0" >&2', 's3cr3t-value']);
    expect(result.stdout).toBe('token=***\n');
    expect(result.stderr).toBe('err ***\n');
    expect(printed()).toContain('[command]sh -c');
    expect(printed()).toContain('token=***');
    expect(printed()).not.toContain('s3cr3t-value');
  });

  it('adds env to the current environment and feeds stdin', async () => {
    const result = await execTool('sh', ['-c', 'read line; echo "$line $EXTRA ${HOME:+home}"'], {
      env: { EXTRA: 'extra' },
      input: 'from-stdin\n',
      silent: true,
    });
    expect(result.stdout).toBe('from-stdin extra home\n');
  });

  it('throws with the last lines of output on failure, unless failure is allowed', async () => {
    const failing = ['-c', 'echo one >&2; echo two >&2; exit 3'];
    await expect(execTool('sh', failing, { silent: true })).rejects.toThrow(ToolFailedError);
    await expect(execTool('sh', failing, { silent: true })).rejects.toThrow('failed with exit code 3: one | two');
    expect((await execTool('sh', failing, { silent: true, allowFailure: true })).exitCode).toBe(3);
  });
});
