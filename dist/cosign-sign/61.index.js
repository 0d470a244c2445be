export const id = 61;
export const ids = [61];
export const modules = {

/***/ 97061:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cosignSign: () => (/* binding */ cosignSign)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(92202);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cosign/attestation.js
var attestation = __webpack_require__(62764);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cleanup.js
var cleanup = __webpack_require__(43212);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(41877);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(45618);
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
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(41955);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(88701);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 10 modules
var tool_cache = __webpack_require__(62977);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/http/request.js + 2 modules
var request = __webpack_require__(75877);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/retry.js
var retry = __webpack_require__(68422);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/tool-versions.js
var tool_versions = __webpack_require__(89228);
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
    const releases = options.releases ?? tool_versions/* RELEASES */.pH;
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
    if (!(0,tool_versions/* isPlatformKey */.fH)(platform)) {
        throw new errors/* UserError */.yo(`${tool} cannot be installed on ${platform}; supported: ${tool_versions/* PLATFORM_KEYS */.PI.join(', ')}.`);
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
    const reason = (error) => error instanceof request/* HttpTimeoutError */.Iu
        ? `timed out after ${timeoutMs} ms`
        : error instanceof request/* HttpStatusError */.F9
            ? `HTTP ${error.status}`
            : networkReason(error);
    try {
        await (0,retry/* retry */.L5)(async () => {
            await (0,promises_.rm)(dest, { force: true });
            await (0,request/* downloadToFile */.Q)(url, dest, {
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
            retryAfterMs: (error) => (error instanceof request/* HttpStatusError */.F9 ? error.retryAfterMs : undefined),
            describe: reason,
        });
    }
    catch (error) {
        if (error instanceof request/* HttpStatusError */.F9 && !isTransient(error)) {
            throw new errors/* UserError */.yo(`Download of ${url} failed: HTTP ${[error.status, error.statusText].filter(Boolean).join(' ')}.`);
        }
        if (!isTransient(error))
            throw error;
        const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
        throw new Error(`Download of ${url} failed after ${tries}: ${reason(error)}.`, { cause: error });
    }
}
function isTransient(error) {
    if (error instanceof request/* HttpStatusError */.F9)
        return error.status >= 500 || error.status === 408 || error.status === 429;
    if (error instanceof request/* HttpTimeoutError */.Iu)
        return true;
    const code = error?.code;
    return typeof code === 'string' && /^E[A-Z_]+$/.test(code);
}
function networkReason(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : (0,errors/* errorMessage */.gJ)(error);
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cosign/cosign-version.js
var cosign_version = __webpack_require__(31998);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/cosign/verification.js
/**
 * Reads what `cosign verify` prints on stdout: a JSON array of simple-signing claims, one per valid signature.
 * Anything else is a bug in our understanding of cosign, not a user mistake.
 */
function parseVerifyOutput(stdout) {
    const start = stdout.indexOf('[');
    let parsed;
    try {
        parsed = JSON.parse(start >= 0 ? stdout.slice(start) : stdout);
    }
    catch {
        throw new Error(`cosign verify printed no JSON array of signatures: ${stdout.slice(0, 200)}`);
    }
    if (!Array.isArray(parsed))
        throw new Error('cosign verify printed JSON that is not an array of signatures.');
    return parsed.map(toSignature);
}
function toSignature(entry) {
    const critical = field(entry, 'critical');
    const digest = field(field(critical, 'image'), 'docker-manifest-digest');
    if (typeof digest !== 'string')
        throw new Error('A signature cosign verify printed has no docker-manifest-digest.');
    const reference = field(field(critical, 'identity'), 'docker-reference');
    const optional = field(entry, 'optional');
    const subject = field(optional, 'Subject');
    const issuer = field(optional, 'Issuer');
    return {
        digest,
        dockerReference: typeof reference === 'string' ? reference : '',
        ...(typeof subject === 'string' ? { subject } : {}),
        ...(typeof issuer === 'string' ? { issuer } : {}),
    };
}
function field(value, name) {
    return typeof value === 'object' && value !== null ? value[name] : undefined;
}
/** Fails unless cosign vouched for exactly the digest we signed: a signature of anything else proves nothing. */
function requireDigest(signatures, digest, image) {
    if (signatures.length === 0)
        throw new Error(`cosign verify accepted no signature of ${image}.`);
    const others = signatures.filter((signature) => signature.digest !== digest);
    if (others.length > 0) {
        const found = [...new Set(others.map((signature) => signature.digest))].join(', ');
        throw new Error(`cosign verify returned signatures of ${found}, not of the signed digest ${digest} (${image}).`);
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/cosign/cosign.js




/** The cosign CLI at a known version; every call goes through one `exec`. */
class Cosign {
    bin;
    version;
    constructor(bin, version) {
        this.bin = bin;
        this.version = version;
    }
    /** The pinned cosign: the one on PATH if it is that version, else the tool cache's, else a verified download. */
    static async install(request, options = {}) {
        const installed = await installTool({ ...request, tool: 'cosign' }, options);
        return new Cosign(installed.path, cosign_version/* CosignVersion */.E.parse(installed.version));
    }
    async sign(request) {
        await this.exec([
            'sign',
            '--yes',
            ...request.format.signFlags(),
            ...request.signing.signArgs(),
            ...(request.bundleFile ? ['--bundle', request.bundleFile] : []),
            ...request.annotations.flatMap((annotation) => ['-a', annotation]),
            request.image,
        ], request.signing.env());
    }
    /** Signs the predicate as an in-toto statement about the image and attaches it. */
    async attest(request) {
        await this.exec([
            'attest',
            '--yes',
            ...request.format.signFlags(),
            ...request.signing.signArgs(),
            '--type',
            request.type,
            '--predicate',
            request.predicateFile,
            request.image,
        ], request.signing.env());
    }
    /** Runs `cosign <verifyArgs>` (see {@link verifyArgs}) and returns the signatures it accepted. */
    async verify(args) {
        const { stdout } = await this.exec(args);
        return parseVerifyOutput(stdout);
    }
    /** Writes the public half of the signing key pair to `outfile` as PEM. */
    async writePublicKey(signing, outfile) {
        await this.exec(['public-key', '--key', signing.key.reference, '--outfile', outfile], signing.env());
    }
    exec(args, env = {}) {
        return execTool(this.bin, args, { env });
    }
}
/** The argv of `cosign verify` for a digest-pinned image: shared by the check here and the command users paste. */
function verifyArgs(image, format, signerArgs) {
    return ['verify', ...format.verifyFlags(), ...signerArgs, image];
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/cosign/verify-command.js
// Characters a POSIX shell passes through unquoted.
const SAFE = /^[A-Za-z0-9_./:@%+=,-]+$/;
/** `cosign verify ...` as one line a user can paste into a POSIX shell. */
function verifyCommand(args) {
    return ['cosign', ...args].map(shellQuote).join(' ');
}
function shellQuote(word) {
    if (SAFE.test(word))
        return word;
    return `'${word.replace(/'/g, `'\\''`)}'`;
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

// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(15179);
// EXTERNAL MODULE: ./node_modules/@sigstore/tuf/dist/index.js
var tuf_dist = __webpack_require__(84423);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
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
            throw new UserError(`${file}: has no FROM instruction, so it builds nothing.`, { file });
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
            throw new UserError(`target "${target}" is not a stage of ${this.file}: ${choices}.`, { file: this.file });
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
            for (const reference of [stage.base, ...dockerfile_stageReferences(stage)]) {
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
function dockerfile_stageReferences(stage) {
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
        throw new UserError(`${file}:${instruction.line}: FROM must be "FROM image [AS name]".`, {
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/image-ref.js
var image_ref = __webpack_require__(83977);
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
    throw new UserError('Neither JOB_WORKFLOW_REF nor GITHUB_WORKFLOW_REF is set, so the provenance cannot name its builder: run on GitHub Actions.');
}
function checkedWorkflowRef(ref) {
    if (!WORKFLOW_REF.test(ref))
        throw new UserError(`"${ref}" is not a workflow ref (OWNER/REPO/.github/workflows/FILE@REF).`);
    return ref;
}
/** The SLSA provenance v1 predicate of one build. */
function slsaPredicate(request) {
    const { builder, build, invocation } = request;
    const server = serverOf(invocation.serverUrl);
    if (!GIT_COMMIT.test(invocation.sha))
        throw new UserError(`The commit "${invocation.sha}" is not a 40-hex git SHA.`);
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
                buildArgs: Object.fromEntries([...build.buildArgs].map(([name, value]) => [name, redact(value)])),
                labels: Object.fromEntries([...build.labels].map(([name, value]) => [name, redact(value)])),
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
        throw new errors/* UserError */.yo(`The image digest "${digest}" is not sha256: followed by 64 lowercase hex digits.`);
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
    const image = ImageRef.tryParse(reference);
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
        const image = ImageRef.tryParse(reference);
        if (!image)
            return undefined;
        return image.digest ?? registry.manifestDigest(image, image.tag ?? 'latest', { missingIsUndefined: true });
    };
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/provenance/attest.js









/** The public-good Sigstore instance, which cosign and actions/attest use for public repositories. */
const PUBLIC_GOOD = {
    fulcioUrl: 'https://fulcio.sigstore.dev',
    rekorUrl: 'https://rekor.sigstore.dev',
};
/** The issuer of GitHub Actions' OIDC tokens: the only one a reusable workflow's certificate can name. */
const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
// Each Sigstore call: sigstore-js retries 5xx itself; this bounds every attempt. Its fetch honours HTTPS_PROXY and
// NO_PROXY (make-fetch-happen's agent).
const SIGSTORE_TIMEOUT_MS = 15_000;
const SIGSTORE_RETRIES = 2;
/**
 * Signs the statement as a DSSE envelope (payload type application/vnd.in-toto+json) into a Sigstore bundle v0.3,
 * the form `cosign verify-attestation` and `gh attestation verify` read.
 */
async function signStatement(statement, method) {
    const builder = new sign_dist/* DSSEBundleBuilder */.VV({
        signer: method.method === 'keyless' ? fulcioSigner(method) : keySigner(method),
        witnesses: witnesses(method),
    });
    try {
        const bundle = await builder.create({
            data: Buffer.from(JSON.stringify(statement), 'utf8'),
            type: IN_TOTO_PAYLOAD_TYPE,
        });
        return (0,dist.bundleToJSON)(bundle);
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo)
            throw error;
        throw new errors/* UserError */.yo(`Signing the provenance failed: ${signingFailure(error)}`);
    }
}
function fulcioSigner(method) {
    return new sign_dist/* FulcioSigner */.$o({
        fulcioBaseURL: method.fulcioUrl,
        identityProvider: {
            getToken: async () => {
                const token = await method.identityToken();
                (0,secrets/* registerSecret */.cl)(token);
                return token;
            },
        },
        timeout: SIGSTORE_TIMEOUT_MS,
        retry: SIGSTORE_RETRIES,
    });
}
function keySigner(method) {
    (0,secrets/* registerSecret */.cl)(method.passphrase);
    let privateKey;
    try {
        privateKey = (0,external_node_crypto_.createPrivateKey)({ key: method.privateKeyPem, passphrase: method.passphrase });
    }
    catch {
        throw new errors/* UserError */.yo('The private key is not a PEM private key this password opens.');
    }
    const publicKey = (0,external_node_crypto_.createPublicKey)(privateKey).export({ format: 'pem', type: 'spki' }).toString();
    return {
        sign: async (data) => ({
            // ECDSA keys sign the SHA-256 of the data; Ed25519 signs the data itself (the algorithm must be null).
            signature: (0,external_node_crypto_.sign)(privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256', data, privateKey),
            key: { $case: 'publicKey', publicKey, hint: keyHint(publicKey) },
        }),
    };
}
/** The key's hint as cosign writes it: the base64 SHA-256 of the public key's DER. */
function keyHint(publicKeyPem) {
    return sha256Base64((0,external_node_crypto_.createPublicKey)(publicKeyPem).export({ format: 'der', type: 'spki' }));
}
function witnesses(method) {
    const list = [];
    if (method.rekorUrl) {
        list.push(
        // An intoto v0.0.2 entry, as `cosign attest` writes: every Rekor and its verifiers read it.
        new sign_dist/* RekorWitness */.fU({
            rekorBaseURL: method.rekorUrl,
            entryType: 'intoto',
            timeout: SIGSTORE_TIMEOUT_MS,
            retry: SIGSTORE_RETRIES,
        }));
    }
    if (method.tsaUrl) {
        list.push(new sign_dist/* TSAWitness */.gs({ tsaBaseURL: method.tsaUrl, timeout: SIGSTORE_TIMEOUT_MS, retry: SIGSTORE_RETRIES }));
    }
    return list;
}
/**
 * Verifies a bundle cryptographically: the certificate chains to the trust root's Fulcio and was valid when the log
 * or the TSA saw the signature, the signature covers the envelope, the log entry is signed by the trusted log.
 * Claims (digest, identity, repository) are the caller's to check on what this returns.
 */
async function verifyBundle(bundleJson, trust = {}) {
    let bundle;
    try {
        bundle = (0,dist.bundleFromJSON)(bundleJson);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`The provenance bundle is not a Sigstore bundle: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    const root = trust.trustedRootJson
        ? protobuf_specs_dist.TrustedRoot.fromJSON(trust.trustedRootJson)
        : await (0,tuf_dist.getTrustedRoot)({ timeout: SIGSTORE_TIMEOUT_MS });
    const keys = trust.publicKeyPem ? publicKeysByHint(trust.publicKeyPem) : undefined;
    const requireLog = trust.requireTransparencyLog ?? true;
    const verifier = new verify_dist/* Verifier */.BL((0,verify_dist/* toTrustMaterial */.jO)(root, keys), {
        tlogThreshold: requireLog ? 1 : 0,
        ctlogThreshold: bundle.verificationMaterial.content.$case === 'publicKey' ? 0 : 1,
        timestampThreshold: requireLog || bundle.verificationMaterial.content.$case !== 'publicKey' ? 1 : 0,
    });
    let signer;
    try {
        signer = verifier.verify((0,verify_dist/* toSignedEntity */.DC)(bundle));
    }
    catch (error) {
        throw new errors/* UserError */.yo(`The provenance signature does not verify: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    if (bundle.content.$case !== 'dsseEnvelope' || bundle.content.dsseEnvelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        throw new errors/* UserError */.yo('The provenance bundle holds no in-toto statement (DSSE, application/vnd.in-toto+json).');
    }
    const statement = parseStatement(bundle.content.dsseEnvelope.payload);
    return { statement, signer };
}
function parseStatement(payload) {
    try {
        return JSON.parse(payload.toString('utf8'));
    }
    catch {
        throw new errors/* UserError */.yo('The provenance bundle signs a payload that is not JSON.');
    }
}
function publicKeysByHint(publicKeyPem) {
    const key = (0,external_node_crypto_.createPublicKey)(publicKeyPem);
    const rawBytes = key.export({ format: 'der', type: 'spki' });
    // PublicKeyDetails: PKIX_ECDSA_P256_SHA_256 = 5, PKIX_ED25519 = 7.
    const keyDetails = key.asymmetricKeyType === 'ed25519' ? 7 : 5;
    return { [sha256Base64(rawBytes)]: { rawBytes, keyDetails } };
}
/** A Fulcio certificate extension (OID 1.3.6.1.4.1.57264.1.N) of the verified signer, as text. */
function certificateClaim(signer, oid) {
    const found = signer.identity?.oids?.find((entry) => entry.oid?.id.join('.') === oid);
    return found ? derText(Buffer.from(found.value)) : undefined;
}
/** Fulcio writes the newer extensions as DER UTF8String, the legacy ones as raw bytes. */
function derText(value) {
    if (value[0] !== 0x0c || value.length < 2)
        return value.toString('utf8');
    const first = value[1];
    if (first < 0x80)
        return value.subarray(2, 2 + first).toString('utf8');
    const lengthBytes = first & 0x7f;
    const length = value.subarray(2, 2 + lengthBytes).reduce((total, byte) => total * 256 + byte, 0);
    return value.subarray(2 + lengthBytes, 2 + lengthBytes + length).toString('utf8');
}
function sha256Base64(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('base64');
}
/** sigstore-js errors carry an HTTP status and the service's message; no token is ever in them. */
function signingFailure(error) {
    const { code, message } = (error ?? {});
    const cause = error?.cause;
    return [code, message, cause ? (0,errors/* errorMessage */.gJ)(cause) : undefined].filter(Boolean).join(': ');
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/provenance/verify.js



// Fulcio's certificate extensions (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md).
const OID_SOURCE_REPOSITORY_URI = '1.3.6.1.4.1.57264.1.12';
const OID_SOURCE_REPOSITORY_DIGEST = '1.3.6.1.4.1.57264.1.13';
const OID_SOURCE_REPOSITORY_REF = '1.3.6.1.4.1.57264.1.14';
/**
 * Checks what a cryptographically verified provenance claims, in the order a reader asks: is it about this image,
 * signed by the expected workflow, built from the caller's repository, at an allowed ref. The first claim that fails
 * is the one-line error; nothing passes on a claim that is missing.
 */
function checkProvenanceClaims(attestation, policy) {
    const { statement, signer } = attestation;
    if (statement.predicateType !== SLSA_PREDICATE_TYPE) {
        fail('predicate type', `is ${JSON.stringify(statement.predicateType)}, not ${SLSA_PREDICATE_TYPE}`);
    }
    const hex = policy.digest.replace(/^sha256:/, '');
    if (!statement.subject?.some((subject) => subject.digest?.sha256 === hex)) {
        const named = statement.subject?.map((subject) => `sha256:${subject.digest?.sha256}`).join(', ') || 'nothing';
        fail('subject digest', `names ${named}, not ${policy.digest} (a provenance of another image)`);
    }
    const predicate = statement.predicate;
    const builderId = predicate?.runDetails?.builder?.id ?? '';
    const san = signer.identity?.subjectAlternativeName;
    const keyless = san !== undefined;
    if (keyless) {
        if (!fullMatch(policy.identity, san))
            fail('signer identity', `${san} does not match ${spelled(policy.identity)}`);
        const issuer = signer.identity?.extensions?.issuer;
        if (issuer !== policy.issuer)
            fail('certificate issuer', `is ${issuer ?? 'missing'}, not ${policy.issuer}`);
        if (builderId !== san)
            fail('builder id', `${builderId} is not the certificate's identity ${san}`);
    }
    else if (!fullMatch(policy.identity, builderId)) {
        fail('builder id', `${builderId || 'missing'} does not match ${spelled(policy.identity)}`);
    }
    const source = (predicate?.buildDefinition?.externalParameters?.source ?? {});
    const repository = keyless ? certificateClaim(signer, OID_SOURCE_REPOSITORY_URI) : source.repository;
    if (repository !== policy.repository || source.repository !== policy.repository) {
        fail('source repository', `is ${repository ?? source.repository ?? 'missing'}, not ${policy.repository}`);
    }
    const ref = keyless ? certificateClaim(signer, OID_SOURCE_REPOSITORY_REF) : source.ref;
    if (ref === undefined || ref !== source.ref || !fullMatch(policy.allowedRef, ref)) {
        fail('source ref', `${ref ?? source.ref ?? 'missing'} does not match ${spelled(policy.allowedRef)}`);
    }
    const commit = predicate.buildDefinition.resolvedDependencies.find((dependency) => dependency.name === 'source');
    const certifiedCommit = keyless ? certificateClaim(signer, OID_SOURCE_REPOSITORY_DIGEST) : undefined;
    if (!commit?.digest?.gitCommit || (certifiedCommit && certifiedCommit !== commit.digest.gitCommit)) {
        fail('source commit', `${commit?.digest?.gitCommit ?? 'missing'} is not the certified ${certifiedCommit}`);
    }
    return predicate;
}
/** Verifies a bundle against the trust root, then its claims against the policy; returns the predicate. */
async function verifyProvenanceBundle(bundleJson, policy, trust = {}) {
    return checkProvenanceClaims(await verifyBundle(bundleJson, trust), policy);
}
function fullMatch(pattern, value) {
    return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace('g', '')).test(value);
}
/** A pattern as the user wrote it: RegExp#source escapes every slash. */
function spelled(pattern) {
    return pattern.source.replace(/\\\//g, '/');
}
function fail(claim, detail) {
    throw new errors/* UserError */.yo(`Provenance refused, ${claim}: ${detail}.`);
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/provenance/referrers.js



/** A Sigstore bundle v0.3 as an OCI artifact, as cosign 3 and actions/attest attach it. */
const SIGSTORE_BUNDLE_ARTIFACT_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** The OCI empty descriptor's content, `{}`: an artifact's config when it has none. */
const EMPTY_CONFIG = Buffer.from('{}');
const EMPTY_CONFIG_TYPE = 'application/vnd.oci.empty.v1+json';
const referrers_SHA256_DIGEST = /^sha256:([a-f0-9]{64})$/;
/**
 * Attaches a Sigstore bundle to an image as an OCI 1.1 referrer: a manifest whose subject is the image manifest,
 * whose config is the empty descriptor and whose one layer is the bundle, pushed by digest. A registry with the
 * referrers API indexes it by its subject; otherwise the referrers tag's index gets it (read, modified, written back,
 * other entries kept), as the OCI distribution spec's fallback says.
 */
async function attachBundle(registry, image, subjectDigest, bundle, options) {
    const subject = await subjectDescriptor(registry, image, subjectDigest);
    const hasApi = (await registry.referrers(image, subjectDigest)) !== undefined;
    if (!hasApi && !options.tagFallback)
        throw noReferrersApi(image, subjectDigest, options.tagFallbackInput);
    const bundleBytes = Buffer.from(JSON.stringify(bundle));
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: SIGSTORE_BUNDLE_ARTIFACT_TYPE,
        config: {
            mediaType: EMPTY_CONFIG_TYPE,
            digest: await registry.uploadBlob(image, EMPTY_CONFIG),
            size: EMPTY_CONFIG.length,
        },
        layers: [
            {
                mediaType: SIGSTORE_BUNDLE_ARTIFACT_TYPE,
                digest: await registry.uploadBlob(image, bundleBytes),
                size: bundleBytes.length,
            },
        ],
        subject,
        ...(options.annotations ? { annotations: options.annotations } : {}),
    };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const digest = await registry.putManifest(image, sha256Digest(bytes), bytes, OCI_MANIFEST);
    const descriptor = {
        mediaType: OCI_MANIFEST,
        digest,
        size: bytes.length,
        artifactType: SIGSTORE_BUNDLE_ARTIFACT_TYPE,
        ...(options.annotations ? { annotations: options.annotations } : {}),
    };
    if (!hasApi)
        await addToReferrersTag(registry, image, subjectDigest, descriptor);
    return { reference: `${image.repository}@${digest}`, digest, indexedBy: hasApi ? 'referrers-api' : 'referrers-tag' };
}
/** Refuses, before anything is signed, a registry without the referrers API when the tag fallback is not allowed. */
async function requireReferrersApi(registry, image, subjectDigest, tagFallbackInput) {
    if ((await registry.referrers(image, subjectDigest)) === undefined) {
        throw noReferrersApi(image, subjectDigest, tagFallbackInput);
    }
}
function noReferrersApi(image, subjectDigest, tagFallbackInput) {
    const input = tagFallbackInput ? ` and "${tagFallbackInput}" is false` : '';
    return new errors/* UserError */.yo(`Registry ${image.registry} has no OCI referrers API${input}: the provenance cannot be attached to ${image.repository}@${subjectDigest}.`);
}
/**
 * The Sigstore bundles attached to `image@subjectDigest`, by the referrers API or else the referrers tag: each
 * referrer of the bundle artifact type whose manifest names this subject, its layer read and checked by digest.
 */
async function findBundles(registry, image, subjectDigest) {
    const index = (await registry.referrers(image, subjectDigest, SIGSTORE_BUNDLE_ARTIFACT_TYPE)) ??
        (await registry.manifest(image, referrersTag(subjectDigest)))?.bytes;
    const listed = (index ? (parseJson(index)?.manifests ?? []) : []).filter((entry) => entry.artifactType === SIGSTORE_BUNDLE_ARTIFACT_TYPE);
    const found = [];
    for (const entry of listed) {
        const manifest = await registry.manifest(image, entry.digest);
        if (!manifest || manifest.digest !== entry.digest)
            continue;
        const referrer = parseJson(manifest.bytes);
        const layer = referrer?.layers?.find((candidate) => candidate.mediaType === SIGSTORE_BUNDLE_ARTIFACT_TYPE);
        if (referrer?.subject?.digest !== subjectDigest || !layer)
            continue;
        const bytes = await registry.blob(image, layer.digest);
        const bundle = bytes ? parseJson(bytes) : undefined;
        if (bundle !== undefined)
            found.push({ referrer: `${image.repository}@${entry.digest}`, bundle });
    }
    return found;
}
/**
 * Finds the provenance attached to `image@policy.digest` and verifies it: the first bundle that passes every claim
 * wins; when none does, the first refusal is the error (one line naming the claim), or a line saying there is none.
 */
async function verifyAttachedProvenance(registry, image, policy, trust = {}) {
    const found = await findBundles(registry, image, policy.digest);
    if (found.length === 0) {
        throw new errors/* UserError */.yo(`Provenance refused: ${image.repository}@${policy.digest} has no Sigstore bundle attached.`);
    }
    let refusal;
    for (const { referrer, bundle } of found) {
        try {
            return { referrer, predicate: await verifyProvenanceBundle(bundle, policy, trust) };
        }
        catch (error) {
            if (!(error instanceof errors/* UserError */.yo))
                throw error;
            refusal ??= error;
        }
    }
    throw refusal;
}
/** The OCI referrers tag schema's tag for a subject: `sha256-<hex>`. */
function referrersTag(subjectDigest) {
    const hex = referrers_SHA256_DIGEST.exec(subjectDigest)?.[1];
    if (!hex)
        throw new errors/* UserError */.yo(`"${subjectDigest}" is not a sha256 image digest.`);
    return `sha256-${hex}`;
}
async function subjectDescriptor(registry, image, digest) {
    referrersTag(digest);
    const manifest = await registry.manifest(image, digest);
    if (!manifest || manifest.digest !== digest) {
        throw new errors/* UserError */.yo(`Registry ${image.registry} has no manifest ${image.repository}@${digest} to attach a provenance to.`);
    }
    return { mediaType: manifest.mediaType, digest, size: manifest.bytes.length };
}
/** Read-modify-write of the referrers tag's index: this referrer replaces an entry of its digest, others stay. */
async function addToReferrersTag(registry, image, subjectDigest, descriptor) {
    const tag = referrersTag(subjectDigest);
    const current = await registry.manifest(image, tag);
    const kept = current && isIndex(current)
        ? (parseJson(current.bytes)?.manifests ?? []).filter((entry) => entry.digest !== descriptor.digest)
        : [];
    const index = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...kept, descriptor] };
    await registry.putManifest(image, tag, Buffer.from(JSON.stringify(index)), OCI_INDEX);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/regexp.js
var regexp = __webpack_require__(49419);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/provenance/defaults.js
var defaults = __webpack_require__(68502);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/provenance/admission.js






/** The refs cosign-sign's verify-provenance allows when its input is empty: the cluster default is the same. */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
// policy-controller refuses a glob with any other character (pkg/apis/glob).
const GLOB = /^[A-Za-z0-9_.:/@*-]+$/;
/**
 * A Kyverno ClusterPolicy and a Sigstore policy-controller ClusterImagePolicy that admit an image only with a SLSA
 * provenance v1 attached as a Sigstore bundle, signed keylessly by `identity` for `issuer`, and stating the caller's
 * repository and an allowed ref: what verify-provenance checks in CI, checked again where the image runs.
 */
function admissionPolicies(request) {
    const claims = readClaims(request);
    const images = readImages(request.images);
    const kyverno = kyvernoClusterPolicy(request.name, images, claims);
    const policyController = sigstoreClusterImagePolicy(request.name, images, claims);
    // Unfolded lines and single quotes where they need no escaping: the file reads as prettier would write it.
    const yaml = [kyverno, policyController]
        .map((policy) => new yaml_dist/* Document */.yo(policy).toString({ lineWidth: 0, minContentWidth: 0, singleQuote: true }))
        .join('---\n');
    return { kyverno, policyController, yaml };
}
function readClaims(request) {
    if (!DNS_LABEL.test(request.name ?? '')) {
        invalid('name', `must be a DNS label (a-z, 0-9, "-", at most 63 characters), not "${request.name}"`);
    }
    if (!REPOSITORY.test(request.repository ?? '')) {
        invalid('repository', `must be owner/name, not "${request.repository}"`);
    }
    const server = readUrl('serverUrl', request.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
    const repositoryUrl = `${server}/${request.repository}`;
    const ref = readPattern('allowedRefs', request.allowedRefs ?? defaults/* DEFAULT_ALLOWED_REFS */.S);
    return {
        identity: anchored(readPattern('identity', request.identity)),
        issuer: readUrl('issuer', request.issuer ?? GITHUB_ACTIONS_ISSUER),
        repositoryUrl,
        ref: anchored(ref),
        // As slsa.ts writes the source dependency: git+REPOSITORY_URL@REF.
        sourceUri: `^git\\+${(0,regexp/* escapeRegExp */.N)(repositoryUrl)}@(?:${ref})$`,
        rekorUrl: readUrl('rekorUrl', request.rekorUrl ?? PUBLIC_GOOD.rekorUrl),
        fulcioUrl: readUrl('fulcioUrl', request.fulcioUrl ?? PUBLIC_GOOD.fulcioUrl),
    };
}
function readImages(images) {
    if (!Array.isArray(images) || images.length === 0)
        invalid('images', 'must list at least one image glob');
    for (const glob of images) {
        if (typeof glob !== 'string' || !GLOB.test(glob)) {
            invalid('images', `has "${glob}", which is not a glob of letters, digits, . _ - : / @ and *`);
        }
    }
    return [...images];
}
function kyvernoClusterPolicy(name, images, claims) {
    const source = 'buildDefinition.externalParameters.source';
    const sourceDependency = "buildDefinition.resolvedDependencies[?name == 'source'] | [0].uri";
    return {
        apiVersion: 'kyverno.io/v1',
        kind: 'ClusterPolicy',
        metadata: {
            name,
            annotations: {
                'policies.kyverno.io/description': `Admits ${images.join(', ')} only with a SLSA provenance v1 signed by the delivery workflow for ${claims.repositoryUrl}.`,
            },
        },
        spec: {
            // Verification happens at admission; a background scan would fetch every running image's bundles again.
            background: false,
            failurePolicy: 'Fail',
            // A verification reads the referrers, the bundle and the trust root: more than the default 10 s on a cold cache.
            webhookTimeoutSeconds: 30,
            rules: [
                {
                    name: 'slsa-provenance',
                    match: { any: [{ resources: { kinds: ['Pod'] } }] },
                    verifyImages: [
                        {
                            // Kyverno's `*` matches across `/` too: `**` means the same there.
                            imageReferences: [...new Set(images.map((glob) => glob.replace(/\*\*+/g, '*')))],
                            // The bundle v0.3 OCI referrer cosign-sign attaches (cosign 3's format), not cosign's legacy .att tag.
                            type: 'SigstoreBundle',
                            failureAction: 'Enforce',
                            // The pod runs the digest that was verified, not whatever the tag names by the time it pulls.
                            mutateDigest: true,
                            verifyDigest: true,
                            required: true,
                            attestations: [
                                {
                                    name: 'slsa-provenance',
                                    type: SLSA_PREDICATE_TYPE,
                                    attestors: [
                                        {
                                            entries: [
                                                {
                                                    keyless: {
                                                        subjectRegExp: claims.identity,
                                                        issuer: claims.issuer,
                                                        rekor: { url: claims.rekorUrl },
                                                    },
                                                },
                                            ],
                                        },
                                    ],
                                    // Kyverno evaluates these with the predicate as the root of the JMESPath data.
                                    conditions: [
                                        {
                                            all: [
                                                {
                                                    key: `{{ ${regexMatch(claims.identity, 'runDetails.builder.id')} }}`,
                                                    operator: 'Equals',
                                                    value: true,
                                                    message: `runDetails.builder.id must match ${claims.identity}`,
                                                },
                                                {
                                                    key: `{{ ${source}.repository }}`,
                                                    operator: 'Equals',
                                                    value: claims.repositoryUrl,
                                                    message: `${source}.repository must be ${claims.repositoryUrl}`,
                                                },
                                                {
                                                    key: `{{ ${regexMatch(claims.ref, `${source}.ref`)} }}`,
                                                    operator: 'Equals',
                                                    value: true,
                                                    message: `${source}.ref must match ${claims.ref}`,
                                                },
                                                {
                                                    key: `{{ ${regexMatch(claims.sourceUri, sourceDependency)} }}`,
                                                    operator: 'Equals',
                                                    value: true,
                                                    message: `the source in buildDefinition.resolvedDependencies must match ${claims.sourceUri}`,
                                                },
                                            ],
                                        },
                                    ],
                                },
                            ],
                        },
                    ],
                },
            ],
        },
    };
}
/** Kyverno's regex_match(pattern, value); the pattern is a JMESPath raw string, which only `\'` would change. */
function regexMatch(pattern, value) {
    return `regex_match('${pattern}', ${value})`;
}
function sigstoreClusterImagePolicy(name, images, claims) {
    return {
        apiVersion: 'policy.sigstore.dev/v1beta1',
        kind: 'ClusterImagePolicy',
        metadata: { name },
        spec: {
            mode: 'enforce',
            images: images.map((glob) => ({ glob })),
            authorities: [
                {
                    name: 'delivery-workflow',
                    // The Sigstore bundle attached as an OCI referrer; "legacy" would look for cosign's .att tag.
                    signatureFormat: 'bundle',
                    keyless: { url: claims.fulcioUrl, identities: [{ issuer: claims.issuer, subjectRegExp: claims.identity }] },
                    ctlog: { url: claims.rekorUrl },
                    attestations: [
                        {
                            name: 'slsa-provenance',
                            // The URI rather than cosign's short name "slsaprovenance1", which policy-controller warns is deprecated.
                            predicateType: SLSA_PREDICATE_TYPE,
                            policy: { type: 'rego', data: regoPolicy(claims) },
                        },
                    ],
                },
            ],
        },
    };
}
/**
 * The statement policy-controller hands the policy is the whole in-toto statement. Rego rather than CUE: an
 * undefined rule is a refusal, where CUE lets a constraint on a missing field pass.
 */
function regoPolicy(claims) {
    // Rego strings are JSON strings.
    const text = (value) => JSON.stringify(value);
    return [
        'package sigstore',
        '',
        'default isCompliant = false',
        '',
        'isCompliant {',
        `  input.predicateType == ${text(SLSA_PREDICATE_TYPE)}`,
        `  regex.match(${text(claims.identity)}, input.predicate.runDetails.builder.id)`,
        '  source := input.predicate.buildDefinition.externalParameters.source',
        `  source.repository == ${text(claims.repositoryUrl)}`,
        `  regex.match(${text(claims.ref)}, source.ref)`,
        '  some i',
        '  dependency := input.predicate.buildDefinition.resolvedDependencies[i]',
        '  dependency.name == "source"',
        `  regex.match(${text(claims.sourceUri)}, dependency.uri)`,
        '}',
        '',
    ].join('\n');
}
/** The whole value, as verify.ts matches it: Go's RE2 (Kyverno, policy-controller, OPA) searches otherwise. */
function anchored(pattern) {
    return `^(?:${pattern})$`;
}
/**
 * A pattern that means the same in JavaScript (verify-provenance) and Go's RE2 (the cluster), and that survives
 * Kyverno's {{ }} and JMESPath quoting.
 */
function readPattern(field, pattern) {
    if (typeof pattern !== 'string' || pattern.trim() === '')
        invalid(field, 'must be a regular expression');
    try {
        new RegExp(pattern);
    }
    catch {
        invalid(field, `is not a regular expression: ${pattern}`);
    }
    const unsupported = re2Unsupported(pattern);
    if (unsupported)
        invalid(field, `uses ${unsupported}, which Go's RE2 in the cluster does not support: ${pattern}`);
    if (pattern.includes("'"))
        invalid(field, `has a single quote, which Kyverno's JMESPath string cannot hold: ${pattern}`);
    if (/[\r\n]/.test(pattern))
        invalid(field, 'must be one line');
    // Kyverno finds a {{ }} expression with one level of braces inside; a quantifier such as {1,3} is one.
    if (!/^(?:\{[^{}]*\}|[^{}])*$/.test(pattern)) {
        invalid(field, `has nested or unbalanced braces, which Kyverno's {{ }} cannot hold: ${pattern}`);
    }
    return pattern;
}
/** The first JavaScript-only construct in `pattern`: lookaround, a backreference, \u or \c escapes. */
function re2Unsupported(pattern) {
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '\\') {
            const next = pattern[i + 1] ?? '';
            if (/[1-9]/.test(next) && !inClass)
                return `the backreference \\${next}`;
            if (next === 'k' && pattern[i + 2] === '<')
                return 'a named backreference (\\k<...>)';
            if (next === 'u' || next === 'c')
                return `the escape \\${next}`;
            i++;
        }
        else if (char === '[') {
            inClass = true;
        }
        else if (char === ']') {
            inClass = false;
        }
        else if (char === '(' && !inClass) {
            const lookaround = /^\(\?(=|!|<=|<!)/.exec(pattern.slice(i))?.[1];
            if (lookaround)
                return `the lookaround (?${lookaround}...)`;
        }
    }
    return undefined;
}
function readUrl(field, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        invalid(field, `must be an http(s) URL, not "${value}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        invalid(field, `must be an http(s) URL, not "${value}"`);
    return value;
}
function invalid(field, detail) {
    throw new errors/* UserError */.yo(`Admission policy "${field}" ${detail}.`);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/cosign-sign/settings.js + 5 modules
var cosign_sign_settings = __webpack_require__(7137);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/cosign-sign/run.js
















/**
 * Installs cosign, signs the digest, attests what was asked, verifies the signature, sets the outputs; with
 * method verify-only, checks the digest's provenance and signs nothing.
 */
async function cosignSign(settings, host, seams = {}) {
    const registry = seams.registry ?? new RegistryClient({ credentials: dockerConfigCredentials() });
    if ((0,cosign_sign_settings/* isVerifyOnly */.KX)(settings))
        return verifyOnly(settings, registry, host, seams);
    const { setOutput, scratchFolder } = host;
    for (const warning of settings.warnings)
        core/* warning */.$e(warning);
    if (settings.provenance.verify)
        await verifyProvenance(registry, settings.image, settings.provenance.verify, seams);
    // A registry that cannot take the provenance refuses it before anything is signed, not after.
    if (settings.provenance.attest && !settings.provenance.tagFallback) {
        await requireReferrersApi(registry, settings.image, settings.image.digest, cosign_sign_settings/* INPUTS */.mc.provenanceTagFallback);
    }
    const cosign = await Cosign.install(settings.cosign, seams.install);
    const image = settings.image.toString();
    // Kept after the step: bundle-path points into it.
    const scratch = (await scratchFolder('cosign-sign-')).path;
    core/* info */.pq(`Signing ${image} with cosign ${cosign.version} (${settings.signing.describe()}, ${settings.format.name} format)`);
    const bundlePath = settings.format.writesBundleFile()
        ? external_node_path_.join(scratch, `${settings.image.digest.replace(':', '-')}.sigstore.json`)
        : '';
    const { signing, format, annotations } = settings;
    await cosign.sign({ image, signing, format, annotations, ...(bundlePath ? { bundleFile: bundlePath } : {}) });
    for (const source of settings.attestations) {
        core/* info */.pq((0,workflow_commands/* escapeForLog */.zB)(`Attesting ${source.file} (${source.description}) as --type ${source.type}`));
        await cosign.attest({
            image,
            signing,
            format,
            type: source.type,
            predicateFile: await (0,attestation/* predicateFile */._)(source, scratch),
        });
    }
    const signer = await settings.signing.signerCheck((method) => derivePublicKey(cosign, method, scratch));
    if (settings.verify) {
        const signatures = await cosign.verify(verifyArgs(image, format, signer.args));
        requireDigest(signatures, settings.image.digest, image);
        core/* info */.pq(`cosign verify accepted ${signatures.length} signature(s) of ${settings.image.digest}.`);
    }
    const { provenanceRef, githubAttestationId } = await attestProvenance(settings, registry, seams);
    const result = {
        signatureRef: format.signatureRef(settings.image),
        bundlePath,
        verifyCommand: verifyCommand(verifyArgs(image, format, signer.pasteArgs)),
        provenanceRef,
        githubAttestationId,
    };
    setOutput(cosign_sign_settings/* OUTPUTS */.py.signatureRef, result.signatureRef);
    setOutput(cosign_sign_settings/* OUTPUTS */.py.bundlePath, result.bundlePath);
    setOutput(cosign_sign_settings/* OUTPUTS */.py.verifyCommand, result.verifyCommand);
    if (result.provenanceRef)
        setOutput(cosign_sign_settings/* OUTPUTS */.py.provenanceRef, result.provenanceRef);
    if (result.githubAttestationId)
        setOutput(cosign_sign_settings/* OUTPUTS */.py.githubAttestationId, result.githubAttestationId);
    await summarize(settings, result, signer).write();
    return result;
}
async function verifyProvenance(registry, image, policy, seams) {
    const found = await verifyAttachedProvenance(registry, image, policy, seams.trust);
    core/* info */.pq((0,workflow_commands/* escapeForLog */.zB)(`Provenance verified: ${found.referrer}, built by ${found.predicate.runDetails.builder.id}`));
    return found.referrer;
}
async function verifyOnly(settings, registry, { setOutput, context }, seams) {
    const provenanceRef = await verifyProvenance(registry, settings.image, settings.policy, seams);
    const result = { signatureRef: '', bundlePath: '', verifyCommand: '', provenanceRef };
    for (const name of [cosign_sign_settings/* OUTPUTS */.py.signatureRef, cosign_sign_settings/* OUTPUTS */.py.bundlePath, cosign_sign_settings/* OUTPUTS */.py.verifyCommand])
        setOutput(name, '');
    setOutput(cosign_sign_settings/* OUTPUTS */.py.provenanceRef, provenanceRef);
    const admission = admissionPolicyOf(settings, context);
    setOutput(cosign_sign_settings/* OUTPUTS */.py.admissionPolicy, admission);
    await new JobSummary()
        .heading('cosign-sign: provenance verified')
        .table(['', ''], [
        ['Image', code(settings.image.toString())],
        ['Provenance', code(provenanceRef)],
        ['Builder', code(settings.policy.identity.source)],
        ['Source', `${settings.policy.repository} at a ref matching ${code(settings.policy.allowedRef.source)}`],
    ])
        .details('Admission policy enforcing the same claims in the cluster (output admission-policy)', admission, 'yaml')
        .write();
    return result;
}
/**
 * The Kyverno ClusterPolicy and the policy-controller ClusterImagePolicy (one YAML file) that make the cluster check
 * what was just verified: this image repository, the same identity, repository and allowed refs.
 */
function admissionPolicyOf({ image, policy }, context) {
    const repository = image.repository;
    const name = repository.split('/').pop()
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40);
    return admissionPolicies({
        name: `${name || 'image'}-provenance`,
        images: [repository, `${repository}:*`, `${repository}@*`],
        identity: policy.identity.source,
        issuer: policy.issuer,
        // verify-provenance needs the run's repository, so verify-only settings exist only where it is known
        repository: context.repository,
        allowedRefs: policy.allowedRef.source,
        serverUrl: context.serverUrl,
    }).yaml;
}
/**
 * Signs the predicate for the digest with sigstore-js and attaches the bundle (and, with github-attestation, records
 * it with GitHub's artifact attestations API); the referrer, or '' when not asked.
 */
async function attestProvenance(settings, registry, seams) {
    const { attest, tagFallback, githubAttestation } = settings.provenance;
    if (!attest)
        return { provenanceRef: '' };
    const digest = settings.image.digest;
    const statement = provenanceStatement(settings.image.repository, digest, attest.predicate);
    const identityToken = seams.identityToken ?? (() => core/* getIDToken */.V9('sigstore'));
    const bundle = await signStatement(statement, attest.signing.method === 'keyless'
        ? { ...PUBLIC_GOOD, ...attest.signing, identityToken }
        : { rekorUrl: PUBLIC_GOOD.rekorUrl, ...attest.signing });
    const attached = await attachBundle(registry, settings.image, digest, bundle, {
        tagFallback,
        tagFallbackInput: cosign_sign_settings/* INPUTS */.mc.provenanceTagFallback,
        annotations: { 'dev.sigstore.bundle.predicateType': statement.predicateType },
    });
    core/* info */.pq((0,workflow_commands/* escapeForLog */.zB)(`Provenance attached: ${attached.reference} (${attached.indexedBy})`));
    if (!githubAttestation)
        return { provenanceRef: attached.reference };
    const { createGitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(585)]).then(__webpack_require__.bind(__webpack_require__, 65585));
    const { recordAttestation } = await __webpack_require__.e(/* import() */ 147).then(__webpack_require__.bind(__webpack_require__, 26147));
    const client = createGitHubClient({
        token: githubAttestation.token,
        apiUrl: githubAttestation.apiUrl,
        waitUnitMs: seams.githubWaitUnitMs,
    });
    const id = await recordAttestation(client, githubAttestation.repository, bundle);
    core/* info */.pq(`Provenance recorded with GitHub's artifact attestations API (id ${id}).`);
    return { provenanceRef: attached.reference, githubAttestationId: String(id) };
}
async function derivePublicKey(cosign, method, scratch) {
    const file = external_node_path_.join(scratch, 'cosign.pub');
    await cosign.writePublicKey(method, file);
    return { file, pem: await (0,promises_.readFile)(file, 'utf8') };
}
function summarize(settings, result, signer) {
    const rows = [
        ['Signer', settings.signing.describe()],
        ['Signature', code(result.signatureRef)],
        ['Verified', settings.verify ? 'yes, right after signing' : 'no (verify: false)'],
        ...settings.attestations.map((source) => ['Attestation', `${code(source.file)} (${source.description})`]),
        ...(result.bundlePath ? [['Bundle', code(result.bundlePath)]] : []),
        ...(settings.provenance.verify ? [['Provenance checked', 'yes, before signing']] : []),
        ...(result.provenanceRef ? [['Provenance', code(result.provenanceRef)]] : []),
        ...(result.githubAttestationId ? [['GitHub attestation', `id ${result.githubAttestationId}`]] : []),
    ];
    const summary = new JobSummary()
        .heading(`cosign-sign: ${settings.image}`)
        .table(['What', 'Result'], rows)
        .details('Verify it yourself', result.verifyCommand, 'sh');
    if (signer.publicKeyPem)
        summary.details('cosign.pub (the public key the command above names)', signer.publicKeyPem.trim());
    return summary;
}


/***/ }),

/***/ 75877:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F9: () => (/* binding */ HttpStatusError),
  Iu: () => (/* binding */ HttpTimeoutError),
  Q: () => (/* binding */ downloadToFile),
  aj: () => (/* binding */ httpRequest)
});

// UNUSED EXPORTS: HttpAnswerError, HttpCertificateError, HttpIdleError, HttpStreamSpentError, openHttpStream

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_http_, 2);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_https_, 2);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/retry.js
var retry = __webpack_require__(68422);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(41877);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
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
            const retryAfter = (0,retry/* parseRetryAfter */.mu)(headerValue(response, 'retry-after'));
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
        await (0,promises_.pipeline)(response, cap, (0,external_node_fs_.createWriteStream)(dest), { signal });
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


/***/ }),

/***/ 68422:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony export backoffMs */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92202);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5685);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(45618);




const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
/**
 * Runs `call` (given the attempt number, from 1) until it resolves, an error is not retryable, or the attempts are
 * spent; then the last error is thrown unchanged, so each caller words its own failure (it knows the attempts).
 */
async function retry(call, options) {
    const wait = options.sleep ?? node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout;
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
                const reason = options.describe?.(error) ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error);
                _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`${options.what} failed (${(0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeForLog */ .zB)(reason)}); attempt ${attempt + 1} of ${options.attempts} in ${delayMs} ms`);
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


/***/ })

};
