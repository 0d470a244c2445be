import * as path from 'node:path';
import { BUMP_TARGET_INPUTS, readBumpTarget } from '../../core/bump/read-target.js';
import type { BumpTarget } from '../../core/bump/types.js';
import { UserError } from '../../core/errors.js';
import { readGitHubApiUrl } from '../../core/github/api-url.js';
import { MERGE_METHODS, type MergeMethod } from '../../core/github/names.js';
import type { PullRequestExtras } from '../../core/github/pull-requests.js';
import { parseRepositoryName, type RepositoryName } from '../../core/github/repository.js';
import { GITHUB_ACTIONS_BOT, type GitIdentity, parseIdentity } from '../../core/git/identity.js';
import type { InputReader } from '../../core/inputs.js';
import type { SettingsHost } from '../host.js';
import { registerSecret } from '../../core/secrets.js';
import { MessageTemplate } from './templates.js';

export const INPUTS = {
  repository: 'repository',
  token: 'token',
  base: 'base',
  branch: 'branch',
  ...BUMP_TARGET_INPUTS,
  manifests: 'manifests',
  publishMethod: 'publish-method',
  pullRequestTitle: 'pull-request-title',
  pullRequestBody: 'pull-request-body',
  evidence: 'evidence',
  pullRequestLabels: 'pull-request-labels',
  pullRequestReviewers: 'pull-request-reviewers',
  pullRequestTeamReviewers: 'pull-request-team-reviewers',
  pullRequestAssignees: 'pull-request-assignees',
  pullRequestDraft: 'pull-request-draft',
  autoMerge: 'auto-merge',
  signedCommits: 'signed-commits',
  commitMessage: 'commit-message',
  commitAuthor: 'commit-author',
  githubApiUrl: 'github-api-url',
  failOnNoMatch: 'fail-on-no-match',
  maxAttempts: 'max-attempts',
  revert: 'revert',
} as const;

export const OUTPUTS = {
  pullRequestNumber: 'pull-request-number',
  pullRequestUrl: 'pull-request-url',
  operation: 'operation',
  branch: 'branch',
  headSha: 'head-sha',
  commitSha: 'commit-sha',
  revision: 'revision',
  reverted: 'reverted',
} as const;

export type DeliveryMode = 'pull-request' | 'push';
export const DELIVERY_MODES: readonly DeliveryMode[] = ['pull-request', 'push'];

const DEFAULT_TITLE = 'Deploy {{ image-name }} {{ version }} to {{ manifests }}';
const DEFAULT_REVERT_TITLE = 'Revert {{ image-name }} {{ version }} in {{ manifests }}';
const DEFAULT_MAX_ATTEMPTS = 10;

/** A line of proof from an earlier step (scan counts, a signature), shown in the pull request body. */
export interface EvidenceRow {
  label: string;
  value: string;
}

export interface OpenGitopsPrSettings {
  repository: RepositoryName;
  token: string;
  /** Undefined: the repository's default branch. */
  base?: string;
  /** Undefined: derived from the change target. */
  branch?: string;
  /** The image, its pin, and the Flux policy or key paths that scope the edit. */
  target: BumpTarget;
  paths: string[];
  mode: DeliveryMode;
  title: MessageTemplate;
  /** Undefined: the built-in body. */
  body?: MessageTemplate;
  commitMessage: MessageTemplate;
  evidence: EvidenceRow[];
  extras: PullRequestExtras;
  signCommits: boolean;
  author: GitIdentity;
  apiUrl: string;
  failOnNoMatch: boolean;
  maxAttempts: number;
  /** Revert this commit of the base instead of bumping: restore exactly the lines it changed. */
  revert?: string;
}

