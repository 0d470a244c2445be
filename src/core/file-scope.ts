import { readdirSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UserError } from './errors.js';
import { escapeRegExp } from './regexp.js';

const YAML_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[{]/;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export interface ResolveOptions {
  /** Called for a pattern that matches no YAML file; without it, such a pattern is a UserError. */
  onNoMatch?: (pattern: string) => void;
}

/**
 * Resolves user paths (files, directories searched recursively for YAML, or globs) relative to a root,
 * refusing anything that resolves outside it, symlinks included. Returns absolute real paths, sorted.
 */
export async function resolveYamlFiles(
  patterns: readonly string[],
  root: string,
  options: ResolveOptions = {},
): Promise<string[]> {
  if (patterns.length === 0) throw new UserError('No paths given: name at least one file, directory or glob.');
  const realRoot = await realDirectory(root);
  const found = new Set<string>();
  for (const pattern of patterns) {
    const matches = GLOB_CHARS.test(pattern)
      ? await expandGlob(pattern, realRoot)
      : await expandPath(pattern, realRoot);
    if (matches.length === 0) {
      if (!options.onNoMatch) throw new UserError(`Path "${pattern}" matches no YAML file under ${root}.`);
      options.onNoMatch(pattern);
    }
    for (const file of matches) found.add(file);
  }
  return [...found].sort();
}

/** `/`-separated path of a file relative to the root, for outputs and summaries. */
export function relativeToRoot(root: string, file: string): string {
  // Walked files are real absolute paths below a real root: slicing is what path.relative would compute, without
  // resolving both paths again (a bump of 8,000 files called this 8,000 times).
  if (file.startsWith(root) && file[root.length] === path.sep && root !== path.sep) {
    const below = file.slice(root.length + 1);
    return path.sep === '/' ? below : below.split(path.sep).join('/');
  }
  return path.relative(root, file).split(path.sep).join('/');
}

async function realDirectory(root: string): Promise<string> {
  try {
    const real = await fs.realpath(root);
    if (!(await fs.stat(real)).isDirectory()) throw new Error('not a directory');
    return real;
  } catch {
    throw new UserError(`Working directory "${root}" does not exist or is not a directory.`);
  }
}

async function expandPath(pattern: string, root: string): Promise<string[]> {
  const target = await insideRoot(pattern, path.resolve(root, pattern), root);
  if (target === undefined) return [];
  const stat = await fs.stat(target);
  if (stat.isDirectory()) return walkYaml(target, root);
  return stat.isFile() ? [target] : [];
}

async function expandGlob(pattern: string, root: string): Promise<string[]> {
  const normalized = pattern.split(path.sep).join('/');
  if (path.isAbsolute(pattern) || normalized.split('/').includes('..')) {
    throw new UserError(`Path "${pattern}" must stay inside ${root}: use a glob relative to the working directory.`);
  }
  const matcher = globToRegExp(normalized);
  const start = await insideRoot(pattern, path.resolve(root, staticPrefix(normalized)), root);
  if (start === undefined || !(await fs.stat(start)).isDirectory()) return [];
  const candidates = await walkFiles(start, root);
  return candidates.filter((file) => YAML_FILE.test(file) && matcher.test(relativeToRoot(root, file)));
}

/** The real path of `candidate`, or undefined when it does not exist; a UserError when it escapes the root. */
async function insideRoot(pattern: string, candidate: string, root: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await fs.realpath(candidate);
  } catch {
    if (!isInside(root, path.resolve(candidate))) throw escapes(pattern, root);
    return undefined;
  }
  if (!isInside(root, real)) throw escapes(pattern, root);
  return real;
}

function escapes(pattern: string, root: string): UserError {
  return new UserError(`Path "${pattern}" resolves outside the working directory ${root}; it is refused.`);
}

/** Whether `candidate` is `root` or below it; both must already be real (symlink-free) absolute paths. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function walkYaml(dir: string, root: string): Promise<string[]> {
  return (await walkFiles(dir, root)).filter((file) => YAML_FILE.test(file));
}

/**
 * Every regular file below `dir`; a symlink is followed only when its target stays inside the root. Directories are
 * listed synchronously, as files are read (see readFileAtMost): through the thread pool, the 10,000 folders of the
 * bump bench's 2,000-app repository cost more than the listing itself.
 */
async function walkFiles(dir: string, root: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [dir];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const current = pending.pop() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      // `current` is already normal and a name holds no separator: no need for path.join's normalizing.
      const full = current.endsWith(path.sep) ? `${current}${entry.name}` : `${current}${path.sep}${entry.name}`;
      const real = entry.isSymbolicLink() ? await insideRoot(relativeToRoot(root, full), full, root) : full;
      if (real === undefined) continue;
      const stat = entry.isSymbolicLink() ? await fs.stat(real) : entry;
      if (stat.isDirectory()) pending.push(real);
      else if (stat.isFile()) files.push(real);
    }
  }
  return files;
}

function staticPrefix(pattern: string): string {
  const parts = pattern.split('/');
  const index = parts.findIndex((part) => GLOB_CHARS.test(part));
  return parts.slice(0, index).join('/') || '.';
}

/** `**` spans directories, `*` and `?` stay within one, `{a,b}` alternates, `[...]` is a class. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const close = pattern.indexOf('}', i);
      if (close < 0) throw new UserError(`Glob "${pattern}" has an unclosed "{".`);
      source += `(?:${pattern
        .slice(i + 1, close)
        .split(',')
        .map(escapeRegExp)
        .join('|')})`;
      i = close;
    } else if (char === '[') {
      const close = pattern.indexOf(']', i);
      if (close < 0) throw new UserError(`Glob "${pattern}" has an unclosed "[".`);
      source += `[${pattern
        .slice(i + 1, close)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\')}]`;
      i = close;
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}
