import { RefMovedError } from '../git/ref-moved-error.js';
import { explainApiError, isApiError } from './api-errors.js';
import type { GitHubClient } from './client.js';
import { formatRepositoryName, type RepositoryName } from './repository.js';

/** A file of the new commit: its repository path, git mode and full UTF-8 text. */
export interface CommitFile {
  path: string;
  mode: '100644' | '100755';
  content: string;
}

// What GitHub answers when the ref is no longer where the update assumed (git data API, 409 and 422).
const LOST_RACE = /not a fast.?forward|reference update failed|reference already exists|reference does not exist/i;

/**
 * Makes commits through GitHub's git data API, so that GitHub signs them as the token's identity (shown as
 * Verified), and moves branches only by fast-forward: `force: false`, which GitHub checks atomically.
 */
export class GitHubCommitWriter {
  constructor(
    private readonly client: GitHubClient,
    private readonly repository: RepositoryName,
  ) {}

  /** A commit whose tree is `baseTree` with `files` replaced, on top of `parents`; no branch moves. */
  async createCommit(options: {
    baseTree: string;
    files: readonly CommitFile[];
    parents: readonly string[];
    message: string;
  }): Promise<string> {
    return this.writing('create a commit', async () => {
      const { data: tree } = await this.client.rest.git.createTree({
        ...this.repository,
        base_tree: options.baseTree,
        tree: options.files.map((file) => ({ path: file.path, mode: file.mode, type: 'blob', content: file.content })),
      });
      // No author or committer: GitHub then signs the commit with its own key.
      const { data: commit } = await this.client.rest.git.createCommit({
        ...this.repository,
        message: options.message,
        tree: tree.sha,
        parents: [...options.parents],
      });
      return commit.sha;
    });
  }

  /** Points `branch` at `commit`: creates it when `exists` is false, else fast-forwards it; a lost race throws RefMovedError. */
  async moveBranch(branch: string, commit: string, exists: boolean): Promise<void> {
    await this.writing(`move ${branch}`, async () => {
      try {
        if (exists) {
          await this.client.rest.git.updateRef({
            ...this.repository,
            ref: `heads/${branch}`,
            sha: commit,
            force: false,
          });
        } else {
          await this.client.rest.git.createRef({ ...this.repository, ref: `refs/heads/${branch}`, sha: commit });
        }
      } catch (error) {
        if (isApiError(error) && (error.status === 409 || error.status === 422) && LOST_RACE.test(error.message)) {
          throw new RefMovedError(branch, `${error.status} ${error.message.split(' - ')[0]}`);
        }
        throw error;
      }
    });
  }

  private async writing<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw explainApiError(error, `${action} in ${formatRepositoryName(this.repository)}`, 'contents: write');
    }
  }
}
