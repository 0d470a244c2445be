import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { ImageRef } from '../../core/image-ref.js';

/** Commits this action makes carry this trailer, so that a later run can tell its own commits from anyone else's. */
export const TARGET_TRAILER = 'GitOps-Target';

const SLUG_LENGTH = 40;

/**
 * What a run changes: one image repository in some paths of one base branch (an app in an environment).
 * Runs for the same target share a branch and so a pull request; a newer image updates it.
 */
export class ChangeTarget {
  /** 16 hex digits naming the target; the tag and digest are not part of it. */
  readonly key: string;
  /** The paths as a set: their order and spelling (`./a/`, `a`) do not make another target. */
  private readonly normalizedPaths: readonly string[];

  constructor(
    readonly image: ImageRef,
    readonly paths: readonly string[],
    readonly base: string,
  ) {
    this.normalizedPaths = [...new Set(paths.map(normalizePath))].sort();
    this.key = createHash('sha256')
      .update([image.repository, base, ...this.normalizedPaths].join('\n'))
      .digest('hex')
      .slice(0, 16);
  }

  /** e.g. `gitops/api/apps-api-overlays-prod-3f9a1c2b`: readable in the branch list, unique by the key. */
  get defaultBranch(): string {
    const name = slug(this.image.path.split('/').at(-1) as string);
    const where = slug(this.normalizedPaths.join('-')).slice(0, SLUG_LENGTH).replace(/-+$/, '');
    return `gitops/${name}/${where ? `${where}-` : ''}${this.key.slice(0, 8)}`;
  }

  /** Whether a commit message says that commit was made for this target. */
  madeFor(message: string): boolean {
    return message.split('\n').some((line) => line.trim() === `${TARGET_TRAILER}: ${this.key}`);
  }
}

function normalizePath(pathText: string): string {
  return path.posix.normalize(pathText.replace(/\\/g, '/')).replace(/^\.\/|\/$/g, '');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
