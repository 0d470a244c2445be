import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as log from '../../core/log.js';
import { writeFilesAtomically } from '../../core/atomic-write.js';
import { type FileBump, ManifestBumper } from '../../core/bump/bumper.js';
import type { BumpTarget } from '../../core/bump/types.js';
import { UserError } from '../../core/errors.js';
import { resolveYamlFiles } from '../../core/file-scope.js';
import type { GitCli } from '../../core/git/git-cli.js';
import { escapeForLog } from '../../core/workflow-commands.js';

/**
 * What a run changes in the checked-out manifests: the bump of an image, or the revert of an earlier hand-off.
 * Planned again on every tip a lost race leaves behind, so the change is semantic, never a stale copy of files.
 */
export interface ChangePlanner {
  /** The edits at the checked-out `commit` (in `git.directory`); [] when there is nothing left to change. */
  plan(git: GitCli, commit: string): Promise<FileBump[]>;
  write(bumps: readonly FileBump[], root: string): Promise<void>;
}

/** Points the manifests in `paths` at the image (bump-manifest's edit). */
export class BumpPlanner implements ChangePlanner {
  private readonly warned = new Set<string>();

  constructor(
    private readonly paths: readonly string[],
    private readonly target: BumpTarget,
    private readonly failOnNoMatch: boolean,
    private readonly bumper = new ManifestBumper(),
  ) {}

  async plan(git: GitCli, commit: string): Promise<FileBump[]> {
    const root = git.directory;
    const unmatched: string[] = [];
    const files = await resolveYamlFiles(this.paths, root, { onNoMatch: (pattern) => unmatched.push(pattern) });
    if (unmatched.length > 0) this.reportUnmatched(unmatched, commit);
    return files.length === 0 ? [] : this.bumper.plan(files, root, this.target);
  }

  write(bumps: readonly FileBump[], root: string): Promise<void> {
    return this.bumper.write(bumps, root);
  }

  private reportUnmatched(unmatched: readonly string[], commit: string): void {
    const list = unmatched.map((pattern) => `"${escapeForLog(pattern)}"`).join(', ');
    if (this.failOnNoMatch) {
      throw new UserError(`Path ${list} matches no YAML file at ${commit.slice(0, 12)} (fail-on-no-match is true).`);
    }
    for (const pattern of unmatched.filter((item) => !this.warned.has(item))) {
      this.warned.add(pattern);
      log.warning(`Path "${escapeForLog(pattern)}" matches no YAML file in the manifests repository; it is skipped.`);
    }
  }
}

// How far back on the base the reverted commit is looked for.
const REVERT_SEARCH_DEPTH = 500;

/**
 * Restores exactly the lines `commit` changed, on whatever the base holds now: `git apply -R` of that commit's patch,
 * which refuses, naming the file and line, when a later commit changed the same lines (nothing is guessed).
 */
export class RevertPlanner implements ChangePlanner {
  private patch?: string;

  constructor(
    private readonly commit: string,
    private readonly base: string,
  ) {}

  async plan(git: GitCli, tip: string): Promise<FileBump[]> {
    const patch = await this.patchOf(git);
    if (patch.trim() === '') return [];
    const refusal = await git.applyPatch(patch, { reverse: true, checkOnly: true });
    if (refusal !== undefined) {
      // The lines are already as before the commit: someone reverted it already.
      if ((await git.applyPatch(patch, { reverse: false, checkOnly: true })) === undefined) return [];
      throw new UserError(
        `Cannot revert ${this.commit.slice(0, 12)} on ${this.base} (${tip.slice(0, 12)}): a later commit changed the same ` +
          `lines (${escapeForLog(firstFailure(refusal))}); revert it by hand.`,
      );
    }
    const files = changedFiles(patch);
    const before = await readAll(git.directory, files);
    await git.applyPatch(patch, { reverse: true, checkOnly: false });
    const after = await readAll(git.directory, files);
    // Leave the working tree as checked out: the writer writes the planned contents itself.
    await this.write(
      files.map((file) => bumpOf(git.directory, file, after.get(file) ?? '', before.get(file) ?? '')),
      git.directory,
    );
    return files
      .filter((file) => before.get(file) !== after.get(file))
      .map((file) => bumpOf(git.directory, file, before.get(file) ?? '', after.get(file) ?? ''));
  }

  /** Every file or none, never through a symlink the repository planted (see writeFilesAtomically). */
  write(bumps: readonly FileBump[], root: string): Promise<void> {
    return writeFilesAtomically(
      root,
      bumps.map((bump) => ({ file: bump.file, content: bump.after, previous: bump.before })),
    );
  }

  private async patchOf(git: GitCli): Promise<string> {
    if (this.patch !== undefined) return this.patch;
    if (!(await git.branchContains(this.base, this.commit, REVERT_SEARCH_DEPTH))) {
      throw new UserError(
        `Input "revert": commit ${this.commit.slice(0, 12)} is not among the last ${REVERT_SEARCH_DEPTH} commits of ` +
          `${this.base}; only a change the base holds can be reverted.`,
      );
    }
    this.patch = await git.patchOf(this.commit);
    return this.patch;
  }
}

/** The `b/` paths of a git patch: every file it changes (added and deleted files included). */
function changedFiles(patch: string): string[] {
  const files = new Set<string>();
  for (const match of patch.matchAll(/^diff --git a\/(.+) b\/(.+)$/gm)) files.add(match[2] as string);
  return [...files];
}

async function readAll(root: string, files: readonly string[]): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  for (const file of files) {
    contents.set(file, await fs.readFile(path.join(root, file), 'utf8').catch(() => ''));
  }
  return contents;
}

function bumpOf(root: string, file: string, before: string, after: string): FileBump {
  return { file: path.join(root, file), path: file, before, after, changes: [] };
}

function firstFailure(refusal: string): string {
  return /patch failed: (\S+)/.exec(refusal)?.[1] ?? refusal.split('\n')[0] ?? refusal;
}
