export const id = 400;
export const ids = [400];
export const modules = {

/***/ 1400:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cosignSign: () => (/* binding */ cosignSign)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cosign/attestation.js
var attestation = __webpack_require__(2764);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/exec.js
var exec = __webpack_require__(2855);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/installer.js
var installer = __webpack_require__(1320);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cosign/cosign-version.js
var cosign_version = __webpack_require__(1998);
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
        const installed = await (0,installer/* installTool */.Gn)({ ...request, tool: 'cosign' }, options);
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
        return (0,exec/* execTool */.wc)(this.bin, args, { env });
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/outputs.js
var outputs = __webpack_require__(9018);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/summary.js
var core_summary = __webpack_require__(412);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/cosign-sign/settings.js + 3 modules
var cosign_sign_settings = __webpack_require__(3279);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/cosign-sign/run.js










/** Installs cosign, signs the digest, attests what was asked, verifies the signature, sets the outputs. */
async function cosignSign(settings, setOutput = outputs/* actionOutputs */.d, installOptions = {}) {
    for (const warning of settings.warnings)
        core/* warning */.$e(warning);
    const cosign = await Cosign.install(settings.cosign, installOptions);
    const image = settings.image.toString();
    const scratch = await scratchDir(settings.tempDir);
    core/* info */.pq(`Signing ${image} with cosign ${cosign.version} (${settings.signing.describe()}, ${settings.format.name} format)`);
    const bundlePath = settings.format.writesBundleFile()
        ? external_node_path_.join(scratch, `${settings.image.digest.replace(':', '-')}.sigstore.json`)
        : '';
    const { signing, format, annotations } = settings;
    await cosign.sign({ image, signing, format, annotations, ...(bundlePath ? { bundleFile: bundlePath } : {}) });
    for (const source of settings.attestations) {
        core/* info */.pq(`Attesting ${source.file} (${source.description}) as --type ${source.type}`);
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
    const result = {
        signatureRef: format.signatureRef(settings.image),
        bundlePath,
        verifyCommand: verifyCommand(verifyArgs(image, format, signer.pasteArgs)),
    };
    setOutput(cosign_sign_settings/* OUTPUTS */.py.signatureRef, result.signatureRef);
    setOutput(cosign_sign_settings/* OUTPUTS */.py.bundlePath, result.bundlePath);
    setOutput(cosign_sign_settings/* OUTPUTS */.py.verifyCommand, result.verifyCommand);
    await summarize(settings, result, signer).write();
    return result;
}
async function scratchDir(tempDir) {
    await (0,promises_.mkdir)(tempDir, { recursive: true });
    return (0,promises_.mkdtemp)(external_node_path_.join(tempDir, 'cosign-sign-'));
}
async function derivePublicKey(cosign, method, scratch) {
    const file = external_node_path_.join(scratch, 'cosign.pub');
    await cosign.writePublicKey(method, file);
    return { file, pem: await (0,promises_.readFile)(file, 'utf8') };
}
function summarize(settings, result, signer) {
    const rows = [
        ['Signer', settings.signing.describe()],
        ['Signature', (0,core_summary/* code */.a)(result.signatureRef)],
        ['Verified', settings.verify ? 'yes, right after signing' : 'no (verify: false)'],
        ...settings.attestations.map((source) => ['Attestation', `${(0,core_summary/* code */.a)(source.file)} (${source.description})`]),
        ...(result.bundlePath ? [['Bundle', (0,core_summary/* code */.a)(result.bundlePath)]] : []),
    ];
    const summary = new core_summary/* JobSummary */.c()
        .heading(`cosign-sign: ${settings.image}`)
        .table(['What', 'Result'], rows)
        .details('Verify it yourself', result.verifyCommand, 'sh');
    if (signer.publicKeyPem)
        summary.details('cosign.pub (the public key the command above names)', signer.publicKeyPem.trim());
    return summary;
}


/***/ }),

/***/ 2855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ ToolFailedError),
/* harmony export */   w$: () => (/* binding */ lastLines),
/* harmony export */   wc: () => (/* binding */ execTool)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1955);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1877);


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
 * Runs a tool with an argv array (never through a shell), streaming its output line by line
 * with registered secrets redacted, and returns what it printed.
 */
