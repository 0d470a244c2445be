import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCommandLine, USAGE, wantsHelp } from './cli/command-line.js';
import { reportFailure } from './core/action-runner.js';
import { errorMessage } from './core/errors.js';
import { redact } from './core/secrets.js';
import { processHost, runStep } from './actions/steps.js';

// On a GitHub runner errors are workflow commands (annotations); anywhere else, a plain line on stderr.
function fail(error: unknown): void {
  if (process.env.GITHUB_ACTIONS === 'true') return reportFailure(error);
  process.exitCode = 1;
  process.stderr.write(`error: ${redact(errorMessage(error))}\n`);
}

// Off GitHub the tool installer still needs a temp folder and a tool cache: the user's own, kept between runs.
process.env.RUNNER_TEMP ??= os.tmpdir();
process.env.RUNNER_TOOL_CACHE ??= path.join(os.homedir(), '.cache', 'gitops-delivery-actions', 'tool-cache');

try {
  if (wantsHelp(process.argv.slice(2))) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const commandLine = parseCommandLine(process.argv.slice(2));
  const outputs: Record<string, string> = {};
  await runStep(
    commandLine.step,
    commandLine.inputs,
    (name, value) => {
      outputs[name] = value;
    },
    processHost(),
  );
  const json = JSON.stringify(outputs, null, 2);
  process.stdout.write(`${json}\n`);
  if (commandLine.outputsFile) await fs.writeFile(commandLine.outputsFile, `${json}\n`);
} catch (error) {
  fail(error);
}
