import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { onCancel } from './cleanup.js';
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
  /** Stop the tool and what it started (its process group) after this long; it then exits 124, saying so. */
  timeoutMs?: number;
  /**
   * Return stdout as the tool printed it, registered secrets included: for a tool that prints a credential the
   * caller reads (a kubeconfig's exec plugin, run again when its token expires). What is echoed stays redacted.
   */
  unredactedStdout?: boolean;
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
 * secrets redacted and no line readable as a workflow command, and returns what it printed. If the step is
 * cancelled meanwhile, the tool and everything it started are stopped (see cleanup.ts).
 */
export async function execTool(tool: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const commandLine = redact([tool, ...args].join(' '));
  // Line by line rather than in a stop-commands block: the tool's stderr and stdout reach the runner through two
  // pipes, in no fixed order, so a block on one could not be relied on to cover the other.
  const echo = (stream: NodeJS.WriteStream) => (line: string) => {
    if (!options.silent) stream.write(`${neutralizeLine(redact(line))}\n`);
  };
  if (!options.silent) printCommandLine(tool, args);
  const output = await runTool(tool, args, options, echo(process.stdout), echo(process.stderr));
  const stdout = options.unredactedStdout ? output.stdout : redact(output.stdout);
  const result = { exitCode: output.exitCode, stdout, stderr: redact(output.stderr) };
  if (result.exitCode !== 0 && !options.allowFailure) throw new ToolFailedError(commandLine, result);
  return result;
}

// How long a cancelled tool gets between SIGTERM and SIGKILL; the runner's own SIGKILL comes about 7.5 s after SIGINT.
const STOP_GRACE_MS = 3000;

function runTool(
  tool: string,
  args: readonly string[],
  options: ExecOptions,
  onStdoutLine: (line: string) => void,
  onStderrLine: (line: string) => void,
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    // A process group of its own, so that a cancel can stop the tool and whatever it started, and nothing else.
    const child = spawn(tool, [...args], {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const forget = onCancel(() => stopProcessGroup(child));
    const stdout = collectLines(child.stdout, onStdoutLine);
    const stderr = collectLines(child.stderr, onStderrLine);
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            void stopProcessGroup(child);
          }, options.timeoutMs);
    const done = () => {
      forget();
      clearTimeout(timer);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      done();
      reject(error.code === 'ENOENT' ? new Error(`Unable to locate executable file: ${tool}`) : error);
    });
    child.on('close', (code, signal) => {
      done();
      if (timedOut) {
        const note = `${tool} timed out after ${Math.round((options.timeoutMs as number) / 1000)} s and was stopped.`;
        resolve({ exitCode: 124, stdout: stdout(), stderr: `${stderr()}\n${note}`.trimStart() });
        return;
      }
      const exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
      resolve({ exitCode, stdout: stdout(), stderr: stderr() });
    });
    // A tool that reads its input must see it end, whether or not there is any.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

/** Calls `onLine` for each line as it comes; returns a function that gives all of it once the stream has ended. */
function collectLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): () => string {
  const decoder = new StringDecoder('utf8');
  let all = '';
  let partial = '';
  const take = (text: string) => {
    all += text;
    const lines = (partial + text).split('\n');
    partial = lines.pop() as string;
    for (const line of lines) onLine(line);
  };
  stream.on('data', (chunk: Buffer) => take(decoder.write(chunk)));
  stream.on('end', () => {
    take(decoder.end());
    if (partial) onLine(partial);
    partial = '';
  });
  return () => all;
}

/** SIGTERM to the tool's process group, SIGKILL if it is still there after a grace period; resolves once it exited. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      signalGroup('SIGKILL');
      resolve();
    }, STOP_GRACE_MS);
  });
  await Promise.race([exited, killed]);
  clearTimeout(timer);
  await exited;
}

/** The `[command]` line a tool run is logged with: redacted, and its arguments (file names...) escaped. */
export function printCommandLine(tool: string, args: readonly string[]): void {
  process.stdout.write(`[command]${escapeForLog(redact([tool, ...args].join(' ')))}\n`);
}

export function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}
