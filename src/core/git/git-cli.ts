import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UserError } from '../errors.js';
import { type ExecResult, execTool, lastLines, ToolFailedError } from '../exec.js';
import { registerSecret } from '../secrets.js';
import type { GitIdentity } from './identity.js';
import { RefMovedError } from './ref-moved-error.js';

/** GIT_CONFIG_COUNT, which carries the auth header without writing it anywhere, arrived in git 2.31. */
const MINIMUM_VERSION = [2, 31] as const;
const REMOTE = 'origin';
/** A loose ref file: a SHA-1 or SHA-256 object name on a line of its own. */
const OBJECT_ID_LINE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})\n?$/;

// Push rejections that mean "the ref moved after we read it": fetch, re-apply, retry.
const LOST_RACE = /fetch first|non-fast-forward|stale info|failed to update ref|cannot lock ref|incorrect old value/;

/** Where a repository lives, and the token that may read and write it. */
export interface GitRemote {
  /** The clone URL; it never carries credentials. */
  url: string;
  /** Sent as an HTTP Authorization header to the URL's origin only, through the environment of each git process. */
  token?: string;
  /** How long one exchange with the remote (fetch, push, ls-remote) may take before git is stopped. */
  networkTimeoutMs?: number;
}

// A manifests repository's fetch or push takes seconds; ten minutes only stops a remote that stalled.
const NETWORK_TIMEOUT_MS = 10 * 60_000;

/** A commit as this library needs it: its parents and message. */
export interface CommitInfo {
  sha: string;
  parents: string[];
  message: string;
}

/** Git access is read (fetch) or write (push); a refusal names the permission the token lacks. */
type Access = 'read' | 'write';

/**
 * A local working copy of one remote repository, driven through the git CLI. Every call goes through one
 * private `exec`; the token lives only in each git process's environment, never in a URL, argv or config file.
 */
export class GitCli {
  /** The parents of each commit `commitFiles` made, so that `push` can tell a fast-forward without asking git. */
  private readonly parentsOf = new Map<string, readonly string[]>();

  private constructor(
    readonly directory: string,
    private readonly remote: GitRemote,
    private readonly env: Record<string, string>,
  ) {}

  private get networkTimeoutMs(): number {
    return this.remote.networkTimeoutMs ?? NETWORK_TIMEOUT_MS;
  }

  /**
   * Makes an empty repository in `directory` (which must exist) whose origin is `remote`. With `sparseDirectories`,
   * checkouts hold only those folders (cone mode: plus the files of their parent folders).
   */
  static async createRepository(
    directory: string,
    remote: GitRemote,
    sparseDirectories?: readonly string[],
  ): Promise<GitCli> {
    const git = new GitCli(directory, remote, gitEnvironment(remote));
    await git.requireVersion();
    await git.exec(['init', '--quiet']);
    await git.exec(['remote', 'add', REMOTE, remote.url]);
    if (sparseDirectories && sparseDirectories.length > 0) {
      await git.exec(['sparse-checkout', 'set', '--cone', '--', ...sparseDirectories]);
    }
    return git;
  }

  /** The tips of those branches that exist on the remote, by branch name. */
  async remoteBranches(branches: readonly string[]): Promise<Map<string, string>> {
    const refs = branches.map(headRef);
    const { stdout } = await this.exec(['ls-remote', REMOTE, ...refs], { access: 'read', silent: true });
    const tips = new Map<string, string>();
    for (const line of stdout.split('\n')) {
      const [sha, ref] = line.trim().split('\t');
      if (sha && ref && refs.includes(ref)) tips.set(ref.slice('refs/heads/'.length), sha);
    }
    return tips;
  }

  /**
   * Fetches the last commit of each branch (no blobs beyond what a checkout needs, when the server allows) and
   * returns their tips; a branch deleted since it was listed throws RefMovedError.
   */
  async fetchBranches(branches: readonly string[]): Promise<Map<string, string>> {
    const result = await this.exec(
      ['fetch', '--quiet', '--no-tags', '--depth=1', '--filter=blob:none', REMOTE, ...branches.map(trackingRefspec)],
      { access: 'read', allowFailure: true },
    );
    const vanished = /couldn't find remote ref refs\/heads\/(\S+)/.exec(result.stderr)?.[1];
    if (vanished) throw new RefMovedError(vanished, 'deleted meanwhile');
    if (result.exitCode !== 0) throw new ToolFailedError('git fetch', result);
    const tips = new Map<string, string>();
    for (const branch of branches) tips.set(branch, await this.resolveRef(trackingRef(branch)));
    return tips;
  }

