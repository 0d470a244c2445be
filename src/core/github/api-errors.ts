import { UserError } from '../errors.js';

/** The parts of Octokit's RequestError this library reads. */
export interface ApiError {
  status: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined>; data?: unknown };
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && typeof (error as Partial<ApiError>).status === 'number';
}

/** Whether a 422 is GitHub's "Validation Failed" with an error whose message matches `pattern`. */
export function isValidationError(error: unknown, pattern: RegExp): boolean {
  if (!isApiError(error) || error.status !== 422) return false;
  const data = error.response?.data as { message?: string; errors?: ({ message?: string } | string)[] } | undefined;
  const messages = [
    data?.message ?? error.message,
    ...(data?.errors ?? []).map((item) => (typeof item === 'string' ? item : (item.message ?? ''))),
  ];
  return messages.some((message) => pattern.test(message));
}

/**
 * Turns what a token may not do into a UserError that names the permission to grant: GitHub's
 * x-accepted-github-permissions header when it sends one (fine-grained tokens, GitHub Apps), else `permission`.
 * Other errors are returned unchanged.
 */
export function explainApiError(error: unknown, action: string, permission: string): unknown {
  if (!isApiError(error)) return error;
  if (error.status === 401) {
    return new UserError(
      `GitHub refused the token while trying to ${action} (401 Bad credentials): it is missing, expired or revoked.`,
    );
  }
  if (error.status === 403 && !/rate limit/i.test(error.message)) {
    const accepted = acceptedPermissions(error);
    return new UserError(
      `The token may not ${action} (403 ${firstLine(error.message)}): grant it "${accepted ?? permission}" ` +
        "(a `permissions:` block in the workflow for GITHUB_TOKEN, or the token's own settings).",
    );
  }
  return error;
}

/** `contents=write; pull_requests=write` becomes `contents: write" or "pull-requests: write`, as a workflow spells them. */
function acceptedPermissions(error: ApiError): string | undefined {
  const header = error.response?.headers['x-accepted-github-permissions'];
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  return header
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((pair) => pair.trim().replace(/_/g, '-').replace('=', ': '))
        .join(', '),
    )
    .join('" or "');
}

function firstLine(message: string): string {
  return message.split(/\s+-\s+https?:|\n/)[0] as string;
}
