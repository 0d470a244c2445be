/** What the GitHub API double knows: accounts, tokens and their permissions, repositories and pull requests. */
import type { BareRepository } from './bare-repository.js';

export type Access = 'none' | 'read' | 'write';

export interface Account {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** A token and what it may do, as a fine-grained token or GITHUB_TOKEN's `permissions:` would allow. */
export interface TokenGrant {
  account: Account;
  contents: Access;
  pullRequests: Access;
  attestations: Access;
  /** An installation token (GITHUB_TOKEN, a GitHub App): repository answers carry no `permissions`. */
  installation: boolean;
}

export interface AutoMerge {
  method: 'merge' | 'squash' | 'rebase';
  enabledBy: Account;
}

export interface PullRequestState {
  number: number;
  id: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  draft: boolean;
  user: Account;
  labels: string[];
  requestedReviewers: string[];
  requestedTeams: string[];
  assignees: string[];
  autoMerge?: AutoMerge;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  /** The commit the merge put on the base branch (a merge commit, or the squashed one). */
  mergeCommitSha: string | null;
  mergedBy: Account | null;
}

export interface RepositoryState {
  owner: string;
  name: string;
  id: number;
  defaultBranch: string;
  git: BareRepository;
  allowAutoMerge: boolean;
  archived: boolean;
  createdAt: string;
  pulls: PullRequestState[];
  /** Label name to id. */
  labels: Map<string, number>;
  nextNumber: number;
  /** What the artifact attestations API recorded: each Sigstore bundle under the digests its statement names. */
  attestations: { id: number; bundle: unknown; subjectDigests: string[] }[];
}

/** Stable small ids, so that responses are reproducible. */
export function idFor(text: string): number {
  let hash = 7;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) % 2_000_000_000;
  return hash + 1;
}

/** GitHub's node ids are opaque base64 strings; these decode to `<kind>:<id>`. */
export function nodeIdFor(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`).toString('base64').replace(/=+$/, '');
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