  /**
   * The commit a full ref name points at. A fetch writes what it updates as a loose ref file, and nothing here packs
   * refs, so the file is read first (a process fewer per attempt of every run racing for a branch); git resolves
   * anything else (packed refs, the reftable format).
   */
  private async resolveRef(ref: string): Promise<string> {
    const loose = await fs.readFile(path.join(this.directory, '.git', ref), 'utf8').catch(() => '');
    if (OBJECT_ID_LINE.test(loose)) return loose.trim();
    return (await this.exec(['rev-parse', ref], { silent: true })).stdout.trim();
  }

  /**
   * Whether `commit` is in the history of the fetched `branch`, deepening the shallow history up to `maxDepth`
   * commits; false when it is not found that deep.
   */
  async branchContains(branch: string, commit: string, maxDepth: number): Promise<boolean> {
    let depth = 1;
    let known = 0;
    for (;;) {
      const history = await this.history(trackingRef(branch));
      if (history.includes(commit)) return true;
      // Deepening that adds nothing means the whole history is here.
      if (depth >= maxDepth || history.length === known) return false;
      known = history.length;
      const next = Math.min(maxDepth, depth * 8);
      await this.exec(
        [
          'fetch',
          '--quiet',
          '--no-tags',
          `--deepen=${next - depth}`,
          '--filter=blob:none',
          REMOTE,
          trackingRefspec(branch),
        ],
        { access: 'read', silent: true },
      );
      depth = next;
    }
  }

  /** Parents as recorded in the commit itself: a shallow clone's boundary commits still name theirs. */
  async commit(sha: string): Promise<CommitInfo> {
    const { stdout } = await this.exec(['cat-file', 'commit', sha], { silent: true });
    const blank = stdout.indexOf('\n\n');
    const header = blank < 0 ? stdout : stdout.slice(0, blank);
    const parents = header
      .split('\n')
      .filter((line) => line.startsWith('parent '))
      .map((line) => line.slice('parent '.length));
    return { sha, parents, message: blank < 0 ? '' : stdout.slice(blank + 2).trim() };
  }

  /** Puts the files of `sha` in the working tree, dropping any local edits. */
  async checkout(sha: string): Promise<void> {
    await this.exec(['checkout', '--quiet', '--force', '--detach', sha], { access: 'read', silent: true });
  }

  async treeOf(sha: string): Promise<string> {
    return (await this.exec(['rev-parse', `${sha}^{tree}`], { silent: true })).stdout.trim();
  }

  /** The git mode (100644, 100755) of each path in `sha`. */
  async fileModes(sha: string, paths: readonly string[]): Promise<Map<string, string>> {
    const { stdout } = await this.exec(['ls-tree', '-z', sha, '--', ...paths], { silent: true });
    const modes = new Map<string, string>();
    for (const entry of stdout.split('\0').filter(Boolean)) {
      const [meta = '', path = ''] = entry.split('\t');
      modes.set(path, meta.split(' ')[0] as string);
    }
    return modes;
  }

  /** Commits the working tree's `files` (repository-relative) on top of `parents`, without moving any branch. */
  async commitFiles(options: {
    files: readonly string[];
    parents: readonly string[];
    message: string;
    author: GitIdentity;
  }): Promise<string> {
    await this.exec(['add', '--', ...options.files], { silent: true });
    const tree = (await this.exec(['write-tree'], { silent: true })).stdout.trim();
    const parents = options.parents.flatMap((parent) => ['-p', parent]);
    const { name, email } = options.author;
    const identity = {
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: email,
    };
    const { stdout } = await this.exec(['commit-tree', tree, ...parents, '-F', '-'], {
      input: options.message,
      env: identity,
      silent: true,
    });
    const commit = stdout.trim();
    this.parentsOf.set(commit, [...options.parents]);
    return commit;
  }