/** Reads and checks every input; the repository defaults to the run's own. */
export function readOpenGitopsPrSettings(inputs: InputReader, { env, context }: SettingsHost): OpenGitopsPrSettings {
  const token = inputs.required(INPUTS.token);
  registerSecret(token);
  const repositoryText = inputs.string(INPUTS.repository, context.repository ?? '');
  if (!repositoryText) throw new UserError(`Input "${INPUTS.repository}" is required outside GitHub Actions.`);
  const target = readBumpTarget(inputs);
  const mode = inputs.choice(INPUTS.publishMethod, DELIVERY_MODES, 'pull-request');
  const signCommits = inputs.boolean(INPUTS.signedCommits, false);
  const authorText = inputs.optional(INPUTS.commitAuthor);
  if (signCommits && authorText) {
    throw new UserError(
      `Inputs "${INPUTS.commitAuthor}" and "${INPUTS.signedCommits}" exclude each other: GitHub signs only commits it authors.`,
    );
  }
  const revert = inputs.optional(INPUTS.revert);
  if (revert !== undefined && !/^[0-9a-f]{40}$/.test(revert)) {
    throw new UserError(`Input "${INPUTS.revert}" must be a full 40-hex commit SHA of the manifests repository.`);
  }
  const defaultTitle = revert === undefined ? DEFAULT_TITLE : DEFAULT_REVERT_TITLE;
  const title = MessageTemplate.parse(inputs.string(INPUTS.pullRequestTitle, defaultTitle), INPUTS.pullRequestTitle);
  const body = inputs.optional(INPUTS.pullRequestBody);
  return {
    repository: parseRepositoryName(repositoryText, INPUTS.repository),
    token,
    base: readBranchName(inputs, INPUTS.base),
    branch: readBranchName(inputs, INPUTS.branch),
    target,
    paths: readPaths(inputs),
    mode,
    title,
    body: body === undefined ? undefined : MessageTemplate.parse(body, INPUTS.pullRequestBody),
    commitMessage: inputs.optional(INPUTS.commitMessage)
      ? MessageTemplate.parse(inputs.required(INPUTS.commitMessage), INPUTS.commitMessage)
      : title,
    evidence: readEvidence(inputs),
    extras: {
      draft: inputs.boolean(INPUTS.pullRequestDraft, false),
      labels: inputs.list(INPUTS.pullRequestLabels),
      reviewers: inputs.list(INPUTS.pullRequestReviewers),
      teamReviewers: inputs.list(INPUTS.pullRequestTeamReviewers),
      assignees: inputs.list(INPUTS.pullRequestAssignees),
      autoMerge: inputs.optional(INPUTS.autoMerge)
        ? inputs.choice<MergeMethod>(INPUTS.autoMerge, MERGE_METHODS, 'merge')
        : undefined,
    },
    signCommits,
    author: authorText ? parseIdentity(authorText, INPUTS.commitAuthor) : GITHUB_ACTIONS_BOT,
    apiUrl: readGitHubApiUrl(inputs, INPUTS.githubApiUrl, env),
    failOnNoMatch: inputs.boolean(INPUTS.failOnNoMatch, false),
    maxAttempts: inputs.integer(INPUTS.maxAttempts, DEFAULT_MAX_ATTEMPTS),
    ...(revert === undefined ? {} : { revert }),
  };
}

// The parts of git's check-ref-format rules a branch name typed into a workflow can break.
const BAD_BRANCH = /(^[-/.])|([/.]$)|(\.\.)|(\/\/)|(@\{)|(\.lock$)|(\.lock\/)|(\/\.)|[\s~^:?*[\\]|\p{Cc}/u;

function readBranchName(inputs: InputReader, input: string): string | undefined {
  const name = inputs.optional(input)?.replace(/^refs\/heads\//, '');
  if (name !== undefined && (BAD_BRANCH.test(name) || name === '@')) {
    throw new UserError(`Input "${input}" is not a valid branch name: "${name}".`);
  }
  return name;
}

/** Paths are relative to the manifests repository's root and may not leave it. */
function readPaths(inputs: InputReader): string[] {
  const paths = inputs.list(INPUTS.manifests);
  if (paths.length === 0)
    throw new UserError(`Input "${INPUTS.manifests}" is required: name files, directories or globs.`);
  for (const item of paths) {
    const normalized = path.posix.normalize(item.replace(/\\/g, '/'));
    if (path.posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
      throw new UserError(`Path "${item}" must stay inside the manifests repository: use a path relative to its root.`);
    }
  }
  return paths;
}

/** `Label: value` lines; the value may contain colons (URLs, digests). */
function readEvidence(inputs: InputReader): EvidenceRow[] {
  return inputs.lines(INPUTS.evidence).map((line) => {
    const colon = line.indexOf(':');
    const label = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (colon < 0 || !label || !value) {
      throw new UserError(`Input "${INPUTS.evidence}" takes "Label: value" lines, got "${line}".`);
    }
    return { label, value };
  });
}
