/**
 * The JSON the GitHub API double answers with, shaped after responses recorded from api.github.com
 * (test/fixtures/github-api/, see PROVENANCE.json): same keys in the same order, values from the double's state.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommitObject, TreeEntry } from './bare-repository.js';
import {
  type Account,
  idFor,
  nodeIdFor,
  type PullRequestState,
  type RepositoryState,
  type TokenGrant,
} from './state.js';

const FIXTURES = fixturesFolder(path.dirname(fileURLToPath(import.meta.url)));
const readFixture = (file: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));

type Json = Record<string, unknown>;

/** A pull request as POST /repos/{owner}/{repo}/pulls answered it (octokit.rb's recording, 2024). */
const PULL_REQUEST = readFixture('octokit-rb/pulls-create.201.response.json') as Json;
/** A ref as POST /repos/{owner}/{repo}/git/refs answered it. */
const REF = readFixture('octokit-rb/git-refs-create.201.response.json') as Json;
/** The 422 "Validation Failed" recorded by octokit/fixtures, with its headers. */
const VALIDATION_FAILED = (readFixture('octokit-fixtures/errors/normalized-fixture.json') as Json[])[0] as {
  response: Json;
  headers: Record<string, string | number>;
};

/** Fields of a pull request that the list endpoint leaves out (pull-request vs pull-request-simple). */
const NOT_IN_LISTS = [
  'merged',
  'mergeable',
  'rebaseable',
  'mergeable_state',
  'merged_by',
  'comments',
  'review_comments',
  'maintainer_can_modify',
  'commits',
  'additions',
  'deletions',
  'changed_files',
];

/** Where the double lives: its REST base (with /api/v3 when it plays GitHub Enterprise Server) and its web root. */
export interface Site {
  apiUrl: string;
  webUrl: string;
}

/** Headers GitHub sends with every JSON answer, as recorded. */
export function standardHeaders(): Record<string, string> {
  const recorded = VALIDATION_FAILED.headers;
  return {
    'content-type': String(recorded['content-type']),
    'x-github-media-type': String(recorded['x-github-media-type']),
    'x-ratelimit-limit': String(recorded['x-ratelimit-limit']),
    'x-ratelimit-remaining': String(recorded['x-ratelimit-remaining']),
    'x-ratelimit-resource': String(recorded['x-ratelimit-resource']),
  };
}

export function errorJson(message: string, errors?: Json[]): Json {
  const documentation = VALIDATION_FAILED.response.documentation_url as string;
  return errors ? { message, errors, documentation_url: documentation } : { message, documentation_url: documentation };
}

export function accountJson(site: Site, account: Account): Json {
  const template = PULL_REQUEST.user as Json;
  return {
    ...rebrand(template, site, account.login, ''),
    login: account.login,
    id: account.id,
    node_id: nodeIdFor('User', account.id),
    avatar_url: `${site.webUrl}/avatars/u/${account.id}?v=4`,
    type: account.type,
  };
}

export function repositoryJson(site: Site, repository: RepositoryState, cloneUrl: string, grant?: TokenGrant): Json {
  const template = (PULL_REQUEST.head as Json).repo as Json;
  const owner: Account = { login: repository.owner, id: idFor(repository.owner), type: 'User' };
  const full = {
    ...rebrand(template, site, repository.owner, repository.name),
    id: repository.id,
    node_id: nodeIdFor('Repository', repository.id),
    name: repository.name,
    full_name: `${repository.owner}/${repository.name}`,
    private: true,
    owner: accountJson(site, owner),
    description: 'GitOps manifests',
    fork: false,
    created_at: repository.createdAt,
    updated_at: repository.createdAt,
    pushed_at: repository.createdAt,
    git_url: cloneUrl.replace(/^https?:/, 'git:'),
    clone_url: cloneUrl,
    homepage: null,
    archived: repository.archived,
    open_issues_count: openPulls(repository),
    open_issues: openPulls(repository),
    visibility: 'private',
    default_branch: repository.defaultBranch,
  };
  if (!grant) return full;
  const push = grant.contents === 'write';
  return {
    ...full,
    ...(grant.installation ? {} : { permissions: { admin: false, maintain: false, push, triage: push, pull: true } }),
    allow_auto_merge: repository.allowAutoMerge,
    network_count: 0,
    subscribers_count: 0,
  };
}

