import { errorMessage, isUserError } from './errors.js';
import { redact } from './secrets.js';
import { issueCommand } from './workflow-commands.js';

/**
 * Runs an action's main function: a user mistake becomes one `::error` line (with file:line when known)
 * and exit code 1; anything else is a bug and is reported with its stack in the debug log.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    reportFailure(error);
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