  /**
   * Moves `branch` on the remote to `commit`, only as a fast-forward from where it is now (or creating it). The server
   * checks the old tip atomically, so a push that lost a race throws RefMovedError.
   *
   * `from`: where the branch was when the commit was planned (null: it did not exist). Git is then told which tip to
   * expect (a lease) and refuses at once when the branch moved; a plain push first fetches the unknown new tip from a
   * partial clone's remote only to tell that it is not an ancestor (a second process, a round trip and a server-side
   * upload-pack on every lost race). A lease makes git skip its own fast-forward check, so a tip is named only when
   * it is a parent of `commit` as `commitFiles` made it: the update is then a fast-forward by construction. Otherwise
   * (or without `from`) the push is a plain one, and git checks.
   */
  async push(commit: string, branch: string, from?: string | null): Promise<void> {
    const ref = headRef(branch);
    const expected = this.expectedTip(commit, from);
    const lease = expected === undefined ? [] : [`--force-with-lease=${ref}:${expected}`];
    const result = await this.exec(['push', '--porcelain', ...lease, REMOTE, `${commit}:${ref}`], {
      access: 'write',
      allowFailure: true,
    });
    if (result.exitCode === 0) return;
    const rejection = /^!\t[^\t]*\t(.*)$/m.exec(result.stdout)?.[1];
    if (rejection === undefined) throw new ToolFailedError('git push', result);
    if (LOST_RACE.test(rejection)) throw new RefMovedError(branch, rejection);
    throw new UserError(`The server refused the push to ${branch}: ${rejection}.`);
  }

  /** The tip `push` names to git: '' when the branch must not exist yet, none unless `from` is a parent of `commit`. */
  private expectedTip(commit: string, from: string | null | undefined): string | undefined {
    if (from === null) return '';
    return from !== undefined && this.parentsOf.get(commit)?.includes(from) ? from : undefined;
  }

  /** What `sha` changed against its first parent (for a merge, against the branch it was merged into), as a patch. */
  async patchOf(sha: string): Promise<string> {
    // A shallow history ends at its tips: fetch the commit with its parents (GitHub serves reachable commits by SHA).
    await this.exec(['fetch', '--quiet', '--no-tags', '--depth=2', '--filter=blob:none', REMOTE, sha], {
      access: 'read',
      silent: true,
    });
    return (await this.exec(['diff', '--binary', '--full-index', `${sha}^1`, sha], { silent: true })).stdout;
  }

  /**
   * Applies `patch` (reversed with `reverse`) to the working tree, or only checks that it would with `checkOnly`;
   * returns git's reason when it does not apply ("patch failed: <file>:<line>"), else undefined.
   */
  async applyPatch(patch: string, options: { reverse: boolean; checkOnly: boolean }): Promise<string | undefined> {
    const args = ['apply', ...(options.reverse ? ['-R'] : []), ...(options.checkOnly ? ['--check'] : []), '-'];
    const result = await this.exec(args, { input: patch, silent: true, allowFailure: true });
    return result.exitCode === 0 ? undefined : result.stderr.trim() || `git apply exited with ${result.exitCode}`;
  }

  private async history(ref: string): Promise<string[]> {
    return (await this.exec(['rev-list', ref], { silent: true })).stdout.split('\n').filter(Boolean);
  }

