export const id = 6;
export const ids = [6];
export const modules = {

/***/ 99006:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  trivyScan: () => (/* binding */ trivyScan)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(92202);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(45618);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/db-cache.js





/** GitHub's Actions cache, through @actions/cache (loaded on first use: it is large and most steps never need it). */
class ActionsDbCache {
    async restore(dir, key, restoreKeys) {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(878), __webpack_require__.e(131)]).then(__webpack_require__.bind(__webpack_require__, 57131));
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
        const cache = await Promise.all(/* import() */[__webpack_require__.e(878), __webpack_require__.e(131)]).then(__webpack_require__.bind(__webpack_require__, 57131));
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
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/file-scope.js
var file_scope = __webpack_require__(82077);
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
            return (0,file_scope/* globToRegExp */.tL)(pattern);
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
var severity = __webpack_require__(32340);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/summary.js
var core_summary = __webpack_require__(80412);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/scan-summary.js


/** More rows than this make the step summary slow to open; the SARIF and JSON files have them all. */
const MAX_SUMMARY_ROWS = 200;
/** The job summary of a scan: counts per severity, then every gated finding with a link to its advisory. */
function scanSummary(image, policy, verdict) {
    const summary = new core_summary/* JobSummary */.c().heading(`trivy-scan: ${verdict.passed ? 'passed' : 'failed'} for ${(0,core_summary/* code */.a)(image)}`);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/exec.js
var exec = __webpack_require__(82855);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/installer.js
var installer = __webpack_require__(71320);
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
        const installed = await (0,installer/* installTool */.Gn)({ tool: 'trivy', version: options.version, sha256: options.sha256 }, options.install);
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
        return (0,exec/* execTool */.wc)(this.path, args, { cwd: this.workDir, env: this.env, allowFailure });
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/retry.js
var retry = __webpack_require__(68422);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/vulnerability-db.js





const DEFAULT_ATTEMPTS_PER_REPOSITORY = 3;
const DEFAULT_RETRY_DELAY_MS = 5_000;
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
    const firstDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    try {
        await (0,retry/* retry */.L5)(async () => {
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/trivy-scan/settings.js + 1 modules
var trivy_scan_settings = __webpack_require__(55815);
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


/***/ }),

/***/ 71320:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ installTool)
/* harmony export */ });
/* unused harmony exports DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES, DEFAULT_RETRY_DELAY_MS, DEFAULT_MAX_DOWNLOAD_BYTES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92202);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(41955);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(88701);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(59805);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5685);
/* harmony import */ var _http_request_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(75877);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(68422);
/* harmony import */ var _tool_versions_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(89228);












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
    const releases = options.releases ?? _tool_versions_js__WEBPACK_IMPORTED_MODULE_11__/* .RELEASES */ .pH;
    const release = releases[request.tool];
    if (!release) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`Unknown tool "${request.tool}"; known tools: ${Object.keys(releases).join(', ')}.`);
    }
    const version = (request.version ?? release.defaultVersion).replace(/^v/, '');
    const arch = options.arch ?? process.arch;
    const platform = `${options.platform ?? process.platform}-${arch}`;
    // Validated before looking at this machine, so a request fails the same way on every runner.
    const asset = resolveAsset(request.tool, release, version, platform, request.sha256);
    const onPath = await findOnPath(node_path__WEBPACK_IMPORTED_MODULE_3__.basename(asset.binPath), release, version, options.runVersion ?? runVersion);
    if (onPath) {
        _actions_core__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`Using ${request.tool} ${version} found on PATH at ${onPath}`);
        return { path: onPath, version, source: 'path' };
    }
    const cached = _actions_tool_cache__WEBPACK_IMPORTED_MODULE_7__/* .find */ .I6(request.tool, version, arch);
    if (cached) {
        _actions_core__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`Using ${request.tool} ${version} from the tool cache`);
        return { path: node_path__WEBPACK_IMPORTED_MODULE_3__.join(cached, asset.binPath), version, source: 'tool-cache' };
    }
    const installed = await downloadToCache(request.tool, version, arch, asset, options);
    _actions_core__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`Installed ${request.tool} ${version} at ${installed}`);
    return { path: installed, version, source: 'download' };
}
function resolveAsset(tool, release, version, platform, sha256) {
    // Each action names these inputs after its tool (the vocabulary): trivy-version, cosign-sha256, kubectl-version.
    const versionInput = `${tool}-version`;
    const sha256Input = `${tool}-sha256`;
    if (!VERSION.test(version)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`Input "${versionInput}": "${version}" is not a version of ${tool}; use one like ${release.defaultVersion}.`);
    }
    if (!(0,_tool_versions_js__WEBPACK_IMPORTED_MODULE_11__/* .isPlatformKey */ .fH)(platform)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`${tool} cannot be installed on ${platform}; supported: ${_tool_versions_js__WEBPACK_IMPORTED_MODULE_11__/* .PLATFORM_KEYS */ .PI.join(', ')}.`);
    }
    const wanted = sha256?.toLowerCase();
    if (wanted !== undefined && !SHA256.test(wanted)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`Input "${sha256Input}": "${sha256}" is not 64 hexadecimal characters.`);
    }
    const pinned = release.versions[version]?.[platform];
    if (pinned) {
        if (wanted && wanted !== pinned.sha256) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`Input "${sha256Input}": ${wanted} for ${tool} ${version} on ${platform} differs from the pinned ${pinned.sha256}; remove or correct it.`);
        }
        return pinned;
    }
    if (!wanted) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`Input "${versionInput}": ${tool} ${version} has no pinned SHA-256 for ${platform}; use one of ${Object.keys(release.versions).join(', ')} or set input "${sha256Input}" to the SHA-256 of its release file.`);
    }
    const location = release.assetFor(version, platform);
    if (!location) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`${tool} publishes no build for ${platform}.`);
    }
    return { ...location, sha256: wanted };
}
async function findOnPath(command, release, version, run) {
    const bin = await _actions_io__WEBPACK_IMPORTED_MODULE_6__/* .which */ .K7(command, false);
    if (!bin)
        return undefined;
    // A binary that cannot even report its version is as good as absent.
    const output = await run(bin, release.versionArgs).catch(() => '');
    const reported = release.versionPattern.exec(output)?.[1];
    if (reported === version)
        return bin;
    _actions_core__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`Ignoring ${bin}: it reports version ${reported ?? 'unknown'}, not ${version}`);
    return undefined;
}
async function runVersion(bin, args) {
    const { stdout, stderr } = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_5__/* .getExecOutput */ .H)(bin, [...args], { silent: true, ignoreReturnCode: true });
    return `${stdout}\n${stderr}`;
}
async function downloadToCache(tool, version, arch, asset, options) {
    const temp = requiredEnv('RUNNER_TEMP');
    requiredEnv('RUNNER_TOOL_CACHE');
    const file = node_path__WEBPACK_IMPORTED_MODULE_3__.join(temp, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)());
    let unpacked;
    try {
        _actions_core__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`Downloading ${asset.url}`);
        await downloadWithRetries(asset.url, file, options);
        await verifySha256(file, asset);
        unpacked = await unpack(file, asset, temp);
        const cacheDir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_7__/* .cacheDir */ .e8(unpacked, tool, version, arch);
        const bin = node_path__WEBPACK_IMPORTED_MODULE_3__.join(cacheDir, asset.binPath);
        if (process.platform !== 'win32')
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(bin, 0o755);
        return bin;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(file, { force: true });
        if (unpacked)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(unpacked, { recursive: true, force: true });
    }
}
function requiredEnv(name) {
    const value = process.env[name];
    if (!value)
        throw new Error(`${name} is not set; the tool installer runs only inside GitHub Actions or with it set.`);
    return value;
}
async function verifySha256(file, asset) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
        hash.update(chunk);
    const actual = hash.digest('hex');
    if (actual !== asset.sha256) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`Checksum mismatch for ${asset.url}: expected sha256 ${asset.sha256}, got ${actual}; the download was deleted.`);
    }
}
/** Returns a fresh directory that holds `asset.binPath`. */
async function unpack(file, asset, temp) {
    let dir;
    if (asset.archive === 'tar.gz') {
        dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_7__/* .extractTar */ .nN(file);
    }
    else if (asset.archive === 'zip') {
        dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_7__/* .extractZip */ .JE(file);
    }
    else {
        dir = node_path__WEBPACK_IMPORTED_MODULE_3__.join(temp, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)());
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, asset.binPath)), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(file, node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, asset.binPath));
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.access)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, asset.binPath)).catch(() => {
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
    const reason = (error) => error instanceof _http_request_js__WEBPACK_IMPORTED_MODULE_9__/* .HttpTimeoutError */ .Iu
        ? `timed out after ${timeoutMs} ms`
        : error instanceof _http_request_js__WEBPACK_IMPORTED_MODULE_9__/* .HttpStatusError */ .F9
            ? `HTTP ${error.status}`
            : networkReason(error);
    try {
        await (0,_retry_js__WEBPACK_IMPORTED_MODULE_10__/* .retry */ .L5)(async () => {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dest, { force: true });
            await (0,_http_request_js__WEBPACK_IMPORTED_MODULE_9__/* .downloadToFile */ .Q)(url, dest, {
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
            retryAfterMs: (error) => (error instanceof _http_request_js__WEBPACK_IMPORTED_MODULE_9__/* .HttpStatusError */ .F9 ? error.retryAfterMs : undefined),
            describe: reason,
        });
    }
    catch (error) {
        if (error instanceof _http_request_js__WEBPACK_IMPORTED_MODULE_9__/* .HttpStatusError */ .F9 && !isTransient(error)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .UserError */ .yo(`Download of ${url} failed: HTTP ${[error.status, error.statusText].filter(Boolean).join(' ')}.`);
        }
        if (!isTransient(error))
            throw error;
        const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
        throw new Error(`Download of ${url} failed after ${tries}: ${reason(error)}.`, { cause: error });
    }
}
function isTransient(error) {
    if (error instanceof _http_request_js__WEBPACK_IMPORTED_MODULE_9__/* .HttpStatusError */ .F9)
        return error.status >= 500 || error.status === 408 || error.status === 429;
    if (error instanceof _http_request_js__WEBPACK_IMPORTED_MODULE_9__/* .HttpTimeoutError */ .Iu)
        return true;
    const code = error?.code;
    return typeof code === 'string' && /^E[A-Z_]+$/.test(code);
}
function networkReason(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .gJ)(error);
}


/***/ })

};
