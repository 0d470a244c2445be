import * as exec from '@actions/exec';
import { redact } from './secrets.js';
import { escapeForLog, neutralizeLine } from './workflow-commands.js';

export interface ExecOptions {
  cwd?: string;
  /** Added to (not replacing) the current environment. */
  env?: Record<string, string>;
  /** Written to the tool's standard input. */
  input?: string | Buffer;
  /** Capture only; print nothing (for probes such as `tool version`). */
  silent?: boolean;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class ToolFailedError extends Error {
  constructor(
    readonly command: string,
    readonly result: ExecResult,
  ) {
    const detail = lastLines(result.stderr || result.stdout, 5);
    super(`${command} failed with exit code ${result.exitCode}${detail ? `: ${detail}` : ''}`);
  }
}

/**
 * Runs a tool with an argv array (never through a shell), streaming its output line by line with registered
 * secrets redacted and no line readable as a workflow command, and returns what it printed.
 */
export async function execTool(tool: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const commandLine = redact([tool, ...args].join(' '));
  // Line by line rather than in a stop-commands block: the tool's stderr and stdout reach the runner through two
  // pipes, in no fixed order, so a block on one could not be relied on to cover the other.
  const echo = (stream: NodeJS.WriteStream) => (line: string) => {
    if (!options.silent) stream.write(`${neutralizeLine(redact(line))}\n`);
  };
  if (!options.silent) printCommandLine(tool, args);
  const output = await exec.getExecOutput(tool, [...args], {
    cwd: options.cwd,
    env: options.env ? ({ ...process.env, ...options.env } as Record<string, string>) : undefined,
    input: typeof options.input === 'string' ? Buffer.from(options.input) : options.input,
    silent: true,
    ignoreReturnCode: true,
    listeners: { stdline: echo(process.stdout), errline: echo(process.stderr) },
  });
  const result = { exitCode: output.exitCode, stdout: redact(output.stdout), stderr: redact(output.stderr) };
  if (result.exitCode !== 0 && !options.allowFailure) throw new ToolFailedError(commandLine, result);
  return result;
}

/** The `[command]` line a tool run is logged with: redacted, and its arguments (file names...) escaped. */
export function printCommandLine(tool: string, args: readonly string[]): void {
  process.stdout.write(`[command]${escapeForLog(redact([tool, ...args].join(' ')))}\n`);
}

export function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}