  private async requireVersion(): Promise<void> {
    const { stdout } = await this.exec(['version'], { silent: true });
    const [major = 0, minor = 0] = (/(\d+)\.(\d+)/.exec(stdout) ?? []).slice(1).map(Number);
    const [wantMajor, wantMinor] = MINIMUM_VERSION;
    if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
      throw new UserError(`git ${wantMajor}.${wantMinor} or newer is needed; this runner has ${stdout.trim()}.`);
    }
  }

  private async exec(
    args: readonly string[],
    options: {
      access?: Access;
      silent?: boolean;
      allowFailure?: boolean;
      input?: string;
      env?: Record<string, string>;
    } = {},
  ): Promise<ExecResult> {
    const result = await execTool('git', args, {
      cwd: this.directory,
      env: { ...this.env, ...options.env },
      input: options.input,
      silent: options.silent,
      allowFailure: true,
      // Talking to the remote: bounded whatever the protocol (git:// and ssh have no low-speed limit of their own).
      ...(options.access ? { timeoutMs: this.networkTimeoutMs } : {}),
    });
    if (result.exitCode !== 0) {
      if (options.access) this.refuseAccessProblems(result, options.access);
      if (!options.allowFailure) throw new ToolFailedError(`git ${args[0]}`, result);
    }
    return result;
  }

  /** Turns the server's refusals (bad token, missing permission, no such repository) into what the user must change. */
  private refuseAccessProblems(result: ExecResult, access: Access): void {
    const output = `${result.stderr}\n${result.stdout}`;
    const where = this.remote.url;
    if (
      /Operation too slow|Operation timed out|Connection timed out|Timeout, server .* not responding|git timed out after/i.test(
        output,
      )
    ) {
      throw new UserError(
        `${where} stalled during git ${access === 'write' ? 'push' : 'fetch'}: ${lastLines(output, 1)}. ` +
          'Check that the remote (and any proxy in HTTPS_PROXY) is up, then run again.',
      );
    }
    if (/returned error: 401|Authentication failed|could not read Username/i.test(output)) {
      throw new UserError(`${where} refused the token (HTTP 401): it is missing, expired or not valid there.`);
    }
    if (/returned error: 403|Permission to .* denied|Write access to repository not granted/i.test(output)) {
      const permission = access === 'write' ? 'contents: write' : 'contents: read';
      throw new UserError(
        `${where} refused to let the token ${access === 'write' ? 'push' : 'fetch'} (HTTP 403): ` +
          `give it the "${permission}" permission on that repository.`,
      );
    }
    if (/Repository not found|returned error: 404|does not appear to be a git repository/i.test(output)) {
      throw new UserError(`${where} is not a repository the token can read (${lastLines(output, 1)}).`);
    }
  }
}

function headRef(branch: string): string {
  return `refs/heads/${branch}`;
}

function trackingRef(branch: string): string {
  return `refs/remotes/${REMOTE}/${branch}`;
}

function trackingRefspec(branch: string): string {
  return `+${headRef(branch)}:${trackingRef(branch)}`;
}

/** Below this many bytes a second for STALL_SECONDS, an http(s) transfer is abandoned (git's own low-speed check). */
const STALL_BYTES_PER_SECOND = 1000;
const STALL_SECONDS = 60;

/**
 * Never prompt, English messages for parsing, a stalled transfer abandoned (http.lowSpeedLimit for http(s) remotes,
 * keep-alives and a connect timeout for ssh ones), and the token (if any) as a header scoped to the remote's origin.
 * git reads HTTPS_PROXY / http_proxy / NO_PROXY itself, through curl.
 */
function gitEnvironment(remote: GitRemote): Record<string, string> {
  const env: Record<string, string> = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  const config: [string, string][] = [
    ['http.lowSpeedLimit', String(STALL_BYTES_PER_SECOND)],
    ['http.lowSpeedTime', String(STALL_SECONDS)],
    // The working copy lives for one step: housekeeping after each fetch (`git maintenance run --auto`, or `gc --auto`
    // before git 2.29) is a process or two per attempt for nothing, paid again by every run racing for a branch.
    ['maintenance.auto', 'false'],
    ['gc.auto', '0'],
  ];
  // The runner's or the user's own ssh command wins; otherwise ssh gives up on a silent server too.
  if (!process.env.GIT_SSH_COMMAND && !process.env.GIT_SSH) {
    env.GIT_SSH_COMMAND = `ssh -o ConnectTimeout=${STALL_SECONDS} -o ServerAliveInterval=15 -o ServerAliveCountMax=${STALL_SECONDS / 15}`;
  }
  const url = new URL(remote.url);
  if (remote.token && (url.protocol === 'https:' || url.protocol === 'http:')) {
    const credential = Buffer.from(`x-access-token:${remote.token}`).toString('base64');
    registerSecret(credential);
    config.push([`http.${url.origin}/.extraheader`, `AUTHORIZATION: basic ${credential}`]);
  }
  // Appended after any GIT_CONFIG_* entries the runner already set, which stay in force.
  const first = Number(process.env.GIT_CONFIG_COUNT ?? 0) || 0;
  config.forEach(([key, value], offset) => {
    env[`GIT_CONFIG_KEY_${first + offset}`] = key;
    env[`GIT_CONFIG_VALUE_${first + offset}`] = value;
  });
  env.GIT_CONFIG_COUNT = String(first + config.length);
  return env;
}
