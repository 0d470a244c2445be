/**
 * What a build context sends to Docker, and a digest of it, to tell whether a context changed since an earlier
 * build. Like the ignore rules, it errs towards counting too much: a spurious rebuild is harmless, a missed change
 * is not.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
} from 'node:fs';
import * as path from 'node:path';
import { DockerIgnore } from './dockerignore.js';

// Everything here reads with blocking calls: the action has nothing else to do meanwhile, and on 5,000 small files
// blocking calls are several times faster than promise-based ones.

/**
 * The ignore file Docker uses for this build. BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile when
 * it exists, else `<context>/.dockerignore`; the classic builder reads only the latter (both checked on Docker
 * 20.10). Which builder runs is known only once a build ran, so with both files a path is left out only when both
 * leave it out.
 */
export function readDockerIgnore(context: string, dockerfile: string): DockerIgnore {
  const besideDockerfile = readIgnoreFile(`${path.resolve(dockerfile)}.dockerignore`);
  const inContext = readIgnoreFile(path.join(context, '.dockerignore'));
  const classic = inContext ?? DockerIgnore.none;
  return besideDockerfile ? DockerIgnore.excludedByAll(besideDockerfile, classic) : classic;
}

function readIgnoreFile(file: string): DockerIgnore | undefined {
  try {
    return DockerIgnore.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** One path of a build context, with what of it reaches an image. */
export interface ContextEntry {
  /** Slash-separated, relative to the context root. */
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  /** Permission bits: mode & 0o7777. */
  mode: number;
  /** sha256 hex of the content (files) or of the link target (symlinks); '' otherwise */
  hash: string;
}

type EntryType = ContextEntry['type'];

/** A path the walk found, before it is read. */
interface FoundPath {
  path: string;
  type: EntryType;
}

const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Every entry Docker would send, in a stable order (sorted by path, byte-wise). Symlinks are not followed.
 * Directories are entries too: an empty one still lands in the image.
 */
export function contextEntries(context: string, ignore: DockerIgnore): ContextEntry[] {
  const root = path.resolve(context);
  const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  return sortByteWise(collect(root, '', ignore).map((found) => readEntry(root, found, buffer)));
}

/** What Docker may send below `directory`. */
function collect(root: string, directory: string, ignore: DockerIgnore): FoundPath[] {
  const children = readdirSync(path.join(root, directory), { withFileTypes: true });
  return children.flatMap((child) => collectChild(root, childPath(directory, child.name), child, ignore));
}

function childPath(directory: string, name: string): string {
  return directory === '' ? name : `${directory}/${name}`;
}

/**
 * The child and, for a directory, what lies inside. Docker walks into an excluded directory an exception line may
 * reach into; it then sends the directory with anything inside it that it sends (BuildKit), or creates it (classic).
 */
function collectChild(root: string, relative: string, child: Dirent, ignore: DockerIgnore): FoundPath[] {
  if (!child.isDirectory()) return ignore.excludes(relative) ? [] : [{ path: relative, type: entryType(child) }];
  if (ignore.canSkipDirectory(relative)) return [];
  const inside = collect(root, relative, ignore);
  const sent = inside.length > 0 || ignore.sendsDirectoryItself(relative);
  return sent ? [{ path: relative, type: 'directory' }, ...inside] : [];
}

function entryType(entry: Dirent): EntryType {
  if (entry.isFile()) return 'file';
  if (entry.isSymbolicLink()) return 'symlink';
  return 'other';
}

function readEntry(root: string, { path: relative, type }: FoundPath, buffer: Buffer): ContextEntry {
  const absolute = path.join(root, relative);
  switch (type) {
    case 'file':
      return { path: relative, type, ...hashFile(absolute, buffer) };
    case 'symlink':
      return {
        path: relative,
        type,
        mode: permissions(lstatSync(absolute).mode),
        hash: sha256(readlinkSync(absolute, { encoding: 'buffer' })),
      };
    default:
      return { path: relative, type, mode: permissions(lstatSync(absolute).mode), hash: '' };
  }
}

/** Mode and content hash from one open file: the mode from fstat, so a file costs open, fstat, read(s), close. */
function hashFile(file: string, buffer: Buffer): { mode: number; hash: string } {
  const descriptor = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const stats = fstatSync(descriptor);
    const hash = createHash('sha256');
    // Up to the size fstat saw: a file that grows meanwhile races with Docker's read as much as with this one.
    for (let remaining = stats.size; remaining > 0;) {
      const bytesRead = readSync(descriptor, buffer, 0, Math.min(buffer.length, remaining), null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      remaining -= bytesRead;
    }
    return { mode: permissions(stats.mode), hash: hash.digest('hex') };
  } finally {
    closeSync(descriptor);
  }
}

function permissions(mode: number): number {
  return mode & 0o7777;
}

/** By the UTF-8 bytes of the path, as Go and `sort` in the C locale order them (UTF-16 order differs). */
function sortByteWise(entries: readonly ContextEntry[]): ContextEntry[] {
  return entries
    .map((entry) => ({ entry, key: Buffer.from(entry.path) }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(({ entry }) => entry);
}

// Bumped whenever the serialization changes, so a digest of the old form never equals one of the new.
const DIGEST_FORMAT = 'context-digest/v1';

/** sha256:<hex> over contextEntries: path, type, permission bits (mode & 0o7777), content hash. Not mtime, uid, gid. */
export function contextDigest(context: string, dockerfile: string): string {
  const entries = contextEntries(context, readDockerIgnore(context, dockerfile));
  const digest = createHash('sha256').update(`${DIGEST_FORMAT}\n`);
  // One JSON array per line: JSON escapes every newline and quote, so two different trees cannot serialize alike.
  for (const { path: entryPath, type, mode, hash } of entries) {
    digest.update(`${JSON.stringify([entryPath, type, mode, hash])}\n`);
  }
  return `sha256:${digest.digest('hex')}`;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