async function execTool(tool, args, options = {}) {
    const commandLine = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)([tool, ...args].join(' '));
    const echo = (stream) => (line) => {
        if (!options.silent)
            stream.write(`${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(line)}\n`);
    };
    if (!options.silent)
        process.stdout.write(`[command]${commandLine}\n`);
    const output = await _actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H(tool, [...args], {
        cwd: options.cwd,
        env: options.env ? { ...process.env, ...options.env } : undefined,
        input: typeof options.input === 'string' ? Buffer.from(options.input) : options.input,
        silent: true,
        ignoreReturnCode: true,
        listeners: { stdline: echo(process.stdout), errline: echo(process.stderr) },
    });
    const result = { exitCode: output.exitCode, stdout: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(output.stdout), stderr: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(output.stderr) };
    if (result.exitCode !== 0 && !options.allowFailure)
        throw new ToolFailedError(commandLine, result);
    return result;
}
function lastLines(text, count) {
    return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}


/***/ }),

/***/ 1320:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ installTool)
/* harmony export */ });
/* unused harmony exports DEFAULT_TIMEOUT_MS, DEFAULT_RETRIES, DEFAULT_RETRY_DELAY_MS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8500);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3838);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1955);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8701);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9805);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5685);
/* harmony import */ var _tool_versions_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9228);













const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 2_000;
const VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
const SHA256 = /^[0-9a-f]{64}$/;
/**
 * Returns the requested tool at exactly the requested version: the one on PATH if it reports that version,
 * else the tool cache's copy, else a fresh download whose SHA-256 must match the pin.
 */
