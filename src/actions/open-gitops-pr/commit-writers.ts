import type { FileBump } from '../../core/bump/bumper.js';
import type { GitHubCommitWriter } from '../../core/github/api-commits.js';
import type { GitCli } from '../../core/git/git-cli.js';
import type { GitIdentity } from '../../core/git/identity.js';
import type { ManifestsCheckout } from './manifests-checkout.js';

/** A commit to make: the files of `source` with `bumps` applied, on top of `parents`. */
export interface PlannedCommit {
  /** The commit whose files the bumps edit; the last one the checkout planned on. */
  source: string;
  bumps: readonly FileBump[];
  parents: readonly string[];
  message: string;
}

/**
 * Makes a planned commit and moves a branch to it from `from`, the branch's tip when it was fetched (undefined: the
 * branch is created), only as a fast-forward; throws RefMovedError when the branch moved first. Git push or the GitHub
 * API: chosen once per run.
 */
export interface CommitWriter {
  commitAndMove(commit: PlannedCommit, branch: string, from: string | undefined): Promise<string>;
}

/**
 * Commits locally and pushes a fast-forward, naming the tip it expects (see GitCli.push); the server checks the old
 * tip atomically.
 */
export class GitPushWriter implements CommitWriter {
  constructor(
    private readonly checkout: ManifestsCheckout,
    private readonly author: GitIdentity,
  ) {}

  async commitAndMove(commit: PlannedCommit, branch: string, from: string | undefined): Promise<string> {
    await this.checkout.write(commit.source, commit.bumps);
    const sha = await this.checkout.git.commitFiles({
      files: commit.bumps.map((bump) => bump.path),
      parents: commit.parents,
      message: commit.message,
      author: this.author,
    });
    await this.checkout.git.push(sha, branch, from ?? null);
    return sha;
  }
}

/** Creates the commit through GitHub's git data API, which signs it, and moves the branch with `force: false`. */
export class GitHubApiWriter implements CommitWriter {
  constructor(
    private readonly git: GitCli,
    private readonly api: GitHubCommitWriter,
  ) {}

  async commitAndMove(commit: PlannedCommit, branch: string, from: string | undefined): Promise<string> {
    const paths = commit.bumps.map((bump) => bump.path);
    const modes = await this.git.fileModes(commit.source, paths);
    const sha = await this.api.createCommit({
      baseTree: await this.git.treeOf(commit.source),
      files: commit.bumps.map((bump) => ({
        path: bump.path,
        mode: modes.get(bump.path) === '100755' ? '100755' : '100644',
        content: bump.after,
      })),
      parents: commit.parents,
      message: commit.message,
    });
    await this.api.moveBranch(branch, sha, from !== undefined);
    return sha;
  }
}
