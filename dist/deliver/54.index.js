export const id = 54;
export const ids = [54,14];
export const modules = {

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


/***/ }),

/***/ 24054:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ groupOf),
/* harmony export */   H8: () => (/* binding */ refOf),
/* harmony export */   Ro: () => (/* binding */ describeRef),
/* harmony export */   Vf: () => (/* binding */ refDocument),
/* harmony export */   XF: () => (/* binding */ refKey),
/* harmony export */   du: () => (/* binding */ objectPath)
/* harmony export */ });
/* unused harmony export sameRef */
function refOf(object) {
    const { apiVersion, kind } = object;
    const { name, namespace } = object.metadata;
    return namespace ? { apiVersion, kind, namespace, name } : { apiVersion, kind, name };
}
/** `Deployment/shop/web` (`Namespace/shop` when cluster-scoped): one line of a list output. */
function objectPath(ref) {
    return [ref.kind, ref.namespace, ref.name].filter(Boolean).join('/');
}
/** `Deployment web -n shop`, for logs and summaries. */
function describeRef(ref) {
    return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
function sameRef(a, b) {
    return (groupOf(a.apiVersion) === groupOf(b.apiVersion) &&
        a.kind === b.kind &&
        a.name === b.name &&
        (a.namespace ?? '') === (b.namespace ?? ''));
}
/** `apps` of `apps/v1`; '' for the core group. */
function groupOf(apiVersion) {
    return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}
/** The smallest document that names an object, for `kubectl get -f`. */
function refDocument(ref) {
    return {
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
    };
}
/** A key that tells objects apart across API versions of the same group. */
function refKey(ref) {
    return `${groupOf(ref.apiVersion)}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}


/***/ }),

/***/ 49014:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kubeconfig: () => (/* binding */ Kubeconfig)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5685);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(41877);






// Credentials a kubeconfig user can carry: each is masked, and the *-data ones also decoded.
const SECRET_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data'];
const ENCODED_FIELDS = new Set(['client-key-data', 'client-certificate-data', 'certificate-authority-data']);
/**
 * A kubeconfig given as text: checked to be one (without ever quoting it), its credentials masked,
 * then written 0600 into a fresh 0700 folder that `remove` deletes.
 */
class Kubeconfig {
    text;
    contexts;
    constructor(text, contexts) {
        this.text = text;
        this.contexts = contexts;
    }
    /** Parses and checks the text; `input` names it in errors, `context` must be one of its contexts. */
    static parse(text, input, context) {
        const document = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parseDocument */ .Tp)(text, { uniqueKeys: false });
        const invalid = (reason) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "${input}" is not a kubeconfig: ${reason}.`);
        if (document.errors.length > 0) {
            const line = document.errors[0]?.linePos?.[0].line;
            throw invalid(`it is not valid YAML${line ? ` (line ${line})` : ''}`);
        }
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .isMap */ .jh)(document.contents))
            throw invalid('it is not a YAML mapping');
        const config = document.toJS();
        if (config.kind !== undefined && config.kind !== 'Config')
            throw invalid(`its kind is "${String(config.kind)}", not Config`);
        const clusters = entries(config.clusters);
        const users = entries(config.users);
        const contexts = entries(config.contexts);
        if (clusters.length === 0 || !clusters.every((entry) => typeof entry.cluster?.server === 'string')) {
            throw invalid('it needs "clusters", each with a cluster.server URL');
        }
        if (contexts.length === 0)
            throw invalid('it has no "contexts"');
        for (const user of users)
            registerUserSecrets(user.user ?? {});
        for (const cluster of clusters)
            registerEncoded(cluster.cluster?.['certificate-authority-data']);
        const names = contexts.map((entry) => String(entry.name));
        const current = context ?? (typeof config['current-context'] === 'string' ? config['current-context'] : undefined);
        if (!current)
            throw invalid('it has no current-context; set the "kube-context" input');
        if (!names.includes(current)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Context "${current}" is not in the kubeconfig; it has: ${names.join(', ')}.`);
        }
        return new Kubeconfig(text, names);
    }
    /** A fresh path under `parent` for `write`, known before anything is written so a post step can remove it. */
    static fileUnder(parent) {
        return node_path__WEBPACK_IMPORTED_MODULE_2__.join(parent, `kubeconfig-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`, 'config');
    }
    /** Writes the file 0600 inside a new 0700 folder. */
    async write(file) {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), { mode: 0o700 });
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile(file, this.text, { mode: 0o600 });
    }
    /** Deletes a file `write` made, with its folder; nothing happens when it is already gone. */
    static async remove(file) {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(file), { recursive: true, force: true });
    }
}
function entries(value) {
    return Array.isArray(value)
        ? value.filter((entry) => typeof entry === 'object' && entry !== null)
        : [];
}
function registerUserSecrets(user) {
    for (const field of SECRET_FIELDS) {
        const value = user[field];
        if (typeof value !== 'string')
            continue;
        if (ENCODED_FIELDS.has(field))
            registerEncoded(value);
        else
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(value);
    }
    // Exec plugins and auth providers can carry credentials in their env and config.
    const exec = user.exec;
    for (const variable of exec?.env ?? [])
        if (typeof variable.value === 'string')
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(variable.value);
    const provider = user['auth-provider'];
    for (const value of Object.values(provider?.config ?? {}))
        if (typeof value === 'string')
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(value);
}
/** Masks base64 data and each line of what it decodes to, except PEM armour lines. */
function registerEncoded(value) {
    if (typeof value !== 'string' || value.length === 0)
        return;
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(value);
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    for (const line of decoded.split(/\r?\n/)) {
        if (line.trim() && !line.startsWith('-----'))
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(line);
    }
}


/***/ }),

/***/ 33979:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N5: () => (/* binding */ errorSummary),
/* harmony export */   bx: () => (/* binding */ Kubectl)
/* harmony export */ });
/* unused harmony export resourceName */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82855);
/* harmony import */ var _installer_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71320);
/* harmony import */ var _kube_object_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24054);




/** kubectl, installed and verified through the core installer, pointed at one kubeconfig and context. */
class Kubectl {
    path;
    version;
    connection;
    constructor(path, version, connection) {
        this.path = path;
        this.version = version;
        this.connection = connection;
    }
    static async create(options = {}) {
        const tool = await (0,_installer_js__WEBPACK_IMPORTED_MODULE_2__/* .installTool */ .Gn)({ tool: 'kubectl', version: options.version, sha256: options.sha256 }, options.install);
        const connection = [
            ...(options.kubeconfig ? ['--kubeconfig', options.kubeconfig] : []),
            ...(options.context ? ['--context', options.context] : []),
        ];
        return new Kubectl(tool.path, tool.version, connection);
    }
    /** `kubectl kustomize DIR`: the built manifests, or kustomize's own error. */
    async kustomize(dir) {
        const result = await this.exec(['kustomize', dir]);
        if (result.exitCode !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`kustomize build of ${dir} failed: ${errorSummary(result)}`);
        return result.stdout;
    }
    /** One `kubectl apply` of the whole file; returns the objects as the API server stored them. */
    async apply(file, options) {
        const args = ['apply', '-f', file, '-o', 'json', `--field-manager=${options.fieldManager}`];
        if (options.serverSide)
            args.push('--server-side');
        if (options.serverSide && options.forceConflicts)
            args.push('--force-conflicts');
        if (options.namespace)
            args.push('--namespace', options.namespace);
        if (options.dryRun)
            args.push('--dry-run=server');
        if (options.validate === false)
            args.push('--validate=false');
        const result = await this.exec(args);
        if (result.exitCode !== 0) {
            const conflict = /conflict/i.test(result.stderr)
                ? ' Set force-conflicts: true to take over fields another manager owns.'
                : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`kubectl apply failed: ${errorSummary(result)}.${conflict}`);
        }
        return objectsIn(result.stdout);
    }
    /** `kubectl diff --server-side`: what the API server would change, as a unified diff ('' when nothing). */
    async diff(file, options) {
        const args = ['diff', '-f', file, `--field-manager=${options.fieldManager}`];
        if (options.serverSide)
            args.push('--server-side');
        if (options.serverSide && options.forceConflicts)
            args.push('--force-conflicts');
        if (options.namespace)
            args.push('--namespace', options.namespace);
        // Exit 1 means "there are differences"; above that, kubectl or diff failed.
        const result = await this.exec(args);
        if (result.exitCode > 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`kubectl diff failed: ${errorSummary(result)}`);
        return result.stdout;
    }
    /** The live objects a file names; those that do not exist are left out. */
    async get(file, namespace) {
        const args = ['get', '-f', file, '-o', 'json', '--ignore-not-found'];
        if (namespace)
            args.push('--namespace', namespace);
        const result = await this.exec(args);
        if (result.exitCode !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`kubectl get failed: ${errorSummary(result)}`);
        return objectsIn(result.stdout);
    }
    /** Objects of these kinds (`deployment.apps`, `configmap`...) in every namespace that match a label selector. */
    async list(kinds, selector) {
        const result = await this.exec([
            'get',
            kinds.join(','),
            '--all-namespaces',
            '--selector',
            selector,
            '-o',
            'json',
            '--ignore-not-found',
        ]);
        if (result.exitCode !== 0)
            throw new Error(`kubectl get ${kinds.join(',')} failed: ${errorSummary(result)}`);
        return objectsIn(result.stdout);
    }
    /** Deletes the objects a file names, without waiting for finalizers. */
    async delete(file) {
        const result = await this.exec(['delete', '-f', file, '--ignore-not-found', '--wait=false'], { echo: true });
        if (result.exitCode !== 0)
            throw new Error(`kubectl delete failed: ${errorSummary(result)}`);
    }
    /** The group versions and the `group/Kind`s the cluster serves, from its discovery (kubectl caches it). */
    async servedKinds() {
        const [versions, resources] = await Promise.all([this.exec(['api-versions']), this.exec(['api-resources'])]);
        for (const result of [versions, resources]) {
            if (result.exitCode !== 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Reading the cluster's API discovery failed: ${errorSummary(result)}`);
        }
        const [header = '', ...rows] = resources.stdout.split(/\r?\n/).filter(Boolean);
        const apiVersionAt = header.indexOf('APIVERSION');
        const namespacedAt = header.indexOf('NAMESPACED');
        const kindAt = header.indexOf('KIND');
        const kinds = rows.map((row) => `${(0,_kube_object_js__WEBPACK_IMPORTED_MODULE_3__/* .groupOf */ .F8)(row.slice(apiVersionAt, namespacedAt).trim())}/${row.slice(kindAt).trim().split(/\s+/)[0]}`);
        return { versions: new Set(versions.stdout.split(/\s+/).filter(Boolean)), kinds: new Set(kinds) };
    }
    async events(namespace) {
        const result = await this.exec(['get', 'events', '--namespace', namespace, '-o', 'json']);
        return result.exitCode === 0 ? objectsIn(result.stdout) : [];
    }
    /** `kubectl rollout undo`: back to the previous revision of a Deployment, StatefulSet or DaemonSet. */
    async rolloutUndo(ref) {
        const result = await this.exec(['rollout', 'undo', resourceName(ref), ...namespaceArgs(ref)], { echo: true });
        if (result.exitCode !== 0)
            throw new Error(`kubectl rollout undo ${resourceName(ref)} failed: ${errorSummary(result)}`);
    }
    /** What `kubectl argo rollouts abort` does: set status.abort, so Argo Rollouts goes back to the stable pods. */
    async abortRollout(ref) {
        const patch = JSON.stringify({ status: { abort: true } });
        const args = [
            'patch',
            resourceName(ref),
            ...namespaceArgs(ref),
            '--type',
            'merge',
            '--subresource',
            'status',
            '-p',
            patch,
        ];
        const result = await this.exec(args, { echo: true });
        if (result.exitCode !== 0)
            throw new Error(`aborting ${resourceName(ref)} failed: ${errorSummary(result)}`);
    }
    /** Creates the namespace if it is missing (a server-side apply of a bare Namespace). */
    async ensureNamespace(name, fieldManager) {
        const namespace = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
        const result = await this.exec(['apply', '--server-side', `--field-manager=${fieldManager}`, '-f', '-'], {
            input: namespace,
            echo: true,
        });
        if (result.exitCode !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Creating namespace "${name}" failed: ${errorSummary(result)}`);
    }
    /** Every call goes through here: argv only, output captured (and echoed only when asked), secrets redacted. */
    async exec(args, options = {}) {
        const argv = [...this.connection, ...args];
        if (!options.echo)
            (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .printCommandLine */ .ZD)(this.path, argv);
        return (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .execTool */ .wc)(this.path, argv, { input: options.input, silent: !options.echo, allowFailure: true });
    }
}
/** `deployment.apps/web`: how kubectl names one object of any group. */
function resourceName(ref) {
    const group = (0,_kube_object_js__WEBPACK_IMPORTED_MODULE_3__/* .groupOf */ .F8)(ref.apiVersion);
    return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
}
function namespaceArgs(ref) {
    return ref.namespace ? ['--namespace', ref.namespace] : [];
}
/** kubectl prints one object, or a List of them, or nothing at all. */
function objectsIn(stdout) {
    if (!stdout.trim())
        return [];
    const parsed = JSON.parse(stdout);
    const objects = parsed.kind === 'List' || Array.isArray(parsed.items) ? (parsed.items ?? []) : [parsed];
    // An empty result of a custom kind comes back as a bare list shell.
    return objects.filter((object) => typeof object.metadata?.name === 'string');
}
/** kubectl's error lines, without its multi-line advice, on one line. */
function errorSummary(result) {
    const lines = result.stderr.split(/\r?\n/).map((line) => line.trim());
    const errors = lines.filter((line) => /^(error|Error from server|Error:)/.test(line));
    const chosen = errors.length > 0 ? errors : lines.filter(Boolean).slice(0, 3);
    const summary = chosen.join('; ').replace(/^error: /, '');
    return summary.length > 600 ? `${summary.slice(0, 600)}…` : summary || `exit code ${result.exitCode}`;
}


/***/ })

};
