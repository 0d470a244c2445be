import { describe, expect, it } from '@jest/globals';
import { runLinks } from '../../src/core/run-context.js';

describe('runLinks', () => {
  const env = { GITHUB_REPOSITORY: 'acme/api', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '42' };

  it('links the commit and the run, naming the attempt only after the first', () => {
    expect(runLinks(env)).toEqual({
      commitUrl: 'https://github.com/acme/api/commit/abc123',
      runUrl: 'https://github.com/acme/api/actions/runs/42',
    });
    expect(runLinks({ ...env, GITHUB_RUN_ATTEMPT: '2', GITHUB_SERVER_URL: 'https://ghes.example.com/' }).runUrl).toBe(
      'https://ghes.example.com/acme/api/actions/runs/42/attempts/2',
    );
  });

  it('gives nothing outside a workflow run', () => {
    expect(runLinks({})).toEqual({});
  });
});
