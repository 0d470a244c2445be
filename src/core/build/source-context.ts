import { readFileSync } from 'node:fs';

/** What the build knows about the commit it builds: the GitHub context of the run, or a test's own. */
export interface SourceContext {
  /** The commit (GITHUB_SHA). */
  sha?: string;
  /** The full ref (GITHUB_REF): refs/heads/main, refs/tags/v1.2.3, refs/pull/7/merge. */
  ref?: string;
  /** The repository's default branch, from the event payload. */
  defaultBranch?: string;
  /** owner/name (GITHUB_REPOSITORY). */
  repository?: string;
  /** https://github.com or a GitHub Enterprise address (GITHUB_SERVER_URL). */
  serverUrl?: string;
  /** The image's creation time: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
  created: Date;
}

/** Reads the source context from a runner's environment and its event payload (GITHUB_EVENT_PATH). */
export function readSourceContext(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): SourceContext {
  const epoch = env.SOURCE_DATE_EPOCH;
  return {
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
    defaultBranch: defaultBranchFromEvent(env.GITHUB_EVENT_PATH),
    repository: env.GITHUB_REPOSITORY || undefined,
    serverUrl: env.GITHUB_SERVER_URL || undefined,
    created: epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now,
  };
}

function defaultBranchFromEvent(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { repository?: { default_branch?: unknown } };
    const branch = event.repository?.default_branch;
    return typeof branch === 'string' && branch !== '' ? branch : undefined;
  } catch {
    // An unreadable payload only costs the `latest` tag, which then never applies.
    return undefined;
  }
}

/** The branch a ref names, if it names one. */
export function branchOf(ref: string | undefined): string | undefined {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

/** The tag a ref names, if it names one. */
export function gitTagOf(ref: string | undefined): string | undefined {
  return ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
}

/** The pull request number a ref names (refs/pull/N/merge or /head), if it names one. */
export function pullRequestOf(ref: string | undefined): number | undefined {
  const match = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(ref ?? '');
  return match ? Number(match[1]) : undefined;
}
