import { describe, expect, it } from '@jest/globals';
import { UserError } from '../../../src/core/errors.js';
import { explainApiError, isValidationError } from '../../../src/core/github/api-errors.js';

function apiError(status: number, message: string, headers: Record<string, string> = {}, data?: unknown) {
  return Object.assign(new Error(message), { status, response: { headers, data } });
}

describe('explainApiError', () => {
  it('names the permission GitHub says it accepts, spelled as in a workflow', () => {
    const error = apiError(403, 'Resource not accessible by integration - https://docs.github.com/rest', {
      'x-accepted-github-permissions': 'issues=write; pull_requests=write',
    });
    const explained = explainApiError(error, 'label the pull request', 'pull-requests: write');
    expect(explained).toBeInstanceOf(UserError);
    expect((explained as Error).message).toBe(
      'The token may not label the pull request (403 Resource not accessible by integration): grant it "issues: write" or ' +
        '"pull-requests: write" (a `permissions:` block in the workflow for GITHUB_TOKEN, or the token\'s own settings).',
    );
  });

  it('falls back to the permission the caller knows', () => {
    const explained = explainApiError(apiError(403, 'Must have admin rights'), 'push', 'contents: write') as Error;
    expect(explained.message).toContain('grant it "contents: write"');
  });

  it('says a 401 is the token itself', () => {
    expect((explainApiError(apiError(401, 'Bad credentials'), 'read x', 'contents: read') as Error).message).toBe(
      'GitHub refused the token while trying to read x (401 Bad credentials): it is missing, expired or revoked.',
    );
  });

  it('leaves rate limits, server errors and non-API errors alone', () => {
    for (const error of [
      apiError(403, 'You have exceeded a secondary rate limit'),
      apiError(502, 'Bad Gateway'),
      new Error('x'),
    ]) {
      expect(explainApiError(error, 'a', 'b')).toBe(error);
    }
  });
});

describe('isValidationError', () => {
  it('matches the message of any error GitHub lists', () => {
    const data = {
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for acme:x.' }],
    };
    expect(isValidationError(apiError(422, 'Validation Failed', {}, data), /already exists/)).toBe(true);
    expect(isValidationError(apiError(422, 'Validation Failed', {}, data), /no commits/i)).toBe(false);
    expect(isValidationError(apiError(404, 'A pull request already exists'), /already exists/)).toBe(false);
  });
});
