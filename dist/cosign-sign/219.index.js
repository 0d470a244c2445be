export const id = 219;
export const ids = [219];
export const modules = {

/***/ 4219:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cosignSign: () => (/* binding */ cosignSign)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cosign/attestation.js
var attestation = __webpack_require__(2764);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(1955);
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
 * Runs a tool with an argv array (never through a shell), streaming its output line by line
 * with registered secrets redacted, and returns what it printed.
 */
async function execTool(tool, args, options = {}) {
    const commandLine = (0,secrets/* redact */.E)([tool, ...args].join(' '));
    const echo = (stream) => (line) => {
        if (!options.silent)
            stream.write(`${(0,secrets/* redact */.E)(line)}\n`);
    };
    if (!options.silent)
        process.stdout.write(`[command]${commandLine}\n`);
    const output = await exec/* getExecOutput */.H(tool, [...args], {
        cwd: options.cwd,
        env: options.env ? { ...process.env, ...options.env } : undefined,
        input: typeof options.input === 'string' ? Buffer.from(options.input) : options.input,
        silent: true,
        ignoreReturnCode: true,
        listeners: { stdline: echo(process.stdout), errline: echo(process.stderr) },
    });
    const result = { exitCode: output.exitCode, stdout: (0,secrets/* redact */.E)(output.stdout), stderr: (0,secrets/* redact */.E)(output.stderr) };
    if (result.exitCode !== 0 && !options.allowFailure)
        throw new ToolFailedError(commandLine, result);
    return result;
}
function lastLines(text, count) {
    return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/tool-versions.js
var tool_versions = __webpack_require__(9228);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/installer.js













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
    if (!VERSION.test(version)) {
        throw new errors/* UserError */.yo(`"${version}" is not a version of ${tool}; use one like ${release.defaultVersion}.`);
    }
    if (!(0,tool_versions/* isPlatformKey */.fH)(platform)) {
        throw new errors/* UserError */.yo(`${tool} cannot be installed on ${platform}; supported: ${tool_versions/* PLATFORM_KEYS */.PI.join(', ')}.`);
    }
    const wanted = sha256?.toLowerCase();
    if (wanted !== undefined && !SHA256.test(wanted)) {
        throw new errors/* UserError */.yo(`sha256 "${sha256}" for ${tool} is not 64 hexadecimal characters.`);
    }
    const pinned = release.versions[version]?.[platform];
    if (pinned) {
        if (wanted && wanted !== pinned.sha256) {
            throw new errors/* UserError */.yo(`sha256 ${wanted} for ${tool} ${version} on ${platform} differs from the pinned ${pinned.sha256}; remove or correct it.`);
        }
        return pinned;
    }
    if (!wanted) {
        throw new errors/* UserError */.yo(`${tool} ${version} has no pinned SHA-256 for ${platform}; use one of ${Object.keys(release.versions).join(', ')} or give the sha256 of its release file.`);
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
            core/* info */.pq(`Download of ${url} failed (${error.message}); retrying in ${wait} ms`);
            await (0,external_node_timers_promises_.setTimeout)(wait);
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
            throw new errors/* UserError */.yo(`Download of ${url} failed: HTTP ${status}.`);
        }
        await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(response.body), (0,external_node_fs_.createWriteStream)(dest));
    }
    catch (error) {
        if (error instanceof TransientDownloadError || error instanceof errors/* UserError */.yo)
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

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/outputs.js

const actionOutputs = (name, value) => core/* setOutput */.uH(name, value);
function outputsToRecord(record) {
    return (name, value) => {
        record[name] = value;
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/cosign-sign/settings.js + 5 modules
var cosign_sign_settings = __webpack_require__(5460);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/cosign-sign/run.js










/** Installs cosign, signs the digest, attests what was asked, verifies the signature, sets the outputs. */
async function cosignSign(settings, setOutput = actionOutputs, installOptions = {}) {
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
        ['Signature', code(result.signatureRef)],
        ['Verified', settings.verify ? 'yes, right after signing' : 'no (verify: false)'],
        ...settings.attestations.map((source) => ['Attestation', `${code(source.file)} (${source.description})`]),
        ...(result.bundlePath ? [['Bundle', code(result.bundlePath)]] : []),
    ];
    const summary = new JobSummary()
        .heading(`cosign-sign: ${settings.image}`)
        .table(['What', 'Result'], rows)
        .details('Verify it yourself', result.verifyCommand, 'sh');
    if (signer.publicKeyPem)
        summary.details('cosign.pub (the public key the command above names)', signer.publicKeyPem.trim());
    return summary;
}


/***/ })

};
