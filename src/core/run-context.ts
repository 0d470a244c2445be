import { readFileSync } from 'node:fs';

/**
 * The run's GitHub context, read once from the variables every GitHub runner sets: which repository and commit the
 * run is for, which workflow runs it, and where its page is. Off GitHub (the CLI, a test) every field may be missing,
 * and each step says what it cannot do without it.
 */
export interface RunContext {
  /** owner/name (GITHUB_REPOSITORY). */
  repository?: string;
  /** The commit (GITHUB_SHA). */
  sha?: string;
  /** The full ref (GITHUB_REF): refs/heads/main, refs/tags/v1.2.3, refs/pull/7/merge. */
  ref?: string;
  /** https://github.com or a GitHub Enterprise address, without a trailing slash (GITHUB_SERVER_URL). */
  serverUrl: string;
  runId?: string;
  runAttempt: number;
  /** The caller's workflow: owner/repo/.github/workflows/file.yml@ref (GITHUB_WORKFLOW_REF). */
  workflowRef?: string;
  /**
   * The reusable workflow running this job, when one does (job.workflow_ref, which no variable carries: the
   * library's workflows pass it as JOB_WORKFLOW_REF).
   */
  jobWorkflowRef?: string;
  /** The repository of the action being run (GITHUB_ACTION_REPOSITORY). */
  actionRepository?: string;
  /** The repository's default branch, from the event payload; read on first use (only the `latest` tag needs it). */
  readonly defaultBranch: string | undefined;
  /** This run's page and its commit's page. */
  links: RunLinks;
}

/** Links to this workflow run and its commit. */
export interface RunLinks {
  commitUrl?: string;
  runUrl?: string;
}

export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY || undefined;
  const sha = env.GITHUB_SHA || undefined;
  const runId = env.GITHUB_RUN_ID || undefined;
  const runAttempt = Number(env.GITHUB_RUN_ATTEMPT) || 1;
  let defaultBranch: { value: string | undefined } | undefined;
  return {
    repository,
    sha,
    ref: env.GITHUB_REF || undefined,
    serverUrl,
    runId,
    runAttempt,
    workflowRef: env.GITHUB_WORKFLOW_REF?.trim() || undefined,
    jobWorkflowRef: env.JOB_WORKFLOW_REF?.trim() || undefined,
    actionRepository: env.GITHUB_ACTION_REPOSITORY || undefined,
    get defaultBranch() {
      defaultBranch ??= { value: defaultBranchFromEvent(env.GITHUB_EVENT_PATH) };
      return defaultBranch.value;
    },
    links: repository
      ? {
          commitUrl: sha ? `${serverUrl}/${repository}/commit/${sha}` : undefined,
          runUrl: runId
            ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt > 1 ? `/attempts/${runAttempt}` : ''}`
            : undefined,
        }
      : {},
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
