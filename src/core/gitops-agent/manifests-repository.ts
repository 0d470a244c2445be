import { UserError } from '../errors.js';
import { explainApiError, isApiError } from '../github/api-errors.js';
import type { GitHubClient } from '../github/client.js';
import { formatRepositoryName, type RepositoryName } from '../github/repository.js';

/** Where a commit stands against the awaited one. */
export type Ancestry = 'same' | 'older' | 'contains' | 'diverged';

export interface MergedPullRequest {
  mergeCommit: string;
  mergedAt: string;
}

export type PullRequestState = { state: 'open' } | { state: 'closed' } | ({ state: 'merged' } & MergedPullRequest);

/**
 * What the wait asks of the manifests repository on GitHub: a pull request's state, whether one commit contains
 * another (the compare endpoint: one request, no clone, and the same read token as the pull request), a commit's time.
 */
export class ManifestsRepository {
  constructor(
    private readonly client: GitHubClient,
    readonly name: RepositoryName,
  ) {}

  async pullRequest(number: number): Promise<PullRequestState> {
    try {
      const { data } = await this.client.rest.pulls.get({ ...this.name, pull_number: number });
      if (data.merged_at && data.merge_commit_sha) {
        return { state: 'merged', mergeCommit: data.merge_commit_sha, mergedAt: data.merged_at };
      }
      return { state: data.state === 'closed' ? 'closed' : 'open' };
    } catch (error) {
      if (isApiError(error) && error.status === 404) {
        throw new UserError(
          `Pull request #${number} does not exist in ${formatRepositoryName(this.name)} (input "pull-request"), ` +
            'or the token may not read it.',
        );
      }
      throw explainApiError(
        error,
        `read pull request #${number} of ${formatRepositoryName(this.name)}`,
        'pull-requests: read',
      );
    }
  }

  /** How `other` relates to `awaited`: GitHub's compare `awaited...other` says ahead, behind, identical or diverged. */
  async ancestry(awaited: string, other: string): Promise<Ancestry> {
    try {
      const { data } = await this.client.rest.repos.compareCommitsWithBasehead({
        ...this.name,
        basehead: `${awaited}...${other}`,
        per_page: 1,
      });
      switch (data.status) {
        case 'identical':
          return 'same';
        case 'behind':
          return 'older';
        case 'ahead':
          return 'contains';
        default:
          return 'diverged';
      }
    } catch (error) {
      throw explainApiError(error, `compare commits in ${formatRepositoryName(this.name)}`, 'contents: read');
    }
  }

  /** When a commit was made (its committer date), undefined when GitHub does not know it. */
  async commitTime(repository: RepositoryName, sha: string): Promise<string | undefined> {
    try {
      const { data } = await this.client.rest.repos.getCommit({ ...repository, ref: sha, per_page: 1 });
      return data.commit.committer?.date ?? data.commit.author?.date;
    } catch (error) {
      if (isApiError(error) && (error.status === 404 || error.status === 422)) return undefined;
      throw explainApiError(error, `read commit ${sha} of ${formatRepositoryName(repository)}`, 'contents: read');
    }
  }
}