async function installTool(request, options = {}) {
    const releases = options.releases ?? _tool_versions_js__WEBPACK_IMPORTED_MODULE_12__/* .RELEASES */ .pH;
    const release = releases[request.tool];
    if (!release) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`Unknown tool "${request.tool}"; known tools: ${Object.keys(releases).join(', ')}.`);
    }
    const version = (request.version ?? release.defaultVersion).replace(/^v/, '');
    const arch = options.arch ?? process.arch;
    const platform = `${options.platform ?? process.platform}-${arch}`;
    // Validated before looking at this machine, so a request fails the same way on every runner.
    const asset = resolveAsset(request.tool, release, version, platform, request.sha256);
    const onPath = await findOnPath(node_path__WEBPACK_IMPORTED_MODULE_3__.basename(asset.binPath), release, version, options.runVersion ?? runVersion);
    if (onPath) {
        _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Using ${request.tool} ${version} found on PATH at ${onPath}`);
        return { path: onPath, version, source: 'path' };
    }
    const cached = _actions_tool_cache__WEBPACK_IMPORTED_MODULE_10__/* .find */ .I6(request.tool, version, arch);
    if (cached) {
        _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Using ${request.tool} ${version} from the tool cache`);
        return { path: node_path__WEBPACK_IMPORTED_MODULE_3__.join(cached, asset.binPath), version, source: 'tool-cache' };
    }
    const installed = await downloadToCache(request.tool, version, arch, asset, options);
    _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Installed ${request.tool} ${version} at ${installed}`);
    return { path: installed, version, source: 'download' };
}
function resolveAsset(tool, release, version, platform, sha256) {
    if (!VERSION.test(version)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`"${version}" is not a version of ${tool}; use one like ${release.defaultVersion}.`);
    }
    if (!(0,_tool_versions_js__WEBPACK_IMPORTED_MODULE_12__/* .isPlatformKey */ .fH)(platform)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${tool} cannot be installed on ${platform}; supported: ${_tool_versions_js__WEBPACK_IMPORTED_MODULE_12__/* .PLATFORM_KEYS */ .PI.join(', ')}.`);
    }
    const wanted = sha256?.toLowerCase();
    if (wanted !== undefined && !SHA256.test(wanted)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`sha256 "${sha256}" for ${tool} is not 64 hexadecimal characters.`);
    }
    const pinned = release.versions[version]?.[platform];
    if (pinned) {
        if (wanted && wanted !== pinned.sha256) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`sha256 ${wanted} for ${tool} ${version} on ${platform} differs from the pinned ${pinned.sha256}; remove or correct it.`);
        }
        return pinned;
    }
    if (!wanted) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${tool} ${version} has no pinned SHA-256 for ${platform}; use one of ${Object.keys(release.versions).join(', ')} or give the sha256 of its release file.`);
    }
    const location = release.assetFor(version, platform);
    if (!location) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`${tool} publishes no build for ${platform}.`);
    }
    return { ...location, sha256: wanted };
}
async function findOnPath(command, release, version, run) {
    const bin = await _actions_io__WEBPACK_IMPORTED_MODULE_9__/* .which */ .K7(command, false);
    if (!bin)
        return undefined;
    // A binary that cannot even report its version is as good as absent.
    const output = await run(bin, release.versionArgs).catch(() => '');
    const reported = release.versionPattern.exec(output)?.[1];
    if (reported === version)
        return bin;
    _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Ignoring ${bin}: it reports version ${reported ?? 'unknown'}, not ${version}`);
    return undefined;
}
async function runVersion(bin, args) {
    const { stdout, stderr } = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_8__/* .getExecOutput */ .H)(bin, [...args], { silent: true, ignoreReturnCode: true });
    return `${stdout}\n${stderr}`;
}
async function downloadToCache(tool, version, arch, asset, options) {
    const temp = requiredEnv('RUNNER_TEMP');
    requiredEnv('RUNNER_TOOL_CACHE');
    const file = node_path__WEBPACK_IMPORTED_MODULE_3__.join(temp, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)());
    let unpacked;
    try {
        _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Downloading ${asset.url}`);
        await downloadWithRetries(asset.url, file, options);
        await verifySha256(file, asset);
        unpacked = await unpack(file, asset, temp);
        const cacheDir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_10__/* .cacheDir */ .e8(unpacked, tool, version, arch);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`Checksum mismatch for ${asset.url}: expected sha256 ${asset.sha256}, got ${actual}; the download was deleted.`);
    }
}
/** Returns a fresh directory that holds `asset.binPath`. */
async function unpack(file, asset, temp) {
    let dir;
    if (asset.archive === 'tar.gz') {
        dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_10__/* .extractTar */ .nN(file);
    }
    else if (asset.archive === 'zip') {
        dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_10__/* .extractZip */ .JE(file);
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
/** Worth another attempt: the server or the network may do better in a moment. */
class TransientDownloadError extends Error {
}
async function downloadWithRetries(url, dest, options) {
    const retries = options.retries ?? DEFAULT_RETRIES;
    const delayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    for (let attempt = 0;; attempt++) {
        try {
            return await downloadOnce(url, dest, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        }
        catch (error) {
            if (!(error instanceof TransientDownloadError))
                throw error;
            if (attempt >= retries) {
                const attempts = attempt === 0 ? '1 attempt' : `${attempt + 1} attempts`;
                throw new Error(`Download of ${url} failed after ${attempts}: ${error.message}.`, { cause: error });
            }
            const wait = delayMs * 2 ** attempt;
            _actions_core__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Download of ${url} failed (${error.message}); retrying in ${wait} ms`);
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_6__.setTimeout)(wait);
        }
    }
}
async function downloadOnce(url, dest, timeoutMs) {
    try {
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (response.status >= 500)
            throw new TransientDownloadError(`HTTP ${response.status}`);
        if (!response.ok || !response.body) {
            const status = [response.status, response.statusText].filter(Boolean).join(' ');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo(`Download of ${url} failed: HTTP ${status}.`);
        }
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.fromWeb(response.body), (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest));
    }
    catch (error) {
        if (error instanceof TransientDownloadError || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .UserError */ .yo)
            throw error;
        if (error?.name === 'TimeoutError') {
            throw new TransientDownloadError(`timed out after ${timeoutMs} ms`);
        }
        throw new TransientDownloadError(networkReason(error));
    }
}
function networkReason(error) {
    const cause = error instanceof Error ? error.cause : undefined;
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}


/***/ }),

/***/ 9018:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ actionOutputs)
/* harmony export */ });
/* unused harmony export outputsToRecord */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);

const actionOutputs = (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
function outputsToRecord(record) {
    return (name, value) => {
        record[name] = value;
    };
}


/***/ }),

/***/ 412:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ code),
/* harmony export */   c: () => (/* binding */ JobSummary)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);

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
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile(file, this.toMarkdown() + '\n');
    }
}
function code(text) {
    return `\`${text.replace(/`/g, "'")}\``;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}


/***/ })

};
