/**
 * Git plumbing on one bare repository of the test bed, for the GitHub API double: the same repository `git daemon`
 * serves, so refs moved through the API are the refs git clients see, and the other way round.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ZERO_SHA = '0'.repeat(40);

export interface Signature {
  name: string;
  email: string;
  date: string;
}

export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: Signature;
  committer: Signature;
  message: string;
}

export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

/** A new tree entry: `content` is written as a blob; `sha: null` deletes the path. */
export interface TreeEdit {
  path: string;
  mode: string;
  content?: string;
  sha?: string | null;
}

export class BareRepository {
  constructor(readonly path: string) {}

  async git(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<string> {
    const child = run('git', [...args], {
      cwd: this.path,
      env: { ...process.env, GIT_DIR: this.path, ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    // A git that exits before reading its input closes the pipe; that is not an error here.
    child.child.stdin?.on('error', () => undefined);
    child.child.stdin?.end(options.input ?? '');
    return (await child).stdout;
  }

  async branchTip(branch: string): Promise<string | undefined> {
    try {
      return (await this.git(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`])).trim();
    } catch {
      return undefined;
    }
  }

  async hasCommit(sha: string): Promise<boolean> {
    return this.succeeds(['cat-file', '-e', `${sha}^{commit}`]);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return this.succeeds(['merge-base', '--is-ancestor', ancestor, descendant]);
  }

  /** Moves a branch only if it is still at `expected` (undefined: only if it does not exist); false when it moved. */
  async compareAndSwap(branch: string, next: string, expected: string | undefined): Promise<boolean> {
    return this.succeeds(['update-ref', `refs/heads/${branch}`, next, expected ?? ZERO_SHA]);
  }

  async treeOfCommit(sha: string): Promise<string> {
    return (await this.git(['rev-parse', `${sha}^{tree}`])).trim();
  }

  /** Writes a tree: `base` (or nothing) with `edits` applied; returns its sha. */
  async writeTree(base: string | undefined, edits: readonly TreeEdit[]): Promise<string> {
    const scratch = await mkdtemp(join(tmpdir(), 'github-double-index-'));
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    try {
      await this.git(base ? ['read-tree', base] : ['read-tree', '--empty'], { env });
      for (const edit of edits) {
        if (edit.sha === null) {
          await this.git(['update-index', '--force-remove', '--', edit.path], { env });
          continue;
        }
        const blob = edit.content !== undefined ? await this.writeBlob(edit.content) : (edit.sha as string);
        await this.git(['update-index', '--add', '--cacheinfo', `${edit.mode},${blob},${edit.path}`], { env });
      }
      return (await this.git(['write-tree'], { env })).trim();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /** The top-level entries of a tree. */
  async treeEntries(tree: string): Promise<TreeEntry[]> {
    const listing = await this.git(['ls-tree', '-l', '-z', tree]);
    return listing
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta = '', path = ''] = line.split('\t');
        const [mode = '', type = 'blob', sha = '', size = '-'] = meta.split(/\s+/);
        return { path, mode, type: type as TreeEntry['type'], sha, ...(size === '-' ? {} : { size: Number(size) }) };
      });
  }

  async writeCommit(tree: string, parents: readonly string[], message: string, author: Signature): Promise<string> {
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: author.date,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: author.date,
    };
    const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'];
    return (await this.git(args, { input: message, env })).trim();
  }

  async readCommit(sha: string): Promise<CommitObject> {
    const format = ['%H', '%T', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'].join('%x00');
    const [commit = '', tree = '', parents = '', an = '', ae = '', ad = '', cn = '', ce = '', cd = '', message = ''] = (
      await this.git(['show', '--no-patch', `--format=${format}`, sha])
    ).split('\0');
    return {
      sha: commit,
      tree,
      parents: parents.split(' ').filter(Boolean),
      author: { name: an, email: ae, date: ad },
      committer: { name: cn, email: ce, date: cd },
      message: message.replace(/\n$/, ''),
    };
  }

  /** The text of a file at a commit, or undefined when it has no such file. */
  async readFile(commit: string, path: string): Promise<string | undefined> {
    try {
      return await this.git(['show', `${commit}:${path}`]);
    } catch {
      return undefined;
    }
  }

  /** Commits `files` on top of `branch` as `author` and moves the branch, as a person pushing would. */
  async commitFiles(
    branch: string,
    files: Record<string, string>,
    message: string,
    author: Signature,
  ): Promise<string> {
    const parent = await this.branchTip(branch);
    const tree = await this.writeTree(
      parent && (await this.treeOfCommit(parent)),
      Object.entries(files).map(([path, content]) => ({ path, mode: '100644', content })),
    );
    const commit = await this.writeCommit(tree, parent ? [parent] : [], message, author);
    if (!(await this.compareAndSwap(branch, commit, parent))) throw new Error(`${branch} moved while committing`);
    return commit;
  }

  /** The tree of merging `theirs` into `ours` (git merge-tree, as GitHub merges), or undefined on a conflict. */
  async mergeTree(ours: string, theirs: string): Promise<string | undefined> {
    try {
      return (await this.git(['merge-tree', '--write-tree', ours, theirs])).split('\n')[0]?.trim();
    } catch {
      return undefined;
    }
  }

  /** How `head` stands against `base`: commits only `head` has, commits only `base` has, their merge base. */
  async divergence(base: string, head: string): Promise<{ ahead: string[]; behind: number; mergeBase?: string }> {
    const ahead = (await this.git(['rev-list', '--reverse', `${base}..${head}`])).split('\n').filter(Boolean);
    const behind = Number((await this.git(['rev-list', '--count', `${head}..${base}`])).trim());
    const mergeBase = await this.git(['merge-base', base, head]).then(
      (text) => text.trim(),
      () => undefined,
    );
    return { ahead, behind, mergeBase };
  }

  /** The commit a sha, branch or tag names, or undefined. */
  async resolveCommit(ref: string): Promise<string | undefined> {
    if (ref.startsWith('-')) return undefined;
    try {
      return (await this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
    } catch {
      return undefined;
    }
  }

  private async writeBlob(content: string): Promise<string> {
    return (await this.git(['hash-object', '-w', '--stdin'], { input: content })).trim();
  }

  private async succeeds(args: readonly string[]): Promise<boolean> {
    try {
      await this.git(args);
      return true;
    } catch {
      return false;
    }
  }
}
