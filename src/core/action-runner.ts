import { closeSync, openSync } from 'node:fs';
import { errorMessage, isUserError, UserError } from './errors.js';
import { redact } from './secrets.js';
import { issueCommand } from './workflow-commands.js';

/**
 * Runs an action's main function: a user mistake becomes one `::error` line (with file:line when known)
 * and exit code 1; anything else is a bug and is reported with its stack in the debug log.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    requireWritableRunnerFiles(process.env);
    await main();
  } catch (error) {
    reportFailure(error);
  }
}

/**
 * The runner's files for outputs, state and the summary must take what the step writes: a step that could not
 * report its outputs must fail before it changes anything (a bumped file, a pushed image), not after.
 */
export function requireWritableRunnerFiles(env: NodeJS.ProcessEnv): void {
  for (const variable of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    const file = env[variable];
    if (!file) continue;
    try {
      // Opened for appending as the step will (a check of permission bits says nothing to root).
      closeSync(openSync(file, 'a'));
    } catch (error) {
      throw new UserError(
        `${variable} (${file}) cannot be written (${(error as NodeJS.ErrnoException).code ?? error}): nothing was changed.`,
      );
    }
  }
}

export function reportFailure(error: unknown): void {
  process.exitCode = 1;
  const message = redact(errorMessage(error));
  if (isUserError(error)) {
    const location = error.location;
    issueCommand('error', message, { file: location?.file, line: location?.line, col: location?.column });
    return;
  }
  if (error instanceof Error && error.stack) issueCommand('debug', redact(error.stack));
  issueCommand('error', message);
}
