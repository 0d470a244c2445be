/** Where in a user's file a problem was found, for a file:line annotation. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/**
 * A mistake the user can fix: a bad input, a file that cannot be edited, a missing permission.
 * Its message is one line that says what to change; it becomes `::error` and exit 1, never a stack trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(oneLine(message));
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ').trim();
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
