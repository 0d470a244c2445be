export const id = 757;
export const ids = [757];
export const modules = {

/***/ 1757:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildMultistage: () => (/* binding */ buildMultistage)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(8860);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/regexp.js

/** `text` as a pattern that matches exactly it. */
function regexp_escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
/** A regular expression as the user wrote it in `input`; a UserError naming the input when it is not one. */
function userRegExp(text, input) {
    try {
        return new RegExp(text);
    }
    catch {
        throw new UserError(`Input "${input}" is not a regular expression: ${text}`);
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/dockerignore.js
/**
 * `.dockerignore` read the way Docker reads it: docker/cli's ignore-file reading and moby/patternmatcher's
 * matching, which the classic builder and BuildKit share.
 *
 * It answers "does Docker leave this path out of the context?" to decide that nothing changed, so every doubt
 * resolves towards "sent": a file counted that Docker leaves out costs a spurious rebuild, a file left out that
 * Docker sends would hide a change.
 */

// strings.TrimSpace trims what Go's unicode.IsSpace calls space; String.prototype.trim differs on U+0085 and U+FEFF.
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+';
const OUTER_GO_SPACE = new RegExp(`^${GO_SPACE}|${GO_SPACE}$`, 'g');
function readIgnoreLines(text) {
    const lines = [];
    // A CR before the LF needs no care: it is trimmed with the other spaces.
    for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
        // Docker tests for a comment before trimming: "  # x" is the pattern "# x".
        if (line.startsWith('#'))
            continue;
        let pattern = trimSpace(line);
        if (pattern === '')
            continue;
        const exception = pattern.startsWith('!');
        if (exception)
            pattern = trimSpace(pattern.slice(1));
        if (pattern !== '')
            pattern = withoutLeadingSlash(cleanPath(pattern));
        lines.push({ exception, pattern });
    }
    return lines;
}
function trimSpace(text) {
    return text.replace(OUTER_GO_SPACE, '');
}
function withoutLeadingSlash(pattern) {
    return pattern.length > 1 && pattern.startsWith('/') ? pattern.slice(1) : pattern;
}
/** Go's filepath.Clean on a slash-separated path: `./a/../b//c/` is `b/c`. */
function cleanPath(text) {
    const rooted = text.startsWith('/');
    const parts = [];
    for (const part of text.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part !== '..')
            parts.push(part);
        else if (parts.length > 0 && parts[parts.length - 1] !== '..')
            parts.pop();
        else if (!rooted)
            parts.push('..');
    }
    const joined = parts.join('/');
    return rooted ? `/${joined}` : joined || '.';
}
function compile({ exception, pattern }) {
    const expression = toRegExp(pattern);
    const parts = pattern.split('/').length;
    // A line not read the way Docker does must not leave anything out: an exclusion matches nothing, an exception
    // everything.
    if (!expression || expression.operatorsBefore23) {
        return { exception, text: pattern, matches: () => exception, parts, fixedHead: [] };
    }
    const since23 = matcherSince23(expression, pattern);
    const before23 = (path) => expression.regExp.test(path);
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
function fixedHead(pattern) {
    // A line starting with `**` matches by suffix, so anywhere.
    if (pattern.startsWith('**'))
        return [];
    const parts = pattern.split('/');
    const firstWildcard = parts.findIndex((part) => WILDCARD_CHARS.test(part));
    return firstWildcard < 0 ? parts : parts.slice(0, firstWildcard);
}
// Docker before 23 passed these to Go's regexp unescaped, as operators: `a+b` matched "aab", `a|b` "a/x/b".
const OPERATORS_BEFORE_23 = /[+(){}|]/;
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
function toRegExp(pattern) {
    const chars = Array.from(pattern);
    let kind = 'exact';
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
            }
            else {
                // Repeating `(.*/)?` adds nothing but backtracking.
                if (!source.endsWith(ANY_DIRECTORIES))
                    source += ANY_DIRECTORIES;
                kind = 'regexp';
            }
            if (atStart)
                kind = 'suffix';
        }
        else if (char === '*' || char === '?') {
            source += char === '*' ? NAME_TEXT : NAME_CHAR;
            kind = 'regexp';
        }
        else if (char === '\\') {
            const escaped = chars[i++];
            if (escaped === undefined || !isPunctuation(escaped))
                return undefined;
            source += regexp_escapeRegExp(escaped);
            kind = 'regexp';
        }
        else if (char === '[') {
            const characterClass = readCharacterClass(chars, i);
            if (!characterClass)
                return undefined;
            source += characterClass.source;
            i = characterClass.end;
            kind = 'regexp';
        }
        else if (char === ']') {
            source += '\\]';
            kind = 'regexp';
        }
        else {
            operatorsBefore23 ||= OPERATORS_BEFORE_23.test(char);
            // Docker leaves `^` unescaped: an anchor wherever the regular expression is used.
            source += char === '^' ? '^' : regexp_escapeRegExp(char);
        }
    }
    return { kind, regExp: new RegExp(`^${source}$`, 'u'), operatorsBefore23 };
}
function matcherSince23({ kind, regExp }, pattern) {
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
function isPunctuation(char) {
    return char.length === 1 && char < '\x80' && !/[A-Za-z0-9]/.test(char);
}
/**
 * The `[...]` starting at `start` (just after `[`) as Go's regexp reads what patternmatcher makes of it: `^` first
 * negates (and then also matches `/`), `!` is a member, `a-z` a range. Undefined for unterminated classes and the
 * forms this module leaves out.
 */
function readCharacterClass(chars, start) {
    let i = start;
    const negated = chars[i] === '^';
    if (negated)
        i++;
    // Go takes a `]` right after `[` or `[^` as a member; too rare to follow.
    if (chars[i] === ']')
        return undefined;
    let members = '';
    while (i < chars.length && chars[i] !== ']') {
        const low = readClassMember(chars, i);
        if (!low)
            return undefined;
        let high = low;
        if (chars[low.end] === '-' && low.end + 1 < chars.length && chars[low.end + 1] !== ']') {
            const rangeEnd = readClassMember(chars, low.end + 1);
            if (!rangeEnd || rangeEnd.codePoint < low.codePoint)
                return undefined;
            high = rangeEnd;
        }
        members += high === low ? codePointEscape(low) : `${codePointEscape(low)}-${codePointEscape(high)}`;
        i = high.end;
    }
    if (i >= chars.length)
        return undefined;
    return { source: `[${negated ? '^' : ''}${members}]`, end: i + 1 };
}
function readClassMember(chars, i) {
    const char = chars[i];
    if (char === undefined || char === '*' || char === '?' || char === '[')
        return undefined;
    if (char !== '\\')
        return { codePoint: char.codePointAt(0), end: i + 1 };
    const escaped = chars[i + 1];
    if (escaped === undefined || !isPunctuation(escaped))
        return undefined;
    return { codePoint: escaped.codePointAt(0), end: i + 2 };
}
function codePointEscape({ codePoint }) {
    return `\\u{${codePoint.toString(16)}}`;
}
const SENT = { exclusionMatched: false, lastException: -1, excluded: false, skipsBelow: false };
const INSIDE_SKIPPED = { exclusionMatched: true, lastException: -1, excluded: true, skipsBelow: true };
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
    patterns;
    exceptions;
    directories = new Map();
    constructor(patterns) {
        this.patterns = patterns;
        this.exceptions = patterns.filter((pattern) => pattern.exception);
    }
    excludes(path) {
        return this.verdict(path).excluded;
    }
    canSkipDirectory(path) {
        return this.verdict(path).skipsBelow;
    }
    /** Docker 20.10's BuildKit sends an excluded directory whose path starts an exception line, even if empty. */
    sendsDirectoryItself(path) {
        return !this.excludes(path) || this.exceptions.some((exception) => `${exception.text}/`.startsWith(`${path}/`));
    }
    verdict(path) {
        // Also keeps DockerIgnore.none, which lives as long as the process, from caching anything.
        if (this.patterns.length === 0)
            return SENT;
        const slash = path.lastIndexOf('/');
        const parent = slash < 0 ? undefined : this.directoryVerdict(path.slice(0, slash));
        return parent?.skipsBelow ? INSIDE_SKIPPED : this.judge(path, parent);
    }
    directoryVerdict(path) {
        let verdict = this.directories.get(path);
        if (!verdict) {
            verdict = this.verdict(path);
            this.directories.set(path, verdict);
        }
        return verdict;
    }
    judge(path, parent = SENT) {
        const matchedHere = this.patterns.map((pattern) => pattern.matches(path));
        const lastHere = matchedHere.lastIndexOf(true);
        const lastException = Math.max(parent.lastException, this.lastExceptionOf(matchedHere));
        const exclusionMatched = parent.exclusionMatched || matchedHere.some((matched, i) => matched && !this.patterns[i].exception);
        // Implies exclusion by the documented rule, BuildKit's and buildx 0.7's: an exclusion line matches the path or a
        // parent and no exception line does, or the last line matching the path itself is an exclusion that comes after
        // every exception line matching the path or a parent.
        const excludedByParentRules = (exclusionMatched && lastException < 0) || (lastHere > lastException && !this.patterns[lastHere].exception);
        const parts = path.split('/');
        const excluded = excludedByParentRules && this.excludedByDocker2010(parts, matchedHere);
        const skipsBelow = excluded && !this.exceptions.some((exception) => mayReach(exception.fixedHead, parts));
        return { exclusionMatched, lastException, excluded, skipsBelow };
    }
    lastExceptionOf(matched) {
        return matched.findLastIndex((isMatched, i) => isMatched && this.patterns[i].exception);
    }
    /** Docker 20.10's Matches: the last line matching the path, or its parent with as many parts as the line, wins. */
    excludedByDocker2010(parts, matchedHere) {
        const parents = parts.slice(0, -1);
        const matched = this.patterns.map((pattern, i) => matchedHere[i] ||
            (pattern.parts <= parents.length && pattern.matches(parents.slice(0, pattern.parts).join('/'))));
        const last = matched.lastIndexOf(true);
        return last >= 0 && !this.patterns[last].exception;
    }
}
/** Whether a line whose matches all start with `head` can match the path of `parts`, a parent, or a path inside. */
function mayReach(head, parts) {
    const shared = Math.min(head.length, parts.length);
    for (let i = 0; i < shared; i++) {
        if (head[i] !== parts[i])
            return false;
    }
    return true;
}
/** The paths a `.dockerignore` leaves out of a build context. */
class DockerIgnore {
    files;
    constructor(files) {
        this.files = files;
    }
    /** Never throws: a line this module cannot read as Docker does is kept from leaving anything out. */
    static parse(text) {
        return new DockerIgnore([new IgnoreFile(readIgnoreLines(text).map(compile))]);
    }
    /** No ignore file: everything is sent. */
    static none = DockerIgnore.parse('');
    /** Leaves out only what every one of the given ignores leaves out: for when which one Docker uses is not known. */
    static excludedByAll(first, ...others) {
        return new DockerIgnore([first, ...others].flatMap((ignore) => ignore.files));
    }
    /** Whether `relativePath` (slash-separated, relative to the context root, no leading ./) is left out. */
    excludes(relativePath) {
        return this.files.every((file) => file.excludes(relativePath));
    }
    /**
     * Whether a whole directory can be skipped without walking it: excluded, and no exception line could re-include
     * anything below it.
     */
    canSkipDirectory(relativePath) {
        return this.files.every((file) => file.canSkipDirectory(relativePath));
    }
    /**
     * Whether a directory Docker walks into is sent even when nothing inside it is: it is not excluded, or (Docker
     * 20.10 with BuildKit) an exception line names a path inside it. Otherwise it is sent only with what is inside.
     */
    sendsDirectoryItself(relativePath) {
        return this.files.some((file) => file.sendsDirectoryItself(relativePath));
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/context-digest.js
/**
 * What a build context sends to Docker, and a digest of it, to tell whether a context changed since an earlier
 * build. Like the ignore rules, it errs towards counting too much: a spurious rebuild is harmless, a missed change
 * is not.
 */




// Everything here reads with blocking calls: the action has nothing else to do meanwhile, and on 5,000 small files
// blocking calls are several times faster than promise-based ones.
/**
 * The ignore file Docker uses for this build. BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile when
 * it exists, else `<context>/.dockerignore`; the classic builder reads only the latter (both checked on Docker
 * 20.10). Which builder runs is known only once a build ran, so with both files a path is left out only when both
 * leave it out.
 */
function readDockerIgnore(context, dockerfile) {
    const besideDockerfile = readIgnoreFile(`${external_node_path_.resolve(dockerfile)}.dockerignore`);
    const inContext = readIgnoreFile(external_node_path_.join(context, '.dockerignore'));
    const classic = inContext ?? DockerIgnore.none;
    return besideDockerfile ? DockerIgnore.excludedByAll(besideDockerfile, classic) : classic;
}
function readIgnoreFile(file) {
    try {
        return DockerIgnore.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
const READ_CHUNK_BYTES = 256 * 1024;
/**
 * Every entry Docker would send, in a stable order (sorted by path, byte-wise). Symlinks are not followed.
 * Directories are entries too: an empty one still lands in the image.
 */
function contextEntries(context, ignore) {
    const root = external_node_path_.resolve(context);
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    return sortByteWise(collect(root, '', ignore).map((found) => readEntry(root, found, buffer)));
}
/** What Docker may send below `directory`. */
function collect(root, directory, ignore) {
    const children = (0,external_node_fs_.readdirSync)(external_node_path_.join(root, directory), { withFileTypes: true });
    return children.flatMap((child) => collectChild(root, childPath(directory, child.name), child, ignore));
}
function childPath(directory, name) {
    return directory === '' ? name : `${directory}/${name}`;
}
/**
 * The child and, for a directory, what lies inside. Docker walks into an excluded directory an exception line may
 * reach into; it then sends the directory with anything inside it that it sends (BuildKit), or creates it (classic).
 */
function collectChild(root, relative, child, ignore) {
    if (!child.isDirectory())
        return ignore.excludes(relative) ? [] : [{ path: relative, type: entryType(child) }];
    if (ignore.canSkipDirectory(relative))
        return [];
    const inside = collect(root, relative, ignore);
    const sent = inside.length > 0 || ignore.sendsDirectoryItself(relative);
    return sent ? [{ path: relative, type: 'directory' }, ...inside] : [];
}
function entryType(entry) {
    if (entry.isFile())
        return 'file';
    if (entry.isSymbolicLink())
        return 'symlink';
    return 'other';
}
function readEntry(root, { path: relative, type }, buffer) {
    const absolute = external_node_path_.join(root, relative);
    switch (type) {
        case 'file':
            return { path: relative, type, ...hashFile(absolute, buffer) };
        case 'symlink':
            return {
                path: relative,
                type,
                mode: permissions((0,external_node_fs_.lstatSync)(absolute).mode),
                hash: sha256((0,external_node_fs_.readlinkSync)(absolute, { encoding: 'buffer' })),
            };
        default:
            return { path: relative, type, mode: permissions((0,external_node_fs_.lstatSync)(absolute).mode), hash: '' };
    }
}
/** Mode and content hash from one open file: the mode from fstat, so a file costs open, fstat, read(s), close. */
function hashFile(file, buffer) {
    const descriptor = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW);
    try {
        const stats = (0,external_node_fs_.fstatSync)(descriptor);
        const hash = (0,external_node_crypto_.createHash)('sha256');
        // Up to the size fstat saw: a file that grows meanwhile races with Docker's read as much as with this one.
        for (let remaining = stats.size; remaining > 0;) {
            const bytesRead = (0,external_node_fs_.readSync)(descriptor, buffer, 0, Math.min(buffer.length, remaining), null);
            if (bytesRead === 0)
                break;
            hash.update(buffer.subarray(0, bytesRead));
            remaining -= bytesRead;
        }
        return { mode: permissions(stats.mode), hash: hash.digest('hex') };
    }
    finally {
        (0,external_node_fs_.closeSync)(descriptor);
    }
}
function permissions(mode) {
    return mode & 0o7777;
}
/** By the UTF-8 bytes of the path, as Go and `sort` in the C locale order them (UTF-16 order differs). */
function sortByteWise(entries) {
    return entries
        .map((entry) => ({ entry, key: Buffer.from(entry.path) }))
        .sort((a, b) => Buffer.compare(a.key, b.key))
        .map(({ entry }) => entry);
}
// Bumped whenever the serialization changes, so a digest of the old form never equals one of the new.
const DIGEST_FORMAT = 'context-digest/v1';
/** sha256:<hex> over contextEntries: path, type, permission bits (mode & 0o7777), content hash. Not mtime, uid, gid. */
function contextDigest(context, dockerfile) {
    const entries = contextEntries(context, readDockerIgnore(context, dockerfile));
    const digest = (0,external_node_crypto_.createHash)('sha256').update(`${DIGEST_FORMAT}\n`);
    // One JSON array per line: JSON escapes every newline and quote, so two different trees cannot serialize alike.
    for (const { path: entryPath, type, mode, hash } of entries) {
        digest.update(`${JSON.stringify([entryPath, type, mode, hash])}\n`);
    }
    return `sha256:${digest.digest('hex')}`;
}
function sha256(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/dockerfile.js

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
/**
 * A Dockerfile read the way Docker's parser splits it: parser directives, comments, line continuations (with the
 * escape character the file declares) and heredoc bodies, into stages of instructions with their line numbers.
 */
class Dockerfile {
    file;
    globalArgs;
    stages;
    syntax;
    constructor(
    /** The file's path, as annotations should name it. */
    file, 
    /** ARGs declared before the first FROM: the only ones FROM lines can use. */
    globalArgs, stages, 
    /** The `# syntax=` directive: the frontend image that parses the file, when it names one. */
    syntax) {
        this.file = file;
        this.globalArgs = globalArgs;
        this.stages = stages;
        this.syntax = syntax;
    }
    static parse(text, file) {
        const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
        const directives = parserDirectives(lines);
        const instructions = splitInstructions(lines, escapeCharacter(directives));
        const globalArgs = new Map();
        const stages = [];
        for (const instruction of instructions) {
            if (instruction.keyword === 'FROM') {
                stages.push(parseFrom(instruction, stages.length, file));
            }
            else if (stages.length > 0) {
                stages[stages.length - 1]?.instructions.push(instruction);
            }
            else if (instruction.keyword === 'ARG') {
                for (const [name, value] of parseArgDeclarations(instruction.text))
                    globalArgs.set(name, value);
            }
        }
        if (stages.length === 0)
            throw new errors/* UserError */.yo(`${file}: has no FROM instruction, so it builds nothing.`, { file });
        return new Dockerfile(file, globalArgs, stages, directives.get('syntax'));
    }
    /** How stages are named in messages: their `AS` name, or their index for unnamed ones. */
    stageLabels() {
        return this.stages.map(stageLabel);
    }
    /** The stage `--target` names (case-insensitive, as Docker matches), or the last stage when there is no target. */
    targetStage(target) {
        if (target === undefined)
            return this.stages[this.stages.length - 1];
        const found = this.stages.find((stage) => stage.name === target.toLowerCase());
        if (!found) {
            const named = this.stages.flatMap((stage) => (stage.name ? [stage.name] : []));
            const choices = named.length > 0 ? `its stages are ${named.join(', ')}` : 'it has no named stage';
            throw new errors/* UserError */.yo(`target "${target}" is not a stage of ${this.file}: ${choices}.`, { file: this.file });
        }
        return found;
    }
    /** The earlier stage a reference (a FROM base, COPY --from, RUN --mount from=) names, if it names one. */
    stageNamed(reference, before) {
        const lower = reference.toLowerCase();
        const byIndex = /^\d+$/.test(reference) ? this.stages[Number(reference)] : undefined;
        const found = byIndex ?? this.stages.find((stage) => stage.name === lower);
        return found && found.index < before ? found : undefined;
    }
    /** The stages a build of `target` needs, in file order: the target and every stage it copies from or builds on. */
    stagesNeededFor(target) {
        const needed = new Set();
        const visit = (stage) => {
            if (needed.has(stage.index))
                return;
            needed.add(stage.index);
            for (const reference of [stage.base, ...stageReferences(stage)]) {
                const dependency = this.stageNamed(reference, stage.index);
                if (dependency)
                    visit(dependency);
            }
        };
        visit(target);
        return this.stages.filter((stage) => needed.has(stage.index));
    }
    /** A stage's base image with the global ARGs substituted (build args override their defaults). */
    resolvedBase(stage, buildArgs) {
        const values = new Map();
        for (const [name, fallback] of this.globalArgs) {
            const value = buildArgs.get(name) ?? fallback;
            if (value !== undefined)
                values.set(name, value);
        }
        return substituteVariables(stage.base, values);
    }
}
function stageLabel(stage) {
    return stage.name ?? String(stage.index);
}
/** `COPY --from=x` and `RUN --mount=...,from=x` references inside a stage. */
function stageReferences(stage) {
    const references = [];
    for (const instruction of stage.instructions) {
        for (const flag of leadingFlags(instruction.text).flags) {
            const copyFrom = /^--from=(.+)$/.exec(flag);
            if (copyFrom && (instruction.keyword === 'COPY' || instruction.keyword === 'ADD'))
                references.push(copyFrom[1]);
            const mount = /^--mount=(.+)$/.exec(flag);
            const mountFrom = mount?.[1].split(',').find((option) => option.startsWith('from='));
            if (mountFrom)
                references.push(mountFrom.slice('from='.length));
        }
    }
    return references;
}
/** Splits `--flag=value ... rest` into the leading flags and the rest. */
function leadingFlags(text) {
    const words = text.split(/\s+/).filter((word) => word.length > 0);
    const firstPlain = words.findIndex((word) => !word.startsWith('--'));
    const split = firstPlain < 0 ? words.length : firstPlain;
    return { flags: words.slice(0, split), rest: words.slice(split) };
}
function parseFrom(instruction, index, file) {
    const { rest } = leadingFlags(instruction.text);
    const [base, as, name, ...extra] = rest;
    const named = as !== undefined && as.toLowerCase() === 'as' && name !== undefined && extra.length === 0;
    if (!base || (as !== undefined && !named)) {
        throw new errors/* UserError */.yo(`${file}:${instruction.line}: FROM must be "FROM image [AS name]".`, {
            file,
            line: instruction.line,
        });
    }
    return { index, name: named ? name.toLowerCase() : undefined, base, line: instruction.line, instructions: [] };
}
/** `ARG A=1 B` declares A with default 1 and B without one. */
function parseArgDeclarations(text) {
    return text
        .split(/\s+/)
        .filter((word) => word.length > 0)
        .map((word) => {
        const equals = word.indexOf('=');
        return equals < 0 ? [word, undefined] : [word.slice(0, equals), unquote(word.slice(equals + 1))];
    });
}
function unquote(value) {
    return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
/** Docker's `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alternative}`; unknown variables become empty. */
function substituteVariables(text, values) {
    return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_, braced, operator, word, bare) => {
        const value = values.get(braced ?? bare);
        if (operator === '-')
            return value ? value : (word ?? '');
        if (operator === '+')
            return value ? (word ?? '') : '';
        return value ?? '';
    });
}
/** Splits the text into instructions, as Docker's parser does before it looks at any instruction. */
function splitInstructions(lines, escape) {
    const instructions = [];
    let index = 0;
    while (index < lines.length) {
        const start = index;
        const first = lines[index++];
        if (isBlankOrComment(first))
            continue;
        let joined = first;
        while (endsWithEscape(joined, escape) && index < lines.length) {
            joined = joined.trimEnd().slice(0, -1).trimEnd();
            // Blank and comment lines inside a continuation are dropped, and the continuation goes on.
            while (index < lines.length && isBlankOrComment(lines[index]))
                index++;
            if (index < lines.length)
                joined += ` ${lines[index++].trim()}`;
        }
        const match = /^\s*(\S+)\s*(.*)$/.exec(joined);
        if (!match)
            continue;
        const keyword = match[1].toUpperCase();
        const body = match[2].trim();
        instructions.push({ keyword, text: body, line: start + 1 });
        if (HEREDOC_KEYWORDS.has(keyword))
            index = skipHeredocs(body, lines, index);
    }
    return instructions;
}
function skipHeredocs(body, lines, index) {
    let next = index;
    for (const match of body.matchAll(HEREDOC)) {
        const stripTabs = match[1] === '-';
        const word = match[3];
        while (next < lines.length) {
            const line = lines[next++];
            if ((stripTabs ? line.replace(/^\t+/, '') : line) === word)
                break;
        }
    }
    return next;
}
/** The parser directives (`# syntax=`, `# escape=`): comments of that form before any other line, names lower case. */
function parserDirectives(lines) {
    const directives = new Map();
    for (const line of lines) {
        const directive = DIRECTIVE.exec(line);
        if (!directive)
            break;
        directives.set(directive[1].toLowerCase(), directive[2]);
    }
    return directives;
}
function escapeCharacter(directives) {
    const escape = directives.get('escape');
    return escape === '`' ? escape : '\\';
}
function isBlankOrComment(line) {
    const trimmed = line.trim();
    return trimmed === '' || trimmed.startsWith('#');
}
function endsWithEscape(line, escape) {
    return line.trimEnd().endsWith(escape);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/dockerfile-checks.js

const ROOT_USERS = new Set(['root', '0']);
// Remote sources: anything with a scheme (https://, ftp://, git://, ssh://) and git over ssh (git@host:repo).
const URL_SOURCE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
const DIGEST_PINNED = /@sha256:[a-f0-9]{64}$/;
/**
 * Checks a Dockerfile as it will be built (for `target`, with these build args): one stage only, a final stage
 * running as root, a base image not pinned by digest, `ADD` of a URL. Findings are in line order.
 */
function checkDockerfile(dockerfile, target, buildArgs) {
    const built = dockerfile.stagesNeededFor(target);
    const findings = [
        ...singleStage(dockerfile),
        ...runsAsRoot(dockerfile, target),
        ...built.flatMap((stage) => baseNotPinned(dockerfile, stage, buildArgs)),
        ...built.flatMap(addFromUrl),
    ];
    return findings.sort((a, b) => a.line - b.line);
}
function singleStage(dockerfile) {
    if (dockerfile.stages.length > 1)
        return [];
    return [
        {
            rule: 'single-stage',
            line: dockerfile.stages[0].line,
            message: 'single-stage build: the build tools ship in the image; build in a builder stage and copy the result',
        },
    ];
}
function runsAsRoot(dockerfile, target) {
    const user = effectiveUser(dockerfile, target);
    if (user && !ROOT_USERS.has(user.name.split(':')[0]))
        return [];
    const where = `the final stage (${stageLabel(target)})`;
    return [
        user
            ? { rule: 'runs-as-root', line: user.line, message: `${where} runs as root: USER ${user.name}` }
            : { rule: 'runs-as-root', line: target.line, message: `${where} has no USER, so it runs as root` },
    ];
}
/** The last USER of a stage, or of the stage it is built on. */
function effectiveUser(dockerfile, stage) {
    const users = stage.instructions.filter((instruction) => instruction.keyword === 'USER');
    const last = users[users.length - 1];
    if (last)
        return { name: last.text.trim(), line: last.line };
    const parent = dockerfile.stageNamed(stage.base, stage.index);
    return parent ? effectiveUser(dockerfile, parent) : undefined;
}
/** `name@sha256:<64 hex>` (with or without a tag): the reference always means the same bytes. */
function isPinnedByDigest(reference) {
    return DIGEST_PINNED.test(reference);
}
/** Whether an ADD instruction fetches a URL without a --checksum to hold its bytes still. */
function addsUnverifiedUrl(instruction) {
    if (instruction.keyword !== 'ADD')
        return false;
    const { flags } = leadingFlags(instruction.text);
    return !flags.some((flag) => flag.startsWith('--checksum=')) && addSources(instruction.text).some(isRemote);
}
function isRemote(source) {
    return URL_SOURCE.test(source);
}
/** The sources of `ADD [flags] src... dest`, in the shell form or the JSON form (`ADD ["src", "dest"]`). */
function addSources(text) {
    const rest = text.trim().replace(/^(?:--\S+\s+)*/, '');
    if (rest.startsWith('[')) {
        try {
            const words = JSON.parse(rest);
            if (Array.isArray(words))
                return words.slice(0, -1).map(String);
        }
        catch {
            // Not JSON after all: Docker then reads it in the shell form, as below.
        }
    }
    return rest.split(/\s+/).slice(0, -1);
}
function baseNotPinned(dockerfile, stage, buildArgs) {
    if (dockerfile.stageNamed(stage.base, stage.index))
        return [];
    const image = dockerfile.resolvedBase(stage, buildArgs);
    if (image === '' || image.toLowerCase() === 'scratch' || isPinnedByDigest(image))
        return [];
    const spelled = image === stage.base ? image : `${stage.base} = ${image}`;
    return [
        {
            rule: 'base-not-pinned',
            line: stage.line,
            message: `base image ${spelled} is not pinned by digest: a tag can move; use name:tag@sha256:...`,
        },
    ];
}
function addFromUrl(stage) {
    return stage.instructions.filter(addsUnverifiedUrl).map((instruction) => ({
        rule: 'add-from-url',
        line: instruction.line,
        message: 'ADD of a URL fetches unverified bytes: download in a RUN step and check a checksum, or use ADD --checksum',
    }));
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/labels.js
const OCI_LABELS = {
    source: 'org.opencontainers.image.source',
    revision: 'org.opencontainers.image.revision',
    created: 'org.opencontainers.image.created',
    version: 'org.opencontainers.image.version',
    title: 'org.opencontainers.image.title',
};
/**
 * The OCI annotations of the image, from the run's context: where the code lives, which commit, when, which
 * version and what it is called. A label the context cannot tell is left out, never guessed; `extra` wins.
 */
function imageLabels(image, context, created, version, extra) {
    const labels = {};
    const repositoryName = context.repository?.split('/').pop();
    if (context.repository) {
        labels[OCI_LABELS.source] = `${context.serverUrl}/${context.repository}`;
    }
    if (context.sha)
        labels[OCI_LABELS.revision] = context.sha;
    labels[OCI_LABELS.created] = created.toISOString();
    if (version)
        labels[OCI_LABELS.version] = version;
    labels[OCI_LABELS.title] = repositoryName || image.path.split('/').pop();
    for (const [key, value] of extra)
        labels[key] = value;
    return labels;
}
/** When the image counts as created: SOURCE_DATE_EPOCH when set (reproducible builds), else `now`. */
function imageCreated(env, now) {
    const epoch = env.SOURCE_DATE_EPOCH;
    return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/build-inputs.js





/** The image label that records the inputs an image was built from, so a later run can find it instead of building. */
const BUILD_INPUTS_LABEL = 'gitops-delivery-actions.build-inputs';
// Bumped whenever what the digest covers changes, so that images recorded under an older scheme are never matched.
const SCHEME = 'build-inputs/v1';
/**
 * The digest of everything a build reads: the Dockerfile, the context Docker would send (after .dockerignore),
 * target, build args, secret ids, labels, platforms, network and builder. `created` is left out: a rerun builds the same
 * image at another time.
 */
function buildInputsDigest(recipe, dockerfileText) {
    const labels = Object.entries(recipe.labels).filter(([key]) => key !== OCI_LABELS.created && key !== BUILD_INPUTS_LABEL);
    const canonical = JSON.stringify({
        scheme: SCHEME,
        dockerfile: build_inputs_sha256(dockerfileText),
        context: contextDigest(recipe.context, recipe.dockerfile),
        target: recipe.target?.toLowerCase() ?? null,
        buildArgs: sorted([...recipe.buildArgs]),
        secretIds: [...recipe.secretIds].sort(),
        labels: sorted(labels),
        platforms: [...recipe.platforms].sort(),
        network: recipe.network ?? null,
        builder: recipe.builder,
    });
    return `sha256:${build_inputs_sha256(canonical)}`;
}
/**
 * Why the inputs alone cannot tell what this build makes: it reads something that may change while no input
 * does (an image by tag, a URL). Empty when an earlier image of the same inputs is as good as a new build.
 */
function reuseBlockers(dockerfile, target, buildArgs) {
    const blockers = [];
    // The BUILDKIT_SYNTAX build arg overrides the directive.
    const frontend = buildArgs.get('BUILDKIT_SYNTAX') ?? dockerfile.syntax;
    if (frontend && !isPinnedByDigest(frontend))
        blockers.push(`the frontend ${frontend} is not pinned by digest`);
    for (const stage of dockerfile.stagesNeededFor(target)) {
        const where = `stage ${stageLabel(stage)} (line ${stage.line})`;
        for (const image of externalImages(dockerfile, stage, buildArgs)) {
            if (image.includes('$'))
                blockers.push(`${where} uses an image named by a variable, ${image}`);
            else if (!isPinnedByDigest(image))
                blockers.push(`${where} uses ${image}, which is not pinned by digest`);
        }
        for (const instruction of stage.instructions.filter(addsUnverifiedUrl)) {
            blockers.push(`line ${instruction.line} ADDs a URL without --checksum`);
        }
    }
    return blockers;
}
/** The images a stage reads that are not stages of this Dockerfile: its base, COPY --from and RUN --mount from=. */
function externalImages(dockerfile, stage, buildArgs) {
    const images = [];
    if (!dockerfile.stageNamed(stage.base, stage.index)) {
        const base = dockerfile.resolvedBase(stage, buildArgs);
        if (base.toLowerCase() !== 'scratch')
            images.push(base);
    }
    for (const reference of stageReferences(stage)) {
        if (!dockerfile.stageNamed(reference, stage.index))
            images.push(reference);
    }
    return images;
}
function sorted(entries) {
    return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
function build_inputs_sha256(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/build-log.js
const FAILURE_LINES = 10;
// The classic builder colours a step's stderr with terminal escapes.
const ESCAPE = String.fromCharCode(27);
const ANSI = new RegExp(`${ESCAPE}\\[[0-9;]*[A-Za-z]`, 'g');
const BUILDKIT_STEP = /^#(\d+) \[(?:[^\]]*? )?\d+\/\d+\] (.*)$/;
const BUILDKIT_OUTPUT = /^#(\d+) \d+\.\d+ (.*)$/;
const CLASSIC_STEP = /^Step \d+\/\d+ : (.*)$/;
const CLASSIC_NOISE = /^( ---> |Removing intermediate container |Sending build context |\s*$)/;
/** BuildKit's `--progress plain`: `#N [stage i/n] INSTRUCTION`, `#N CACHED`, `#N 0.12 output`, `#N ERROR: ...`. */
const buildKitLog = {
    steps(output) {
        const steps = new Map();
        const cached = new Set();
        for (const line of logLines(`${output.stdout}\n${output.stderr}`)) {
            const step = BUILDKIT_STEP.exec(line);
            if (step)
                steps.set(step[1], step[2]);
            const done = /^#(\d+) CACHED$/.exec(line);
            if (done)
                cached.add(done[1]);
        }
        const built = [...steps].filter(([, instruction]) => !/^FROM\s/i.test(instruction)).map(([id]) => id);
        return { total: built.length, cached: built.filter((id) => cached.has(id)).length };
    },
    failure(output) {
        const lines = logLines(`${output.stdout}\n${output.stderr}`);
        const errorLine = lines.find((line) => /^#\d+ ERROR: /.test(line));
        const id = errorLine ? /^#(\d+)/.exec(errorLine)[1] : undefined;
        if (!errorLine || id === undefined)
            return unknownStep(lines);
        const header = lines.find((line) => BUILDKIT_STEP.exec(line)?.[1] === id);
        const stepOutput = lines.flatMap((line) => {
            const match = BUILDKIT_OUTPUT.exec(line);
            return match && match[1] === id ? [match[2]] : [];
        });
        return {
            step: header ? header.replace(/^#\d+ /, '') : `step #${id}`,
            lines: [...stepOutput, errorLine.replace(/^#\d+ /, '')].slice(-FAILURE_LINES),
        };
    },
};
/**
 * The classic builder: `Step i/n : INSTRUCTION`, ` ---> Using cache` and the steps' output on stdout, the error on
 * stderr (after the deprecation notice newer CLIs print there first). Every instruction is a step, and so is each
 * `--label`.
 */
const classicLog = {
    steps(output) {
        let total = 0;
        let cached = 0;
        let counting = false;
        for (const line of logLines(output.stdout)) {
            const step = CLASSIC_STEP.exec(line);
            if (step) {
                counting = !/^FROM\s/i.test(step[1]);
                if (counting)
                    total++;
            }
            else if (counting && line === ' ---> Using cache')
                cached++;
        }
        return { total, cached };
    },
    failure(output) {
        const lines = logLines(output.stdout);
        const error = logLines(output.stderr)
            .filter((line) => line.trim() !== '')
            .slice(-1);
        let last = -1;
        lines.forEach((line, index) => {
            if (CLASSIC_STEP.test(line))
                last = index;
        });
        if (last < 0)
            return unknownStep([...lines, ...error]);
        const stepOutput = lines.slice(last + 1).filter((line) => !CLASSIC_NOISE.test(line));
        return { step: lines[last], lines: [...stepOutput, ...error].slice(-FAILURE_LINES) };
    },
};
function unknownStep(lines) {
    return { step: 'before any step ran', lines: lines.filter((line) => line.trim() !== '').slice(-FAILURE_LINES) };
}
function logLines(log) {
    return log.replace(ANSI, '').split(/\r?\n/);
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/builders/image-builder.js
var image_builder = __webpack_require__(3099);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/docker-build.js



const IMAGE_ID_FILE = 'image-id';
/** The `docker build` argv both of the docker CLI's builders share; `extra` goes before the context. */
function dockerBuildArgs(request, extra = []) {
    const args = ['--file', request.dockerfile, '--iidfile', external_node_path_.join(request.workDir, IMAGE_ID_FILE)];
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length > 0)
        args.push('--platform', request.platforms.join(','));
    if (request.network)
        args.push('--network', request.network);
    for (const [name, value] of request.buildArgs)
        args.push('--build-arg', `${name}=${value}`);
    for (const [name, value] of Object.entries(request.labels))
        args.push('--label', `${name}=${value}`);
    for (const tag of request.tags)
        args.push('--tag', tag);
    for (const cache of request.cacheFrom)
        args.push('--cache-from', (0,image_builder/* registryCacheRef */.xA)(cache));
    return [...args, ...extra, request.context];
}
/**
 * Runs `docker build`, then pushes each tag. Every push of one image must report the same manifest digest;
 * a different one means the tags do not hold the same image, which is a bug, not a user mistake.
 */
async function buildWithDockerCli(docker, builder, log, request, extra) {
    const result = await docker.build(dockerBuildArgs(request, extra), { buildKit: builder === 'buildkit' });
    if (result.exitCode !== 0)
        throw new image_builder/* BuildFailedError */.Wu(builder, log.failure(result));
    const imageId = (await (0,promises_.readFile)(external_node_path_.join(request.workDir, IMAGE_ID_FILE), 'utf8')).trim();
    let pushedDigest;
    if (request.push) {
        for (const tag of request.tags) {
            const digest = await docker.push(tag);
            if (pushedDigest && digest !== pushedDigest) {
                throw new Error(`docker push ${tag} reported ${digest}, but the other tags got ${pushedDigest}`);
            }
            pushedDigest = digest;
        }
    }
    return { imageId, pushedDigest, steps: log.steps(result) };
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/buildkit.js



const INLINE_CACHE = 'type=inline';
/** `docker build` with DOCKER_BUILDKIT=1: the docker CLI's own BuildKit client, without buildx. */
class BuildKitBuilder {
    docker;
    name = 'buildkit';
    constructor(docker) {
        this.docker = docker;
    }
    refuseUnsupported(request) {
        if (request.platforms.length > 1)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, 'Building for several platforms');
        const cacheFrom = request.cacheFrom.find((entry) => (0,image_builder/* registryCacheRef */.xA)(entry) === undefined);
        if (cacheFrom)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, `cache-from "${cacheFrom}"`);
        const cacheTo = request.cacheTo.find((entry) => entry !== INLINE_CACHE);
        if (cacheTo)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, `cache-to "${cacheTo}" (only ${INLINE_CACHE} works without it)`);
    }
    /** BuildKit skips the stages the target does not need. */
    stagesBuilt(dockerfile, target) {
        return dockerfile.stagesNeededFor(target);
    }
    build(request) {
        const extra = ['--progress', 'plain'];
        for (const secret of request.secrets)
            extra.push('--secret', `id=${secret.id},src=${secret.file}`);
        // The inline cache rides in the image config, so a later cache-from of this image can reuse its layers.
        if (request.cacheTo.includes(INLINE_CACHE))
            extra.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1');
        return buildWithDockerCli(this.docker, this.name, buildKitLog, request, extra);
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/image-ref.js
var image_ref = __webpack_require__(3977);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/buildx.js





const METADATA_FILE = 'metadata.json';
const buildx_IMAGE_ID_FILE = 'image-id';
/** `docker buildx build`: multi-platform builds, every cache backend, and a push that reports its digest. */
class BuildxBuilder {
    docker;
    name = 'buildx';
    constructor(docker) {
        this.docker = docker;
    }
    refuseUnsupported() {
        // buildx takes every input this action has.
    }
    /** BuildKit skips the stages the target does not need. */
    stagesBuilt(dockerfile, target) {
        return dockerfile.stagesNeededFor(target);
    }
    async build(request) {
        const result = await this.docker.buildxBuild(buildxArgs(request));
        if (result.exitCode !== 0)
            throw new image_builder/* BuildFailedError */.Wu(this.name, buildKitLog.failure(result));
        const metadata = await readMetadata(external_node_path_.join(request.workDir, METADATA_FILE));
        const reported = metadata['containerimage.digest'];
        const pushedDigest = request.push && reported && (0,image_ref/* isDigest */.Bc)(reported) ? reported : undefined;
        const imageId = isLoaded(request) ? metadata['containerimage.config.digest'] : undefined;
        return { imageId, pushedDigest, steps: buildKitLog.steps(result) };
    }
}
/** The argv after `docker buildx build`, context last. */
function buildxArgs(request) {
    const args = [
        '--progress',
        'plain',
        '--file',
        request.dockerfile,
        '--iidfile',
        external_node_path_.join(request.workDir, buildx_IMAGE_ID_FILE),
        '--metadata-file',
        external_node_path_.join(request.workDir, METADATA_FILE),
    ];
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length > 0)
        args.push('--platform', request.platforms.join(','));
    if (request.network)
        args.push('--network', request.network);
    for (const [name, value] of request.buildArgs)
        args.push('--build-arg', `${name}=${value}`);
    for (const [name, value] of Object.entries(request.labels))
        args.push('--label', `${name}=${value}`);
    for (const tag of request.tags)
        args.push('--tag', tag);
    for (const secret of request.secrets)
        args.push('--secret', `id=${secret.id},src=${secret.file}`);
    for (const cache of request.cacheFrom)
        args.push('--cache-from', cache);
    for (const cache of request.cacheTo)
        args.push('--cache-to', cache);
    if (request.push)
        args.push('--push');
    else if (isLoaded(request))
        args.push('--load');
    return [...args, request.context];
}
/** Without a push, a single-platform image is loaded into the engine; a multi-platform one stays in the build cache. */
function isLoaded(request) {
    return !request.push && request.platforms.length <= 1;
}
async function readMetadata(file) {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch {
        // Old buildx versions write no metadata file; after a push the registry lookup still finds the digest.
        return {};
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/docker-config.js



/** The docker CLI's config folder: DOCKER_CONFIG, else `.docker` in the home folder (USERPROFILE on Windows). */
function dockerConfigDir(env = process.env, platform = process.platform) {
    if (env.DOCKER_CONFIG)
        return env.DOCKER_CONFIG;
    const home = platform === 'win32' ? env.USERPROFILE || external_node_os_.homedir() : env.HOME || external_node_os_.homedir();
    return external_node_path_.join(home, '.docker');
}
/** config.json from that folder; empty when there is none or the CLI could not read it either. */
function readDockerConfig(env = process.env, platform = process.platform) {
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_.join(dockerConfigDir(env, platform), 'config.json'), 'utf8'));
        return parsed && typeof parsed === 'object' ? parsed : {};
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/buildx-plugin.js



const UNIX_SYSTEM_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
];
/**
 * The buildx plugin the docker CLI would run, found where the CLI looks (its config folder's cli-plugins, then
 * config.json's cliPluginsExtraDirs, then the system folders) without starting a process; undefined when none.
 */
function findBuildxPlugin(env = process.env, platform = process.platform) {
    const file = platform === 'win32' ? 'docker-buildx.exe' : 'docker-buildx';
    const extraDirs = readDockerConfig(env, platform).cliPluginsExtraDirs;
    const dirs = [
        external_node_path_.join(dockerConfigDir(env, platform), 'cli-plugins'),
        ...(Array.isArray(extraDirs) ? extraDirs.filter((dir) => typeof dir === 'string') : []),
        ...systemDirs(env, platform),
    ];
    return dirs.map((dir) => external_node_path_.join(dir, file)).find((candidate) => isRunnable(candidate, platform));
}
function systemDirs(env, platform) {
    if (platform !== 'win32')
        return UNIX_SYSTEM_DIRS;
    return [env.ProgramData, env.ProgramFiles].flatMap((root) => root ? [external_node_path_.join(root, 'Docker', 'cli-plugins')] : []);
}
function isRunnable(file, platform) {
    try {
        (0,external_node_fs_.accessSync)(file, platform === 'win32' ? external_node_fs_.constants.F_OK : external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/classic.js




/** `docker build` with DOCKER_BUILDKIT=0: the legacy builder, for engines and CLIs without BuildKit. */
class ClassicBuilder {
    docker;
    name = 'classic';
    constructor(docker) {
        this.docker = docker;
    }
    refuseUnsupported(request) {
        if (request.secrets.length > 0) {
            // Never fall back to build args: those are stored in the image's history.
            throw new errors/* UserError */.yo('Input "secrets" needs BuildKit, but only the classic builder is available here: ' +
                'use a docker CLI with BuildKit or install buildx.');
        }
        if (request.platforms.length > 1)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, 'Building for several platforms');
        const cacheFrom = request.cacheFrom.find((entry) => (0,image_builder/* registryCacheRef */.xA)(entry) === undefined);
        if (cacheFrom)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, `cache-from "${cacheFrom}"`);
        if (request.cacheTo.length > 0)
            throw (0,image_builder/* needsBuildx */.u5)(this.name, `cache-to "${request.cacheTo[0]}"`);
    }
    /** The classic builder runs every stage up to the target, needed or not. */
    stagesBuilt(dockerfile, target) {
        return dockerfile.stages.slice(0, target.index + 1);
    }
    build(request) {
        return buildWithDockerCli(this.docker, this.name, classicLog, request, []);
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/builders/choose-builder.js





// The docker CLI had its own BuildKit client from 18.09 to 22.x; from 23 on, `docker build` with BuildKit is buildx.
const FIRST_CLI_WITH_BUILDKIT = [18, 9];
const LAST_CLI_WITH_OWN_BUILDKIT = 22;
/**
 * The builder to try first, chosen without starting a process: buildx when its plugin is where the docker CLI
 * looks (unless the preference is `docker`), else the docker CLI with BuildKit. Whether the machine really has
 * what was chosen is asked only when a build fails (see `fallbackBuilder`), so a working build pays no probe.
 */
async function chooseBuilder(preference, docker, buildxPlugin = findBuildxPlugin()) {
    if (preference === 'docker')
        return new BuildKitBuilder(docker);
    if (buildxPlugin)
        return new BuildxBuilder(docker);
    // The plugin may sit where the lookup does not reach: ask the CLI before refusing an explicit buildx.
    if (preference === 'buildx' && !(await docker.hasBuildx())) {
        throw new errors/* UserError */.yo('builder is "buildx", but "docker buildx" is not installed: add docker/setup-buildx-action, or use builder: auto.');
    }
    return preference === 'buildx' ? new BuildxBuilder(docker) : new BuildKitBuilder(docker);
}
/**
 * After `failed` could not build: the builder to try instead when the machine, not the Dockerfile, was the cause
 * (buildx does not run, or the docker CLI or engine has no BuildKit); undefined when the failure stands. A
 * UserError when the Docker Engine does not answer.
 */
async function fallbackBuilder(failed, preference, docker) {
    switch (failed.name) {
        case 'buildx':
            // A buildx that runs failed on the Dockerfile; one that does not run is skipped unless it was asked for.
            return preference === 'buildx' || (await docker.hasBuildx()) ? undefined : new BuildKitBuilder(docker);
        case 'buildkit': {
            const [versions, buildx] = await Promise.all([docker.versions(), docker.hasBuildx()]);
            const facts = { buildx, clientVersion: versions.client, serverOs: versions.serverOs };
            return cliHasBuildKit(facts) ? undefined : new ClassicBuilder(docker);
        }
        case 'classic':
            await docker.versions();
            return undefined;
    }
}
/** Whether `DOCKER_BUILDKIT=1 docker build` works: a Linux engine, and buildx or a CLI from 18.09 to 22.x. */
function cliHasBuildKit(facts) {
    if (facts.serverOs !== 'linux')
        return false;
    if (facts.buildx)
        return true;
    const match = /^(\d+)\.(\d+)/.exec(facts.clientVersion);
    if (!match)
        return false;
    const [major, minor] = [Number(match[1]), Number(match[2])];
    const [firstMajor, firstMinor] = FIRST_CLI_WITH_BUILDKIT;
    return major <= LAST_CLI_WITH_OWN_BUILDKIT && (major > firstMajor || (major === firstMajor && minor >= firstMinor));
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/default-platform.js

// Node's names for architectures, as Docker spells them.
const DOCKER_ARCH = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
};
/**
 * The platform a build without `platforms` makes, `os/arch`: the engine's own. A Linux machine's local engine (no
 * DOCKER_HOST, or a unix socket, and no other docker context) runs on this machine's architecture, which costs
 * nothing to know; any other engine is asked (`docker version`).
 */
async function defaultPlatform(docker, env = process.env, machine = { platform: process.platform, arch: process.arch }) {
    const arch = DOCKER_ARCH[machine.arch];
    if (machine.platform === 'linux' && arch && usesLocalEngine(env))
        return `linux/${arch}`;
    const versions = await docker.versions();
    return `${versions.serverOs}/${versions.serverArch}`;
}
function usesLocalEngine(env) {
    if (env.DOCKER_HOST && !env.DOCKER_HOST.startsWith('unix://'))
        return false;
    if (env.DOCKER_HOST)
        return true;
    const configured = readDockerConfig(env).currentContext;
    const context = env.DOCKER_CONTEXT ?? (typeof configured === 'string' ? configured : undefined);
    return context === undefined || context === '' || context === 'default';
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/registry-credentials.js

const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
/**
 * Credentials from the docker CLI's config.json ($DOCKER_CONFIG, else ~/.docker), where `docker login` and
 * docker/login-action store them. Credential helpers (credsStore, credHelpers) are not read.
 */
function dockerConfigCredentials(env = process.env) {
    const config = readDockerConfig(env);
    return (registry) => {
        const keys = registry === 'docker.io' ? [DOCKER_HUB_KEY, 'docker.io', 'index.docker.io'] : [registry];
        for (const key of keys.flatMap((host) => [host, `https://${host}`, `http://${host}`])) {
            const entry = config.auths?.[key];
            if (!entry)
                continue;
            if (entry.username && entry.password)
                return { username: entry.username, password: entry.password };
            const decoded = entry.auth ? Buffer.from(entry.auth, 'base64').toString('utf8') : '';
            const colon = decoded.indexOf(':');
            if (colon > 0)
                return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        }
        return undefined;
    };
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(5618);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/retry.js




const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/**
 * Runs `call` (given the attempt number, from 1) until it resolves, an error is not retryable, or the attempts are
 * spent; then the last error is thrown unchanged, so each caller words its own failure (it knows the attempts).
 */
async function retry(call, options) {
    const wait = options.sleep ?? external_node_timers_promises_.setTimeout;
    for (let attempt = 1;; attempt++) {
        try {
            return await call(attempt);
        }
        catch (error) {
            if (attempt >= options.attempts || !options.retryable(error))
                throw error;
            const asked = options.retryAfterMs?.(error);
            if (asked !== undefined && asked > (options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS))
                throw error;
            const delayMs = Math.max(backoffMs(options, attempt, options.random ?? Math.random), asked ?? 0);
            if (options.onRetry)
                options.onRetry(error, attempt + 1, delayMs);
            else {
                const reason = options.describe?.(error) ?? (0,errors/* errorMessage */.gJ)(error);
                core/* info */.pq(`${options.what} failed (${(0,workflow_commands/* escapeForLog */.zB)(reason)}); attempt ${attempt + 1} of ${options.attempts} in ${delayMs} ms`);
            }
            await wait(delayMs);
        }
    }
}
/**
 * The pause after the `attempt`-th failure: none for the policy's immediate retries, then doubled each time, capped,
 * with the policy's share of chance.
 */
function backoffMs(policy, attempt, random = Math.random) {
    const paused = attempt - (policy.immediateRetries ?? 0);
    if (paused < 1)
        return 0;
    const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (paused - 1));
    return Math.round(ceiling * (1 - policy.jitter * random()));
}
/** A Retry-After header (seconds, or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable. */
function retry_parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(1877);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_http_, 2);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_https_, 2);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/http/proxy.js


/**
 * The proxy a request to `target` goes through, or undefined to go direct: HTTPS_PROXY for https, HTTP_PROXY for
 * http (the lower-case spelling first, as curl reads them), unless NO_PROXY names the host. Loopback is always
 * direct, as Go (docker, trivy, cosign) and @actions/http-client do: a proxy cannot reach this machine's loopback.
 */
function proxyFor(target, env = process.env) {
    const name = target.protocol === 'https:' ? 'https_proxy' : target.protocol === 'http:' ? 'http_proxy' : undefined;
    if (!name)
        return undefined;
    const configured = (env[name] || env[name.toUpperCase()])?.trim();
    if (!configured)
        return undefined;
    if (isLoopback(target.hostname) || bypassesProxy(target, env.no_proxy ?? env.NO_PROXY ?? ''))
        return undefined;
    return parseProxyUrl(configured, name.toUpperCase());
}
/** A proxy URL (scheme optional: http is assumed) with its credentials taken out and registered as secrets. */
function parseProxyUrl(value, variable) {
    let url;
    try {
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    }
    catch {
        throw new Error(`${variable} is not a URL: ${maskCredentials(value)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`${variable} names a ${url.protocol} proxy; only http:// and https:// proxies are supported.`);
    }
    let authorization;
    if (url.username || url.password) {
        const user = decodeURIComponent(url.username);
        const password = decodeURIComponent(url.password);
        (0,secrets/* registerSecret */.cl)(password);
        (0,secrets/* registerSecret */.cl)(url.password);
        authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
        (0,secrets/* registerSecret */.cl)(authorization.slice('Basic '.length));
        url.username = '';
        url.password = '';
    }
    return { url, authorization };
}
/**
 * Whether NO_PROXY sends `target` direct. Entries, comma- or space-separated: `*` (everything); a host name, which
 * matches itself and its subdomains (`example.com`), or only its subdomains with a leading dot or `*.`
 * (`.example.com`); an IP address; a CIDR range (`10.0.0.0/8`, `fd00::/8`), which matches IP-address hosts; each
 * optionally with `:port`, which then must match too.
 */
function bypassesProxy(target, noProxy) {
    const host = bareHost(target.hostname).toLowerCase();
    const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    return noProxy
        .split(/[\s,]+/)
        .filter(Boolean)
        .some((entry) => entry === '*' || matches(parseEntry(entry.toLowerCase()), host, port));
}
function parseEntry(entry) {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed)
        return { host: bracketed[1], port: bracketed[2] ? Number(bracketed[2]) : undefined };
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (cidr && (0,external_node_net_.isIP)(cidr[1]))
        return { host: cidr[1], prefix: Number(cidr[2]) };
    if ((0,external_node_net_.isIP)(entry))
        return { host: entry };
    const withPort = /^(.*):(\d+)$/.exec(entry);
    return withPort ? { host: withPort[1], port: Number(withPort[2]) } : { host: entry };
}
function matches(entry, host, port) {
    if (entry.port !== undefined && entry.port !== port)
        return false;
    const family = (0,external_node_net_.isIP)(entry.host);
    if (family !== 0) {
        const hostFamily = (0,external_node_net_.isIP)(host);
        if (hostFamily === 0)
            return false;
        const list = new external_node_net_.BlockList();
        const type = family === 6 ? 'ipv6' : 'ipv4';
        if (entry.prefix === undefined)
            list.addAddress(entry.host, type);
        else
            list.addSubnet(entry.host, entry.prefix, type);
        return list.check(host, hostFamily === 6 ? 'ipv6' : 'ipv4');
    }
    const name = entry.host.replace(/^\*?\./, '');
    if (name === '')
        return false;
    const subdomainsOnly = name !== entry.host;
    return host.endsWith(`.${name}`) || (!subdomainsOnly && host === name);
}
function isLoopback(hostname) {
    const host = bareHost(hostname).toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    const family = (0,external_node_net_.isIP)(host);
    if (family === 0)
        return false;
    const loopback = new external_node_net_.BlockList();
    loopback.addSubnet('127.0.0.0', 8, 'ipv4');
    loopback.addAddress('::1', 'ipv6');
    return loopback.check(host, family === 6 ? 'ipv6' : 'ipv4');
}
function bareHost(hostname) {
    return hostname.replace(/^\[(.*)\]$/, '$1');
}
/** A proxy URL as it may be printed: `http://user:***@host`. */
function maskCredentials(value) {
    return value.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/http/transport.js






/**
 * Picks, per request, the direct or proxied way to the target, and keeps one kept-alive agent per way (direct http,
 * direct https, each proxy for http, each proxy tunnel for https) and per server trust, so connections are reused
 * across calls and a connection checked with one trust is never handed to a request that asked for another.
 */
class HttpTransport {
    options;
    agents = new Map();
    constructor(options = {}) {
        this.options = options;
    }
    route(target, trust = {}) {
        const proxy = proxyFor(target, this.options.env ?? process.env);
        const secure = target.protocol === 'https:';
        const tls = this.tlsOptions(trust);
        const trustKey = secure ? trustKeyOf(trust) : '';
        if (!proxy) {
            const agent = secure
                ? this.agent(`https:${trustKey}`, () => new external_node_https_.Agent({ keepAlive: true, ...tls }))
                : this.agent('http:', () => new external_node_http_.Agent({ keepAlive: true }));
            return { agent, absoluteForm: false };
        }
        if (!secure) {
            const agent = this.agent(`http via ${proxy.url.href}`, () => this.proxyAgent(proxy));
            return { agent, proxy: proxy.url, absoluteForm: true, proxyAuthorization: proxy.authorization };
        }
        const agent = this.agent(`https via ${proxy.url.href}${trustKey}`, () => new TunnelAgent(proxy, tls, this.tlsOptions({})));
        return { agent, proxy: proxy.url, absoluteForm: false };
    }
    agent(key, create) {
        let agent = this.agents.get(key);
        if (!agent)
            this.agents.set(key, (agent = create()));
        return agent;
    }
    /** Absolute-form requests to the proxy itself: its connection is what is kept alive. */
    proxyAgent(proxy) {
        const base = proxy.url.protocol === 'https:'
            ? new external_node_https_.Agent({ keepAlive: true, ...this.tlsOptions({}) })
            : new external_node_http_.Agent({ keepAlive: true });
        const connect = base.createConnection.bind(base);
        const target = { host: proxy.url.hostname.replace(/^\[(.*)\]$/, '$1'), port: proxyPort(proxy.url) };
        // Every connection goes to the proxy, whatever host the request names.
        base.createConnection = ((options, callback) => connect({ ...options, ...target, servername: target.host }, callback));
        return base;
    }
    /** The request's own trust, else the transport's (Node's roots plus `options.ca`). */
    tlsOptions(trust) {
        const options = trust.ca
            ? { ca: trust.ca }
            : this.options.ca
                ? { ca: [...external_node_tls_.rootCertificates, this.options.ca.toString()] }
                : {};
        if (trust.rejectUnauthorized === false)
            options.rejectUnauthorized = false;
        return options;
    }
    /** Closes every kept-alive connection (tests; an action's process ends anyway). */
    close() {
        for (const agent of this.agents.values())
            agent.destroy();
        this.agents.clear();
    }
}
/** HTTPS through a proxy: a CONNECT tunnel to the target, then TLS with the target inside it. */
class TunnelAgent extends external_node_https_.Agent {
    proxy;
    proxyTls;
    constructor(proxy, 
    /** How the target's certificate is checked, inside the tunnel. */
    tlsOptions, 
    /** How an https proxy's own certificate is checked: never with the target's trust. */
    proxyTls) {
        super({ keepAlive: true, ...tlsOptions });
        this.proxy = proxy;
        this.proxyTls = proxyTls;
    }
    createConnection(options, callback) {
        const host = String(options.host ?? options.hostname ?? 'localhost').replace(/^\[(.*)\]$/, '$1');
        const port = Number(options.port ?? 443);
        const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
        const headers = { Host: authority };
        if (this.proxy.authorization)
            headers['Proxy-Authorization'] = this.proxy.authorization;
        const transport = this.proxy.url.protocol === 'https:' ? external_node_https_namespaceObject : external_node_http_namespaceObject;
        const connect = transport.request({
            host: this.proxy.url.hostname.replace(/^\[(.*)\]$/, '$1'),
            port: proxyPort(this.proxy.url),
            method: 'CONNECT',
            path: authority,
            headers,
            agent: false,
            signal: options.signal ?? undefined,
            ...this.proxyTls,
        });
        let settled = false;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            callback(error);
        };
        connect.once('connect', (response, socket) => {
            if (response.statusCode !== 200) {
                socket.destroy();
                return fail(new Error(`The proxy ${(0,secrets/* redact */.E$)(this.proxy.url.origin)} refused to open a tunnel to ${authority}: ` +
                    `HTTP ${response.statusCode} ${response.statusMessage ?? ''}`.trim()));
            }
            // The socket is the tunnel: host, port and path must not make tls open a connection of its own.
            const secure = external_node_tls_.connect({
                ...options,
                host: undefined,
                port: undefined,
                path: undefined,
                socket,
                servername: isIpAddress(host) ? undefined : host,
            });
            settled = true;
            callback(null, secure);
        });
        connect.once('error', (error) => fail(Object.assign(new Error(`The proxy ${(0,secrets/* redact */.E$)(this.proxy.url.origin)} did not answer: ${error.message}`), {
            code: error.code,
        })));
        // A proxy that never answers the CONNECT must not hold the request past its own deadline.
        connect.setTimeout(Number(options.timeout ?? CONNECT_TIMEOUT_MS), () => connect.destroy(Object.assign(new Error('no answer to CONNECT'), { code: 'ETIMEDOUT' })));
        connect.end();
        return undefined;
    }
}
const CONNECT_TIMEOUT_MS = 30_000;
/** Part of an agent's key: agents differ by trust; a CA is named by its hash, not kept in the key. */
function trustKeyOf(trust) {
    const ca = trust.ca ? ` ca ${(0,external_node_crypto_.createHash)('sha256').update(trust.ca).digest('hex').slice(0, 16)}` : '';
    return `${ca}${trust.rejectUnauthorized === false ? ' insecure' : ''}`;
}
function proxyPort(url) {
    return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}
function isIpAddress(host) {
    return /^[\d.]+$/.test(host) || host.includes(':');
}
let shared;
/** The process's transport: the environment's proxy settings, Node's trusted certificates. */
function defaultTransport() {
    return (shared ??= new HttpTransport());
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/http/request.js








/** The request did not end in time; says what was asked. */
class HttpTimeoutError extends Error {
    name = 'TimeoutError';
    code = 'ETIMEDOUT';
}
/** The answer broke a rule of this client (too long, too many redirects, a redirect it does not follow). */
class HttpAnswerError extends Error {
}
/** The server's certificate was refused (unknown issuer, self-signed, expired, another name). Carries TLS's code. */
class HttpCertificateError extends Error {
    origin;
    code;
    constructor(origin, code, reason) {
        super(`The certificate of ${origin} was refused: ${reason} (${code})`);
        this.origin = origin;
        this.code = code;
    }
}
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * One HTTP exchange over node:http, through the proxy the environment names for the target (see proxy.ts). Reads
 * (GET, HEAD) follow redirects, as registries send blob reads to a storage host, without the Authorization header
 * once they leave the origin, and never from https to http; more than five redirects is an error. Network errors
 * carry their `code`; running out of time is an HttpTimeoutError.
 */
async function httpRequest(url, init) {
    return withDeadline(init, url, async (signal) => {
        const { response, target } = await sendFollowingRedirects(url, init, signal);
        const body = await readCapped(response, init.maxBytes, `${init.method} ${target.href}`);
        const status = response.statusCode ?? 0;
        return {
            status,
            ok: status >= 200 && status < 300,
            header: (name) => headerValue(response, name),
            headers: Object.fromEntries(Object.keys(response.headers).map((name) => [name, headerValue(response, name)])),
            body,
            url: target.href,
            redirected: target.href !== new URL(url).href,
        };
    });
}
/** GETs `url` into the file `dest`, following redirects; a non-2xx answer is an HttpStatusError. */
async function downloadToFile(url, dest, init) {
    await withDeadline({ ...init, method: 'GET' }, url, async (signal) => {
        const { response, target } = await sendFollowingRedirects(url, { ...init, method: 'GET' }, signal);
        const status = response.statusCode ?? 0;
        if (status < 200 || status >= 300) {
            response.resume();
            const retryAfter = parseRetryAfter(headerValue(response, 'retry-after'));
            throw new HttpStatusError(status, response.statusMessage ?? '', `GET ${target.href}`, retryAfter);
        }
        let length = 0;
        const cap = new Transform({
            transform(chunk, _encoding, done) {
                length += chunk.length;
                if (length > init.maxBytes)
                    done(tooLarge(`GET ${target.href}`, init.maxBytes));
                else
                    done(null, chunk);
            },
        });
        await pipeline(response, cap, createWriteStream(dest), { signal });
    });
}
/** The stream was silent for longer than its idle timeout: the server, or something between, may have dropped it. */
class HttpIdleError extends (/* unused pure expression or super */ null && (HttpTimeoutError)) {
}
/** The stream reached its total cap: a long watch, not a broken one; the caller may open a new one. */
class HttpStreamSpentError extends (/* unused pure expression or super */ null && (HttpAnswerError)) {
}
/**
 * GETs `url` and hands its answer over line by line while it lasts, on the same policy as httpRequest (proxy,
 * redirects, server trust), with a deadline for the answer to start, an idle timeout and size caps instead of a
 * deadline for the whole exchange.
 */
async function openHttpStream(url, init) {
    const what = `GET ${redact(url)}`;
    const started = new AbortController();
    const timer = setTimeout(() => started.abort(), init.connectTimeoutMs);
    const signal = init.signal ? AbortSignal.any([started.signal, init.signal]) : started.signal;
    let answer;
    try {
        answer = await sendFollowingRedirects(url, { ...init, method: 'GET', timeoutMs: init.connectTimeoutMs, maxBytes: init.maxBytes }, signal);
    }
    catch (error) {
        if (started.signal.aborted) {
            throw new HttpTimeoutError(`${what}: no answer within ${seconds(init.connectTimeoutMs)}`, { cause: error });
        }
        if (init.signal?.aborted)
            throw init.signal.reason;
        throw error;
    }
    finally {
        clearTimeout(timer);
    }
    const { response, target } = answer;
    const status = response.statusCode ?? 0;
    return {
        status,
        ok: status >= 200 && status < 300,
        url: target.href,
        header: (name) => headerValue(response, name),
        messages: () => streamLines(response, init, `GET ${target.href}`),
        body: () => readCapped(response, init.maxMessageBytes, `GET ${target.href}`),
        close: () => response.destroy(),
    };
}
async function* streamLines(response, limits, what) {
    let idle;
    const arm = () => {
        clearTimeout(idle);
        idle = setTimeout(() => response.destroy(new HttpIdleError(`${redact(what)}: nothing for ${seconds(limits.idleTimeoutMs)}`)), limits.idleTimeoutMs);
    };
    let parts = [];
    let partBytes = 0;
    let total = 0;
    const take = (piece) => {
        partBytes += piece.length;
        if (partBytes > limits.maxMessageBytes) {
            throw new HttpAnswerError(`${redact(what)} sent a message longer than ${limits.maxMessageBytes} bytes`);
        }
        parts.push(piece);
    };
    try {
        arm();
        for await (const chunk of response) {
            arm();
            total += chunk.length;
            if (total > limits.maxBytes) {
                throw new HttpStreamSpentError(`${redact(what)} streamed more than ${limits.maxBytes} bytes`);
            }
            let start = 0;
            // A newline byte never occurs inside a UTF-8 sequence: splitting the bytes there is safe.
            for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
                take(chunk.subarray(start, end));
                const line = Buffer.concat(parts).toString('utf8').trim();
                parts = [];
                partBytes = 0;
                start = end + 1;
                if (line)
                    yield line;
            }
            take(chunk.subarray(start));
        }
        const last = Buffer.concat(parts).toString('utf8').trim();
        if (last)
            yield last;
    }
    finally {
        clearTimeout(idle);
        response.destroy();
    }
}
/** A status the caller cannot use, with what was asked. */
class HttpStatusError extends Error {
    status;
    statusText;
    retryAfterMs;
    constructor(status, statusText, what, 
    /** What a 429 or 503 asked for in Retry-After. */
    retryAfterMs) {
        super(`${what} answered HTTP ${[status, statusText].filter(Boolean).join(' ')}`);
        this.status = status;
        this.statusText = statusText;
        this.retryAfterMs = retryAfterMs;
    }
}
async function withDeadline(init, url, exchange) {
    const deadline = AbortSignal.timeout(init.timeoutMs);
    const signal = init.signal ? AbortSignal.any([deadline, init.signal]) : deadline;
    try {
        return await exchange(signal);
    }
    catch (error) {
        if (deadline.aborted) {
            throw new HttpTimeoutError(`${init.method} ${(0,secrets/* redact */.E$)(url)}: no answer within ${seconds(init.timeoutMs)}`, {
                cause: error,
            });
        }
        if (init.signal?.aborted)
            throw init.signal.reason;
        throw error;
    }
}
async function sendFollowingRedirects(url, init, signal) {
    const read = init.method === 'GET' || init.method === 'HEAD';
    let target = new URL(url);
    let headers = init.headers ?? {};
    for (let redirects = 0;; redirects++) {
        const response = await send(target, { ...init, headers }, signal);
        const location = headerValue(response, 'location');
        const status = response.statusCode ?? 0;
        if (!REDIRECTS.has(status) || !location)
            return { response, target };
        const next = new URL(location, target);
        const resent = init.followWriteRedirects && (status === 307 || status === 308) && next.origin === target.origin;
        if (!read && !resent)
            return { response, target };
        response.resume();
        if (redirects === MAX_REDIRECTS) {
            throw new HttpAnswerError(`${init.method} ${(0,secrets/* redact */.E$)(url)} was still redirected after ${MAX_REDIRECTS} redirects (last HTTP ${status} to ${(0,secrets/* redact */.E$)(next.href)})`);
        }
        if (next.protocol !== 'https:' && (next.protocol !== 'http:' || target.protocol === 'https:')) {
            throw new HttpAnswerError(`${target.origin} redirected to ${next.protocol}//${next.host}, which this client does not follow`);
        }
        if (next.origin !== target.origin)
            headers = withoutAuthorization(headers);
        target = next;
    }
}
function send(target, init, signal) {
    const route = (init.transport ?? defaultTransport()).route(target, {
        ca: init.ca,
        rejectUnauthorized: init.rejectUnauthorized,
    });
    const headers = { ...init.headers };
    if (route.proxyAuthorization)
        headers['Proxy-Authorization'] = route.proxyAuthorization;
    const options = { method: init.method, headers, agent: route.agent, signal };
    if (route.absoluteForm)
        options.path = target.href;
    const transport = target.protocol === 'https:' ? external_node_https_namespaceObject : external_node_http_namespaceObject;
    return new Promise((resolve, reject) => {
        const request = transport.request(target, options, (response) => {
            if (response.statusCode === 407 && route.proxy) {
                response.resume();
                reject(new HttpAnswerError(`The proxy ${(0,secrets/* redact */.E$)(route.proxy.origin)} refused ${init.method} ${target.href}: HTTP 407`));
                return;
            }
            const length = Number(response.headers['content-length']);
            if (init.method !== 'HEAD' && length > init.maxBytes) {
                response.destroy();
                reject(tooLarge(`${init.method} ${target.href}`, init.maxBytes));
                return;
            }
            resolve(response);
        });
        request.on('error', (error) => reject(certificateError(target, error) ?? error));
        request.end(init.body);
    });
}
// OpenSSL's verify errors as Node names them, and Node's own for a certificate issued to another name.
const CERTIFICATE_CODES = /^(ERR_TLS_CERT_ALTNAME_INVALID|.*CERT.*|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/;
function certificateError(target, error) {
    if (!error.code || !CERTIFICATE_CODES.test(error.code))
        return undefined;
    return new HttpCertificateError(target.origin, error.code, error.message.replace(/\s+/g, ' '));
}
function readCapped(response, maxBytes, what) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let length = 0;
        response.on('data', (chunk) => {
            length += chunk.length;
            if (length <= maxBytes)
                chunks.push(chunk);
            else
                response.destroy(tooLarge(what, maxBytes));
        });
        response.on('error', reject);
        response.on('end', () => resolve(Buffer.concat(chunks)));
    });
}
function tooLarge(what, maxBytes) {
    return new HttpAnswerError(`${(0,secrets/* redact */.E$)(what)} answered more than ${maxBytes} bytes`);
}
function headerValue(response, name) {
    const value = response.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
}
function withoutAuthorization(headers) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
}
function seconds(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/http-request.js
// The registry client's import path; the request policy itself (timeout, size cap, proxy) lives in core/http.


;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/registry.js






const DEFAULT_RETRY = { attempts: 4, firstDelayMs: 1000 };
const MAX_RETRY_DELAY_MS = 8_000;
const REQUEST_TIMEOUT_MS = 15_000;
// As containerd caps manifests: more is not an answer this client can use.
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const INDEX_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
];
const MANIFEST_TYPES = [
    ...INDEX_TYPES,
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;
/** The registry does not answer at all (network errors, timeouts), after the retries: the push would fail too. */
class RegistryUnreachableError extends errors/* UserError */.yo {
}
/** The registry answered, but with a status the lookup cannot go past. */
class RegistryStatusError extends Error {
    status;
    retryAfterMs;
    constructor(status, what, 
    /** What a 429 or 503 asked for in Retry-After. */
    retryAfterMs) {
        super(`${what} answered HTTP ${status}`);
        this.status = status;
        this.retryAfterMs = retryAfterMs;
    }
}
/**
 * Talks to an OCI registry over its HTTP API: whether it answers at all, and which manifest digest a tag serves
 * (the Docker-Content-Digest, or the SHA-256 of the manifest's bytes). Anonymous first, then the bearer-token or
 * basic challenge the registry answers with.
 */
class RegistryClient {
    credentials;
    retry;
    transport;
    constructor(options = {}) {
        this.credentials = options.credentials ?? (() => undefined);
        this.retry = options.retry ?? DEFAULT_RETRY;
        this.transport = options.transport;
    }
    /** Resolves once the registry answers HTTP (any status: 401 is an answer); a UserError after the retries. */
    async ensureReachable(registry) {
        const url = `${registryUrl(registry)}/v2/`;
        await this.withRetries(registry, async () => {
            const response = await this.request(url, { method: 'GET' });
            if (response.status >= 500)
                throw statusError(response, `GET ${url}`);
        });
    }
    /**
     * One probe, for a run that needs nothing from the registry before its push: a registry that does not answer here
     * (a proxy that only the docker daemon is configured for, say) is a warning, and the push decides.
     */
    async warnUnlessReachable(registry) {
        const url = `${registryUrl(registry)}/v2/`;
        try {
            await this.request(url, { method: 'GET' });
        }
        catch (error) {
            core/* warning */.$e(`Registry ${registry} did not answer GET ${url} (${describeNetworkError(error)}); building anyway.`);
        }
    }
    /**
     * The digest the registry serves for `image:tag` (a HEAD, which Docker Hub does not count as a pull); undefined
     * when it refuses to show it to these credentials, or, when asked, when there is no such tag.
     */
    async manifestDigest(image, tag, { missingIsUndefined = false } = {}) {
        const head = await this.withRetries(image.registry, () => this.authorized(manifestUrl(image, tag), { method: 'HEAD' }, image, 'pull', { missingIsUndefined }));
        if (head === undefined)
            return undefined;
        return head.header('docker-content-digest') ?? (await this.manifest(image, tag))?.digest;
    }
    /** The manifest (or index) `reference` (a tag or digest) names; undefined when there is none or it is hidden. */
    async manifest(image, reference) {
        const url = manifestUrl(image, reference);
        return this.withRetries(image.registry, async () => {
            const response = await this.authorized(url, { method: 'GET' }, image, 'pull', { missingIsUndefined: true });
            if (response === undefined)
                return undefined;
            const bytes = response.body;
            const mediaType = response.header('content-type')?.split(';')[0]?.trim() || mediaTypeOf(bytes);
            return { digest: sha256Digest(bytes), mediaType, bytes };
        });
    }
    /** A blob (an image config) by digest, checked against that digest; undefined when hidden or missing. */
    async blob(image, digest) {
        const url = `${registryUrl(image.registry)}/v2/${image.path}/blobs/${digest}`;
        return this.withRetries(image.registry, async () => {
            const response = await this.authorized(url, { method: 'GET' }, image, 'pull', { missingIsUndefined: true });
            if (response === undefined)
                return undefined;
            const bytes = response.body;
            if (sha256Digest(bytes) !== digest)
                throw new Error(`${url} answered bytes that do not match ${digest}`);
            return bytes;
        });
    }
    /**
     * Points `tag` at a manifest the repository already holds (with every blob it names); false when these
     * credentials may not push there.
     */
    async tagManifest(image, tag, manifest) {
        const url = manifestUrl(image, tag);
        return this.withRetries(image.registry, async () => {
            const init = { method: 'PUT', body: manifest.bytes, headers: { 'Content-Type': manifest.mediaType } };
            return (await this.authorized(url, init, image, 'push')) !== undefined;
        });
    }
    /**
     * Uploads a blob unless the repository holds it already: a POST opening an upload session, then one monolithic PUT
     * with the digest (the two-step form every registry accepts). Returns its digest; a UserError when these
     * credentials may not push there.
     */
    async uploadBlob(image, bytes) {
        const digest = sha256Digest(bytes);
        const blobUrl = `${registryUrl(image.registry)}/v2/${image.path}/blobs/${digest}`;
        const uploadsUrl = `${registryUrl(image.registry)}/v2/${image.path}/blobs/uploads/`;
        await this.withRetries(image.registry, async () => {
            const present = await this.authorized(blobUrl, { method: 'HEAD' }, image, 'push', { missingIsUndefined: true });
            if (present !== undefined)
                return;
            const session = this.pushed(image, await this.authorized(uploadsUrl, { method: 'POST' }, image, 'push'));
            const location = session.header('location');
            if (!location)
                throw new Error(`POST ${uploadsUrl} answered HTTP ${session.status} without a Location`);
            // The session's URL may be relative and may carry the registry's own state in its query.
            const target = new URL(location, uploadsUrl);
            target.searchParams.set('digest', digest);
            const init = { method: 'PUT', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } };
            this.pushed(image, await this.authorized(target.href, init, image, 'push'));
        });
        return digest;
    }
    /**
     * Pushes a manifest (or index) under `reference`, a tag or its own digest; its blobs must be in the repository.
     * Returns its digest; a UserError when these credentials may not push there.
     */
    async putManifest(image, reference, bytes, mediaType) {
        const url = manifestUrl(image, reference);
        await this.withRetries(image.registry, async () => {
            const init = { method: 'PUT', body: bytes, headers: { 'Content-Type': mediaType } };
            this.pushed(image, await this.authorized(url, init, image, 'push'));
        });
        return sha256Digest(bytes);
    }
    /**
     * The OCI 1.1 referrers API's index of the manifests whose subject is `digest`, filtered by artifact type (a
     * registry may ignore the filter); undefined when the registry has no referrers API (404, as distribution 2.8).
     */
    async referrers(image, digest, artifactType) {
        const url = new URL(`${registryUrl(image.registry)}/v2/${image.path}/referrers/${digest}`);
        if (artifactType)
            url.searchParams.set('artifactType', artifactType);
        return this.withRetries(image.registry, async () => {
            const response = await this.authorized(url.href, { method: 'GET' }, image, 'pull', { missingIsUndefined: true });
            const type = response?.header('content-type')?.split(';')[0]?.trim();
            // A registry without the API may answer its 404 page with 200 through a catch-all: only an index counts.
            return response && type === INDEX_TYPES[0] ? response.body : undefined;
        });
    }
    pushed(image, response) {
        if (response === undefined) {
            throw new errors/* UserError */.yo(`Registry ${image.registry} does not let these credentials push to ${image.path}.`);
        }
        return response;
    }
    /**
     * A successful response, following one auth challenge; undefined when access is denied (and, when asked, when the
     * registry has no such manifest or blob).
     */
    async authorized(url, init, image, access, { missingIsUndefined = false } = {}) {
        const headers = { Accept: MANIFEST_TYPES, ...init.headers };
        let response = await this.request(url, { ...init, headers });
        if (response.status === 401) {
            const authorization = await this.answerChallenge(response.header('www-authenticate') ?? '', image, access);
            if (authorization) {
                response = await this.request(url, { ...init, headers: { ...headers, Authorization: authorization } });
            }
        }
        if (response.status === 401 || response.status === 403)
            return undefined;
        if (missingIsUndefined && response.status === 404)
            return undefined;
        if (!response.ok)
            throw statusError(response, `${init.method} ${url}`);
        return response;
    }
    /** The Authorization header for a `Bearer realm=...` or `Basic` challenge, if one can be made. */
    async answerChallenge(challenge, image, access) {
        const credentials = this.credentials(image.registry);
        if (/^basic\b/i.test(challenge))
            return credentials ? basicAuth(credentials) : undefined;
        const params = parseChallenge(challenge);
        if (!/^bearer\b/i.test(challenge) || !params.realm)
            return undefined;
        const tokenUrl = new URL(params.realm);
        if (params.service)
            tokenUrl.searchParams.set('service', params.service);
        tokenUrl.searchParams.set('scope', `repository:${image.path}:${access === 'push' ? 'pull,push' : 'pull'}`);
        const response = await this.request(tokenUrl.href, {
            method: 'GET',
            headers: credentials ? { Authorization: basicAuth(credentials) } : {},
        });
        if (!response.ok)
            return undefined;
        const body = parseJson(response.body) ?? {};
        const token = body.token ?? body.access_token;
        if (!token)
            return undefined;
        (0,secrets/* registerSecret */.cl)(token);
        return `Bearer ${token}`;
    }
    request(url, init) {
        return httpRequest(url, {
            ...init,
            timeoutMs: REQUEST_TIMEOUT_MS,
            maxBytes: MAX_ANSWER_BYTES,
            transport: this.transport,
        });
    }
    /**
     * Runs `call`, retrying network failures, 5xx and 429 answers with doubling delays (or the Retry-After asked
     * for), then gives up with a UserError. Anything else (a 4xx, bytes that do not match their digest) is thrown at
     * once, as it is.
     */
    async withRetries(registry, call) {
        try {
            return await retry(call, {
                what: `Registry ${registry}`,
                attempts: this.retry.attempts,
                firstDelayMs: this.retry.firstDelayMs,
                maxDelayMs: Math.max(MAX_RETRY_DELAY_MS, this.retry.firstDelayMs),
                jitter: 0.2,
                retryable: (error) => isFailingStatus(error) || isNetworkError(error),
                retryAfterMs: (error) => (error instanceof RegistryStatusError ? error.retryAfterMs : undefined),
                describe: (error) => (isFailingStatus(error) ? (0,errors/* errorMessage */.gJ)(error) : describeNetworkError(error)),
            });
        }
        catch (error) {
            const attempts = `${this.retry.attempts} attempts`;
            if (isFailingStatus(error))
                throw new errors/* UserError */.yo(`Registry ${registry} keeps failing: ${error.message} (${attempts}).`);
            if (isNetworkError(error)) {
                throw new RegistryUnreachableError(`Registry ${registry} is unreachable: ${describeNetworkError(error)} (${attempts}).`);
            }
            throw error;
        }
    }
}
function statusError(response, what) {
    return new RegistryStatusError(response.status, what, retry_parseRetryAfter(response.header('retry-after')));
}
/** An answer that may be better in a moment: the registry failing (5xx) or asking to slow down (429). */
function isFailingStatus(error) {
    return error instanceof RegistryStatusError && (error.status >= 500 || error.status === 429);
}
/** Whether a manifest is an index (a list of per-platform manifests) rather than one image's manifest. */
function isIndex(manifest) {
    return INDEX_TYPES.includes(manifest.mediaType);
}
function manifestUrl(image, reference) {
    return `${registryUrl(image.registry)}/v2/${image.path}/manifests/${reference}`;
}
/** A content digest as registries name content: `sha256:<hex>`. */
function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** A manifest served without a Content-Type names its type inside (both OCI and Docker v2 manifests do). */
function mediaTypeOf(bytes) {
    const mediaType = parseJson(bytes)?.mediaType;
    return typeof mediaType === 'string' ? mediaType : '';
}
/** Docker's rule: loopback registries speak plain HTTP, every other one HTTPS; Docker Hub's API lives elsewhere. */
function registryUrl(registry) {
    if (registry === 'docker.io')
        return 'https://registry-1.docker.io';
    return `${LOOPBACK_HOST.test(registry) ? 'http' : 'https'}://${registry}`;
}
function basicAuth(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
/** `Bearer realm="https://x/token",service="x",scope="..."` to its parameters. */
function parseChallenge(challenge) {
    const params = {};
    for (const match of challenge.matchAll(/(\w+)="([^"]*)"/g))
        params[match[1].toLowerCase()] = match[2];
    return params;
}
/** No answer at all: a system error (ECONNREFUSED, ENOTFOUND, ECONNRESET) or the time running out. */
function isNetworkError(error) {
    const { code, name } = (error ?? {});
    return name === 'TimeoutError' || (typeof code === 'string' && /^E[A-Z_]+$/.test(code));
}
/** A network error names its cause by code (ECONNREFUSED, ENOTFOUND); running out of time is a TimeoutError. */
function describeNetworkError(error) {
    const { code, name, message } = (error ?? {});
    if (name === 'TimeoutError')
        return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
    if (message?.startsWith('The proxy '))
        return message;
    if (code)
        return `${code}${message ? ` (${message})` : ''}`;
    return message ?? String(error);
}
/** A registry answer's JSON; undefined when it is not JSON. */
function parseJson(bytes) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/reuse.js


const DOCKER_HUB = 'docker.io';
/**
 * Reads what each tag about to be pushed serves now: the manifest, and the config of each distinct image. It needs
 * no inputs digest, so it runs while that is computed; it also proves the registry answers before anything is built.
 */
async function readTagImages(registry, image, tags) {
    const manifests = await servedManifests(registry, image, tags);
    const configs = new Map();
    for (const manifest of manifests) {
        if (manifest && !configs.has(manifest.digest))
            configs.set(manifest.digest, imageConfig(registry, image, manifest));
    }
    return Promise.all(tags.map(async (tag, index) => {
        const manifest = manifests[index];
        return { tag, manifest, config: manifest && (await configs.get(manifest.digest)) };
    }));
}
/** The first tag's image labelled with `inputsDigest`, if one is. */
function findReusableImage(image, tagImages, inputsDigest) {
    const found = tagImages.find(({ config }) => config?.labels[BUILD_INPUTS_LABEL] === inputsDigest);
    if (!found?.manifest || !found.config)
        return undefined;
    return {
        foundAt: image.withVersion({ tag: found.tag }),
        manifest: found.manifest,
        configDigest: isIndex(found.manifest) ? undefined : found.config.digest,
        labels: found.config.labels,
        served: new Map(tagImages.map(({ tag, manifest }) => [tag, manifest?.digest])),
    };
}
/**
 * The manifest each tag serves (undefined where there is none). One GET per tag; on Docker Hub, which counts every
 * manifest GET as a pull but no HEAD, a HEAD per tag and then one GET per distinct digest.
 */
async function servedManifests(registry, image, tags) {
    if (image.registry !== DOCKER_HUB)
        return Promise.all(tags.map((tag) => registry.manifest(image, tag)));
    const digests = await Promise.all(tags.map((tag) => registry.manifestDigest(image, tag, { missingIsUndefined: true })));
    const byDigest = new Map();
    for (const digest of digests) {
        if (digest && !byDigest.has(digest))
            byDigest.set(digest, registry.manifest(image, digest));
    }
    return Promise.all(digests.map((digest) => (digest ? byDigest.get(digest) : undefined)));
}
/**
 * Points every tag that does not serve the reusable image yet at it (a manifest PUT, no layer moves); false when
 * the registry refuses these credentials a push, so the caller builds instead.
 */
async function tagReusableImage(registry, image, reusable) {
    const missing = [...reusable.served].filter(([, digest]) => digest !== reusable.manifest.digest).map(([tag]) => tag);
    const accepted = await Promise.all(missing.map((tag) => registry.tagManifest(image, tag, reusable.manifest)));
    return accepted.every(Boolean);
}
/** The config (its digest and labels) of an image, or of an index's first platform image. */
async function imageConfig(registry, image, manifest) {
    let single = manifest;
    if (isIndex(manifest)) {
        // Attestation manifests (provenance, SBOM) sit beside the images with platform unknown/unknown.
        const first = parseJson(manifest.bytes)?.manifests?.find((entry) => entry.platform?.os !== 'unknown');
        single = first?.digest ? await registry.manifest(image, first.digest) : undefined;
    }
    const digest = single && parseJson(single.bytes)?.config?.digest;
    if (!digest)
        return undefined;
    const config = await registry.blob(image, digest);
    const labels = config && parseJson(config)?.config?.Labels;
    return { digest, labels: labels ?? {} };
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/secret-files.js


/**
 * Writes each secret to its own file, readable by this user only, for `--secret id=...,src=...`: a file keeps the
 * value out of argv, the environment of every other process, and the image. The caller deletes `dir` afterwards.
 */
async function writeSecretFiles(secrets, dir) {
    const folder = external_node_path_.join(dir, 'secrets');
    await (0,promises_.mkdir)(folder, { recursive: true, mode: 0o700 });
    const files = [];
    let index = 0;
    for (const [id, value] of secrets) {
        // Numbered, not named by id: an id is user text and must not pick a path.
        const file = external_node_path_.join(folder, String(index++));
        await (0,promises_.writeFile)(file, value, { mode: 0o600, flag: 'wx' });
        files.push({ id, file });
    }
    return files;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/build/served-digest.js
/**
 * The manifest digest the registry serves for every pushed tag. It must be one digest, and the one the push
 * reported (when it reported one): a tag serving another means a concurrent push moved it.
 */
async function servedDigest(lookup, image, tags, pushedDigest) {
    const digests = await Promise.all(tags.map((tag) => lookup.manifestDigest(image, tag)));
    const served = tags.flatMap((tag, index) => (digests[index] ? [{ tag, digest: digests[index] }] : []));
    if (served.length === 0) {
        if (!pushedDigest)
            throw new Error(`Neither the push nor the registry told the digest of ${image}.`);
        return { digest: pushedDigest, source: 'push' };
    }
    const expected = pushedDigest ?? served[0].digest;
    const moved = served.find((entry) => entry.digest !== expected);
    if (moved) {
        throw new Error(`${image.withVersion({ tag: moved.tag })} serves ${moved.digest}, not the pushed ${expected}: ` +
            'another push moved the tag.');
    }
    return { digest: expected, source: 'registry' };
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/tags.js
var build_tags = __webpack_require__(5730);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cleanup.js
var cleanup = __webpack_require__(3212);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/exec.js






class ToolFailedError extends Error {
    command;
    result;
    constructor(command, result) {
        const detail = lastLines(result.stderr || result.stdout, 5);
        super(`${command} failed with exit code ${result.exitCode}${detail ? `: ${detail}` : ''}`);
        this.command = command;
        this.result = result;
    }
}
/**
 * Runs a tool with an argv array (never through a shell), streaming its output line by line with registered
 * secrets redacted and no line readable as a workflow command, and returns what it printed. If the step is
 * cancelled meanwhile, the tool and everything it started are stopped (see cleanup.ts).
 */
async function execTool(tool, args, options = {}) {
    const commandLine = (0,secrets/* redact */.E$)([tool, ...args].join(' '));
    // Line by line rather than in a stop-commands block: the tool's stderr and stdout reach the runner through two
    // pipes, in no fixed order, so a block on one could not be relied on to cover the other.
    const echo = (stream) => (line) => {
        if (!options.silent)
            stream.write(`${(0,workflow_commands/* neutralizeLine */.a0)((0,secrets/* redact */.E$)(line))}\n`);
    };
    if (!options.silent)
        printCommandLine(tool, args);
    const output = await runTool(tool, args, options, echo(process.stdout), echo(process.stderr));
    const result = { exitCode: output.exitCode, stdout: (0,secrets/* redact */.E$)(output.stdout), stderr: (0,secrets/* redact */.E$)(output.stderr) };
    if (result.exitCode !== 0 && !options.allowFailure)
        throw new ToolFailedError(commandLine, result);
    return result;
}
// How long a cancelled tool gets between SIGTERM and SIGKILL; the runner's own SIGKILL comes about 7.5 s after SIGINT.
const STOP_GRACE_MS = 3000;
function runTool(tool, args, options, onStdoutLine, onStderrLine) {
    return new Promise((resolve, reject) => {
        // A process group of its own, so that a cancel can stop the tool and whatever it started, and nothing else.
        const child = (0,external_node_child_process_.spawn)(tool, [...args], {
            cwd: options.cwd,
            env: options.env ? { ...process.env, ...options.env } : process.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: true,
        });
        const forget = (0,cleanup/* onCancel */.Ao)(() => stopProcessGroup(child));
        const stdout = collectLines(child.stdout, onStdoutLine);
        const stderr = collectLines(child.stderr, onStderrLine);
        let timedOut = false;
        const timer = options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                void stopProcessGroup(child);
            }, options.timeoutMs);
        const done = () => {
            forget();
            clearTimeout(timer);
        };
        child.on('error', (error) => {
            done();
            reject(error.code === 'ENOENT' ? new Error(`Unable to locate executable file: ${tool}`) : error);
        });
        child.on('close', (code, signal) => {
            done();
            if (timedOut) {
                const note = `${tool} timed out after ${Math.round(options.timeoutMs / 1000)} s and was stopped.`;
                resolve({ exitCode: 124, stdout: stdout(), stderr: `${stderr()}\n${note}`.trimStart() });
                return;
            }
            const exitCode = code ?? 128 + (signal ? external_node_os_.constants.signals[signal] : 0);
            resolve({ exitCode, stdout: stdout(), stderr: stderr() });
        });
        // A tool that reads its input must see it end, whether or not there is any.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
    });
}
/** Calls `onLine` for each line as it comes; returns a function that gives all of it once the stream has ended. */
function collectLines(stream, onLine) {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    let all = '';
    let partial = '';
    const take = (text) => {
        all += text;
        const lines = (partial + text).split('\n');
        partial = lines.pop();
        for (const line of lines)
            onLine(line);
    };
    stream.on('data', (chunk) => take(decoder.write(chunk)));
    stream.on('end', () => {
        take(decoder.end());
        if (partial)
            onLine(partial);
        partial = '';
    });
    return () => all;
}
/** SIGTERM to the tool's process group, SIGKILL if it is still there after a grace period; resolves once it exited. */
async function stopProcessGroup(child) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
        return;
    const exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const signalGroup = (signal) => {
        try {
            process.kill(-child.pid, signal);
        }
        catch {
            // Already gone.
        }
    };
    signalGroup('SIGTERM');
    let timer;
    const killed = new Promise((resolve) => {
        timer = setTimeout(() => {
            signalGroup('SIGKILL');
            resolve();
        }, STOP_GRACE_MS);
    });
    await Promise.race([exited, killed]);
    clearTimeout(timer);
    await exited;
}
/** The `[command]` line a tool run is logged with: redacted, and its arguments (file names...) escaped. */
function printCommandLine(tool, args) {
    process.stdout.write(`[command]${(0,workflow_commands/* escapeForLog */.zB)((0,secrets/* redact */.E$)([tool, ...args].join(' ')))}\n`);
}
function lastLines(text, count) {
    return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/docker.js



const PUSHED_DIGEST = /^\S+: digest: (sha256:[a-f0-9]{64}) size: \d+$/m;
/** The Docker CLI; every call goes through one `exec`. */
class Docker {
    path;
    env;
    constructor(path, env) {
        this.path = path;
        this.env = env;
    }
    static async create(options = {}) {
        const found = options.path ?? (await io/* which */.K7('docker', false));
        if (!found)
            throw new errors/* UserError */.yo('The docker CLI is not on PATH: this action builds with Docker.');
        return new Docker(found, options.env ?? {});
    }
    /** The CLI's and the engine's versions; a UserError when the engine does not answer. */
    async versions() {
        const result = await this.exec(['version', '--format', '{{json .}}'], { silent: true, allowFailure: true });
        const parsed = parseVersionJson(result.stdout);
        if (result.exitCode !== 0 || !parsed?.Server?.Version) {
            const reason = lastLines(result.stderr || result.stdout, 1) || `exit code ${result.exitCode}`;
            throw new errors/* UserError */.yo(`The Docker Engine does not answer (${this.path} version): ${reason}`);
        }
        return {
            client: parsed.Client?.Version ?? '',
            server: parsed.Server.Version,
            serverOs: parsed.Server.Os ?? '',
            serverArch: parsed.Server.Arch ?? '',
        };
    }
    /** Whether `docker buildx` is installed as a CLI plugin. */
    async hasBuildx() {
        const result = await this.exec(['buildx', 'version'], { silent: true, allowFailure: true });
        return result.exitCode === 0;
    }
    /** `docker build <args>`; returns a failed build's exit code and output rather than throwing. */
    async build(args, options) {
        return this.exec(['build', ...args], {
            allowFailure: true,
            env: { DOCKER_BUILDKIT: options.buildKit ? '1' : '0' },
        });
    }
    /** `docker buildx build <args>`; returns a failed build's exit code and output rather than throwing. */
    async buildxBuild(args) {
        return this.exec(['buildx', 'build', ...args], { allowFailure: true });
    }
    /** Pushes one tag and returns the manifest digest the registry accepted; a UserError when it refuses. */
    async push(reference) {
        const { exitCode, stdout, stderr } = await this.exec(['push', reference], { allowFailure: true });
        if (exitCode !== 0) {
            // Mostly a missing login or permission (denied, unauthorized), which the user fixes.
            throw new errors/* UserError */.yo(`docker push ${reference} failed: ${lastLines(stderr || stdout, 2)}`);
        }
        const digest = PUSHED_DIGEST.exec(stdout)?.[1];
        if (!digest)
            throw new Error(`docker push ${reference} printed no digest: ${lastLines(stdout, 3)}`);
        return digest;
    }
    exec(args, options = {}) {
        return execTool(this.path, args, { ...options, env: { ...this.env, ...options.env } });
    }
}
function parseVersionJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/file-scope.js




const YAML_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[{]/;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/**
 * Resolves user paths (files, directories searched recursively for YAML, or globs) relative to a root,
 * refusing anything that resolves outside it, symlinks included. Returns absolute real paths, sorted.
 */
async function resolveYamlFiles(patterns, root, options = {}) {
    if (patterns.length === 0)
        throw new UserError('No paths given: name at least one file, directory or glob.');
    const realRoot = await realDirectory(root);
    const found = new Set();
    for (const pattern of patterns) {
        const matches = GLOB_CHARS.test(pattern)
            ? await expandGlob(pattern, realRoot)
            : await expandPath(pattern, realRoot);
        if (matches.length === 0) {
            if (!options.onNoMatch)
                throw new UserError(`Path "${pattern}" matches no YAML file under ${root}.`);
            options.onNoMatch(pattern);
        }
        for (const file of matches)
            found.add(file);
    }
    return [...found].sort();
}
/** `/`-separated path of a file relative to the root, for outputs and summaries. */
function relativeToRoot(root, file) {
    return external_node_path_.relative(root, file).split(external_node_path_.sep).join('/');
}
async function realDirectory(root) {
    try {
        const real = await fs.realpath(root);
        if (!(await fs.stat(real)).isDirectory())
            throw new Error('not a directory');
        return real;
    }
    catch {
        throw new UserError(`Working directory "${root}" does not exist or is not a directory.`);
    }
}
async function expandPath(pattern, root) {
    const target = await insideRoot(pattern, path.resolve(root, pattern), root);
    if (target === undefined)
        return [];
    const stat = await fs.stat(target);
    if (stat.isDirectory())
        return walkYaml(target, root);
    return stat.isFile() ? [target] : [];
}
async function expandGlob(pattern, root) {
    const normalized = pattern.split(path.sep).join('/');
    if (path.isAbsolute(pattern) || normalized.split('/').includes('..')) {
        throw new UserError(`Path "${pattern}" must stay inside ${root}: use a glob relative to the working directory.`);
    }
    const matcher = globToRegExp(normalized);
    const start = await insideRoot(pattern, path.resolve(root, staticPrefix(normalized)), root);
    if (start === undefined || !(await fs.stat(start)).isDirectory())
        return [];
    const candidates = await walkFiles(start, root);
    return candidates.filter((file) => YAML_FILE.test(file) && matcher.test(relativeToRoot(root, file)));
}
/** The real path of `candidate`, or undefined when it does not exist; a UserError when it escapes the root. */
async function insideRoot(pattern, candidate, root) {
    let real;
    try {
        real = await fs.realpath(candidate);
    }
    catch {
        if (!isInside(root, path.resolve(candidate)))
            throw escapes(pattern, root);
        return undefined;
    }
    if (!isInside(root, real))
        throw escapes(pattern, root);
    return real;
}
function escapes(pattern, root) {
    return new UserError(`Path "${pattern}" resolves outside the working directory ${root}; it is refused.`);
}
/** Whether `candidate` is `root` or below it; both must already be real (symlink-free) absolute paths. */
function isInside(root, candidate) {
    const relative = path.relative(root, candidate);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
async function walkYaml(dir, root) {
    return (await walkFiles(dir, root)).filter((file) => YAML_FILE.test(file));
}
/** Every regular file below `dir`; a symlink is followed only when its target stays inside the root. */
async function walkFiles(dir, root) {
    const files = [];
    const pending = [dir];
    const seen = new Set();
    while (pending.length > 0) {
        const current = pending.pop();
        if (seen.has(current))
            continue;
        seen.add(current);
        for (const entry of await fs.readdir(current, { withFileTypes: true })) {
            if (SKIPPED_DIRS.has(entry.name))
                continue;
            const full = path.join(current, entry.name);
            const real = entry.isSymbolicLink() ? await insideRoot(relativeToRoot(root, full), full, root) : full;
            if (real === undefined)
                continue;
            const stat = entry.isSymbolicLink() ? await fs.stat(real) : entry;
            if (stat.isDirectory())
                pending.push(real);
            else if (stat.isFile())
                files.push(real);
        }
    }
    return files;
}
function staticPrefix(pattern) {
    const parts = pattern.split('/');
    const index = parts.findIndex((part) => GLOB_CHARS.test(part));
    return parts.slice(0, index).join('/') || '.';
}
/** `**` spans directories, `*` and `?` stay within one, `{a,b}` alternates, `[...]` is a class. */
function globToRegExp(pattern) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '*' && pattern[i + 1] === '*') {
            const slashAfter = pattern[i + 2] === '/';
            source += slashAfter ? '(?:.*/)?' : '.*';
            i += slashAfter ? 2 : 1;
        }
        else if (char === '*')
            source += '[^/]*';
        else if (char === '?')
            source += '[^/]';
        else if (char === '{') {
            const close = pattern.indexOf('}', i);
            if (close < 0)
                throw new UserError(`Glob "${pattern}" has an unclosed "{".`);
            source += `(?:${pattern
                .slice(i + 1, close)
                .split(',')
                .map(escapeRegExp)
                .join('|')})`;
            i = close;
        }
        else if (char === '[') {
            const close = pattern.indexOf(']', i);
            if (close < 0)
                throw new UserError(`Glob "${pattern}" has an unclosed "[".`);
            source += `[${pattern
                .slice(i + 1, close)
                .replace(/^!/, '^')
                .replace(/\\/g, '\\\\')}]`;
            i = close;
        }
        else
            source += escapeRegExp(char);
    }
    return new RegExp(`^${source}$`);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/provenance/slsa.js




/** The in-toto statement every attestation here is (https://github.com/in-toto/attestation/blob/main/spec/v1). */
const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** The DSSE payload type of an in-toto statement. */
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** SLSA provenance v1 (https://slsa.dev/provenance/v1). */
const SLSA_PREDICATE_TYPE = 'https://slsa.dev/provenance/v1';
/** Where this library documents its build type, relative to its repository: the anchor carries the version. */
const BUILD_TYPE_DOC = 'blob/main/docs/provenance.md#build-type-v1';
const SHA256_DIGEST = /^sha256:([a-f0-9]{64})$/;
const GIT_COMMIT = /^[a-f0-9]{40}$/;
const WORKFLOW_REF = /^[^/\s]+\/[^/\s]+\/\.github\/workflows\/[^@\s]+@\S+$/;
/**
 * The builder from a runner's environment. The reusable workflows pass `job.workflow_ref` as JOB_WORKFLOW_REF (no
 * variable carries it by itself); a single action has only GITHUB_WORKFLOW_REF.
 */
function builderIdentity(context) {
    const server = context.serverUrl;
    const { jobWorkflowRef, workflowRef } = context;
    if (jobWorkflowRef)
        return { id: `${server}/${checkedWorkflowRef(jobWorkflowRef)}`, kind: 'reusable-workflow' };
    if (workflowRef)
        return { id: `${server}/${checkedWorkflowRef(workflowRef)}`, kind: 'caller-workflow' };
    throw new errors/* UserError */.yo('Neither JOB_WORKFLOW_REF nor GITHUB_WORKFLOW_REF is set, so the provenance cannot name its builder: run on GitHub Actions.');
}
function checkedWorkflowRef(ref) {
    if (!WORKFLOW_REF.test(ref))
        throw new errors/* UserError */.yo(`"${ref}" is not a workflow ref (OWNER/REPO/.github/workflows/FILE@REF).`);
    return ref;
}
/** The SLSA provenance v1 predicate of one build. */
function slsaPredicate(request) {
    const { builder, build, invocation } = request;
    const server = serverOf(invocation.serverUrl);
    if (!GIT_COMMIT.test(invocation.sha))
        throw new errors/* UserError */.yo(`The commit "${invocation.sha}" is not a 40-hex git SHA.`);
    const runUrl = `${server}/${invocation.repository}/actions/runs/${invocation.runId}/attempts/${invocation.runAttempt}`;
    return {
        buildDefinition: {
            buildType: `${server}/${request.libraryRepository}/${BUILD_TYPE_DOC}`,
            externalParameters: {
                source: { repository: `${server}/${invocation.repository}`, ref: invocation.ref },
                dockerfile: build.dockerfile,
                context: build.context,
                ...(build.target === undefined ? {} : { target: build.target }),
                // Masked like the log: a value registered as a secret never lands in a signed, public statement.
                buildArgs: Object.fromEntries([...build.buildArgs].map(([name, value]) => [name, (0,secrets/* redact */.E$)(value)])),
                labels: Object.fromEntries([...build.labels].map(([name, value]) => [name, (0,secrets/* redact */.E$)(value)])),
                platforms: [...build.platforms],
                secretIds: [...build.secretIds].sort(),
                ...(build.network === undefined ? {} : { network: build.network }),
            },
            internalParameters: { builder: build.builder, builderIdentity: builder.kind },
            resolvedDependencies: [
                {
                    uri: `git+${server}/${invocation.repository}@${invocation.ref}`,
                    digest: { gitCommit: invocation.sha },
                    name: 'source',
                },
                ...request.baseImages,
            ],
        },
        runDetails: {
            builder: { id: builder.id },
            metadata: {
                invocationId: runUrl,
                startedOn: invocation.startedOn.toISOString(),
                finishedOn: invocation.finishedOn.toISOString(),
            },
        },
    };
}
/** The statement that binds a predicate to one image manifest digest. */
function provenanceStatement(imageName, digest, predicate) {
    const hex = SHA256_DIGEST.exec(digest)?.[1];
    if (!hex)
        throw new UserError(`The image digest "${digest}" is not sha256: followed by 64 lowercase hex digits.`);
    return {
        _type: IN_TOTO_STATEMENT_TYPE,
        subject: [{ name: imageName, digest: { sha256: hex } }],
        predicateType: SLSA_PREDICATE_TYPE,
        predicate,
    };
}
/**
 * The images a build of `target` reads from outside the Dockerfile (bases, COPY --from, RUN --mount from=, the
 * `# syntax=` frontend), with their digest when the reference pins one and, otherwise, the digest `resolve` finds
 * (the registry's, at build time). Unresolved ones keep their URI alone, which SLSA allows.
 */
async function baseImageDependencies(dockerfile, target, buildArgs, resolve = async () => undefined) {
    const references = new Set();
    const frontend = buildArgs.get('BUILDKIT_SYNTAX') ?? dockerfile.syntax;
    if (frontend)
        references.add(frontend);
    for (const stage of dockerfile.stagesNeededFor(target)) {
        if (!dockerfile.stageNamed(stage.base, stage.index)) {
            const base = dockerfile.resolvedBase(stage, buildArgs);
            if (base.toLowerCase() !== 'scratch')
                references.add(base);
        }
        for (const reference of stageReferences(stage)) {
            if (!dockerfile.stageNamed(reference, stage.index))
                references.add(reference);
        }
    }
    const descriptors = [];
    for (const reference of references) {
        const pinned = /@(sha256:[a-f0-9]{64})$/.exec(reference)?.[1];
        const digest = pinned ?? (await resolve(reference).catch(() => undefined));
        const hex = digest ? SHA256_DIGEST.exec(digest)?.[1] : undefined;
        descriptors.push({ uri: imagePurl(reference), ...(hex ? { digest: { sha256: hex } } : {}) });
    }
    return descriptors;
}
/** The package URL SLSA tools expect for an image (pkg:docker/REGISTRY/PATH@TAG); the text as written otherwise. */
function imagePurl(reference) {
    const image = image_ref/* ImageRef */.ji.tryParse(reference);
    if (!image)
        return reference;
    const version = image.tag ?? image.digest;
    return `pkg:docker/${image.registry}/${image.path}${version ? `@${version}` : ''}`;
}
function serverOf(serverUrl) {
    return (serverUrl || 'https://github.com').replace(/\/+$/, '');
}
/**
 * The predicate of a build that ran in a GitHub Actions job, from the runner's variables; undefined, with the reason,
 * outside one (a terminal, a test), where nothing names a builder, a commit or a run.
 */
async function runnerProvenance(run, context) {
    // The library's own repository: the reusable workflow's, or the action's.
    const libraryRepository = context.jobWorkflowRef?.split('/').slice(0, 2).join('/') || context.actionRepository;
    const { repository, ref, sha, runId, workflowRef } = context;
    const missing = Object.entries({
        GITHUB_REPOSITORY: repository,
        GITHUB_SHA: sha,
        GITHUB_REF: ref,
        GITHUB_RUN_ID: runId,
        GITHUB_WORKFLOW_REF: workflowRef,
        GITHUB_ACTION_REPOSITORY: libraryRepository,
    })
        .filter(([, value]) => !value)
        .map(([name]) => name);
    if (!repository || !ref || !sha || !runId || !workflowRef || !libraryRepository)
        return { missing: missing.join(', ') };
    const predicate = slsaPredicate({
        builder: builderIdentity(context),
        libraryRepository,
        build: run.build,
        invocation: {
            repository,
            ref,
            sha,
            serverUrl: context.serverUrl,
            runId,
            runAttempt: String(context.runAttempt),
            startedOn: run.startedOn,
            finishedOn: run.finishedOn,
        },
        baseImages: await baseImageDependencies(run.dockerfile, run.target, run.build.buildArgs, run.resolveDigest),
    });
    return { predicate };
}
/** Looks a base image's digest up in its registry (a HEAD); undefined for a reference that names no image. */
function registryDigestResolver(registry) {
    return async (reference) => {
        const image = image_ref/* ImageRef */.ji.tryParse(reference);
        if (!image)
            return undefined;
        return image.digest ?? registry.manifestDigest(image, image.tag ?? 'latest', { missingIsUndefined: true });
    };
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/summary.js

/**
 * Builds a job summary as Markdown and appends it to $GITHUB_STEP_SUMMARY when the runner provides one.
 * Kept free of @actions/core so entries can start fast.
 */
class JobSummary {
    parts = [];
    heading(text, level = 3) {
        this.parts.push(`${'#'.repeat(level)} ${text}\n`);
        return this;
    }
    paragraph(text) {
        this.parts.push(`${text}\n`);
        return this;
    }
    table(header, rows) {
        const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
        this.parts.push([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n');
        return this;
    }
    details(summary, body, language = '') {
        this.parts.push(`<details><summary>${summary}</summary>\n\n\`\`\`${language}\n${body}\n\`\`\`\n\n</details>\n`);
        return this;
    }
    toMarkdown() {
        return this.parts.join('\n');
    }
    async write(file = process.env.GITHUB_STEP_SUMMARY) {
        if (!file || this.parts.length === 0)
            return;
        await promises_.appendFile(file, this.toMarkdown() + '\n');
    }
}
function code(text) {
    return `\`${text.replace(/`/g, "'")}\``;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/build-multistage/report.js

function successSummary(report) {
    const rows = [
        ['Image', code(report.image)],
        ['Digest', report.digest ? code(report.digest) : 'not pushed (push: false), so no registry digest'],
        ['Tags', report.tags.map(code).join('<br>')],
        [
            'Builder',
            report.reusedFrom ? `none: reused ${code(report.reusedFrom)}, built from the same inputs` : report.builder,
        ],
        ['Stages built', report.reusedFrom ? 'none' : stagesText(report)],
        ['Cache hits', cacheText(report)],
        ['Duration', `${report.durationSeconds.toFixed(1)} s`],
        ['Dockerfile checks', checksText(report)],
    ];
    if (report.imageId)
        rows.splice(2, 0, ['Image ID', code(report.imageId)]);
    return new JobSummary().heading(`build-multistage: ${report.image}`).table(['', 'Result'], rows);
}
function failureSummary(report, error) {
    return new JobSummary()
        .heading(`build-multistage: ${report.image} failed to build`)
        .paragraph(`The ${report.builder} builder failed at ${code(error.failure.step)} (stages: ${stagesText(report)}).`)
        .details('Last lines of the failing step', error.failure.lines.join('\n'));
}
function stagesText(report) {
    return report.stages.map((stage) => (stage === report.target ? `${stage} (final)` : stage)).join(', ');
}
function cacheText(report) {
    if (report.reusedFrom)
        return 'the whole image';
    return report.steps ? `${report.steps.cached} of ${report.steps.total} steps` : 'unknown';
}
function checksText(report) {
    if (report.policy === 'off')
        return 'off';
    return report.findings === 0 ? 'no findings' : `${report.findings} finding(s), annotated (policy: ${report.policy})`;
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/build-multistage/settings.js
var build_multistage_settings = __webpack_require__(6712);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/build-multistage/post.js
var post = __webpack_require__(7679);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/build-multistage/run.js























/**
 * Checks the Dockerfile, works out tags and labels, and either finds the same image already in the registry (built
 * from the same inputs) and points the tags at it, or builds with the builder the machine offers and pushes. Then
 * reads back from the registry the digest every tag serves. Sets the outputs only when all of it worked.
 */
async function buildMultistage(settings, host, seams = {}) {
    const { setOutput } = host;
    const started = performance.now();
    const startedOn = new Date();
    const { dockerfile, text, target, findings } = await checkedDockerfile(settings);
    const tags = (0,build_tags/* resolveTags */.yN)(settings.tagRules, host.context);
    const created = imageCreated(host.env, seams.now ?? startedOn);
    const labels = imageLabels(settings.image, host.context, created, (0,build_tags/* versionOf */.E4)(tags), settings.labels);
    const registry = seams.registry ?? new RegistryClient({ credentials: dockerConfigCredentials() });
    const mayReuse = reuseAllowed(settings, dockerfile, target);
    // Started at once, so that the registry answers while the inputs are hashed; an unreachable one fails the step in
    // seconds rather than after a long build.
    const lookup = settings.push ? lookUpRegistry(registry, settings.image, tags, mayReuse) : undefined;
    lookup?.catch(() => undefined); // Awaited below; until then a failure must not count as unhandled.
    const docker = seams.docker ?? (await Docker.create());
    const builder = await chooseBuilder(settings.builder, docker);
    const inputsDigest = mayReuse ? await inputsDigestOf(settings, builder, docker, text, labels) : undefined;
    // Always set: an empty value hides one the base image may carry.
    labels[BUILD_INPUTS_LABEL] = inputsDigest ?? '';
    const tagImages = await lookup;
    const reusable = tagImages && inputsDigest ? findReusableImage(settings.image, tagImages, inputsDigest) : undefined;
    const report = {
        image: settings.image.toString(),
        builder: builder.name,
        target: stageLabel(target),
        stages: builder.stagesBuilt(dockerfile, target).map(stageLabel),
        tags: tags.map((tag) => settings.image.withVersion({ tag })),
        labels,
        pushed: settings.push,
        findings: findings.length,
        policy: settings.policy,
        durationSeconds: 0,
    };
    // Holds the build secrets: removed when the run ends, is cancelled (cleanup.ts), or by the post step after a SIGKILL.
    const scratch = await host.scratchFolder(post.SCRATCH_PREFIX);
    host.saveState(post.STATE.scratchFolder, scratch.path);
    const workDir = scratch.path;
    try {
        const pushedDigest = reusable && (await tagForReuse(registry, settings.image, reusable))
            ? recordReuse(report, reusable, inputsDigest)
            : recordBuild(report, await buildWithFallbacks(settings, builder, docker, dockerfile, target, report, workDir));
        if (settings.push)
            await recordServedDigest(report, registry, settings.image, tags, pushedDigest);
    }
    catch (error) {
        if (error instanceof image_builder/* BuildFailedError */.Wu) {
            report.durationSeconds = secondsSince(started);
            await failureSummary(report, error).write();
        }
        throw error;
    }
    finally {
        await scratch.remove();
    }
    report.durationSeconds = secondsSince(started);
    const provenance = report.digest
        ? await provenanceOf(settings, dockerfile, target, report, registry, startedOn, host.context)
        : '';
    setOutputs(setOutput, settings, report, provenance);
    await successSummary(report).write();
    return report;
}
/** Notes in the report that nothing was built; returns the reused image's manifest digest. */
function recordReuse(report, reusable, inputsDigest) {
    core/* info */.pq(`${reusable.foundAt} was built from the same inputs (${inputsDigest}): tagged it, built nothing.`);
    Object.assign(report, {
        builder: 'none',
        stages: [],
        reusedFrom: reusable.foundAt,
        labels: reusable.labels,
        imageId: reusable.configDigest,
    });
    return reusable.manifest.digest;
}
/** Notes the build in the report; returns the manifest digest its push reported, if it pushed. */
function recordBuild(report, built) {
    report.imageId = built.imageId;
    report.steps = built.steps;
    return built.pushedDigest;
}
/** Reads back the digest every tag serves, which must be the pushed one, into the report. */
async function recordServedDigest(report, registry, image, tags, pushedDigest) {
    const served = await servedDigest(registry, image, tags, pushedDigest);
    if (served.source === 'push') {
        core/* warning */.$e(`The registry did not show ${image}'s manifests to this action (credentials in a helper?); ` +
            `digest ${served.digest} is the one the push reported.`);
    }
    report.digest = served.digest;
    report.digestSource = served.source;
}
/**
 * Whether an image of the same inputs may stand in for this build: reuse is on, the image is pushed (where a later
 * run can find it) and the inputs alone decide the image; when not for the last reason, says why.
 */
function reuseAllowed(settings, dockerfile, target) {
    if (!settings.reuse || !settings.push)
        return false;
    const blockers = reuseBlockers(dockerfile, target, settings.buildArgs);
    if (blockers.length > 0) {
        core/* info */.pq(`An earlier image cannot stand in for this build (${(0,workflow_commands/* escapeForLog */.zB)(blockers.join('; '))}): building.`);
    }
    return blockers.length === 0;
}
/** The digest of the build's inputs, which the image carries as a label; undefined when the context is unreadable. */
async function inputsDigestOf(settings, builder, docker, dockerfileText, labels) {
    const recipe = {
        ...settings,
        platforms: settings.platforms.length > 0 ? settings.platforms : [await defaultPlatform(docker)],
        builder: builder.name === 'buildx' ? 'buildx' : 'docker',
        secretIds: [...settings.secrets.keys()],
        labels,
    };
    try {
        return buildInputsDigest(recipe, dockerfileText);
    }
    catch (error) {
        // An unreadable file in the context, say: the build will tell what Docker makes of it.
        core/* warning */.$e(`Could not read the build context to compare it with earlier builds (${error.message}).`);
        return undefined;
    }
}
/** What the tags serve now, when reuse may use it; otherwise only a warning when the registry does not answer. */
async function lookUpRegistry(registry, image, tags, reuse) {
    if (!reuse) {
        await registry.warnUnlessReachable(image.registry);
        return undefined;
    }
    return unlessItFails('Looking for an image of the same inputs', () => readTagImages(registry, image, tags));
}
/** Points the tags at the reusable image; false (so the caller builds) when the registry will not take it. */
async function tagForReuse(registry, image, reusable) {
    const tagged = await unlessItFails(`Tagging ${reusable.foundAt}`, () => tagReusableImage(registry, image, reusable));
    if (tagged === false)
        core/* info */.pq(`The registry would not let these credentials tag ${reusable.foundAt}: building.`);
    return tagged === true;
}
/**
 * Reuse only saves time, so a registry answer it cannot use (an odd status, bytes that do not match their digest)
 * means building instead. An unreachable registry still fails the step: the push would fail too.
 */
async function unlessItFails(what, attempt) {
    try {
        return await attempt();
    }
    catch (error) {
        if (error instanceof RegistryUnreachableError)
            throw error;
        core/* warning */.$e(`${what} failed (${error.message}): building.`);
        return undefined;
    }
}
/**
 * Builds with `first`, and when it fails because the machine lacks what it needs (see `fallbackBuilder`), with the
 * next builder that may work. The report names the builder that ran last and the stages it built.
 */
async function buildWithFallbacks(settings, first, docker, dockerfile, target, report, workDir) {
    const request = await buildRequest(settings, report, workDir);
    for (let builder = first;;) {
        report.builder = builder.name;
        report.stages = builder.stagesBuilt(dockerfile, target).map(stageLabel);
        core/* info */.pq((0,workflow_commands/* escapeForLog */.zB)(`Builder: ${builder.name}; stages: ${report.stages.join(', ')}; tags: ${report.tags.join(', ')}`));
        builder.refuseUnsupported(request);
        try {
            return await builder.build(request);
        }
        catch (error) {
            if (!(error instanceof image_builder/* BuildFailedError */.Wu))
                throw error;
            const next = await fallbackBuilder(builder, settings.builder, docker);
            if (!next)
                throw error;
            core/* warning */.$e(`The ${builder.name} builder does not work here (${error.failure.step}); trying ${next.name}.`);
            builder = next;
        }
    }
}
/** Parses the Dockerfile, finds the target stage, and reports the checks (failing under policy "error"). */
async function checkedDockerfile(settings) {
    const file = relativeToRoot(settings.workspace, settings.dockerfile);
    const text = await (0,promises_.readFile)(settings.dockerfile, 'utf8');
    const dockerfile = Dockerfile.parse(text, file);
    const target = dockerfile.targetStage(settings.target);
    const findings = settings.policy === 'off' ? [] : checkDockerfile(dockerfile, target, settings.buildArgs);
    reportFindings(file, findings, settings.policy);
    return { dockerfile, text, target, findings };
}
function reportFindings(file, findings, policy) {
    const annotate = policy === 'error' ? core/* error */.z3 : core/* warning */.$e;
    for (const finding of findings) {
        annotate(`${file}:${finding.line}: ${finding.message} (${finding.rule})`, { file, startLine: finding.line });
    }
    if (policy === 'error' && findings.length > 0) {
        throw new errors/* UserError */.yo(`${findings.length} Dockerfile check(s) failed under policy "error" (annotated above): fix them or set policy: warn.`);
    }
}
/** The request every builder gets: the secrets written to private files once, the tags and labels of `report`. */
async function buildRequest(settings, report, workDir) {
    return {
        context: settings.context,
        dockerfile: settings.dockerfile,
        target: settings.target,
        buildArgs: settings.buildArgs,
        secrets: await writeSecretFiles(settings.secrets, workDir),
        labels: report.labels,
        tags: report.tags,
        platforms: settings.platforms,
        cacheFrom: settings.cacheFrom,
        cacheTo: settings.cacheTo,
        network: settings.network,
        push: settings.push,
        workDir,
    };
}
/** The SLSA provenance predicate of the pushed image (JSON), or empty, said once, outside a GitHub Actions job. */
async function provenanceOf(settings, dockerfile, target, report, registry, startedOn, context) {
    const { predicate, missing } = await runnerProvenance({
        dockerfile,
        target,
        build: {
            dockerfile: relativeToRoot(settings.workspace, settings.dockerfile),
            context: relativeToRoot(settings.workspace, settings.context),
            target: settings.target,
            buildArgs: settings.buildArgs,
            labels: settings.labels,
            platforms: settings.platforms,
            secretIds: [...settings.secrets.keys()],
            network: settings.network,
            builder: report.builder,
        },
        startedOn,
        finishedOn: new Date(),
        resolveDigest: registryDigestResolver(registry),
    }, context);
    if (missing)
        core/* info */.pq(`No provenance: ${missing} not set (outside a GitHub Actions job).`);
    return predicate ? JSON.stringify(predicate) : '';
}
function setOutputs(setOutput, settings, report, provenance) {
    const imageRef = report.digest ? settings.image.withVersion({ digest: report.digest }) : '';
    setOutput(build_multistage_settings/* OUTPUTS */.py.digest, report.digest ?? '');
    setOutput(build_multistage_settings/* OUTPUTS */.py.imageRef, imageRef);
    setOutput(build_multistage_settings/* OUTPUTS */.py.tags, report.tags.join('\n'));
    setOutput(build_multistage_settings/* OUTPUTS */.py.tagsJson, JSON.stringify(report.tags));
    setOutput(build_multistage_settings/* OUTPUTS */.py.imageId, report.imageId ?? '');
    setOutput(build_multistage_settings/* OUTPUTS */.py.metadata, JSON.stringify(report));
    setOutput(build_multistage_settings/* OUTPUTS */.py.provenance, provenance);
    core/* info */.pq(imageRef ? `Pushed ${imageRef} as ${report.tags.join(', ')}` : `Built ${report.imageId ?? 'the image'}, not pushed`);
}
function secondsSince(started) {
    return Math.round(performance.now() - started) / 1000;
}


/***/ })

};
