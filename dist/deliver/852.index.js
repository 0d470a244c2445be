export const id = 852;
export const ids = [852];
export const modules = {

/***/ 44458:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ readDockerConfig),
/* harmony export */   k: () => (/* binding */ dockerConfigDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);



/** The docker CLI's config folder: DOCKER_CONFIG, else `.docker` in the home folder (USERPROFILE on Windows). */
function dockerConfigDir(env = process.env, platform = process.platform) {
    if (env.DOCKER_CONFIG)
        return env.DOCKER_CONFIG;
    const home = platform === 'win32' ? env.USERPROFILE || node_os__WEBPACK_IMPORTED_MODULE_1__.homedir() : env.HOME || node_os__WEBPACK_IMPORTED_MODULE_1__.homedir();
    return node_path__WEBPACK_IMPORTED_MODULE_2__.join(home, '.docker');
}
/** config.json from that folder; empty when there is none or the CLI could not read it either. */
function readDockerConfig(env = process.env, platform = process.platform) {
    try {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dockerConfigDir(env, platform), 'config.json'), 'utf8'));
        return parsed && typeof parsed === 'object' ? parsed : {};
    }
    catch {
        return {};
    }
}


/***/ }),

/***/ 44197:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ stageLabel),
/* harmony export */   VN: () => (/* binding */ stageReferences),
/* harmony export */   XO: () => (/* binding */ Dockerfile),
/* harmony export */   aO: () => (/* binding */ leadingFlags)
/* harmony export */ });
/* unused harmony exports parseArgDeclarations, substituteVariables */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);

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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${file}: has no FROM instruction, so it builds nothing.`, { file });
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`target "${target}" is not a stage of ${this.file}: ${choices}.`, { file: this.file });
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${file}:${instruction.line}: FROM must be "FROM image [AS name]".`, {
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


/***/ }),

/***/ 70791:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ dockerConfigCredentials)
/* harmony export */ });
/* harmony import */ var _docker_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44458);

const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
/**
 * Credentials from the docker CLI's config.json ($DOCKER_CONFIG, else ~/.docker), where `docker login` and
 * docker/login-action store them. Credential helpers (credsStore, credHelpers) are not read.
 */
function dockerConfigCredentials(env = process.env) {
    const config = (0,_docker_config_js__WEBPACK_IMPORTED_MODULE_0__/* .readDockerConfig */ .T)(env);
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


/***/ }),

/***/ 96712:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient),
  ST: () => (/* binding */ RegistryUnreachableError),
  nw: () => (/* binding */ isIndex),
  qF: () => (/* binding */ parseJson),
  sI: () => (/* binding */ sha256Digest)
});

// UNUSED EXPORTS: DEFAULT_RETRY, registryUrl

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(92202);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/retry.js
var retry = __webpack_require__(68422);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(41877);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/http/request.js + 2 modules
var request = __webpack_require__(75877);
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
        return (0,request/* httpRequest */.aj)(url, {
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
            return await (0,retry/* retry */.L5)(call, {
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
    return new RegistryStatusError(response.status, what, (0,retry/* parseRetryAfter */.mu)(response.header('retry-after')));
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


/***/ }),

/***/ 75387:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ provenanceStatement),
/* harmony export */   MZ: () => (/* binding */ runnerProvenance),
/* harmony export */   T4: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
/* harmony export */   Zk: () => (/* binding */ SLSA_PREDICATE_TYPE),
/* harmony export */   aY: () => (/* binding */ registryDigestResolver)
/* harmony export */ });
/* unused harmony exports IN_TOTO_STATEMENT_TYPE, builderIdentity, slsaPredicate, baseImageDependencies */
/* harmony import */ var _build_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44197);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5685);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83977);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(41877);




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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('Neither JOB_WORKFLOW_REF nor GITHUB_WORKFLOW_REF is set, so the provenance cannot name its builder: run on GitHub Actions.');
}
function checkedWorkflowRef(ref) {
    if (!WORKFLOW_REF.test(ref))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`"${ref}" is not a workflow ref (OWNER/REPO/.github/workflows/FILE@REF).`);
    return ref;
}
/** The SLSA provenance v1 predicate of one build. */
function slsaPredicate(request) {
    const { builder, build, invocation } = request;
    const server = serverOf(invocation.serverUrl);
    if (!GIT_COMMIT.test(invocation.sha))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The commit "${invocation.sha}" is not a 40-hex git SHA.`);
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
                buildArgs: Object.fromEntries([...build.buildArgs].map(([name, value]) => [name, (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(value)])),
                labels: Object.fromEntries([...build.labels].map(([name, value]) => [name, (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(value)])),
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The image digest "${digest}" is not sha256: followed by 64 lowercase hex digits.`);
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
        for (const reference of (0,_build_dockerfile_js__WEBPACK_IMPORTED_MODULE_0__/* .stageReferences */ .VN)(stage)) {
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
    const image = _image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .ImageRef */ .ji.tryParse(reference);
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
        const image = _image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .ImageRef */ .ji.tryParse(reference);
        if (!image)
            return undefined;
        return image.digest ?? registry.manifestDigest(image, image.tag ?? 'latest', { missingIsUndefined: true });
    };
}


/***/ })

};
