import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** Requests that hit a rate limit are retried this often, each after the wait GitHub asks for. */
const RATE_LIMIT_RETRIES = 3;

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST base URL: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
  apiUrl: string;
  /** Milliseconds per unit of the waits the retry and throttling plugins compute (seconds on GitHub); tests shrink it. */
  waitUnitMs?: number;
}

/**
 * Octokit for one run: 5xx answers retried with growing pauses, primary and secondary rate limits waited out as
 * `retry-after` / `x-ratelimit-reset` say, and writes paced as GitHub asks of each client.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const waitUnitMs = options.waitUnitMs ?? 1000;
  const onLimit =
    (kind: string) => (retryAfter: number, request: { method: string; url: string }, _: unknown, count: number) => {
      if (count >= RATE_LIMIT_RETRIES) {
        core.warning(`${kind} for ${request.method} ${request.url}: giving up after ${count} retries.`);
        return false;
      }
      core.info(`${kind} for ${request.method} ${request.url}: retrying after ${retryAfter} s.`);
      return true;
    };
  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      retry: { retryAfterBaseValue: waitUnitMs },
      throttle: {
        // Pacing is per run, as on a runner, where each run is its own process.
        id: randomUUID(),
        retryAfterBaseValue: waitUnitMs,
        onRateLimit: onLimit('Rate limit'),
        onSecondaryRateLimit: onLimit('Secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}
