import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from './errors.js';
import { isInside, relativeToRoot } from './file-scope.js';
import { randomHex } from './random.js';

/** A file to replace (or create) with new content. */
export interface FileWrite {
  /** Absolute path; must stay inside the root. */
  file: string;
  content: string | Uint8Array;
  /** What the file holds now, to put back if another file of the batch fails; read from the file when absent. */
  previous?: string | Uint8Array;
}

/** A write that failed for a reason outside the user's files (a full disk, a read-only folder): names the file. */
export class FileWriteError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    // Node's errors are read by shape: under jest's VM modules they come from another realm than `Error`.
    super(
      `Could not write ${file} (${(cause as { message?: string }).message ?? String(cause)}); no file was changed.`,
      {
        cause,
      },
    );
  }
}

interface Staged {
  write: FileWrite;
  /** Real path the temporary is renamed onto. */
  target: string;
  temp: string;
  /** undefined: the file did not exist. */
  previous?: string | Uint8Array;
  mode: number;
}

// Exclusive and never through a link: a name planted in the tree (a symlink, a file) makes the open fail.
const { O_CREAT, O_EXCL, O_NOFOLLOW, O_RDONLY, O_WRONLY } = fs.constants;
const CREATE_EXCLUSIVE = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
const READ_NO_FOLLOW = O_RDONLY | O_NOFOLLOW;
const NEW_FILE_MODE = 0o644;

/**
 * Replaces every file, or none, without ever writing through a symlink or outside `root`: each content goes to a
 * temporary created exclusively under a random name in the file's own folder (with the file's mode), the final path's
 * folder is checked against the real root right before the rename, and a failure puts back what was already renamed
 * and deletes every temporary. Nothing is followed that the tree could have planted.
 *
 * Synchronous inside, like the reads (src/core/read-file.ts): a step writing a batch has nothing else to do, and each
 * file took about ten trips through the thread pool (whole-repository bench: ~6 ms of waiting at the end of a bump).
 */
export async function writeFilesAtomically(root: string, writes: readonly FileWrite[]): Promise<void> {
  const realRoot = fs.realpathSync.native(root);
  const staged: Staged[] = [];
  try {
    for (const write of writes) staged.push(stage(realRoot, write));
  } catch (error) {
    removeTemporaries(staged);
    throw error;
  }
  const renamed: Staged[] = [];
  try {
    for (const entry of staged) {
      checkTarget(realRoot, entry.target);
      fs.renameSync(entry.temp, entry.target);
      renamed.push(entry);
    }
  } catch (error) {
    // Put back what was already replaced so the tree is never half-edited.
    restore(realRoot, renamed);
    removeTemporaries(staged);
    if (error instanceof UserError || error instanceof FileWriteError) throw error;
    throw new FileWriteError(relativeToRoot(realRoot, failedTarget(staged, renamed)), error);
  }
}

function failedTarget(staged: readonly Staged[], renamed: readonly Staged[]): string {
  return (staged[renamed.length] ?? staged[0])?.target ?? '';
}

function stage(realRoot: string, write: FileWrite): Staged {
  const target = checkTarget(realRoot, write.file);
  const existing = lstatOrUndefined(target);
  const previous = existing ? (write.previous ?? readNoFollow(realRoot, target)) : undefined;
  const mode = existing ? existing.mode & 0o7777 : NEW_FILE_MODE;
  const temp = writeTemporary(realRoot, target, write.content, mode);
  return { write, target, temp, previous, mode };
}

/**
 * The path to rename onto: its folder's real path inside the root, the name itself not a symlink, a folder or
 * anything but a regular file. Checked when staging and again right before each rename.
 */
function checkTarget(realRoot: string, file: string): string {
  const shown = relativeToRoot(realRoot, file);
  let folder: string;
  try {
    folder = fs.realpathSync.native(path.dirname(file));
  } catch (error) {
    throw new FileWriteError(shown, error);
  }
  const target = path.join(folder, path.basename(file));
  if (!isInside(realRoot, target) || target === realRoot) {
    throw new UserError(`${shown}: resolves outside the working directory ${realRoot}; it is not written.`, {
      file: shown,
    });
  }
  const stat = lstatOrUndefined(target);
  if (stat && !stat.isFile()) {
    const what = stat.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
    throw new UserError(`${shown}: is ${what}; it is not written.`, { file: shown });
  }
  return target;
}

function writeTemporary(realRoot: string, target: string, content: string | Uint8Array, mode: number): string {
  // Starts with a dot and ends in .tmp so that editors and globs pass it over; random so no one can plant it.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomHex(8)}.tmp`);
  let created = false;
  let open: number | undefined;
  try {
    open = fs.openSync(temp, CREATE_EXCLUSIVE, 0o600);
    created = true;
    fs.writeFileSync(open, content);
    // The umask narrowed the mode open() was given; the copy keeps the original's.
    fs.fchmodSync(open, mode);
    // Forgotten before it is closed: a close that fails has still released the number, which another open may reuse.
    const closing = open;
    open = undefined;
    fs.closeSync(closing);
    return temp;
  } catch (error) {
    const descriptor = open;
    if (descriptor !== undefined) bestEffort(() => fs.closeSync(descriptor));
    // Only a file this call created is removed: an EEXIST means the name belongs to someone else.
    if (created) bestEffort(() => fs.rmSync(temp, { force: true }));
    throw new FileWriteError(relativeToRoot(realRoot, target), error);
  }
}

/** Best effort: the error that stopped the batch is the one reported. */
function restore(realRoot: string, renamed: readonly Staged[]): void {
  for (const entry of renamed) {
    bestEffort(() => {
      if (entry.previous === undefined) fs.rmSync(entry.target, { force: true });
      else fs.renameSync(writeTemporary(realRoot, entry.target, entry.previous, entry.mode), entry.target);
    });
  }
}

function removeTemporaries(staged: readonly Staged[]): void {
  for (const { temp } of staged) bestEffort(() => fs.rmSync(temp, { force: true }));
}

function bestEffort(work: () => void): void {
  try {
    work();
  } catch {
    // Cleaning up after a failure: the failure is what gets reported.
  }
}

function readNoFollow(realRoot: string, file: string): Buffer {
  try {
    const descriptor = fs.openSync(file, READ_NO_FOLLOW);
    try {
      return fs.readFileSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
  } catch (error) {
    throw new FileWriteError(relativeToRoot(realRoot, file), error);
  }
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  return fs.lstatSync(file, { throwIfNoEntry: false });
}
