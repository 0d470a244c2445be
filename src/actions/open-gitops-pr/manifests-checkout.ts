import * as path from 'node:path';
import * as core from '@actions/core';
import { type FileBump, ManifestBumper } from '../../core/bump/bumper.js';
import type { BumpTarget } from '../../core/bump/types.js';
import { UserError } from '../../core/errors.js';
import { resolveYamlFiles } from '../../core/file-scope.js';
import type { GitCli } from '../../core/git/git-cli.js';

const GLOB_CHARS = /[*?[{]/;
const YAML_FILE = /\.ya?ml$/i;

/**
 * The manifests working copy: checks out a commit and plans the bump on its files, so that the same semantic
 * edit can be applied again to whatever tip a lost race left behind.
 */
export class ManifestsCheckout {
  private checkedOut?: string;
  private readonly warned = new Set<string>();

  constructor(
    readonly git: GitCli,
    private readonly paths: readonly string[],
    private readonly target: BumpTarget,
    private readonly failOnNoMatch: boolean,
    private readonly bumper = new ManifestBumper(),
  ) {}

  /** Checks out `commit` and returns the edits the bump makes there; [] when its files already point at the image. */
  async bumpAt(commit: string): Promise<FileBump[]> {
    await this.git.checkout(commit);
    this.checkedOut = commit;
    const root = this.git.directory;
    const unmatched: string[] = [];
    const files = await resolveYamlFiles(this.paths, root, { onNoMatch: (pattern) => unmatched.push(pattern) });
    if (unmatched.length > 0) this.reportUnmatched(unmatched, commit);
    return files.length === 0 ? [] : this.bumper.plan(files, root, this.target);
  }

  /** Writes edits planned by the last bumpAt, which must have been for `commit`. */
  async write(commit: string, bumps: readonly FileBump[]): Promise<void> {
    if (this.checkedOut !== commit)
      throw new Error(`Edits planned for ${commit} but ${this.checkedOut} is checked out.`);
    await this.bumper.write(bumps, this.git.directory);
  }

  private reportUnmatched(unmatched: readonly string[], commit: string): void {
    const list = unmatched.map((pattern) => `"${pattern}"`).join(', ');
    if (this.failOnNoMatch) {
      throw new UserError(`Path ${list} matches no YAML file at ${commit.slice(0, 12)} (fail-on-no-match is true).`);
    }
    for (const pattern of unmatched.filter((item) => !this.warned.has(item))) {
      this.warned.add(pattern);
      core.warning(`Path "${pattern}" matches no YAML file in the manifests repository; it is skipped.`);
    }
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
