export const id = 768;
export const ids = [768];
export const modules = {

/***/ 70387:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildMultistage: () => (/* binding */ buildMultistage)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(92202);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/regexp.js
var regexp = __webpack_require__(49419);
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
            source += (0,regexp/* escapeRegExp */.N)(escaped);
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
            source += char === '^' ? '^' : (0,regexp/* escapeRegExp */.N)(char);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/dockerfile.js
var build_dockerfile = __webpack_require__(44197);
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
    const where = `the final stage (${(0,build_dockerfile/* stageLabel */.Hn)(target)})`;
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
    const { flags } = (0,build_dockerfile/* leadingFlags */.aO)(instruction.text);
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
        const where = `stage ${(0,build_dockerfile/* stageLabel */.Hn)(stage)} (line ${stage.line})`;
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
    for (const reference of (0,build_dockerfile/* stageReferences */.VN)(stage)) {
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
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
var image_builder = __webpack_require__(53099);
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
var image_ref = __webpack_require__(83977);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/docker-config.js
var docker_config = __webpack_require__(44458);
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
    const extraDirs = (0,docker_config/* readDockerConfig */.T)(env, platform).cliPluginsExtraDirs;
    const dirs = [
        external_node_path_.join((0,docker_config/* dockerConfigDir */.k)(env, platform), 'cli-plugins'),
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
    const configured = (0,docker_config/* readDockerConfig */.T)(env).currentContext;
    const context = env.DOCKER_CONTEXT ?? (typeof configured === 'string' ? configured : undefined);
    return context === undefined || context === '' || context === 'default';
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/registry-credentials.js
var registry_credentials = __webpack_require__(70791);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/registry.js + 1 modules
var build_registry = __webpack_require__(96712);
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
        configDigest: (0,build_registry/* isIndex */.nw)(found.manifest) ? undefined : found.config.digest,
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
    if ((0,build_registry/* isIndex */.nw)(manifest)) {
        // Attestation manifests (provenance, SBOM) sit beside the images with platform unknown/unknown.
        const first = (0,build_registry/* parseJson */.qF)(manifest.bytes)?.manifests?.find((entry) => entry.platform?.os !== 'unknown');
        single = first?.digest ? await registry.manifest(image, first.digest) : undefined;
    }
    const digest = single && (0,build_registry/* parseJson */.qF)(single.bytes)?.config?.digest;
    if (!digest)
        return undefined;
    const config = await registry.blob(image, digest);
    const labels = config && (0,build_registry/* parseJson */.qF)(config)?.config?.Labels;
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
var build_tags = __webpack_require__(35730);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(88701);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/exec.js
var exec = __webpack_require__(82855);
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
            const reason = (0,exec/* lastLines */.w$)(result.stderr || result.stdout, 1) || `exit code ${result.exitCode}`;
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
            throw new errors/* UserError */.yo(`docker push ${reference} failed: ${(0,exec/* lastLines */.w$)(stderr || stdout, 2)}`);
        }
        const digest = PUSHED_DIGEST.exec(stdout)?.[1];
        if (!digest)
            throw new Error(`docker push ${reference} printed no digest: ${(0,exec/* lastLines */.w$)(stdout, 3)}`);
        return digest;
    }
    exec(args, options = {}) {
        return (0,exec/* execTool */.wc)(this.path, args, { ...options, env: { ...this.env, ...options.env } });
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/file-scope.js
var file_scope = __webpack_require__(82077);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/provenance/slsa.js
var slsa = __webpack_require__(75387);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/summary.js
var summary = __webpack_require__(80412);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/build-multistage/report.js

function successSummary(report) {
    const rows = [
        ['Image', (0,summary/* code */.a)(report.image)],
        ['Digest', report.digest ? (0,summary/* code */.a)(report.digest) : 'not pushed (push: false), so no registry digest'],
        ['Tags', report.tags.map(summary/* code */.a).join('<br>')],
        [
            'Builder',
            report.reusedFrom ? `none: reused ${(0,summary/* code */.a)(report.reusedFrom)}, built from the same inputs` : report.builder,
        ],
        ['Stages built', report.reusedFrom ? 'none' : stagesText(report)],
        ['Cache hits', cacheText(report)],
        ['Duration', `${report.durationSeconds.toFixed(1)} s`],
        ['Dockerfile checks', checksText(report)],
    ];
    if (report.imageId)
        rows.splice(2, 0, ['Image ID', (0,summary/* code */.a)(report.imageId)]);
    return new summary/* JobSummary */.c().heading(`build-multistage: ${report.image}`).table(['', 'Result'], rows);
}
function failureSummary(report, error) {
    return new summary/* JobSummary */.c()
        .heading(`build-multistage: ${report.image} failed to build`)
        .paragraph(`The ${report.builder} builder failed at ${(0,summary/* code */.a)(error.failure.step)} (stages: ${stagesText(report)}).`)
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
var build_multistage_settings = __webpack_require__(66712);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/build-multistage/post.js
var post = __webpack_require__(17679);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(45618);
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
    const registry = seams.registry ?? new build_registry/* RegistryClient */.bP({ credentials: (0,registry_credentials/* dockerConfigCredentials */.D)() });
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
        target: (0,build_dockerfile/* stageLabel */.Hn)(target),
        stages: builder.stagesBuilt(dockerfile, target).map(build_dockerfile/* stageLabel */.Hn),
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
        if (error instanceof build_registry/* RegistryUnreachableError */.ST)
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
        report.stages = builder.stagesBuilt(dockerfile, target).map(build_dockerfile/* stageLabel */.Hn);
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
    const file = (0,file_scope/* relativeToRoot */.yY)(settings.workspace, settings.dockerfile);
    const text = await (0,promises_.readFile)(settings.dockerfile, 'utf8');
    const dockerfile = build_dockerfile/* Dockerfile */.XO.parse(text, file);
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
    const { predicate, missing } = await (0,slsa/* runnerProvenance */.MZ)({
        dockerfile,
        target,
        build: {
            dockerfile: (0,file_scope/* relativeToRoot */.yY)(settings.workspace, settings.dockerfile),
            context: (0,file_scope/* relativeToRoot */.yY)(settings.workspace, settings.context),
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
        resolveDigest: (0,slsa/* registryDigestResolver */.aY)(registry),
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
