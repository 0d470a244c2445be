import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
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
const CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
const READ_NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW;
const NEW_FILE_MODE = 0o644;

/**
 * Replaces every file, or none, without ever writing through a symlink or outside `root`: each content goes to a
 * temporary created exclusively under a random name in the file's own folder (with the file's mode), the final path's
 * folder is checked against the real root right before the rename, and a failure puts back what was already renamed
 * and deletes every temporary. Nothing is followed that the tree could have planted.
 */
export async function writeFilesAtomically(root: string, writes: readonly FileWrite[]): Promise<void> {
  const realRoot = await fs.realpath(root);
  const staged: Staged[] = [];
  try {
    for (const write of writes) staged.push(await stage(realRoot, write));
  } catch (error) {
    await removeTemporaries(staged);
    throw error;
  }
  const renamed: Staged[] = [];
  try {
    for (const entry of staged) {
      await checkTarget(realRoot, entry.target);
      await fs.rename(entry.temp, entry.target);
      renamed.push(entry);
    }
  } catch (error) {
    // Put back what was already replaced so the tree is never half-edited.
    await restore(realRoot, renamed);
    await removeTemporaries(staged);
    if (error instanceof UserError || error instanceof FileWriteError) throw error;
    throw new FileWriteError(relativeToRoot(realRoot, failedTarget(staged, renamed)), error);
  }
}

function failedTarget(staged: readonly Staged[], renamed: readonly Staged[]): string {
  return (staged[renamed.length] ?? staged[0])?.target ?? '';
}

async function stage(realRoot: string, write: FileWrite): Promise<Staged> {
  const target = await checkTarget(realRoot, write.file);
  const existing = await lstatOrUndefined(target);
  const previous = existing ? (write.previous ?? (await readNoFollow(realRoot, target))) : undefined;
  const mode = existing ? existing.mode & 0o7777 : NEW_FILE_MODE;
  const temp = await writeTemporary(realRoot, target, write.content, mode);
  return { write, target, temp, previous, mode };
}

/**
 * The path to rename onto: its folder's real path inside the root, the name itself not a symlink, a folder or
 * anything but a regular file. Checked when staging and again right before each rename.
 */
async function checkTarget(realRoot: string, file: string): Promise<string> {
  const shown = relativeToRoot(realRoot, file);
  let folder: string;
  try {
    folder = await fs.realpath(path.dirname(file));
  } catch (error) {
    throw new FileWriteError(shown, error);
  }
  const target = path.join(folder, path.basename(file));
  if (!isInside(realRoot, target) || target === realRoot) {
    throw new UserError(`${shown}: resolves outside the working directory ${realRoot}; it is not written.`, {
      file: shown,
    });
  }
  const stat = await lstatOrUndefined(target);
  if (stat && !stat.isFile()) {
    const what = stat.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
    throw new UserError(`${shown}: is ${what}; it is not written.`, { file: shown });
  }
  return target;
}

async function writeTemporary(
  realRoot: string,
  target: string,
  content: string | Uint8Array,
  mode: number,
): Promise<string> {
  // Starts with a dot and ends in .tmp so that editors and globs pass it over; random so no one can plant it.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomHex(8)}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, CREATE_EXCLUSIVE, 0o600);
    await handle.writeFile(content);
    // The umask narrowed the mode open() was given; the copy keeps the original's.
    await handle.chmod(mode);
    await handle.close();
    return temp;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    // Only a file this call created is removed: an EEXIST means the name belongs to someone else.
    if (handle) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new FileWriteError(relativeToRoot(realRoot, target), error);
  }
}

async function restore(realRoot: string, renamed: readonly Staged[]): Promise<void> {
  for (const entry of renamed) {
    try {
      if (entry.previous === undefined) await fs.rm(entry.target, { force: true });
      else await fs.rename(await writeTemporary(realRoot, entry.target, entry.previous, entry.mode), entry.target);
    } catch {
      // Best effort: the error that stopped the batch is the one reported.
    }
  }
}

async function removeTemporaries(staged: readonly Staged[]): Promise<void> {
  await Promise.all(staged.map(({ temp }) => fs.rm(temp, { force: true }).catch(() => undefined)));
}

async function readNoFollow(realRoot: string, file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file, { flag: READ_NO_FOLLOW });
  } catch (error) {
    throw new FileWriteError(relativeToRoot(realRoot, file), error);
  }
}

async function lstatOrUndefined(file: string): Promise<import('node:fs').Stats | undefined> {
  try {
    return await fs.lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
