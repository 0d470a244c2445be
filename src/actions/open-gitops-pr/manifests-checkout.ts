import * as path from 'node:path';
import type { FileBump } from '../../core/bump/bumper.js';
import type { GitCli } from '../../core/git/git-cli.js';
import type { ChangePlanner } from './change-planners.js';

const GLOB_CHARS = /[*?[{]/;
const YAML_FILE = /\.ya?ml$/i;

/**
 * The manifests working copy: checks out a commit and plans the change (a bump or a revert) on its files, so that
 * the same semantic edit can be applied again to whatever tip a lost race left behind.
 */
export class ManifestsCheckout {
  private checkedOut?: string;

  constructor(
    readonly git: GitCli,
    private readonly planner: ChangePlanner,
  ) {}

  /** Checks out `commit` and returns the edits the change makes there; [] when there is nothing left to change. */
  async bumpAt(commit: string): Promise<FileBump[]> {
    await this.git.checkout(commit);
    this.checkedOut = commit;
    return this.planner.plan(this.git, commit);
  }

  /** Writes edits planned by the last bumpAt, which must have been for `commit`. */
  async write(commit: string, bumps: readonly FileBump[]): Promise<void> {
    if (this.checkedOut !== commit)
      throw new Error(`Edits planned for ${commit} but ${this.checkedOut} is checked out.`);
    await this.planner.write(bumps, this.git.directory);
  }
}

/**
 * The folders a checkout needs for `paths` (git's cone mode), or undefined when one of them needs the whole tree.
 * A YAML file needs its folder; a glob needs the folder before its first wildcard.
 */
export function sparseDirectories(paths: readonly string[]): string[] | undefined {
  const folders = new Set<string>();
  for (const item of paths) {
    const normalized = path.posix.normalize(item.replace(/\\/g, '/')).replace(/\/+$/, '');
    const parts = normalized.split('/');
    const wildcard = parts.findIndex((part) => GLOB_CHARS.test(part));
    const folder =
      wildcard >= 0
        ? parts.slice(0, wildcard).join('/')
        : YAML_FILE.test(normalized)
          ? path.posix.dirname(normalized)
          : normalized;
    if (folder === '' || folder === '.') return undefined;
    folders.add(folder);
  }
  return [...folders].sort();
}
