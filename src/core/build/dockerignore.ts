/**
 * `.dockerignore` read the way Docker reads it: docker/cli's ignore-file reading and moby/patternmatcher's
 * matching, which the classic builder and BuildKit share.
 *
 * It answers "does Docker leave this path out of the context?" to decide that nothing changed, so every doubt
 * resolves towards "sent": a file counted that Docker leaves out costs a spurious rebuild, a file left out that
 * Docker sends would hide a change.
 */
import { escapeRegExp } from '../regexp.js';

/** One line of an ignore file after Docker's clean-up: comment dropped, `!` split off, path cleaned. */
interface IgnoreLine {
  exception: boolean;
  pattern: string;
}

// strings.TrimSpace trims what Go's unicode.IsSpace calls space; String.prototype.trim differs on U+0085 and U+FEFF.
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+';
const OUTER_GO_SPACE = new RegExp(`^${GO_SPACE}|${GO_SPACE}$`, 'g');

function readIgnoreLines(text: string): IgnoreLine[] {
  const lines: IgnoreLine[] = [];
  // A CR before the LF needs no care: it is trimmed with the other spaces.
  for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
    // Docker tests for a comment before trimming: "  # x" is the pattern "# x".
    if (line.startsWith('#')) continue;
    let pattern = trimSpace(line);
    if (pattern === '') continue;
    const exception = pattern.startsWith('!');
    if (exception) pattern = trimSpace(pattern.slice(1));
    if (pattern !== '') pattern = withoutLeadingSlash(cleanPath(pattern));
    lines.push({ exception, pattern });
  }
  return lines;
}

function trimSpace(text: string): string {
  return text.replace(OUTER_GO_SPACE, '');
}

function withoutLeadingSlash(pattern: string): string {
  return pattern.length > 1 && pattern.startsWith('/') ? pattern.slice(1) : pattern;
}

