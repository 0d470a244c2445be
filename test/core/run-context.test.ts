import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readRunContext } from '../../src/core/run-context.js';
import { tempTree } from '../helpers/temp-dir.js';

const SHA = '9fceb02d0ae598e95dc970b74767f19372d61af8';

describe('readRunContext', () => {
  it('reads the runner variables, and the default branch from the event payload', async () => {
    const dir = await tempTree();
    const eventPath = path.join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ repository: { default_branch: 'trunk' } }));
    const context = readRunContext({
      GITHUB_SHA: SHA,
      GITHUB_REF: 'refs/heads/trunk',
      GITHUB_REPOSITORY: 'acme/api',
      GITHUB_SERVER_URL: 'https://ghes.example.com/',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_RUN_ID: '42',
      GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/ci.yml@refs/heads/trunk',
      JOB_WORKFLOW_REF: 'acme/delivery/.github/workflows/deliver-push.yml@refs/tags/v1',
      GITHUB_ACTION_REPOSITORY: 'acme/delivery',
    });
    expect(context).toMatchObject({
      sha: SHA,
      ref: 'refs/heads/trunk',
      repository: 'acme/api',
      serverUrl: 'https://ghes.example.com',
      runId: '42',
      runAttempt: 1,
      workflowRef: 'acme/api/.github/workflows/ci.yml@refs/heads/trunk',
      jobWorkflowRef: 'acme/delivery/.github/workflows/deliver-push.yml@refs/tags/v1',
      actionRepository: 'acme/delivery',
      defaultBranch: 'trunk',
    });
  });

  it('reads the event payload only when the default branch is asked for', async () => {
    const dir = await tempTree();
    const eventPath = path.join(dir, 'event.json');
    const context = readRunContext({ GITHUB_EVENT_PATH: eventPath });
    writeFileSync(eventPath, JSON.stringify({ repository: { default_branch: 'main' } }));
    expect(context.defaultBranch).toBe('main');
  });

  it('does without a payload, and without any variable outside a workflow run', () => {
    const context = readRunContext({ GITHUB_EVENT_PATH: '/nonexistent/event.json' });
    expect(context).toMatchObject({ serverUrl: 'https://github.com', runAttempt: 1, links: {} });
    expect(context.defaultBranch).toBeUndefined();
    expect(context.repository).toBeUndefined();
  });

  it('links the commit and the run, naming the attempt only after the first', () => {
    const env = { GITHUB_REPOSITORY: 'acme/api', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '42' };
    expect(readRunContext(env).links).toEqual({
      commitUrl: 'https://github.com/acme/api/commit/abc123',
      runUrl: 'https://github.com/acme/api/actions/runs/42',
    });
    const retried = { ...env, GITHUB_RUN_ATTEMPT: '2', GITHUB_SERVER_URL: 'https://ghes.example.com/' };
    expect(readRunContext(retried).links.runUrl).toBe('https://ghes.example.com/acme/api/actions/runs/42/attempts/2');
  });
});
