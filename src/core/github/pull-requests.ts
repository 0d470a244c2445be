import * as log from '../log.js';
import { UserError } from '../errors.js';
import { explainApiError, isApiError, isValidationError } from './api-errors.js';
import type { GitHubClient } from './client.js';
import type { MergeMethod } from './names.js';
import { formatRepositoryName, type RepositoryName } from './repository.js';

export type PullRequestOperation = 'created' | 'updated' | 'unchanged';

/** What a new pull request gets once; later runs leave these to the humans who may have changed them. */
export interface PullRequestExtras {
  draft: boolean;
  labels: readonly string[];
  reviewers: readonly string[];
  teamReviewers: readonly string[];
  assignees: readonly string[];
  autoMerge?: MergeMethod;
}

export interface PullRequestRequest {
  branch: string;
  base: string;
  title: string;
  body: string;
  /** Whether this run moved the branch; only then are title and body of an open pull request refreshed. */
  branchMoved: boolean;
  extras: PullRequestExtras;
}

export interface PublishedPullRequest {
  number: number;
  url: string;
  operation: PullRequestOperation;
}

interface OpenPullRequest {
  number: number;
  url: string;
  nodeId: string;
  title: string;
  body: string;
}

const ALREADY_EXISTS = /pull request already exists/i;
const ACTIONS_MAY_NOT_CREATE = /not permitted to create or approve pull requests/i;

const AUTO_MERGE_MUTATION = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) {
    pullRequest { number }
  }
}`;

/**
 * Keeps exactly one open pull request per branch and base: creates it when there is none (a duplicate refused by
 * GitHub is found and reused), refreshes its title and body when the branch moved, and otherwise writes nothing.
 */
export class PullRequestPublisher {
  constructor(
    private readonly client: GitHubClient,
    private readonly repository: RepositoryName,
  ) {}

  async findOpen(branch: string, base: string): Promise<OpenPullRequest | undefined> {
    try {
      const { data } = await this.client.rest.pulls.list({
        ...this.repository,
        state: 'open',
        head: `${this.repository.owner}:${branch}`,
        base,
        per_page: 1,
      });
      const found = data[0];
      return (
        found && {
          number: found.number,
          url: found.html_url,
          nodeId: found.node_id,
          title: found.title,
          body: found.body ?? '',
        }
      );
    } catch (error) {
      throw explainApiError(error, `list pull requests of ${this.name}`, 'pull-requests: read');
    }
  }

  async publish(request: PullRequestRequest): Promise<PublishedPullRequest> {
    let open = await this.findOpen(request.branch, request.base);
    if (!open) {
      const created = await this.create(request);
      if (created) return { number: created.number, url: created.url, operation: 'created' };
      // Another run opened it between our look and our create.
      open = await this.findOpen(request.branch, request.base);
      if (!open) throw new Error(`GitHub says a pull request for ${request.branch} exists, but lists none open.`);
    }
    if (!request.branchMoved) return { number: open.number, url: open.url, operation: 'unchanged' };
    if (open.title !== request.title || open.body !== request.body) {
      await this.writing('update a pull request', 'pull-requests: write', () =>
        this.client.rest.pulls.update({
          ...this.repository,
          pull_number: open.number,
          title: request.title,
          body: request.body,
        }),
      );
    }
    return { number: open.number, url: open.url, operation: 'updated' };
  }

  /** Opens and decorates the pull request; undefined when GitHub refuses it as a duplicate of an open one. */
  private async create(request: PullRequestRequest): Promise<OpenPullRequest | undefined> {
    let created;
    try {
      ({ data: created } = await this.client.rest.pulls.create({
        ...this.repository,
        head: request.branch,
        base: request.base,
        title: request.title,
        body: request.body,
        draft: request.extras.draft,
      }));
    } catch (error) {
      if (isValidationError(error, ALREADY_EXISTS)) return undefined;
      if (isApiError(error) && ACTIONS_MAY_NOT_CREATE.test(error.message)) {
        throw new UserError(
          `${this.name} does not let GitHub Actions open pull requests: allow it under Settings > Actions > General ` +
            '("Allow GitHub Actions to create and approve pull requests"), or pass a token of a GitHub App or user.',
        );
      }
      throw explainApiError(error, `open a pull request in ${this.name}`, 'pull-requests: write');
    }
    const opened = {
      number: created.number,
      url: created.html_url,
      nodeId: created.node_id,
      title: created.title,
      body: created.body ?? '',
    };
    await this.decorate(opened, request.extras);
    return opened;
  }

  private async decorate(pullRequest: OpenPullRequest, extras: PullRequestExtras): Promise<void> {
    const issue = { ...this.repository, issue_number: pullRequest.number };
    if (extras.labels.length > 0) {
      await this.writing('label the pull request', 'issues: write" or "pull-requests: write', () =>
        this.client.rest.issues.addLabels({ ...issue, labels: [...extras.labels] }),
      );
    }
    if (extras.assignees.length > 0) {
      await this.writing('assign the pull request', 'issues: write" or "pull-requests: write', () =>
        this.client.rest.issues.addAssignees({ ...issue, assignees: [...extras.assignees] }),
      );
    }
    if (extras.reviewers.length > 0 || extras.teamReviewers.length > 0) await this.requestReviews(pullRequest, extras);
    if (extras.autoMerge) await this.enableAutoMerge(pullRequest, extras.autoMerge);
  }

  /** GitHub refuses reviewers who are not collaborators (or are the author); that is worth a warning, not a failure. */
  private async requestReviews(pullRequest: OpenPullRequest, extras: PullRequestExtras): Promise<void> {
    try {
      await this.client.rest.pulls.requestReviewers({
        ...this.repository,
        pull_number: pullRequest.number,
        reviewers: [...extras.reviewers],
        team_reviewers: [...extras.teamReviewers],
      });
    } catch (error) {
      if (isApiError(error) && error.status === 422) {
        log.warning(`Could not request reviews on #${pullRequest.number}: ${error.message.split(' - ')[0]}`);
        return;
      }
      throw explainApiError(error, 'request reviews', 'pull-requests: write');
    }
  }

  /** Auto-merge exists only in GraphQL; a repository that does not allow it gets a warning, the pull request stays. */
  private async enableAutoMerge(pullRequest: OpenPullRequest, mergeMethod: MergeMethod): Promise<void> {
    try {
      await this.client.graphql(AUTO_MERGE_MUTATION, {
        pullRequestId: pullRequest.nodeId,
        mergeMethod: mergeMethod.toUpperCase(),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warning(`Could not enable auto-merge (${mergeMethod}) on #${pullRequest.number}: ${message}`);
    }
  }

  private async writing(action: string, permission: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      throw explainApiError(error, `${action} in ${this.name}`, permission);
    }
  }

  private get name(): string {
    return formatRepositoryName(this.repository);
  }
}
