import { randomUUID } from 'node:crypto';
import * as log from '../log.js';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { policyFetch } from '../http/fetch.js';
import type { HttpTransport } from '../http/transport.js';

/** Requests that hit a rate limit are retried this often, each after the wait GitHub asks for. */
const RATE_LIMIT_RETRIES = 3;
/** Per request, body included; GitHub itself gives up on a request after 10 s. */
export const GITHUB_TIMEOUT_MS = 30_000;
/** The largest answers read are lists of 100 items and commit diffs, far below this. */
export const GITHUB_MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST base URL: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
  apiUrl: string;
  /** Milliseconds per unit of the waits the retry and throttling plugins compute (seconds on GitHub); tests shrink it. */
  waitUnitMs?: number;
  timeoutMs?: number;
  maxAnswerBytes?: number;
  /** Default: the process's (proxy from the environment, kept-alive connections). */
  transport?: HttpTransport;
}

/**
 * Octokit for one run: 5xx answers retried with growing pauses, primary and secondary rate limits waited out as
 * `retry-after` / `x-ratelimit-reset` say, and writes paced as GitHub asks of each client. Every request goes
 * through the one request policy (core/http): the environment's proxy, a deadline, an answer-size cap.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const waitUnitMs = options.waitUnitMs ?? 1000;
  const onLimit =
    (kind: string) => (retryAfter: number, request: { method: string; url: string }, _: unknown, count: number) => {
      if (count >= RATE_LIMIT_RETRIES) {
        log.warning(`${kind} for ${request.method} ${request.url}: giving up after ${count} retries.`);
        return false;
      }
      log.info(`${kind} for ${request.method} ${request.url}: retrying after ${retryAfter} s.`);
      return true;
    };
  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      // Replaces @actions/github's fetch, which has neither deadline nor cap and decides on the proxy for
      // GITHUB_API_URL rather than for this client's URL.
      request: {
        fetch: policyFetch({
          timeoutMs: options.timeoutMs ?? GITHUB_TIMEOUT_MS,
          maxBytes: options.maxAnswerBytes ?? GITHUB_MAX_ANSWER_BYTES,
          transport: options.transport,
        }),
      },
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
