import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCommandLine } from './cli/command-line.js';
import { requestedHelp } from './cli/help.js';
import { jsonForLog, outputValues } from './cli/outputs.js';
import { reportFailure } from './core/action-runner.js';
import { errorMessage } from './core/errors.js';
import { redact } from './core/secrets.js';
import { escapeForLog } from './core/workflow-commands.js';
import { stepHost } from './actions/host.js';
import { runStep } from './actions/steps.js';

// On a GitHub runner errors are workflow commands (annotations); anywhere else, a plain line on stderr, escaped: it
// may quote a file name or a tool's message, and a job that runs the CLI without GITHUB_ACTIONS still reads commands.
function fail(error: unknown): void {
  if (process.env.GITHUB_ACTIONS === 'true') return reportFailure(error);
  process.exitCode = 1;
  process.stderr.write(`error: ${escapeForLog(redact(errorMessage(error)))}\n`);
}

// Off GitHub the tool installer still needs a temp folder and a tool cache: the user's own, kept between runs.
process.env.RUNNER_TEMP ??= os.tmpdir();
process.env.RUNNER_TOOL_CACHE ??= path.join(os.homedir(), '.cache', 'gitops-delivery-actions', 'tool-cache');

const printOnStdout = process.stdout.write.bind(process.stdout);
try {
  const help = requestedHelp(process.argv.slice(2));
  if (help !== undefined) {
    process.stdout.write(`${help}\n`);
    process.exit(0);
  }
  const commandLine = parseCommandLine(process.argv.slice(2));
  const outputs: Record<string, string> = {};
  // The steps log as actions do, on stdout; here stdout carries the outputs alone, so `| jq` reads them.
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  // No post step off a runner: runStep runs a step's cleanup as soon as it ends, with the state it saved.
  const host = stepHost(process.env, {
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    saveState: () => undefined,
  });
  await runStep(commandLine.step, commandLine.inputs, host);
  const json = jsonForLog(outputValues(commandLine.step, outputs));
  printOnStdout(`${json}\n`);
  if (commandLine.outputsFile) await fs.writeFile(commandLine.outputsFile, `${json}\n`);
} catch (error) {
  fail(error);
}