/** Go's filepath.Clean on a slash-separated path: `./a/../b//c/` is `b/c`. */
function cleanPath(text: string): string {
  const rooted = text.startsWith('/');
  const parts: string[] = [];
  for (const part of text.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (!rooted) parts.push('..');
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** A line ready to match. */
interface Pattern {
  exception: boolean;
  /** The cleaned line without `!`. */
  text: string;
  /**
   * Whether the line matches this very path (whether it matches a parent is the caller's question) as every Docker
   * version reads it for an exclusion, as any version reads it for an exception: so it never excludes too much.
   */
  matches: (path: string) => boolean;
  /** How many `/`-separated parts the line has: Docker 20.10 tries only the parent with that many parts. */
  parts: number;
  /** The leading parts without wildcards: every path the line matches starts with them. */
  fixedHead: readonly string[];
}

function compile({ exception, pattern }: IgnoreLine): Pattern {
  const expression = toRegExp(pattern);
  const parts = pattern.split('/').length;
  // A line not read the way Docker does must not leave anything out: an exclusion matches nothing, an exception
  // everything.
  if (!expression || expression.operatorsBefore23) {
    return { exception, text: pattern, matches: () => exception, parts, fixedHead: [] };
  }
  const since23 = matcherSince23(expression, pattern);
  const before23 = (path: string): boolean => expression.regExp.test(path);
  return {
    exception,
    text: pattern,
    matches: exception ? (path) => since23(path) || before23(path) : (path) => since23(path) && before23(path),
    parts,
    fixedHead: fixedHead(pattern),
  };
}

// Characters that make a part of a line more than a literal name (fsutil's list, backslash included).
const WILDCARD_CHARS = /[*?[\]\\^]/;

function fixedHead(pattern: string): string[] {
  // A line starting with `**` matches by suffix, so anywhere.
  if (pattern.startsWith('**')) return [];
  const parts = pattern.split('/');
  const firstWildcard = parts.findIndex((part) => WILDCARD_CHARS.test(part));
  return firstWildcard < 0 ? parts : parts.slice(0, firstWildcard);
}

/**
 * How patternmatcher (Docker 23 on) compares a line with a path: a plain comparison when the line allows, else the
 * regular expression. Docker before 23 (20.10 checked) always used the regular expression, so `a^b` or `**x` differ.
 */
type MatchKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

// Docker before 23 passed these to Go's regexp unescaped, as operators: `a+b` matched "aab", `a|b` "a/x/b".
const OPERATORS_BEFORE_23 = /[+(){}|]/;

interface LineRegExp {
  kind: MatchKind;
  regExp: RegExp;
  /** The line has an unescaped `+(){}|`, which Docker before 23 read as regexp operators. */
  operatorsBefore23: boolean;
}

// The pieces of Docker's regular expression in JavaScript (Go's `.` excludes only `\n`).
const ANY_TEXT = '[^\\n]*';
const ANY_DIRECTORIES = '(?:[^\\n]*/)?';
const NAME_TEXT = '[^/]*';
const NAME_CHAR = '[^/]';

/**
 * The regular expression Docker makes of a cleaned line, whether Docker 23 on compares plainly instead, and whether
 * Docker before 23 read it otherwise. Undefined for the odd forms Go's regexp reads otherwise than a glob: a class
 * holding `*`, `?` or `[`, or a backslash before a letter or digit (`\d`, `\n`).
 */
function toRegExp(pattern: string): LineRegExp | undefined {
  const chars = Array.from(pattern);
  let kind: MatchKind = 'exact';
  let source = '';
  let operatorsBefore23 = false;
  for (let i = 0; i < chars.length;) {
    const atStart = i === 0;
    const char = chars[i++];
    if (char === '*' && chars[i] === '*') {
      i += chars[i + 1] === '/' ? 2 : 1;
      if (i === chars.length) {
        source += ANY_TEXT;
        kind = kind === 'exact' ? 'prefix' : 'regexp';
      } else {
        // Repeating `(.*/)?` adds nothing but backtracking.
        if (!source.endsWith(ANY_DIRECTORIES)) source += ANY_DIRECTORIES;
        kind = 'regexp';
      }
      if (atStart) kind = 'suffix';
    } else if (char === '*' || char === '?') {
      source += char === '*' ? NAME_TEXT : NAME_CHAR;
      kind = 'regexp';
    } else if (char === '\\') {
      const escaped = chars[i++];
      if (escaped === undefined || !isPunctuation(escaped)) return undefined;
      source += escapeRegExp(escaped);
      kind = 'regexp';
    } else if (char === '[') {
      const characterClass = readCharacterClass(chars, i);
      if (!characterClass) return undefined;
      source += characterClass.source;
      i = characterClass.end;
      kind = 'regexp';
    } else if (char === ']') {
      source += '\\]';
      kind = 'regexp';
    } else {
      operatorsBefore23 ||= OPERATORS_BEFORE_23.test(char);
      // Docker leaves `^` unescaped: an anchor wherever the regular expression is used.
      source += char === '^' ? '^' : escapeRegExp(char);
    }
  }
  return { kind, regExp: new RegExp(`^${source}$`, 'u'), operatorsBefore23 };
}

function matcherSince23({ kind, regExp }: LineRegExp, pattern: string): (path: string) => boolean {
  switch (kind) {
    case 'exact':
      return (path) => path === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -'**'.length);
      return (path) => path.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = pattern.slice('**'.length);
      return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    case 'regexp':
      return (path) => regExp.test(path);
  }
}

/** ASCII other than letters and digits: what Go's regexp reads as itself after a backslash. */
function isPunctuation(char: string): boolean {
  return char.length === 1 && char < '\x80' && !/[A-Za-z0-9]/.test(char);
}

/**
 * The `[...]` starting at `start` (just after `[`) as Go's regexp reads what patternmatcher makes of it: `^` first
 * negates (and then also matches `/`), `!` is a member, `a-z` a range. Undefined for unterminated classes and the
 * forms this module leaves out.
 */
function readCharacterClass(chars: readonly string[], start: number): { source: string; end: number } | undefined {
  let i = start;
  const negated = chars[i] === '^';
  if (negated) i++;
  // Go takes a `]` right after `[` or `[^` as a member; too rare to follow.
  if (chars[i] === ']') return undefined;
  let members = '';
  while (i < chars.length && chars[i] !== ']') {
    const low = readClassMember(chars, i);
    if (!low) return undefined;
    let high = low;
    if (chars[low.end] === '-' && low.end + 1 < chars.length && chars[low.end + 1] !== ']') {
      const rangeEnd = readClassMember(chars, low.end + 1);
      if (!rangeEnd || rangeEnd.codePoint < low.codePoint) return undefined;
      high = rangeEnd;
    }
    members += high === low ? codePointEscape(low) : `${codePointEscape(low)}-${codePointEscape(high)}`;
    i = high.end;
  }
  if (i >= chars.length) return undefined;
  return { source: `[${negated ? '^' : ''}${members}]`, end: i + 1 };
}

function readClassMember(chars: readonly string[], i: number): { codePoint: number; end: number } | undefined {
  const char = chars[i];
  if (char === undefined || char === '*' || char === '?' || char === '[') return undefined;
  if (char !== '\\') return { codePoint: char.codePointAt(0) as number, end: i + 1 };
  const escaped = chars[i + 1];
  if (escaped === undefined || !isPunctuation(escaped)) return undefined;
  return { codePoint: escaped.codePointAt(0) as number, end: i + 2 };
}

function codePointEscape({ codePoint }: { codePoint: number }): string {
  return `\\u{${codePoint.toString(16)}}`;
}

/** What one ignore file decides for a path; kept for directories, whose children are judged from it. */
interface Verdict {
  /** Some exclusion line matches the path or a parent. */
  exclusionMatched: boolean;
  /** The last exception line matching the path or a parent, -1 if none. */
  lastException: number;
  excluded: boolean;
  /** Nothing at or below the path is sent: it is excluded and no exception line can reach inside. */
  skipsBelow: boolean;
}

const SENT: Verdict = { exclusionMatched: false, lastException: -1, excluded: false, skipsBelow: false };
const INSIDE_SKIPPED: Verdict = { exclusionMatched: true, lastException: -1, excluded: true, skipsBelow: true };

/**
 * One ignore file. Docker versions agree on it until `!` lines meet directories, so a path counts as excluded only
 * when every reading in use excludes it:
 * - the documented rule (patternmatcher's MatchesOrParentMatches): the last line matching the path or a parent wins;
 * - BuildKit and the classic builder since Docker 23 (MatchesUsingParentResults), which carry a parent's match down
 *   only for the lines they tried on the parent, and skip lines that cannot change the verdict so far;
 * - buildx 0.7 (MatchesUsingParentResult), which starts from the parent's verdict and tries lines on the path only;
 * - Docker 20.10 (Matches), which tries a line on the path and on the one parent with as many parts as the line, so
 *   a `**` line misses deeper parents.
 * One condition implies the first three (see `judge`); Docker 20.10's is checked as it is. Docker's walks only ever
 * exclude more than these readings (they skip directories), never less.
 */
class IgnoreFile {
  private readonly exceptions: readonly Pattern[];
  private readonly directories = new Map<string, Verdict>();

  constructor(private readonly patterns: readonly Pattern[]) {
    this.exceptions = patterns.filter((pattern) => pattern.exception);
  }

  excludes(path: string): boolean {
    return this.verdict(path).excluded;
  }

  canSkipDirectory(path: string): boolean {
    return this.verdict(path).skipsBelow;
  }

  /** Docker 20.10's BuildKit sends an excluded directory whose path starts an exception line, even if empty. */
  sendsDirectoryItself(path: string): boolean {
    return !this.excludes(path) || this.exceptions.some((exception) => `${exception.text}/`.startsWith(`${path}/`));
  }

  private verdict(path: string): Verdict {
    // Also keeps DockerIgnore.none, which lives as long as the process, from caching anything.
    if (this.patterns.length === 0) return SENT;
    const slash = path.lastIndexOf('/');
    const parent = slash < 0 ? undefined : this.directoryVerdict(path.slice(0, slash));
    return parent?.skipsBelow ? INSIDE_SKIPPED : this.judge(path, parent);
  }

  private directoryVerdict(path: string): Verdict {
    let verdict = this.directories.get(path);
    if (!verdict) {
      verdict = this.verdict(path);
      this.directories.set(path, verdict);
    }
    return verdict;
  }

  private judge(path: string, parent: Verdict = SENT): Verdict {
    const matchedHere = this.patterns.map((pattern) => pattern.matches(path));
    const lastHere = matchedHere.lastIndexOf(true);
    const lastException = Math.max(parent.lastException, this.lastExceptionOf(matchedHere));
    const exclusionMatched =
      parent.exclusionMatched || matchedHere.some((matched, i) => matched && !this.patterns[i].exception);
    // Implies exclusion by the documented rule, BuildKit's and buildx 0.7's: an exclusion line matches the path or a
    // parent and no exception line does, or the last line matching the path itself is an exclusion that comes after
    // every exception line matching the path or a parent.
    const excludedByParentRules =
      (exclusionMatched && lastException < 0) || (lastHere > lastException && !this.patterns[lastHere].exception);
    const parts = path.split('/');
    const excluded = excludedByParentRules && this.excludedByDocker2010(parts, matchedHere);
    const skipsBelow = excluded && !this.exceptions.some((exception) => mayReach(exception.fixedHead, parts));
    return { exclusionMatched, lastException, excluded, skipsBelow };
  }

  private lastExceptionOf(matched: readonly boolean[]): number {
    return matched.findLastIndex((isMatched, i) => isMatched && this.patterns[i].exception);
  }

  /** Docker 20.10's Matches: the last line matching the path, or its parent with as many parts as the line, wins. */
  private excludedByDocker2010(parts: readonly string[], matchedHere: readonly boolean[]): boolean {
    const parents = parts.slice(0, -1);
    const matched = this.patterns.map(
      (pattern, i) =>
        matchedHere[i] ||
        (pattern.parts <= parents.length && pattern.matches(parents.slice(0, pattern.parts).join('/'))),
    );
    const last = matched.lastIndexOf(true);
    return last >= 0 && !this.patterns[last].exception;
  }
}

/** Whether a line whose matches all start with `head` can match the path of `parts`, a parent, or a path inside. */
function mayReach(head: readonly string[], parts: readonly string[]): boolean {
  const shared = Math.min(head.length, parts.length);
  for (let i = 0; i < shared; i++) {
    if (head[i] !== parts[i]) return false;
  }
  return true;
}

/** The paths a `.dockerignore` leaves out of a build context. */
export class DockerIgnore {
  private constructor(private readonly files: readonly IgnoreFile[]) {}

  /** Never throws: a line this module cannot read as Docker does is kept from leaving anything out. */
  static parse(text: string): DockerIgnore {
    return new DockerIgnore([new IgnoreFile(readIgnoreLines(text).map(compile))]);
  }

  /** No ignore file: everything is sent. */
  static readonly none: DockerIgnore = DockerIgnore.parse('');

  /** Leaves out only what every one of the given ignores leaves out: for when which one Docker uses is not known. */
  static excludedByAll(first: DockerIgnore, ...others: DockerIgnore[]): DockerIgnore {
    return new DockerIgnore([first, ...others].flatMap((ignore) => ignore.files));
  }

  /** Whether `relativePath` (slash-separated, relative to the context root, no leading ./) is left out. */
  excludes(relativePath: string): boolean {
    return this.files.every((file) => file.excludes(relativePath));
  }

  /**
   * Whether a whole directory can be skipped without walking it: excluded, and no exception line could re-include
   * anything below it.
   */
  canSkipDirectory(relativePath: string): boolean {
    return this.files.every((file) => file.canSkipDirectory(relativePath));
  }

  /**
   * Whether a directory Docker walks into is sent even when nothing inside it is: it is not excluded, or (Docker
   * 20.10 with BuildKit) an exception line names a path inside it. Otherwise it is sent only with what is inside.
   */
  sendsDirectoryItself(relativePath: string): boolean {
    return this.files.some((file) => file.sendsDirectoryItself(relativePath));
  }
}