export function pullRequestJson(
  site: Site,
  repository: RepositoryState,
  pull: PullRequestState,
  tips: { head: string; base: string },
  cloneUrl: string,
  form: 'full' | 'list',
): Json {
  const api = `${site.apiUrl}/repos/${repository.owner}/${repository.name}`;
  const web = `${site.webUrl}/${repository.owner}/${repository.name}`;
  const repo = repositoryJson(site, repository, cloneUrl);
  const owner = repo.owner as Json;
  const branch = (ref: string, sha: string) => ({ label: `${repository.owner}:${ref}`, ref, sha, user: owner, repo });
  const json: Json = {
    ...PULL_REQUEST,
    url: `${api}/pulls/${pull.number}`,
    id: pull.id,
    node_id: nodeIdFor('PullRequest', pull.id),
    html_url: `${web}/pull/${pull.number}`,
    diff_url: `${web}/pull/${pull.number}.diff`,
    patch_url: `${web}/pull/${pull.number}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    number: pull.number,
    state: pull.state,
    title: pull.title,
    user: accountJson(site, pull.user),
    body: pull.body,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    assignee: pull.assignees[0] ? accountJson(site, userAccount(pull.assignees[0])) : null,
    assignees: pull.assignees.map((login) => accountJson(site, userAccount(login))),
    requested_reviewers: pull.requestedReviewers.map((login) => accountJson(site, userAccount(login))),
    requested_teams: pull.requestedTeams.map((slug) => teamJson(site, repository.owner, slug)),
    labels: pull.labels.map((name) => labelJson(site, repository, name)),
    draft: pull.draft,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${tips.head}`,
    head: branch(pull.head, tips.head),
    base: branch(pull.base, tips.base),
    _links: {
      self: { href: `${api}/pulls/${pull.number}` },
      html: { href: `${web}/pull/${pull.number}` },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${api}/pulls/${pull.number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${pull.number}/commits` },
      statuses: { href: `${api}/statuses/${tips.head}` },
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: pull.autoMerge
      ? {
          enabled_by: accountJson(site, pull.autoMerge.enabledBy),
          merge_method: pull.autoMerge.method,
          commit_title: `${pull.title} (#${pull.number})`,
          commit_message: '',
        }
      : null,
    merged: pull.mergedAt !== null,
    merge_commit_sha: pull.mergeCommitSha,
    mergeable: null,
    merged_by: pull.mergedBy ? accountJson(site, pull.mergedBy) : null,
  };
  if (form === 'list') for (const key of NOT_IN_LISTS) delete json[key];
  return json;
}

/** A pull request seen as an issue (what the issue endpoints answer). */
export function issueJson(site: Site, repository: RepositoryState, pull: PullRequestState): Json {
  const api = `${site.apiUrl}/repos/${repository.owner}/${repository.name}`;
  const web = `${site.webUrl}/${repository.owner}/${repository.name}`;
  return {
    url: `${api}/issues/${pull.number}`,
    repository_url: api,
    labels_url: `${api}/issues/${pull.number}/labels{/name}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    events_url: `${api}/issues/${pull.number}/events`,
    html_url: `${web}/pull/${pull.number}`,
    id: pull.id,
    node_id: nodeIdFor('PullRequest', pull.id),
    number: pull.number,
    title: pull.title,
    user: accountJson(site, pull.user),
    labels: pull.labels.map((name) => labelJson(site, repository, name)),
    state: pull.state,
    locked: false,
    assignee: pull.assignees[0] ? accountJson(site, userAccount(pull.assignees[0])) : null,
    assignees: pull.assignees.map((login) => accountJson(site, userAccount(login))),
    milestone: null,
    comments: 0,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    author_association: 'CONTRIBUTOR',
    active_lock_reason: null,
    draft: pull.draft,
    pull_request: {
      url: `${api}/pulls/${pull.number}`,
      html_url: `${web}/pull/${pull.number}`,
      diff_url: `${web}/pull/${pull.number}.diff`,
      patch_url: `${web}/pull/${pull.number}.patch`,
      merged_at: pull.mergedAt,
    },
    body: pull.body,
  };
}

export function labelJson(site: Site, repository: RepositoryState, name: string): Json {
  const id = repository.labels.get(name) ?? idFor(`${repository.id}/${name}`);
  return {
    id,
    node_id: nodeIdFor('Label', id),
    url: `${site.apiUrl}/repos/${repository.owner}/${repository.name}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: '',
  };
}

export function teamJson(site: Site, organization: string, slug: string): Json {
  const id = idFor(`${organization}/${slug}`);
  return {
    id,
    node_id: nodeIdFor('Team', id),
    url: `${site.apiUrl}/organizations/${idFor(organization)}/team/${id}`,
    html_url: `${site.webUrl}/orgs/${organization}/teams/${slug}`,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${site.apiUrl}/organizations/${idFor(organization)}/team/${id}/members{/member}`,
    repositories_url: `${site.apiUrl}/organizations/${idFor(organization)}/team/${id}/repos`,
    type: 'organization',
    parent: null,
  };
}

export function refJson(site: Site, repository: RepositoryState, ref: string, sha: string): Json {
  const api = `${site.apiUrl}/repos/${repository.owner}/${repository.name}`;
  return {
    ...REF,
    ref,
    node_id: nodeIdFor('Ref', idFor(`${repository.id}/${ref}`)),
    url: `${api}/git/${ref}`,
    object: { sha, type: 'commit', url: `${api}/git/commits/${sha}` },
  };
}

/** A commit made through the git data API. The double cannot sign, and says so: verified false, reason unsigned. */
export function commitJson(site: Site, repository: RepositoryState, commit: CommitObject): Json {
  const api = `${site.apiUrl}/repos/${repository.owner}/${repository.name}`;
  const web = `${site.webUrl}/${repository.owner}/${repository.name}`;
  return {
    sha: commit.sha,
    node_id: nodeIdFor('Commit', idFor(commit.sha)),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({ sha, url: `${api}/git/commits/${sha}`, html_url: `${web}/commit/${sha}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/**
 * A commit as GET /repos/{owner}/{repo}/commits/{ref} and the compare endpoint answer it, shaped after the example
 * in GitHub's own description (@octokit/openapi components.examples.commit); `author` and `committer` are null, as
 * GitHub answers for an email linked to no account. Without `files` and `stats`, which the double does not compute.
 */
export function commitDetailJson(site: Site, repository: RepositoryState, commit: CommitObject): Json {
  const api = `${site.apiUrl}/repos/${repository.owner}/${repository.name}`;
  const web = `${site.webUrl}/${repository.owner}/${repository.name}`;
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: nodeIdFor('Commit', idFor(commit.sha)),
    html_url: `${web}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: { url: `${api}/git/trees/${commit.tree}`, sha: commit.tree },
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({ sha, url: `${api}/commits/${sha}`, html_url: `${web}/commit/${sha}` })),
  };
}

/** GET /repos/{owner}/{repo}/compare/{base}...{head}, as the example in GitHub's description (commit-comparison). */
export function comparisonJson(
  site: Site,
  repository: RepositoryState,
  basehead: string,
  comparison: {
    base: CommitObject;
    mergeBase: CommitObject;
    aheadBy: number;
    behindBy: number;
    /** The page of head's own commits. */
    commits: CommitObject[];
  },
): Json {
  const api = `${site.apiUrl}/repos/${repository.owner}/${repository.name}`;
  const web = `${site.webUrl}/${repository.owner}/${repository.name}`;
  const { aheadBy } = comparison;
  const status =
    aheadBy === 0 && comparison.behindBy === 0
      ? 'identical'
      : comparison.behindBy === 0
        ? 'ahead'
        : aheadBy === 0
          ? 'behind'
          : 'diverged';
  return {
    url: `${api}/compare/${basehead}`,
    html_url: `${web}/compare/${basehead}`,
    permalink_url: `${web}/compare/${repository.owner}:${comparison.base.sha}...${repository.owner}:${basehead.split('...')[1]}`,
    diff_url: `${web}/compare/${basehead}.diff`,
    patch_url: `${web}/compare/${basehead}.patch`,
    base_commit: commitDetailJson(site, repository, comparison.base),
    merge_base_commit: commitDetailJson(site, repository, comparison.mergeBase),
    status,
    ahead_by: aheadBy,
    behind_by: comparison.behindBy,
    total_commits: aheadBy,
    commits: comparison.commits.map((commit) => commitDetailJson(site, repository, commit)),
  };
}

export function treeJson(site: Site, repository: RepositoryState, sha: string, entries: readonly TreeEntry[]): Json {
  const api = `${site.apiUrl}/repos/${repository.owner}/${repository.name}`;
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    tree: entries.map((entry) => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size === undefined ? {} : { size: entry.size }),
      url: `${api}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
    })),
    truncated: false,
  };
}

export function userAccount(login: string): Account {
  return { login, id: idFor(login), type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

function openPulls(repository: RepositoryState): number {
  return repository.pulls.filter((pull) => pull.state === 'open').length;
}

/** The recording with its owner, repository and hosts replaced by the double's. */
function rebrand(value: Json, site: Site, owner: string, name: string): Json {
  const text = JSON.stringify(value)
    .replaceAll('https://api.github.com', site.apiUrl)
    .replaceAll('https://github.com', site.webUrl)
    .replaceAll('<GITHUB_LOGIN>', owner)
    .replaceAll('<GITHUB_TEST_REPOSITORY>', name);
  return JSON.parse(text) as Json;
}

/** test/fixtures/github-api, found upwards from here: benchmarks load this file from a compiled copy elsewhere. */
function fixturesFolder(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'github-api');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No test/fixtures/github-api above ${start}`);
  }
}
