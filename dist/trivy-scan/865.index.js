export const id = 865;
export const ids = [865];
export const modules = {

/***/ 4865:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  trivyScan: () => (/* binding */ trivyScan)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(2202);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(5618);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/db-cache.js





/** GitHub's Actions cache, through @actions/cache (loaded on first use: it is large and most steps never need it). */
class ActionsDbCache {
    async restore(dir, key, restoreKeys) {
        const cache = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 7131));
        if (!cache.isFeatureAvailable()) {
            core/* info */.pq('The Actions cache is not available here; the vulnerability DB is downloaded afresh.');
            return undefined;
        }
        try {
            return await cache.restoreCache([dir], key, [...restoreKeys]);
        }
        catch (error) {
            core/* warning */.$e(`Could not restore the vulnerability DB from the Actions cache: ${(0,errors/* errorMessage */.gJ)(error)}`);
            return undefined;
        }
    }
    async save(dir, key) {
        const cache = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.bind(__webpack_require__, 7131));
        if (!cache.isFeatureAvailable())
            return;
        try {
            await cache.saveCache([dir], key);
        }
        catch (error) {
            // Another job of the same run may have saved the same key first; that entry is just as good.
            core/* info */.pq(`The vulnerability DB was not saved to the Actions cache: ${(0,workflow_commands/* escapeForLog */.zB)((0,errors/* errorMessage */.gJ)(error))}`);
        }
    }
}
/** A cache kept in a local directory, one folder per key: for tests and for runs outside GitHub Actions. */
class LocalDirectoryDbCache {
    root;
    constructor(root) {
        this.root = root;
    }
    async restore(dir, key, restoreKeys) {
        const saved = await this.savedKeys();
        const hit = saved.find((candidate) => candidate === key) ??
            restoreKeys
                .map((prefix) => saved.findLast((candidate) => candidate.startsWith(prefix)))
                .find((candidate) => candidate !== undefined);
        if (hit === undefined)
            return undefined;
        await rm(dir, { recursive: true, force: true });
        await cp(this.entry(hit), dir, { recursive: true });
        return hit;
    }
    async save(dir, key) {
        const saved = await this.savedKeys();
        if (saved.includes(key))
            return;
        await cp(dir, this.entry(key), { recursive: true });
        await writeFile(this.index(), JSON.stringify([...saved, key]));
    }
    /** Keys in the order they were saved, oldest first. */
    async savedKeys() {
        await mkdir(this.root, { recursive: true });
        try {
            return JSON.parse(await readFile(this.index(), 'utf8'));
        }
        catch {
            return [];
        }
    }
    entry(key) {
        return path.join(this.root, encodeURIComponent(key));
    }
    index() {
        return path.join(this.root, 'keys.json');
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/regexp.js

/** `text` as a pattern that matches exactly it. */
function escapeRegExp(text) {
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
    return path.relative(root, file).split(path.sep).join('/');
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
                throw new errors/* UserError */.yo(`Glob "${pattern}" has an unclosed "{".`);
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
                throw new errors/* UserError */.yo(`Glob "${pattern}" has an unclosed "[".`);
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/purl.js
/** Parses a Package URL; undefined when the text is not one. */
function parsePackageUrl(text) {
    if (!/^pkg:/i.test(text))
        return undefined;
    let rest = text.slice(4).replace(/^\/+/, '');
    let subpath = '';
    const hash = rest.indexOf('#');
    if (hash >= 0) {
        subpath = rest.slice(hash + 1).replace(/^\/+|\/+$/g, '');
        rest = rest.slice(0, hash);
    }
    const qualifiers = new Map();
    const question = rest.indexOf('?');
    if (question >= 0) {
        for (const pair of rest.slice(question + 1).split('&')) {
            const equals = pair.indexOf('=');
            if (equals > 0)
                qualifiers.set(pair.slice(0, equals).toLowerCase(), decode(pair.slice(equals + 1)));
        }
        rest = rest.slice(0, question);
    }
    let version = '';
    const at = rest.lastIndexOf('@');
    if (at > rest.lastIndexOf('/')) {
        version = decode(rest.slice(at + 1));
        rest = rest.slice(0, at);
    }
    const segments = rest.replace(/\/+$/, '').split('/');
    if (segments.length < 2 || segments.some((segment) => segment === ''))
        return undefined;
    return {
        type: segments[0].toLowerCase(),
        namespace: segments.slice(1, -1).map(decode).join('/'),
        name: decode(segments[segments.length - 1]),
        version,
        qualifiers,
        subpath: decode(subpath),
    };
}
/**
 * Whether `target` is one of the packages `constraint` names, as trivy's ignore files match: type, namespace and name
 * must agree; version and subpath only when the constraint has them; the constraint's qualifiers must all be in the target.
 */
function packageUrlMatches(constraint, target) {
    if (constraint.type !== target.type || constraint.namespace !== target.namespace)
        return false;
    if (constraint.name !== target.name)
        return false;
    if (constraint.version && constraint.version !== target.version)
        return false;
    if (constraint.subpath && constraint.subpath !== target.subpath)
        return false;
    return [...constraint.qualifiers].every(([key, value]) => target.qualifiers.get(key) === value);
}
function decode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/ignore-file.js






/** The rules of the given ignore files, split into those in force now and those that have expired. */
class IgnoreRules {
    active;
    expired;
    constructor(active, expired) {
        this.active = active;
        this.expired = expired;
    }
    static of(rules, now) {
        const expired = (rule) => rule.expiresAt !== undefined && rule.expiresAt.getTime() < now.getTime();
        return new IgnoreRules(rules.filter((rule) => !expired(rule)), rules.filter(expired));
    }
    static none() {
        return new IgnoreRules([], []);
    }
    /** The first rule in force that ignores the finding. */
    match(finding) {
        return this.active.find((rule) => ruleMatches(rule, finding));
    }
}
const ALL_KINDS = ['vulnerability', 'misconfiguration', 'secret'];
const YAML_SECTIONS = {
    vulnerabilities: 'vulnerability',
    misconfigurations: 'misconfiguration',
    secrets: 'secret',
    // Valid in trivy's format; this action runs no license scanner, so such entries never match.
    licenses: undefined,
};
const DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ][\d:.]+(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;
/**
 * Reads and parses ignore files in order, each named relative to `root` (as messages and annotations show it);
 * a missing, unreadable or malformed file is a UserError naming it.
 */
async function loadIgnoreFiles(files, root, now) {
    const rules = [];
    for (const file of files) {
        let text;
        try {
            text = await (0,promises_.readFile)(external_node_path_.resolve(root, file), 'utf8');
        }
        catch (error) {
            const reason = error.code ?? error.message;
            throw new errors/* UserError */.yo(`Cannot read ignore file ${file} (${reason}).`);
        }
        rules.push(...parseIgnoreFile(text, file));
    }
    return IgnoreRules.of(rules, now);
}
/** `.yaml`/`.yml` files are trivy's YAML format; anything else is the plain one-id-per-line format. */
function parseIgnoreFile(text, file) {
    return /\.ya?ml$/i.test(file) ? parseYamlIgnore(text, file) : parsePlainIgnore(text, file);
}
/** One id per line, optionally followed by `exp:YYYY-MM-DD`; `#` starts a comment line; the id applies to every kind. */
function parsePlainIgnore(text, file) {
    const rules = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const [id, ...fields] = line.split(/\s+/);
        const source = { file, line: index + 1 };
        const exp = fields.find((field) => field.startsWith('exp:'));
        rules.push({
            id,
            kinds: ALL_KINDS,
            paths: [],
            purls: [],
            expiresAt: exp === undefined ? undefined : parseDate(exp.slice(4), source),
            source,
        });
    });
    return rules;
}
function parseYamlIgnore(text, file) {
    const lines = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: true });
    const at = (node) => ({
        file,
        line: node?.range ? lines.linePos(node.range[0]).line : undefined,
    });
    const firstError = document.errors[0];
    if (firstError) {
        const line = firstError.linePos?.[0].line;
        throw refusal({ file, line }, `invalid YAML: ${firstError.message.split('\n')[0]}`);
    }
    if (document.contents === null)
        return [];
    if (!(0,dist/* isMap */.jh)(document.contents)) {
        throw refusal(at(document.contents), `expected a map of ${Object.keys(YAML_SECTIONS).join(', ')}.`);
    }
    const rules = [];
    for (const pair of document.contents.items) {
        const section = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        if (!(section in YAML_SECTIONS)) {
            const sections = Object.keys(YAML_SECTIONS).join(', ');
            throw refusal(at(pair.key), `unknown section "${section}"; use ${sections}.`);
        }
        const kind = YAML_SECTIONS[section];
        if (pair.value === null || ((0,dist/* isScalar */.jn)(pair.value) && pair.value.value === null))
            continue;
        if (!(0,dist/* isSeq */.oP)(pair.value))
            throw refusal(at(pair.value), `"${section}" must be a list.`);
        for (const item of pair.value.items) {
            if (!(0,dist/* isMap */.jh)(item))
                throw refusal(at(item), 'each entry must be a map of id, paths, purls, expired_at, statement.');
            const rule = yamlEntry(item, kind, at(item), at);
            if (kind)
                rules.push(rule);
        }
    }
    return rules;
}
function yamlEntry(entry, kind, source, at) {
    const field = (name) => entry.get(name, true);
    const id = optionalString(field('id'), 'id', at);
    const paths = stringList(field('paths'), 'paths', at).map((pattern) => {
        try {
            return globToRegExp(pattern);
        }
        catch (error) {
            throw refusal(source, `path pattern "${pattern}": ${error.message}`);
        }
    });
    const purls = stringList(field('purls'), 'purls', at).map((text) => {
        const purl = parsePackageUrl(text);
        if (!purl)
            throw refusal(source, `"${text}" is not a package URL (pkg:type/name@version).`);
        return purl;
    });
    if (purls.length > 0 && kind !== 'vulnerability') {
        throw refusal(source, '"purls" applies only to vulnerabilities.');
    }
    if (id === undefined && paths.length === 0 && purls.length === 0) {
        throw refusal(source, 'the entry has no "id", "paths" or "purls", so it would ignore everything.');
    }
    const expiry = optionalString(field('expired_at'), 'expired_at', at);
    return {
        id,
        kinds: kind ? [kind] : [],
        paths,
        purls,
        expiresAt: expiry === undefined ? undefined : parseDate(expiry, at(field('expired_at'))),
        statement: optionalString(field('statement'), 'statement', at),
        source,
    };
}
function optionalString(node, name, at) {
    if (node === undefined || ((0,dist/* isScalar */.jn)(node) && node.value === null))
        return undefined;
    if (!(0,dist/* isScalar */.jn)(node) || typeof node.value === 'object') {
        throw refusal(at(node), `"${name}" must be a single value.`);
    }
    return String(node.value);
}
function stringList(node, name, at) {
    if (node === undefined || ((0,dist/* isScalar */.jn)(node) && node.value === null))
        return [];
    if (!(0,dist/* isSeq */.oP)(node))
        throw refusal(at(node), `"${name}" must be a list.`);
    return node.items.map((item) => optionalString(item, name, at) ?? '').filter((text) => text !== '');
}
function parseDate(text, source) {
    const date = DATE.test(text) ? new Date(text) : undefined;
    if (!date || Number.isNaN(date.getTime())) {
        throw refusal(source, `"${text}" is not a date; write it as YYYY-MM-DD.`);
    }
    return date;
}
function ruleMatches(rule, finding) {
    if (!rule.kinds.includes(finding.kind))
        return false;
    if (rule.id !== undefined && rule.id !== finding.id && !finding.aliases.includes(rule.id))
        return false;
    if (rule.paths.length > 0) {
        const candidates = [finding.target, finding.packagePath].filter((p) => Boolean(p));
        if (!candidates.some((candidate) => rule.paths.some((matcher) => matcher.test(candidate))))
            return false;
    }
    if (rule.purls.length > 0) {
        // Stricter than trivy, which lets a purl-limited entry match a finding without a purl: such a finding stays.
        const target = finding.purl ? parsePackageUrl(finding.purl) : undefined;
        if (!target || !rule.purls.some((purl) => packageUrlMatches(purl, target)))
            return false;
    }
    return true;
}
/** A one-line UserError starting with file:line, annotated at that place. */
function refusal(location, problem) {
    const where = location.line ? `${location.file}:${location.line}` : location.file;
    return new errors/* UserError */.yo(`${where}: ${problem}`, location);
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/trivy/severity.js
var severity = __webpack_require__(2340);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/policy.js

// `--ignore-unfixed` in trivy is shorthand for ignoring these statuses: https://trivy.dev/docs/configuration/filtering
const UNFIXED_STATUSES = new Set(['affected', 'will_not_fix', 'fix_deferred', 'end_of_life']);
function judge(findings, policy) {
    const kept = [];
    const leftOut = [];
    for (const finding of findings) {
        const rule = policy.ignoreRules.match(finding);
        if (rule)
            leftOut.push({ finding, reason: 'ignore-file', rule });
        else if (policy.ignoreUnfixed && isUnfixed(finding))
            leftOut.push({ finding, reason: 'unfixed' });
        else
            kept.push(finding);
    }
    const counts = (0,severity/* zeroCounts */.Nd)();
    for (const finding of kept)
        counts[finding.severity]++;
    const gated = kept
        .filter((finding) => policy.gate.includes(finding.severity))
        .sort((a, b) => (0,severity/* severityRank */.qs)(a.severity) - (0,severity/* severityRank */.qs)(b.severity));
    return { kept, leftOut, counts, gated, passed: gated.length === 0 };
}
/** A vulnerability with no fix to upgrade to; reports without a status (older trivy) are judged by FixedVersion. */
function isUnfixed(finding) {
    if (finding.kind !== 'vulnerability')
        return false;
    return finding.status ? UNFIXED_STATUSES.has(finding.status) : !finding.fixedVersion;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/report.js

/** Parses trivy's `--format json` output; anything else is a bug or a broken trivy, not a user mistake. */
function parseTrivyReport(text, source) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${source} is not JSON: ${error.message}`, { cause: error });
    }
    const report = value;
    if (typeof report !== 'object' || report === null || Array.isArray(report)) {
        throw new Error(`${source} is not a trivy JSON report.`);
    }
    if (report.SchemaVersion !== 2) {
        throw new Error(`${source} has SchemaVersion ${String(report.SchemaVersion)}; only trivy's schema 2 is supported.`);
    }
    if (report.Results !== undefined && report.Results !== null && !Array.isArray(report.Results)) {
        throw new Error(`${source} has a Results field that is not a list.`);
    }
    return report;
}
/** Every finding of the report, in report order. A clean report may have no Results, or results without findings. */
function findingsOf(report) {
    return (report.Results ?? []).flatMap((result) => [
        ...(result.Vulnerabilities ?? []).map((entry) => fromVulnerability(result, entry)),
        ...(result.Misconfigurations ?? []).filter(isFailure).map((entry) => fromMisconfiguration(result, entry)),
        ...(result.Secrets ?? []).map((entry) => fromSecret(result, entry)),
    ]);
}
/** The report with only the given findings left; results keep their order, emptied lists are dropped as trivy does. */
function reportWithOnly(report, kept) {
    const keep = new Set(kept.map((finding) => finding.entry));
    const only = (entries) => {
        const left = entries?.filter((entry) => keep.has(entry));
        return left && left.length > 0 ? left : undefined;
    };
    if (!report.Results)
        return report;
    return {
        ...report,
        Results: report.Results.map((result) => ({
            ...result,
            Vulnerabilities: only(result.Vulnerabilities),
            Misconfigurations: only(result.Misconfigurations),
            Secrets: only(result.Secrets),
        })),
    };
}
function fromVulnerability(result, entry) {
    return {
        kind: 'vulnerability',
        id: entry.VulnerabilityID,
        aliases: [],
        severity: (0,severity/* severityOf */.xJ)(entry.Severity),
        target: result.Target,
        resultClass: result.Class,
        packageName: entry.PkgName,
        installedVersion: entry.InstalledVersion,
        fixedVersion: entry.FixedVersion || undefined,
        status: entry.Status,
        purl: entry.PkgIdentifier?.PURL,
        packagePath: entry.PkgPath,
        // Trivy's fixture DB, like NVD-only entries, has no title for some ids: the description's first sentence stands in.
        title: entry.Title || firstSentence(entry.Description) || entry.VulnerabilityID,
        description: entry.Description,
        url: entry.PrimaryURL,
        entry,
    };
}
function fromMisconfiguration(result, entry) {
    return {
        kind: 'misconfiguration',
        id: entry.ID,
        aliases: entry.AVDID && entry.AVDID !== entry.ID ? [entry.AVDID] : [],
        severity: (0,severity/* severityOf */.xJ)(entry.Severity),
        target: result.Target,
        resultClass: result.Class,
        line: entry.CauseMetadata?.StartLine,
        title: entry.Title || entry.ID,
        description: entry.Message,
        url: entry.PrimaryURL,
        entry,
    };
}
function fromSecret(result, entry) {
    return {
        kind: 'secret',
        id: entry.RuleID,
        aliases: [],
        severity: (0,severity/* severityOf */.xJ)(entry.Severity),
        target: result.Target,
        resultClass: result.Class,
        line: entry.StartLine,
        title: entry.Title || entry.RuleID,
        entry,
    };
}
// Trivy lists passed checks only with --include-non-failures, which we never pass; skip them should they appear.
function isFailure(entry) {
    return entry.Status === undefined || entry.Status === 'FAIL';
}
function firstSentence(text) {
    const sentence = text?.split(/(?<=\.)\s/)[0]?.trim();
    if (!sentence)
        return undefined;
    return sentence.length > 120 ? `${sentence.slice(0, 117)}...` : sentence;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/sarif.js
/** What code scanning accepts from one upload: https://docs.github.com/en/code-security/code-scanning (SARIF limits). */
const GITHUB_SARIF_LIMITS = { runsPerFile: 20, resultsPerRun: 25_000 };
const LEVELS = {
    CRITICAL: 'error',
    HIGH: 'error',
    MEDIUM: 'warning',
    LOW: 'note',
    UNKNOWN: 'note',
};
// Code scanning ranks alerts by this score (>= 9 critical, 7-8.9 high, 4-6.9 medium, < 4 low). It is derived from
// the severity the gate used, never from a CVSS score, so GitHub ranks an alert as the gate judged it.
const SECURITY_SEVERITY = {
    CRITICAL: '9.5',
    HIGH: '8.0',
    MEDIUM: '5.5',
    LOW: '2.0',
    UNKNOWN: undefined,
};
const RULE_NAMES = {
    vulnerability: 'PackageVulnerability',
    misconfiguration: 'Misconfiguration',
    secret: 'Secret',
};
/**
 * Builds the SARIF log for code scanning, kept within GitHub's limits: runs past the 20th and, in each run, the least
 * severe results past the 25,000th are left out, each cut reported in `warnings`.
 */
function buildSarif(inputs, limits = GITHUB_SARIF_LIMITS) {
    const warnings = [];
    if (inputs.length > limits.runsPerFile) {
        const dropped = inputs.slice(limits.runsPerFile).map((input) => input.artifact);
        warnings.push(`SARIF: ${inputs.length} runs exceed GitHub's limit of ${limits.runsPerFile} per file; left out the runs for ${dropped.join(', ')}.`);
    }
    const runs = inputs.slice(0, limits.runsPerFile).map((input) => {
        if (input.findings.length > limits.resultsPerRun) {
            const left = input.findings.length - limits.resultsPerRun;
            const lowest = input.findings[limits.resultsPerRun]?.severity;
            warnings.push(`SARIF: ${input.artifact} has ${input.findings.length} gated findings, over GitHub's limit of ${limits.resultsPerRun} per run; left out the ${left} least severe (from ${lowest} down). The gate, counts and JSON report still include them.`);
        }
        return buildRun(input, input.findings.slice(0, limits.resultsPerRun));
    });
    return {
        log: { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs },
        warnings,
    };
}
function buildRun(input, findings) {
    const rules = [];
    const ruleIndex = new Map();
    const results = findings.map((finding) => {
        let index = ruleIndex.get(finding.id);
        if (index === undefined) {
            index = rules.push(ruleFor(finding)) - 1;
            ruleIndex.set(finding.id, index);
        }
        const uri = locationUri(finding, input.artifactUri);
        const line = finding.line && finding.line > 0 ? finding.line : 1;
        return {
            ruleId: finding.id,
            ruleIndex: index,
            level: LEVELS[finding.severity],
            message: { text: messageFor(finding) },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri },
                        region: { startLine: line, startColumn: 1, endLine: line, endColumn: 1 },
                    },
                    message: { text: `${input.artifact}: ${subjectOf(finding)}` },
                },
            ],
        };
    });
    return {
        tool: {
            driver: {
                name: 'Trivy',
                fullName: 'Trivy Vulnerability Scanner',
                informationUri: 'https://github.com/aquasecurity/trivy',
                version: input.toolVersion,
                rules,
            },
        },
        // One category per image repository, so scanning a second image does not close the first one's alerts.
        automationDetails: { id: `trivy-scan/${input.artifactUri}/` },
        results,
        columnKind: 'utf16CodeUnits',
        properties: { artifact: input.artifact },
    };
}
function ruleFor(finding) {
    const link = finding.url ? `[${finding.id}](${finding.url})` : finding.id;
    const score = SECURITY_SEVERITY[finding.severity];
    return {
        id: finding.id,
        name: RULE_NAMES[finding.kind],
        shortDescription: { text: finding.title },
        fullDescription: { text: finding.description || finding.title },
        defaultConfiguration: { level: LEVELS[finding.severity] },
        ...(finding.url ? { helpUri: finding.url } : {}),
        help: {
            text: `${finding.kind} ${finding.id}\nSeverity: ${finding.severity}\n${finding.description || finding.title}`,
            markdown: `**${finding.kind} ${link}**\n\nSeverity: ${finding.severity}\n\n${finding.description || finding.title}`,
        },
        properties: {
            tags: [finding.kind, 'security', finding.severity],
            precision: 'very-high',
            ...(score ? { 'security-severity': score } : {}),
        },
    };
}
function messageFor(finding) {
    const lines = finding.kind === 'vulnerability'
        ? [
            `Package: ${finding.packageName ?? ''}`,
            `Installed Version: ${finding.installedVersion ?? ''}`,
            `Vulnerability ${finding.id}`,
            `Severity: ${finding.severity}`,
            `Fixed Version: ${finding.fixedVersion ?? 'none'}`,
        ]
        : [`${finding.kind === 'secret' ? 'Secret' : 'Misconfiguration'} ${finding.id}`, `Severity: ${finding.severity}`];
    lines.push(`Title: ${finding.title}`);
    if (finding.url)
        lines.push(`Link: [${finding.id}](${finding.url})`);
    return lines.join('\n');
}
/** OS packages have no file of their own, so they point at the image; everything else at its file in the image. */
function locationUri(finding, artifactUri) {
    if (finding.kind === 'vulnerability' && finding.resultClass === 'os-pkgs')
        return artifactUri;
    return finding.packagePath || finding.target;
}
function subjectOf(finding) {
    if (finding.kind !== 'vulnerability')
        return finding.target;
    return `${finding.packageName ?? ''}@${finding.installedVersion ?? ''}`;
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/scan-summary.js


/** More rows than this make the step summary slow to open; the SARIF and JSON files have them all. */
const MAX_SUMMARY_ROWS = 200;
/** The job summary of a scan: counts per severity, then every gated finding with a link to its advisory. */
function scanSummary(image, policy, verdict) {
    const summary = new JobSummary().heading(`trivy-scan: ${verdict.passed ? 'passed' : 'failed'} for ${code(image)}`);
    const ignored = verdict.leftOut.filter((item) => item.reason === 'ignore-file').length;
    const unfixed = verdict.leftOut.length - ignored;
    summary.paragraph([
        `Gate: ${policy.gate.join(', ')}.`,
        ignored > 0 ? `${ignored} finding(s) left out by ignore files.` : '',
        policy.ignoreUnfixed ? `${unfixed} unfixed finding(s) left out.` : '',
    ]
        .filter(Boolean)
        .join(' '));
    summary.table(['Severity', 'Findings', 'Gated'], severity/* SEVERITIES */.oC.map((severity) => [
        severity,
        String(verdict.counts[severity]),
        policy.gate.includes(severity) ? 'yes' : 'no',
    ]));
    if (verdict.gated.length === 0)
        return summary.paragraph('No finding at a gated severity.');
    summary.table(['Severity', 'Package', 'Installed', 'Fixed version', 'ID', 'Title'], verdict.gated.slice(0, MAX_SUMMARY_ROWS).map(row));
    if (verdict.gated.length > MAX_SUMMARY_ROWS) {
        summary.paragraph(`…and ${verdict.gated.length - MAX_SUMMARY_ROWS} more gated finding(s); the SARIF and JSON report list them all.`);
    }
    return summary;
}
function row(finding) {
    const id = finding.url ? `[${finding.id}](${finding.url})` : finding.id;
    if (finding.kind !== 'vulnerability') {
        const where = finding.line ? `${finding.target}:${finding.line}` : finding.target;
        return [finding.severity, `${finding.kind}: ${where}`, '', '', id, finding.title];
    }
    return [
        finding.severity,
        finding.packageName ?? '',
        finding.installedVersion ?? '',
        finding.fixedVersion ?? 'none',
        id,
        finding.title,
    ];
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cleanup.js
var cleanup = __webpack_require__(3212);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(1877);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(1955);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
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
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
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
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

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
        const cap = new external_node_stream_.Transform({
            transform(chunk, _encoding, done) {
                length += chunk.length;
                if (length > init.maxBytes)
                    done(tooLarge(`GET ${target.href}`, init.maxBytes));
                else
                    done(null, chunk);
            },
        });
        await (0,external_node_stream_promises_.pipeline)(response, cap, (0,external_node_fs_.createWriteStream)(dest), { signal });
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/tool-versions.js
/** The runner platforms we install tools on, as `${process.platform}-${process.arch}`. */
const PLATFORM_KEYS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64'];
function isPlatformKey(value) {
    return PLATFORM_KEYS.includes(value);
}
const TRIVY_ARCHIVES = {
    'linux-x64': 'Linux-64bit.tar.gz',
    'linux-arm64': 'Linux-ARM64.tar.gz',
    'darwin-x64': 'macOS-64bit.tar.gz',
    'darwin-arm64': 'macOS-ARM64.tar.gz',
    'win32-x64': 'windows-64bit.zip',
};
const GO_PLATFORMS = {
    'linux-x64': 'linux-amd64',
    'linux-arm64': 'linux-arm64',
    'darwin-x64': 'darwin-amd64',
    'darwin-arm64': 'darwin-arm64',
    'win32-x64': 'windows-amd64',
};
const exe = (name, platform) => (platform === 'win32-x64' ? `${name}.exe` : name);
const RELEASES = {
    trivy: {
        defaultVersion: '0.75.0',
        versionArgs: ['version'],
        versionPattern: /^Version:\s*v?(\S+)/m,
        assetFor(version, platform) {
            const suffix = TRIVY_ARCHIVES[platform];
            if (!suffix)
                return undefined;
            return {
                url: `https://github.com/aquasecurity/trivy/releases/download/v${version}/trivy_${version}_${suffix}`,
                archive: suffix.endsWith('.zip') ? 'zip' : 'tar.gz',
                binPath: exe('trivy', platform),
            };
        },
        versions: {
            // Hashes: awslabs/automated-security-helper automated_security_helper/utils/tool_downloads.py
            // @001ac6d868797f3ce3123af21eb65f2e5a3ccf42, transcribed there from trivy_0.75.0_checksums.txt.
            // Releases up to 0.69.1 were deleted upstream (March 2026 incident) and 0.69.4 was the compromised one.
            '0.75.0': {
                'linux-x64': {
                    url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_Linux-64bit.tar.gz',
                    archive: 'tar.gz',
                    binPath: 'trivy',
                    sha256: 'c6e65abddb348e25f10549df887045629cf28cc72453cd1c63acb717316b3f3f',
                },
                'linux-arm64': {
                    url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_Linux-ARM64.tar.gz',
                    archive: 'tar.gz',
                    binPath: 'trivy',
                    sha256: 'a1ee9f6ffb7d112b64ff726a2a0717c21175c1114361391f4a132956751a13b3',
                },
                'darwin-x64': {
                    url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_macOS-64bit.tar.gz',
                    archive: 'tar.gz',
                    binPath: 'trivy',
                    sha256: '291edaa9778acbe4693d067b5ad60ee11570e5ac68296e85595417528ca641e4',
                },
                'darwin-arm64': {
                    url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_macOS-ARM64.tar.gz',
                    archive: 'tar.gz',
                    binPath: 'trivy',
                    sha256: '4a77108cccf8e55c8d6823e1e759939a622277e66cd0daa3c1fc621ed69e4568',
                },
                'win32-x64': {
                    url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_windows-64bit.zip',
                    archive: 'zip',
                    binPath: 'trivy.exe',
                    sha256: '4e43bd71a30f51aee39525f60f2b47043af77eb8df8fe082aae4372b69c6660f',
                },
            },
        },
    },
    cosign: {
        defaultVersion: '3.0.6',
        versionArgs: ['version'],
        versionPattern: /^GitVersion:\s*v?(\S+)/m,
        assetFor(version, platform) {
            const file = `cosign-${GO_PLATFORMS[platform]}${platform === 'win32-x64' ? '.exe' : ''}`;
            return {
                url: `https://github.com/sigstore/cosign/releases/download/v${version}/${file}`,
                archive: 'binary',
                binPath: exe('cosign', platform),
            };
        },
        versions: {
            // Hashes: sigstore/cosign-installer action.sh @0970e7e66f3d601ac4c950b13ee252746b888213
            // (its bootstrap pins, generated there from v3.0.6 cosign_checksums.txt).
            '3.0.6': {
                'linux-x64': {
                    url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64',
                    archive: 'binary',
                    binPath: 'cosign',
                    sha256: 'c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74',
                },
                'linux-arm64': {
                    url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-arm64',
                    archive: 'binary',
                    binPath: 'cosign',
                    sha256: 'bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8',
                },
                'darwin-x64': {
                    url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-darwin-amd64',
                    archive: 'binary',
                    binPath: 'cosign',
                    sha256: '4c3e7af8372d3ca3296e62fa56f23fcbb5721cc6ac1827900d398f110d7cd280',
                },
                'darwin-arm64': {
                    url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-darwin-arm64',
                    archive: 'binary',
                    binPath: 'cosign',
                    sha256: '5fadd012ae6381a6a29ff86a7d39aa873878852f1073fc90b15995961ecfb084',
                },
                'win32-x64': {
                    url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-windows-amd64.exe',
                    archive: 'binary',
                    binPath: 'cosign.exe',
                    sha256: '9b85a88ebff2d9dd30ff4984a6f61f2cedc232dd87d81fa7f2ff3c0ed96c241c',
                },
            },
        },
    },
    kubectl: {
        defaultVersion: '1.34.3',
        // Without --client kubectl also asks the cluster, which fails where there is none.
        versionArgs: ['version', '--client'],
        versionPattern: /^Client Version:\s*v?(\S+)/m,
        assetFor(version, platform) {
            const [os, arch] = GO_PLATFORMS[platform].split('-');
            return {
                url: `https://dl.k8s.io/release/v${version}/bin/${os}/${arch}/${exe('kubectl', platform)}`,
                archive: 'binary',
                binPath: exe('kubectl', platform),
            };
        },
        versions: {
            '1.34.3': {
                // linux and darwin hashes: cashapp/hermit-packages kubectl.hcl @0e4549be91d00e65dcc5cdd8acd8ef4e7687ca7f
                'linux-x64': {
                    url: 'https://dl.k8s.io/release/v1.34.3/bin/linux/amd64/kubectl',
                    archive: 'binary',
                    binPath: 'kubectl',
                    sha256: 'ab60ca5f0fd60c1eb81b52909e67060e3ba0bd27e55a8ac147cbc2172ff14212',
                },
                'linux-arm64': {
                    url: 'https://dl.k8s.io/release/v1.34.3/bin/linux/arm64/kubectl',
                    archive: 'binary',
                    binPath: 'kubectl',
                    sha256: '46913a7aa0327f6cc2e1cc2775d53c4a2af5e52f7fd8dacbfbfd098e757f19e9',
                },
                'darwin-x64': {
                    url: 'https://dl.k8s.io/release/v1.34.3/bin/darwin/amd64/kubectl',
                    archive: 'binary',
                    binPath: 'kubectl',
                    sha256: '657afbd0e653c4ce3af1b5a645a4eaba282cf8eb2bcda7191ff60866e50e4d7f',
                },
                'darwin-arm64': {
                    url: 'https://dl.k8s.io/release/v1.34.3/bin/darwin/arm64/kubectl',
                    archive: 'binary',
                    binPath: 'kubectl',
                    sha256: 'e51367d2107d605f4edd7c2fb25897b0c0695a7de1a9f9d04cd6c9356b890b14',
                },
                // win32 hash: microsoft/winget-pkgs manifests/k/Kubernetes/kubectl/1.34.3/Kubernetes.kubectl.installer.yaml
                // @a65e83bc66efc575ab8f768e184bd7da3917091e
                'win32-x64': {
                    url: 'https://dl.k8s.io/release/v1.34.3/bin/windows/amd64/kubectl.exe',
                    archive: 'binary',
                    binPath: 'kubectl.exe',
                    sha256: '5ef6e0b019cfea5b0eff55b576c0118f64c0758a8bcbf52587c7f454f302f7bc',
                },
            },
        },
    },
};

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/installer.js












const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 2_000;
const DEFAULT_MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;
const VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
const SHA256 = /^[0-9a-f]{64}$/;
/**
 * Returns the requested tool at exactly the requested version: the one on PATH if it reports that version,
 * else the tool cache's copy, else a fresh download whose SHA-256 must match the pin.
 */
async function installTool(request, options = {}) {
    const releases = options.releases ?? RELEASES;
    const release = releases[request.tool];
    if (!release) {
        throw new errors/* UserError */.yo(`Unknown tool "${request.tool}"; known tools: ${Object.keys(releases).join(', ')}.`);
    }
    const version = (request.version ?? release.defaultVersion).replace(/^v/, '');
    const arch = options.arch ?? process.arch;
    const platform = `${options.platform ?? process.platform}-${arch}`;
    // Validated before looking at this machine, so a request fails the same way on every runner.
    const asset = resolveAsset(request.tool, release, version, platform, request.sha256);
    const onPath = await findOnPath(external_node_path_.basename(asset.binPath), release, version, options.runVersion ?? runVersion);
    if (onPath) {
        core/* info */.pq(`Using ${request.tool} ${version} found on PATH at ${onPath}`);
        return { path: onPath, version, source: 'path' };
    }
    const cached = tool_cache/* find */.I6(request.tool, version, arch);
    if (cached) {
        core/* info */.pq(`Using ${request.tool} ${version} from the tool cache`);
        return { path: external_node_path_.join(cached, asset.binPath), version, source: 'tool-cache' };
    }
    const installed = await downloadToCache(request.tool, version, arch, asset, options);
    core/* info */.pq(`Installed ${request.tool} ${version} at ${installed}`);
    return { path: installed, version, source: 'download' };
}
function resolveAsset(tool, release, version, platform, sha256) {
    // Each action names these inputs after its tool (the vocabulary): trivy-version, cosign-sha256, kubectl-version.
    const versionInput = `${tool}-version`;
    const sha256Input = `${tool}-sha256`;
    if (!VERSION.test(version)) {
        throw new errors/* UserError */.yo(`Input "${versionInput}": "${version}" is not a version of ${tool}; use one like ${release.defaultVersion}.`);
    }
    if (!isPlatformKey(platform)) {
        throw new errors/* UserError */.yo(`${tool} cannot be installed on ${platform}; supported: ${PLATFORM_KEYS.join(', ')}.`);
    }
    const wanted = sha256?.toLowerCase();
    if (wanted !== undefined && !SHA256.test(wanted)) {
        throw new errors/* UserError */.yo(`Input "${sha256Input}": "${sha256}" is not 64 hexadecimal characters.`);
    }
    const pinned = release.versions[version]?.[platform];
    if (pinned) {
        if (wanted && wanted !== pinned.sha256) {
            throw new errors/* UserError */.yo(`Input "${sha256Input}": ${wanted} for ${tool} ${version} on ${platform} differs from the pinned ${pinned.sha256}; remove or correct it.`);
        }
        return pinned;
    }
    if (!wanted) {
        throw new errors/* UserError */.yo(`Input "${versionInput}": ${tool} ${version} has no pinned SHA-256 for ${platform}; use one of ${Object.keys(release.versions).join(', ')} or set input "${sha256Input}" to the SHA-256 of its release file.`);
    }
    const location = release.assetFor(version, platform);
    if (!location) {
        throw new errors/* UserError */.yo(`${tool} publishes no build for ${platform}.`);
    }
    return { ...location, sha256: wanted };
}
async function findOnPath(command, release, version, run) {
    const bin = await io/* which */.K7(command, false);
    if (!bin)
        return undefined;
    // A binary that cannot even report its version is as good as absent.
    const output = await run(bin, release.versionArgs).catch(() => '');
    const reported = release.versionPattern.exec(output)?.[1];
    if (reported === version)
        return bin;
    core/* info */.pq(`Ignoring ${bin}: it reports version ${reported ?? 'unknown'}, not ${version}`);
    return undefined;
}
async function runVersion(bin, args) {
    const { stdout, stderr } = await (0,exec/* getExecOutput */.H)(bin, [...args], { silent: true, ignoreReturnCode: true });
    return `${stdout}\n${stderr}`;
}
async function downloadToCache(tool, version, arch, asset, options) {
    const temp = requiredEnv('RUNNER_TEMP');
    requiredEnv('RUNNER_TOOL_CACHE');
    const file = external_node_path_.join(temp, (0,external_node_crypto_.randomUUID)());
    let unpacked;
    try {
        core/* info */.pq(`Downloading ${asset.url}`);
        await downloadWithRetries(asset.url, file, options);
        await verifySha256(file, asset);
        unpacked = await unpack(file, asset, temp);
        const cacheDir = await tool_cache/* cacheDir */.e8(unpacked, tool, version, arch);
        const bin = external_node_path_.join(cacheDir, asset.binPath);
        if (process.platform !== 'win32')
            await (0,promises_.chmod)(bin, 0o755);
        return bin;
    }
    finally {
        await (0,promises_.rm)(file, { force: true });
        if (unpacked)
            await (0,promises_.rm)(unpacked, { recursive: true, force: true });
    }
}
function requiredEnv(name) {
    const value = process.env[name];
    if (!value)
        throw new Error(`${name} is not set; the tool installer runs only inside GitHub Actions or with it set.`);
    return value;
}
async function verifySha256(file, asset) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    const actual = hash.digest('hex');
    if (actual !== asset.sha256) {
        throw new errors/* UserError */.yo(`Checksum mismatch for ${asset.url}: expected sha256 ${asset.sha256}, got ${actual}; the download was deleted.`);
    }
}
/** Returns a fresh directory that holds `asset.binPath`. */
async function unpack(file, asset, temp) {
    let dir;
    if (asset.archive === 'tar.gz') {
        dir = await tool_cache/* extractTar */.nN(file);
    }
    else if (asset.archive === 'zip') {
        dir = await tool_cache/* extractZip */.JE(file);
    }
    else {
        dir = external_node_path_.join(temp, (0,external_node_crypto_.randomUUID)());
        await (0,promises_.mkdir)(external_node_path_.dirname(external_node_path_.join(dir, asset.binPath)), { recursive: true });
        await (0,promises_.rename)(file, external_node_path_.join(dir, asset.binPath));
    }
    await (0,promises_.access)(external_node_path_.join(dir, asset.binPath)).catch(() => {
        throw new Error(`${asset.url} does not contain ${asset.binPath}.`);
    });
    return dir;
}
/**
 * Downloads through the one request policy (proxy, timeout, size cap), retrying what may do better in a moment: a
 * 5xx, 408 or 429 answer, a timeout, a network failure. Any other answer is the user's to fix, at once.
 */
async function downloadWithRetries(url, dest, options) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const attempts = (options.retries ?? DEFAULT_RETRIES) + 1;
    const firstDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    const reason = (error) => error instanceof HttpTimeoutError
        ? `timed out after ${timeoutMs} ms`
        : error instanceof HttpStatusError
            ? `HTTP ${error.status}`
            : networkReason(error);
    try {
        await retry(async () => {
            await (0,promises_.rm)(dest, { force: true });
            await downloadToFile(url, dest, {
                timeoutMs,
                maxBytes: options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES,
                transport: options.transport,
            });
        }, {
            what: `Download of ${url}`,
            attempts,
            firstDelayMs,
            maxDelayMs: firstDelayMs * 8,
            jitter: 0.2,
            retryable: isTransient,
            retryAfterMs: (error) => (error instanceof HttpStatusError ? error.retryAfterMs : undefined),
            describe: reason,
        });
    }
    catch (error) {
        if (error instanceof HttpStatusError && !isTransient(error)) {
            throw new errors/* UserError */.yo(`Download of ${url} failed: HTTP ${[error.status, error.statusText].filter(Boolean).join(' ')}.`);
        }
        if (!isTransient(error))
            throw error;
        const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
        throw new Error(`Download of ${url} failed after ${tries}: ${reason(error)}.`, { cause: error });
    }
}
function isTransient(error) {
    if (error instanceof HttpStatusError)
        return error.status >= 500 || error.status === 408 || error.status === 429;
    if (error instanceof HttpTimeoutError)
        return true;
    const code = error?.code;
    return typeof code === 'string' && /^E[A-Z_]+$/.test(code);
}
function networkReason(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : (0,errors/* errorMessage */.gJ)(error);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/trivy.js


/** The trivy CLI, installed (or found on PATH) at a pinned version; every call goes through one `exec`. */
class Trivy {
    path;
    version;
    workDir;
    env;
    constructor(path, version, workDir, env) {
        this.path = path;
        this.version = version;
        this.workDir = workDir;
        this.env = env;
    }
    static async create(options) {
        const installed = await installTool({ tool: 'trivy', version: options.version, sha256: options.sha256 }, options.install);
        return new Trivy(installed.path, installed.version, options.workDir, options.env ?? {});
    }
    /** Downloads the vulnerability DB from one repository into `cacheDir`; a failure is returned, not thrown. */
    async downloadVulnerabilityDb(repository, cacheDir) {
        return this.exec(['image', '--download-db-only', '--db-repository', repository, '--cache-dir', cacheDir, '--no-progress'], true);
    }
    /**
     * Scans an image into a JSON report with the DB already in `cacheDir`. No severity, status or ignore-file flags:
     * trivy reports everything and the action's own policy decides, once, for every output.
     */
    async scanImage(scan) {
        await this.exec([
            'image',
            '--format',
            'json',
            '--output',
            scan.output,
            '--cache-dir',
            scan.cacheDir,
            '--skip-db-update',
            '--scanners',
            scan.scanners.join(','),
            ...(scan.platform ? ['--platform', scan.platform] : []),
            ...(scan.listAllPackages ? ['--list-all-pkgs'] : []),
            '--no-progress',
            scan.image,
        ]);
    }
    /** Writes the CycloneDX SBOM of a JSON report made with `listAllPackages`, without scanning again. */
    async convertToCycloneDx(report, output) {
        await this.exec(['convert', '--format', 'cyclonedx', '--output', output, report]);
    }
    exec(args, allowFailure = false) {
        return execTool(this.path, args, { cwd: this.workDir, env: this.env, allowFailure });
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/vulnerability-db.js





const DEFAULT_ATTEMPTS_PER_REPOSITORY = 3;
const vulnerability_db_DEFAULT_RETRY_DELAY_MS = 5_000;
const CACHE_KEY_PREFIX = 'trivy-vulnerability-db-v2-';
/** Every repository failed and no cached DB exists: nothing to scan with. */
class VulnerabilityDbUnavailableError extends Error {
    name = 'VulnerabilityDbUnavailableError';
}
/** One cache entry per day, like trivy-action: a restored older day's DB is refreshed and saved under today's key. */
function dbCacheKey(now) {
    return { key: `${CACHE_KEY_PREFIX}${now.toISOString().slice(0, 10)}`, restoreKeys: [CACHE_KEY_PREFIX] };
}
/**
 * Makes the vulnerability DB ready in `cacheDir`: restores the cached copy, lets trivy refresh it from the first
 * repository that answers, saves a fresh download at once, and falls back to the cached copy, with a warning, when
 * every repository fails.
 */
async function prepareVulnerabilityDb(options) {
    const dbDir = external_node_path_.join(options.cacheDir, 'db');
    const { key, restoreKeys } = dbCacheKey(options.now);
    const restoredKey = options.cache ? await options.cache.restore(dbDir, key, restoreKeys) : undefined;
    if (restoredKey)
        core/* info */.pq(`Restored the vulnerability DB from the cache entry ${restoredKey}`);
    const before = await readMetadata(dbDir);
    const failures = [];
    for (const repository of options.repositories) {
        const downloaded = await downloadWithBackoff(options, repository, failures);
        if (!downloaded)
            continue;
        const fresh = (await readMetadata(dbDir)) !== before;
        // An entry is immutable: when today's key was restored there is nothing to save, even if trivy refreshed it.
        const saved = Boolean(options.cache && fresh && restoredKey !== key);
        if (saved)
            await options.cache?.save(dbDir, key);
        return { source: 'download', repository, restoredKey, saved };
    }
    const reasons = describeFailures(failures);
    if (before === undefined) {
        throw new VulnerabilityDbUnavailableError(`Could not download the vulnerability DB from ${options.repositories.join(', ')} and no cached copy exists (${reasons}).`);
    }
    core/* warning */.$e(`Could not download the vulnerability DB from ${options.repositories.join(', ')}; scanning with the cached copy${describe(before)}, which may miss the newest advisories (${reasons}).`);
    return { source: 'cache', restoredKey, saved: false };
}
/** One failed download, thrown so that the retry can tell a refusal from a failure worth another attempt. */
class DbDownloadFailed extends Error {
    failure;
    constructor(failure) {
        super(`${failure.kind} (${failure.detail})`);
        this.failure = failure;
    }
}
async function downloadWithBackoff(options, repository, failures) {
    const firstDelayMs = options.retryDelayMs ?? vulnerability_db_DEFAULT_RETRY_DELAY_MS;
    try {
        await retry(async () => {
            const result = await options.trivy.downloadVulnerabilityDb(repository, options.cacheDir);
            if (result.exitCode === 0)
                return;
            const failure = classify(repository, `${result.stderr}\n${result.stdout}`);
            failures.push(failure);
            throw new DbDownloadFailed(failure);
        }, {
            what: repository,
            attempts: options.attemptsPerRepository ?? DEFAULT_ATTEMPTS_PER_REPOSITORY,
            firstDelayMs,
            maxDelayMs: firstDelayMs * 8,
            jitter: 0,
            retryable: (error) => error instanceof DbDownloadFailed && error.failure.kind !== 'refused',
            onRetry: (error, _next, ms) => core/* info */.pq(`${repository}: ${(0,workflow_commands/* escapeForLog */.zB)(error.message)}; retrying in ${ms} ms`),
            sleep: options.wait,
        });
        return true;
    }
    catch (error) {
        if (!(error instanceof DbDownloadFailed))
            throw error;
        if (error.failure.kind === 'refused') {
            core/* info */.pq(`${repository} refused the vulnerability DB download (${error.failure.detail}); trying the next repository`);
        }
        return false;
    }
}
const RATE_LIMITED = /TOOMANYREQUESTS|Too Many Requests|\b429\b/i;
const NETWORK = /dial tcp|i\/o timeout|connection (?:refused|reset)|no such host|TLS handshake timeout|context deadline exceeded|unexpected EOF|\b50[234]\b|Service Unavailable|Bad Gateway/i;
/** Rate limits and network failures are worth retrying; anything else (denied, not found) will not get better. */
function classify(repository, output) {
    const lines = output.split(/\r?\n/).filter((line) => line.trim() !== '');
    for (const [kind, pattern] of [
        ['rate-limited', RATE_LIMITED],
        ['network', NETWORK],
    ]) {
        const line = lines.find((candidate) => pattern.test(candidate));
        // From the telling words on: trivy's lines start with a long chain of "error:" prefixes.
        if (line)
            return { repository, kind, detail: shorten(line.slice(line.search(pattern))) };
    }
    const last = lines.at(-1) ?? 'no output';
    const cause = last.lastIndexOf('error: ');
    return { repository, kind: 'refused', detail: shorten(cause >= 0 ? last.slice(cause + 'error: '.length) : last) };
}
/** One clause per repository: how many attempts failed and how the last one did. */
function describeFailures(failures) {
    const byRepository = new Map();
    for (const failure of failures)
        byRepository.set(failure.repository, [...(byRepository.get(failure.repository) ?? []), failure]);
    return [...byRepository]
        .map(([repository, list]) => {
        const last = list.at(-1);
        return `${repository}: ${list.length} failed attempt(s), last ${last.kind}: ${last.detail}`;
    })
        .join('; ');
}
function shorten(text) {
    const trimmed = text.trim().replace(/\s+/g, ' ').replace(/"$/, '');
    return trimmed.length > 160 ? `${trimmed.slice(0, 157)}...` : trimmed;
}
/** The DB's metadata.json as text, or undefined when there is no DB: compared before and after a download. */
async function readMetadata(dbDir) {
    try {
        return await (0,promises_.readFile)(external_node_path_.join(dbDir, 'metadata.json'), 'utf8');
    }
    catch {
        return undefined;
    }
}
function describe(metadata) {
    try {
        const updatedAt = JSON.parse(metadata).UpdatedAt;
        return updatedAt ? ` (updated ${updatedAt})` : '';
    }
    catch {
        return '';
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/trivy-scan/settings.js + 2 modules
var trivy_scan_settings = __webpack_require__(724);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/trivy-scan/run.js














/**
 * Scans the image once into trivy's JSON report, judges it with one policy, and derives every output from that one
 * verdict: counts, the JSON report, SARIF, the SBOM's vulnerabilities, the summary and the gate. Throws a UserError
 * when the gate fails.
 */
async function trivyScan(settings, { setOutput, tempDir, scratchFolder }, seams = {}) {
    const now = seams.now ?? new Date();
    const ignoreRules = await loadIgnoreFiles(settings.trivyignores, settings.workspace, now);
    reportExpired(ignoreRules);
    // Digest only, even when a tag is given as well: the digest is what was pushed and what gets deployed.
    const image = settings.image.digest
        ? settings.image.withVersion({ digest: settings.image.digest })
        : `${settings.image}`;
    if (settings.scansTag) {
        core/* warning */.$e(`Scanning ${image} by tag: the tag may point at another image by the time it is deployed.`);
    }
    const scratchDir = await scratchFolder('trivy-scan-');
    const scratch = scratchDir.path;
    try {
        const trivy = await Trivy.create({
            version: settings.version,
            sha256: settings.versionSha256,
            workDir: scratch,
            env: seams.trivyEnv,
            install: seams.install,
        });
        const report = await scanOnce(trivy, image, settings, seams, { tempDir, scratch, now });
        const policy = { gate: settings.gate, ignoreUnfixed: settings.ignoreUnfixed, ignoreRules };
        const verdict = judge(findingsOf(report), policy);
        await writeFiles(settings, { trivy, image, report, verdict, scratch });
        setOutput(trivy_scan_settings/* OUTPUTS */.py.passed, String(verdict.passed));
        setOutput(trivy_scan_settings/* OUTPUTS */.py.counts, JSON.stringify(verdict.counts));
        setOutput(trivy_scan_settings/* OUTPUTS */.py.sarifFile, settings.sarifFile ?? '');
        setOutput(trivy_scan_settings/* OUTPUTS */.py.jsonFile, settings.jsonFile ?? '');
        setOutput(trivy_scan_settings/* OUTPUTS */.py.sbomFile, settings.sbomFile ?? '');
        core/* info */.pq(`Findings after ignore files${settings.ignoreUnfixed ? ' and ignore-unfixed' : ''}: ${countsLine(verdict)}`);
        await scanSummary(image, policy, verdict).write();
        if (!verdict.passed) {
            const message = gateMessage(image, settings, verdict);
            if (settings.failBuild)
                throw new errors/* UserError */.yo(message);
            core/* warning */.$e(`${message} (fail-build is false, so the step passes)`);
        }
        return verdict;
    }
    finally {
        await scratchDir.remove();
    }
}
/** Readies the vulnerability DB when the vuln scanner runs, then makes the one JSON report everything derives from. */
async function scanOnce(trivy, image, settings, seams, dirs) {
    // Beside the scratch directory, so later scans in the same job reuse the DB and image layers.
    const cacheDir = external_node_path_.join(dirs.tempDir, 'trivy-cache');
    if (settings.scanners.includes('vuln')) {
        await prepareVulnerabilityDb({
            trivy,
            cacheDir,
            repositories: settings.dbRepositories,
            cache: settings.dbCache ? (seams.dbCache ?? new ActionsDbCache()) : undefined,
            now: dirs.now,
            retryDelayMs: seams.retryDelayMs,
        });
    }
    const output = external_node_path_.join(dirs.scratch, 'report.json');
    await trivy.scanImage({
        image,
        output,
        cacheDir,
        scanners: settings.scanners,
        platform: settings.platform,
        listAllPackages: settings.sbomFile !== undefined,
    });
    return parseTrivyReport(await (0,promises_.readFile)(output, 'utf8'), 'the report trivy wrote');
}
/** The files asked for, all from the same verdict: the report keeps `kept`, SARIF lists `gated`. */
async function writeFiles(settings, scan) {
    const kept = JSON.stringify(reportWithOnly(scan.report, scan.verdict.kept), null, 2);
    if (settings.jsonFile)
        await writeOutputFile(settings.jsonFile, kept);
    if (settings.sarifFile) {
        const { log, warnings } = buildSarif([
            {
                artifact: scan.image,
                artifactUri: settings.image.spelledName,
                toolVersion: scan.trivy.version,
                findings: scan.verdict.gated,
            },
        ]);
        for (const warning of warnings)
            core/* warning */.$e(warning);
        await writeOutputFile(settings.sarifFile, JSON.stringify(log, null, 2));
    }
    if (settings.sbomFile) {
        // Converted from the kept report, so the SBOM's vulnerabilities are the ones counted; its packages are all there.
        const keptFile = external_node_path_.join(scan.scratch, 'kept.json');
        await (0,promises_.writeFile)(keptFile, kept);
        await (0,promises_.mkdir)(external_node_path_.dirname(settings.sbomFile), { recursive: true });
        await scan.trivy.convertToCycloneDx(keptFile, settings.sbomFile);
    }
}
function reportExpired(rules) {
    for (const rule of rules.expired) {
        const where = `${rule.source.file}${rule.source.line ? `:${rule.source.line}` : ''}`;
        core/* warning */.$e(`Ignore entry ${rule.id ?? '(by path)'} at ${where} expired on ${rule.expiresAt?.toISOString().slice(0, 10)}; it no longer applies.`, { file: rule.source.file, startLine: rule.source.line });
    }
}
async function writeOutputFile(file, content) {
    await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
    await (0,promises_.writeFile)(file, `${content}\n`);
}
function countsLine(verdict) {
    return severity/* SEVERITIES */.oC.map((severity) => `${severity} ${verdict.counts[severity]}`).join(', ');
}
function gateMessage(image, settings, verdict) {
    const shown = verdict.gated.slice(0, 5).map((finding) => {
        const subject = finding.packageName ? ` in ${finding.packageName} ${finding.installedVersion ?? ''}`.trimEnd() : '';
        return `${finding.id} (${finding.severity}${subject})`;
    });
    const more = verdict.gated.length > shown.length ? ` and ${verdict.gated.length - shown.length} more` : '';
    return `${image} has ${verdict.gated.length} finding(s) at ${settings.gate.join(', ')}: ${shown.join(', ')}${more}.`;
}


/***/ })

};
