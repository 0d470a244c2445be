export const id = 462;
export const ids = [462];
export const modules = {

/***/ 17679:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SCRATCH_PREFIX: () => (/* binding */ SCRATCH_PREFIX),
/* harmony export */   STATE: () => (/* binding */ STATE),
/* harmony export */   removeScratchFolder: () => (/* binding */ removeScratchFolder)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);


/** State the main step saves for the post step (action.yml: `post:` this bundle, `post-if: always()`). */
const STATE = {
    scratchFolder: 'build-multistage-scratch-folder',
};
/** How the folder of a run's private files (build secrets) is named under RUNNER_TEMP. */
const SCRATCH_PREFIX = 'build-multistage-';
/**
 * The post step, the backstop for a main step killed before it could clean up (the runner's SIGKILL after a
 * cancel): deletes the folder that held the build secrets. Only a folder this action names is ever removed.
 */
async function removeScratchFolder(folder, runnerTemp) {
    if (!folder || !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(folder) || !node_path__WEBPACK_IMPORTED_MODULE_1__.basename(folder).startsWith(SCRATCH_PREFIX))
        return false;
    if (runnerTemp && node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(folder) !== node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(runnerTemp))
        return false;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(folder, { recursive: true, force: true });
    return true;
}


/***/ }),

/***/ 66712:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F5: () => (/* binding */ readBuildMultistageSettings),
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   py: () => (/* binding */ OUTPUTS)
/* harmony export */ });
/* unused harmony export POLICIES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _core_build_builders_image_builder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53099);
/* harmony import */ var _core_build_tags_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(35730);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5685);
/* harmony import */ var _core_image_ref_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83977);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(41877);







const INPUTS = {
    image: 'image',
    context: 'context',
    dockerfile: 'dockerfile',
    target: 'target',
    buildArgs: 'build-args',
    secrets: 'secrets',
    labels: 'labels',
    tags: 'tags',
    push: 'push',
    platforms: 'platforms',
    cacheFrom: 'cache-from',
    cacheTo: 'cache-to',
    builder: 'builder',
    network: 'network',
    policy: 'policy',
    reuse: 'reuse',
};
const OUTPUTS = {
    digest: 'digest',
    imageRef: 'image-ref',
    tags: 'tags',
    tagsJson: 'tags-json',
    imageId: 'image-id',
    metadata: 'metadata',
    provenance: 'provenance',
};
/** What the Dockerfile checks do with their findings: annotate, fail the step, or nothing. */
const POLICIES = ['warn', 'error', 'off'];
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
const NETWORK = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function readBuildMultistageSettings(inputs, workspace) {
    // First, so that no later error can print a secret value.
    const secrets = readSecrets(inputs);
    const image = readImage(inputs);
    const context = inputs.path(INPUTS.context, workspace);
    requireKind(context, 'directory', `Build context "${inputs.string(INPUTS.context, '.')}"`);
    const dockerfile = inputs.optional(INPUTS.dockerfile)
        ? inputs.path(INPUTS.dockerfile, workspace)
        : node_path__WEBPACK_IMPORTED_MODULE_1__.join(context, 'Dockerfile');
    requireKind(dockerfile, 'file', `Dockerfile "${node_path__WEBPACK_IMPORTED_MODULE_1__.relative(workspace, dockerfile) || dockerfile}"`);
    return {
        image,
        context,
        dockerfile,
        target: inputs.optional(INPUTS.target),
        buildArgs: readPairs(inputs, INPUTS.buildArgs, BUILD_ARG_NAME, 'KEY=VALUE'),
        secrets,
        labels: readPairs(inputs, INPUTS.labels, LABEL_KEY, 'key=value'),
        tagRules: (0,_core_build_tags_js__WEBPACK_IMPORTED_MODULE_3__/* .parseTagRules */ .hh)(inputs.list(INPUTS.tags), INPUTS.tags),
        push: inputs.boolean(INPUTS.push, true),
        platforms: readPlatforms(inputs),
        cacheFrom: inputs.lines(INPUTS.cacheFrom),
        cacheTo: inputs.lines(INPUTS.cacheTo),
        builder: inputs.choice(INPUTS.builder, _core_build_builders_image_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .BUILDER_PREFERENCES */ .JY, 'auto'),
        network: readNetwork(inputs),
        policy: inputs.choice(INPUTS.policy, POLICIES, 'warn'),
        reuse: inputs.boolean(INPUTS.reuse, true),
        workspace,
    };
}
function readImage(inputs) {
    const image = _core_image_ref_js__WEBPACK_IMPORTED_MODULE_5__/* .ImageRef */ .ji.parse(inputs.required(INPUTS.image), 'image');
    if (image.tag || image.digest) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "${INPUTS.image}" is the repository only (e.g. ${image.spelledName}); put tags in "${INPUTS.tags}".`);
    }
    return image;
}
/** `id=value` lines. Messages name the line, never its text: a malformed line may be a pasted secret. */
function readSecrets(inputs) {
    const lines = inputs.lines(INPUTS.secrets);
    for (const line of lines)
        (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_6__/* .registerSecret */ .cl)(line.slice(line.indexOf('=') + 1));
    const secrets = new Map();
    lines.forEach((line, index) => {
        const equals = line.indexOf('=');
        const id = line.slice(0, equals);
        const value = line.slice(equals + 1);
        if (equals < 1 || !SECRET_ID.test(id) || value === '') {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "${INPUTS.secrets}" line ${index + 1} must be id=value, the id made of letters, digits, "_", "." or "-".`);
        }
        if (secrets.has(id))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "${INPUTS.secrets}" names the secret "${id}" twice.`);
        secrets.set(id, value);
    });
    return secrets;
}
function readPairs(inputs, name, keyPattern, form) {
    const pairs = new Map();
    inputs.lines(name).forEach((line, index) => {
        const equals = line.indexOf('=');
        const key = equals < 0 ? line : line.slice(0, equals);
        if (equals < 0 || !keyPattern.test(key)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "${name}" line ${index + 1} must be ${form}, got "${line}".`);
        }
        if (pairs.has(key))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "${name}" sets "${key}" twice.`);
        pairs.set(key, line.slice(equals + 1));
    });
    return pairs;
}
function readPlatforms(inputs) {
    const platforms = inputs.list(INPUTS.platforms);
    const invalid = platforms.find((platform) => !PLATFORM.test(platform));
    if (invalid) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "${INPUTS.platforms}": "${invalid}" is not os/arch[/variant], e.g. linux/arm64.`);
    }
    return platforms;
}
function readNetwork(inputs) {
    const network = inputs.optional(INPUTS.network);
    if (network !== undefined && !NETWORK.test(network)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input "${INPUTS.network}" must be host, none, default or a network name; got "${network}".`);
    }
    return network;
}
function requireKind(file, kind, what) {
    let found;
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file);
        found = stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
    }
    catch {
        found = undefined;
    }
    if (found === undefined)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${what} does not exist.`);
    if (found !== kind)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${what} is not a ${kind}.`);
}


/***/ }),

/***/ 3234:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hw: () => (/* binding */ readBumpManifestSettings),
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   py: () => (/* binding */ OUTPUTS)
/* harmony export */ });
/* harmony import */ var _core_bump_read_target_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58895);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5685);


const INPUTS = {
    ..._core_bump_read_target_js__WEBPACK_IMPORTED_MODULE_0__/* .BUMP_TARGET_INPUTS */ .F,
    manifests: 'manifests',
    workingDirectory: 'working-directory',
    dryRun: 'dry-run',
};
const OUTPUTS = {
    changed: 'changed',
    files: 'files',
    filesJson: 'files-json',
    diff: 'diff',
    changes: 'changes',
};
function readBumpManifestSettings(inputs, workspace) {
    const target = (0,_core_bump_read_target_js__WEBPACK_IMPORTED_MODULE_0__/* .readBumpTarget */ .w)(inputs);
    const paths = inputs.list(INPUTS.manifests);
    if (paths.length === 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.manifests}" is required: name files, directories or globs.`);
    return {
        target,
        paths,
        workingDirectory: inputs.path(INPUTS.workingDirectory, workspace),
        dryRun: inputs.boolean(INPUTS.dryRun, false),
    };
}


/***/ }),

/***/ 13279:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mc: () => (/* binding */ INPUTS),
  py: () => (/* binding */ OUTPUTS),
  KX: () => (/* binding */ isVerifyOnly),
  Io: () => (/* binding */ readCosignSignSettings)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cosign/attestation.js
var attestation = __webpack_require__(62764);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/cosign/cosign-version.js
var cosign_version = __webpack_require__(31998);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/cosign/signature-format.js


const SIGNATURE_FORMATS = ['bundle', 'legacy'];
const SIGSTORE_BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
function signatureFormat(name, version) {
    if (!version.atLeast('2.0.0')) {
        throw new errors/* UserError */.yo(`cosign ${version} is too old: use cosign 2.x or 3.x (input "version").`);
    }
    return name === 'bundle' ? new BundleFormat(version) : new LegacyFormat(version);
}
/** The Sigstore bundle as an OCI 1.1 referrer of the image; registries without the referrers API get the fallback tag. */
class BundleFormat {
    version;
    name = 'bundle';
    constructor(version) {
        this.version = version;
        if (!version.atLeast('2.6.0')) {
            throw new errors/* UserError */.yo(`signature-format "bundle" needs cosign 2.6.0 or later, not ${version}: raise "version" or use signature-format: legacy.`);
        }
    }
    signFlags() {
        return this.version.major >= 3 ? [] : ['--new-bundle-format=true', '--use-signing-config=true'];
    }
    verifyFlags() {
        return this.version.major >= 3 ? [] : ['--new-bundle-format=true'];
    }
    writesBundleFile() {
        // `cosign sign --bundle` exists for images from 3.0.3 on.
        return this.version.atLeast('3.0.3');
    }
    signatureRef(image) {
        return referrersUrl(image);
    }
}
/** cosign's original layout: a `sha256-<hex>.sig` tag beside the image holding simple-signing layers. */
class LegacyFormat {
    version;
    name = 'legacy';
    constructor(version) {
        this.version = version;
    }
    signFlags() {
        // cosign 3 refuses the old format together with the TUF signing config, so both are turned off.
        return this.version.major >= 3 ? ['--new-bundle-format=false', '--use-signing-config=false'] : [];
    }
    verifyFlags() {
        return this.version.major >= 3 ? ['--new-bundle-format=false'] : [];
    }
    writesBundleFile() {
        return false;
    }
    signatureRef(image) {
        return image.withVersion({ tag: `${digestOf(image).replace(':', '-')}.sig` });
    }
}
/** The OCI distribution 1.1 referrers query that lists the bundle for the image. */
function referrersUrl(image) {
    const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(image.registry);
    // Docker Hub's API host is not its name.
    const host = image.registry === 'docker.io' ? 'registry-1.docker.io' : image.registry;
    const artifactType = encodeURIComponent(SIGSTORE_BUNDLE_MEDIA_TYPE);
    return `${local ? 'http' : 'https'}://${host}/v2/${image.path}/referrers/${digestOf(image)}?artifactType=${artifactType}`;
}
function digestOf(image) {
    if (!image.digest)
        throw new Error(`${image} carries no digest.`);
    return image.digest;
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(41877);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/cosign/signing-key.js




/** The key-management systems cosign signs with by URI; the private key never leaves them. */
const KMS_SCHEMES = ['awskms://', 'gcpkms://', 'azurekms://', 'hashivault://', 'k8s://'];
/** The variable the action hands a key given inline (as PEM text) to cosign through, so it never reaches argv. */
const INLINE_KEY_VARIABLE = 'COSIGN_PRIVATE_KEY';
// cosign generate-key-pair writes the first label; cosign 2.x and later (and sigstore-rs) the second.
const COSIGN_KEY_LABELS = ['ENCRYPTED COSIGN PRIVATE KEY', 'ENCRYPTED SIGSTORE PRIVATE KEY'];
const PEM_LABEL = /-----BEGIN ([A-Z0-9 ]+)-----/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// A PEM stored base64-encoded, as secrets often are: only base64 characters, and long enough to hold a key.
const BASE64_TEXT = /^[A-Za-z0-9+/=\s]{64,}$/;
const MAX_KEY_BYTES = 64 * 1024;
/**
 * Reads the `key` input. A file or variable is opened here, so a public key, a key cosign cannot read or an
 * encrypted key without a password fails before anything is installed or signed.
 */
function readSigningKey(value, workspace, env) {
    (0,secrets/* registerSecret */.cl)(value);
    const pem = PEM_LABEL.test(value) ? value : decodedPem(value);
    if (pem !== undefined) {
        (0,secrets/* registerSecret */.cl)(pem);
        return { kind: 'inline', reference: `env://${INLINE_KEY_VARIABLE}`, pem, ...inspectPem(pem, 'key') };
    }
    const scheme = /^([a-z0-9]+):\/\//.exec(value)?.[0];
    if (scheme === 'env://')
        return envKey(value.slice(scheme.length), env);
    if (scheme && KMS_SCHEMES.includes(scheme)) {
        return { kind: 'kms', reference: value, encrypted: false };
    }
    if (scheme) {
        throw new errors/* UserError */.yo(`Input "private-key" uses the unknown scheme "${scheme}": use a file path, env://NAME, or one of ${KMS_SCHEMES.join(', ')}.`);
    }
    const file = external_node_path_.resolve(workspace, value);
    // A bare NAME that is no file but is set in the environment is that variable, as in `key: COSIGN_KEY`.
    if (!(0,external_node_fs_.existsSync)(file) && ENV_NAME.test(value) && env[value] !== undefined)
        return envKey(value, env);
    return fileKey(value, file);
}
/** The PEM a base64 text decodes to, if it is one. */
function decodedPem(value) {
    if (!BASE64_TEXT.test(value))
        return undefined;
    const decoded = Buffer.from(value.replace(/\s+/g, ''), 'base64').toString('utf8');
    return PEM_LABEL.test(decoded) ? decoded : undefined;
}
function envKey(variable, env) {
    if (!ENV_NAME.test(variable))
        throw new errors/* UserError */.yo(`"${variable}" in input "private-key" is not an environment variable name.`);
    const value = env[variable];
    if (!value)
        throw new errors/* UserError */.yo(`Input "private-key" names the environment variable ${variable}, which is not set or is empty.`);
    (0,secrets/* registerSecret */.cl)(value);
    const pem = PEM_LABEL.test(value) ? value : (decodedPem(value) ?? value);
    (0,secrets/* registerSecret */.cl)(pem);
    return {
        kind: 'env',
        reference: `env://${variable}`,
        variable,
        ...inspectPem(pem, `environment variable ${variable}`),
    };
}
function fileKey(value, file) {
    let text;
    try {
        if ((0,external_node_fs_.statSync)(file).size > MAX_KEY_BYTES)
            throw new errors/* UserError */.yo('The key file input "private-key" names is too large to be a key.');
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo)
            throw error;
        // The value is not quoted: it may be a key in a shape this action does not know, and it is masked anyway.
        throw new errors/* UserError */.yo(`Input "private-key" is no PEM key, no base64 of one, no env://NAME and no KMS URI, and no readable key file ` +
            `(${error.code ?? error}).`);
    }
    (0,secrets/* registerSecret */.cl)(text);
    return { kind: 'file', reference: file, path: file, ...inspectPem(text, `key file ${value}`) };
}
/** Reads the PEM label: only cosign's own (always encrypted) private-key formats can sign. */
function inspectPem(text, where) {
    const label = PEM_LABEL.exec(text)?.[1];
    if (label === undefined)
        throw new errors/* UserError */.yo(`The ${where} holds no PEM block; expected a cosign private key.`);
    if (COSIGN_KEY_LABELS.includes(label))
        return { encrypted: true };
    if (label.includes('PUBLIC KEY')) {
        throw new errors/* UserError */.yo(`The ${where} is a public key ("${label}"); signing needs the private key.`);
    }
    throw new errors/* UserError */.yo(`The ${where} is a "${label}" PEM, not a cosign key; convert it with "cosign import-key-pair --key <file>".`);
}
/** Whether cosign will find a password: the input, or COSIGN_PASSWORD already set for the job (possibly empty). */
function requirePasswordIfNeeded(key, password, env) {
    if (!key.encrypted || password !== undefined || env.COSIGN_PASSWORD !== undefined)
        return;
    throw new errors/* UserError */.yo(`The key ${describeKey(key)} is encrypted and needs its password: set input "private-key-password" (or COSIGN_PASSWORD in env for a key with an empty password).`);
}
/** How to name a key in a message without its contents. */
function describeKey(key) {
    if (key.kind === 'inline')
        return 'given inline';
    if (key.kind === 'env')
        return `in ${key.variable}`;
    return key.reference;
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/cosign/signing-method.js

const SIGNING_MODES = ['keyless', 'key'];
const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';
/** Keyless: cosign trades the job's OIDC token for a Fulcio certificate naming the workflow. */
class KeylessSigning {
    identity;
    issuer;
    mode = 'keyless';
    constructor(
    /** The certificate's SAN: `https://github.com/<owner>/<repo>/<workflow path>@<ref>`. */
    identity, issuer = GITHUB_OIDC_ISSUER) {
        this.identity = identity;
        this.issuer = issuer;
    }
    signArgs() {
        return [];
    }
    env() {
        return {};
    }
    async signerCheck() {
        const args = ['--certificate-identity', this.identity, '--certificate-oidc-issuer', this.issuer];
        return { args, pasteArgs: args };
    }
    describe() {
        return `keyless, as ${this.identity} (issuer ${this.issuer})`;
    }
}
/** A cosign key pair: a file, a variable, inline PEM, or a KMS key. */
class KeySigning {
    key;
    password;
    publicKey;
    mode = 'key';
    constructor(key, password, 
    /** The public key to verify with, as the user gave it (a file or KMS URI); derived when absent. */
    publicKey) {
        this.key = key;
        this.password = password;
        this.publicKey = publicKey;
    }
    signArgs() {
        return ['--key', this.key.reference];
    }
    env() {
        return {
            ...(this.key.kind === 'inline' ? { [INLINE_KEY_VARIABLE]: this.key.pem } : {}),
            ...(this.password !== undefined ? { COSIGN_PASSWORD: this.password } : {}),
        };
    }
    async signerCheck(derivePublicKey) {
        if (this.publicKey) {
            return { args: ['--key', this.publicKey.reference], pasteArgs: ['--key', this.publicKey.asWritten] };
        }
        // A KMS key verifies by the same URI: cosign fetches its public half.
        if (this.key.kind === 'kms')
            return { args: ['--key', this.key.reference], pasteArgs: ['--key', this.key.reference] };
        const derived = await derivePublicKey(this);
        return { args: ['--key', derived.file], pasteArgs: ['--key', 'cosign.pub'], publicKeyPem: derived.pem };
    }
    describe() {
        return `key ${describeKey(this.key)}`;
    }
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/image-ref.js
var image_ref = __webpack_require__(83977);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/provenance/defaults.js
var defaults = __webpack_require__(68502);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/tool-versions.js
var tool_versions = __webpack_require__(89228);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/regexp.js
var regexp = __webpack_require__(49419);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/api-url.js
var api_url = __webpack_require__(63086);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/repository.js
var repository = __webpack_require__(14548);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/cosign-sign/settings.js















const INPUTS = {
    imageRef: 'image-ref',
    method: 'method',
    privateKey: 'private-key',
    privateKeyPassword: 'private-key-password',
    publicKey: 'public-key',
    annotations: 'annotations',
    attest: 'attest',
    signatureFormat: 'signature-format',
    cosignVersion: 'cosign-version',
    cosignSha256: 'cosign-sha256',
    verify: 'verify',
    certificateIdentity: 'certificate-identity',
    certificateOidcIssuer: 'certificate-oidc-issuer',
    provenance: 'provenance',
    attestProvenance: 'attest-provenance',
    verifyProvenance: 'verify-provenance',
    provenanceIdentity: 'provenance-identity',
    provenanceAllowedRefs: 'provenance-allowed-refs',
    provenanceTagFallback: 'provenance-tag-fallback',
    fulcioUrl: 'fulcio-url',
    rekorUrl: 'rekor-url',
    githubAttestation: 'github-attestation',
    githubToken: 'github-token',
    githubApiUrl: 'github-api-url',
};
const OUTPUTS = {
    signatureRef: 'signature-ref',
    bundlePath: 'bundle-path',
    verifyCommand: 'verify-command',
    provenanceRef: 'provenance-ref',
    admissionPolicy: 'admission-policy',
    githubAttestationId: 'github-attestation-id',
};
function isVerifyOnly(settings) {
    return 'policy' in settings;
}
const METHODS = [...SIGNING_MODES, 'verify-only'];
// What only signing reads: set with verify-only, it is a mistake, not something to ignore silently. (Inputs with a
// default in action.yml, fulcio-url and rekor-url among them, always arrive set from a runner, so they are not here.)
const SIGNING_ONLY_INPUTS = [
    INPUTS.privateKey,
    INPUTS.privateKeyPassword,
    INPUTS.publicKey,
    INPUTS.annotations,
    INPUTS.certificateIdentity,
    INPUTS.provenance,
];
/** Every check that needs no network: a bad input fails here, before cosign is installed or anything is signed. */
function readCosignSignSettings(inputs, host) {
    const { workspace } = host;
    // First, whatever their shape (a path, PEM, base64 of a PEM, a variable name), so no later line can show them.
    const password = inputs.optional(INPUTS.privateKeyPassword);
    (0,secrets/* registerSecret */.cl)(password);
    (0,secrets/* registerSecret */.cl)(inputs.optional(INPUTS.privateKey));
    const image = readImage(inputs.required(INPUTS.imageRef));
    const digest = image.digest;
    const method = inputs.choice(INPUTS.method, METHODS, inputs.optional(INPUTS.privateKey) ? 'key' : 'keyless');
    if (method === 'verify-only')
        return readVerifyOnly(inputs, image, host.context);
    const version = inputs.optional(INPUTS.cosignVersion) ?? tool_versions/* RELEASES */.pH.cosign.defaultVersion;
    const warnings = [];
    const signing = readSigningMethod(inputs, method, password, workspace, host);
    return {
        image,
        signing,
        format: signatureFormat(inputs.choice(INPUTS.signatureFormat, SIGNATURE_FORMATS, 'bundle'), parseVersion(version)),
        annotations: inputs.lines(INPUTS.annotations).map(readAnnotation),
        attestations: readAttest(inputs).map((file) => (0,attestation/* readAttestationSource */.E)(file, workspace, digest, (message) => warnings.push(message))),
        cosign: { version, ...optional('sha256', inputs.optional(INPUTS.cosignSha256)) },
        verify: inputs.boolean(INPUTS.verify, true),
        provenance: readProvenance(inputs, digest, signing, password, host),
        warnings,
    };
}
function readProvenance(inputs, digest, signing, password, host) {
    const { env, context } = host;
    const tagFallback = inputs.boolean(INPUTS.provenanceTagFallback, true);
    const attest = inputs.boolean(INPUTS.attestProvenance, false);
    const verify = inputs.boolean(INPUTS.verifyProvenance, false);
    const text = inputs.optional(INPUTS.provenance);
    if (attest && !text) {
        throw new errors/* UserError */.yo(`Input "${INPUTS.attestProvenance}" needs input "${INPUTS.provenance}": the predicate build-multistage outputs as provenance.`);
    }
    return {
        tagFallback,
        ...(attest && text
            ? { attest: { predicate: readPredicate(text), signing: readProvenanceSigning(inputs, signing, password, env) } }
            : {}),
        ...(verify ? { verify: readProvenancePolicy(inputs, digest, context) } : {}),
        ...(inputs.boolean(INPUTS.githubAttestation, false)
            ? { githubAttestation: readGitHubAttestation(inputs, attest, host) }
            : {}),
    };
}
/** Where the provenance is recorded besides the registry: the run's repository, with a token that may write there. */
function readGitHubAttestation(inputs, attest, { env, context }) {
    if (!attest) {
        throw new errors/* UserError */.yo(`Input "${INPUTS.githubAttestation}" records the provenance this step signs: set "${INPUTS.attestProvenance}" to true.`);
    }
    const token = inputs.optional(INPUTS.githubToken);
    (0,secrets/* registerSecret */.cl)(token);
    if (!token) {
        throw new errors/* UserError */.yo(`Input "${INPUTS.githubAttestation}" needs "${INPUTS.githubToken}": a token with attestations: write on the repository.`);
    }
    if (!context.repository) {
        throw new errors/* UserError */.yo(`GITHUB_REPOSITORY is not set, so there is no repository to record the attestation in.`);
    }
    return {
        repository: (0,repository/* parseRepositoryName */.$M)(context.repository, 'GITHUB_REPOSITORY'),
        token,
        apiUrl: (0,api_url/* readGitHubApiUrl */.p)(inputs, INPUTS.githubApiUrl, env),
    };
}
function readPredicate(text) {
    let predicate;
    try {
        predicate = JSON.parse(text);
    }
    catch {
        throw new errors/* UserError */.yo(`Input "${INPUTS.provenance}" is not JSON: pass build-multistage's provenance output as it is.`);
    }
    if (typeof predicate?.runDetails?.builder?.id !== 'string' || !predicate.buildDefinition?.buildType) {
        throw new errors/* UserError */.yo(`Input "${INPUTS.provenance}" is not a SLSA provenance v1 predicate (no buildDefinition.buildType or runDetails.builder.id).`);
    }
    return predicate;
}
/** The same signer as the image signature: the job's OIDC token, or the key when it is PEM the runner can read. */
function readProvenanceSigning(inputs, signing, password, env) {
    const urls = {
        ...optional('fulcioUrl', inputs.optional(INPUTS.fulcioUrl)),
        ...optional('rekorUrl', inputs.optional(INPUTS.rekorUrl)),
    };
    if (!(signing instanceof KeySigning))
        return { method: 'keyless', ...urls };
    const key = signing.key;
    const pem = key.kind === 'inline'
        ? key.pem
        : key.kind === 'env'
            ? env[key.variable]
            : key.kind === 'file'
                ? (0,external_node_fs_.readFileSync)(key.path, 'utf8')
                : undefined;
    if (!pem) {
        throw new errors/* UserError */.yo(`Input "${INPUTS.attestProvenance}" signs with sigstore-js, which cannot use the KMS key ${key.reference}: sign keylessly or with a PEM key.`);
    }
    return {
        method: 'key',
        privateKeyPem: pem,
        ...optional('passphrase', password),
        ...optional('rekorUrl', urls.rekorUrl),
    };
}
/** The default identity: this library's reusable workflows (deliver-pull, deliver-push) at any ref. */
function readProvenancePolicy(inputs, digest, context) {
    const server = context.serverUrl;
    const library = context.actionRepository;
    const identityText = inputs.optional(INPUTS.provenanceIdentity) ??
        (library ? `${(0,regexp/* escapeRegExp */.N)(`${server}/${library}/.github/workflows/`)}deliver-(pull|push)\\.yml@.+` : undefined);
    if (!identityText) {
        throw new errors/* UserError */.yo(`GITHUB_ACTION_REPOSITORY is not set, so the expected builder is unknown: set input "${INPUTS.provenanceIdentity}".`);
    }
    if (!context.repository) {
        throw new errors/* UserError */.yo(`GITHUB_REPOSITORY is not set, so the caller's repository is unknown: run on GitHub Actions.`);
    }
    return {
        digest,
        identity: (0,regexp/* userRegExp */.$)(identityText, INPUTS.provenanceIdentity),
        issuer: inputs.string(INPUTS.certificateOidcIssuer, GITHUB_OIDC_ISSUER),
        repository: `${server}/${context.repository}`,
        allowedRef: (0,regexp/* userRegExp */.$)(inputs.string(INPUTS.provenanceAllowedRefs, defaults/* DEFAULT_ALLOWED_REFS */.S), INPUTS.provenanceAllowedRefs),
    };
}
function readImage(text) {
    const image = image_ref/* ImageRef */.ji.parse(text, INPUTS.imageRef);
    if (image.digest)
        return image_ref/* ImageRef */.ji.parse(image.withVersion({ digest: image.digest }));
    throw new errors/* UserError */.yo(`Input "${INPUTS.imageRef}" must be pinned by digest (${image.spelledName}@sha256:...), not ${image.tag ? `the tag "${image.tag}"` : 'a bare name'}: a tag can move between the scan and the signature, so the image signed may not be the image scanned. Use the digest your push step printed.`);
}
function parseVersion(version) {
    try {
        return cosign_version/* CosignVersion */.E.parse(version);
    }
    catch {
        throw new errors/* UserError */.yo(`Input "${INPUTS.cosignVersion}" must be a cosign version like ${tool_versions/* RELEASES */.pH.cosign.defaultVersion}, got "${version}".`);
    }
}
function readVerifyOnly(inputs, image, context) {
    const signingInput = SIGNING_ONLY_INPUTS.find((name) => inputs.optional(name) !== undefined);
    if (signingInput) {
        throw new errors/* UserError */.yo(`Input "${signingInput}" is for signing, and ${INPUTS.method}: verify-only signs nothing.`);
    }
    if (readAttest(inputs).length > 0 || inputs.boolean(INPUTS.attestProvenance, false)) {
        throw new errors/* UserError */.yo(`Inputs "${INPUTS.attest}" and "${INPUTS.attestProvenance}" sign attestations, and ${INPUTS.method}: verify-only signs nothing.`);
    }
    if (inputs.boolean(INPUTS.githubAttestation, false)) {
        throw new errors/* UserError */.yo(`Input "${INPUTS.githubAttestation}" records a provenance this step signs, and ${INPUTS.method}: verify-only signs nothing.`);
    }
    if (!inputs.boolean(INPUTS.verifyProvenance, false)) {
        throw new errors/* UserError */.yo(`${INPUTS.method}: verify-only checks the provenance: set "${INPUTS.verifyProvenance}" to true.`);
    }
    return { image, policy: readProvenancePolicy(inputs, image.digest, context) };
}
function readSigningMethod(inputs, mode, password, workspace, { env, context }) {
    const keyInput = inputs.optional(INPUTS.privateKey);
    if (mode === 'keyless') {
        for (const name of [INPUTS.privateKey, INPUTS.privateKeyPassword, INPUTS.publicKey]) {
            if (inputs.optional(name))
                throw new errors/* UserError */.yo(`Input "${name}" is for ${INPUTS.method}: key; remove it or set ${INPUTS.method}: key.`);
        }
        return readKeyless(inputs, env, context);
    }
    if (!keyInput) {
        throw new errors/* UserError */.yo(`${INPUTS.method}: key needs input "${INPUTS.privateKey}": a key file, env://NAME, or a KMS URI.`);
    }
    const key = readSigningKey(keyInput, workspace, env);
    requirePasswordIfNeeded(key, password, env);
    return new KeySigning(key, password, readPublicKey(inputs, workspace));
}
/** Keyless needs the job's OIDC token; without `id-token: write` the runner gives none and cosign would fail late. */
function readKeyless(inputs, env, context) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new errors/* UserError */.yo('Keyless signing needs the job permission "id-token: write", which this job lacks: add "permissions: id-token: write" to the job, or sign with method: key.');
    }
    const issuer = inputs.string(INPUTS.certificateOidcIssuer, GITHUB_OIDC_ISSUER);
    const identity = inputs.optional(INPUTS.certificateIdentity);
    if (identity)
        return new KeylessSigning(identity, issuer);
    if (!context.workflowRef) {
        throw new errors/* UserError */.yo(`GITHUB_WORKFLOW_REF is not set, so the signer identity is unknown: set input "${INPUTS.certificateIdentity}".`);
    }
    // Fulcio names the workflow file and ref that ran, e.g. https://github.com/acme/api/.github/workflows/ci.yml@refs/heads/main.
    return new KeylessSigning(`${context.serverUrl}/${context.workflowRef}`, issuer);
}
function readPublicKey(inputs, workspace) {
    const value = inputs.optional(INPUTS.publicKey);
    if (!value)
        return undefined;
    if (KMS_SCHEMES.some((scheme) => value.startsWith(scheme)))
        return { reference: value, asWritten: value };
    const file = external_node_path_.resolve(workspace, value);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* UserError */.yo(`The public key file "${value}" (input "${INPUTS.publicKey}") does not exist.`);
    return { reference: file, asWritten: value };
}
function readAnnotation(line) {
    if (!/^[^=\s]+=/.test(line)) {
        throw new errors/* UserError */.yo(`Annotation "${line}" in input "${INPUTS.annotations}" must be key=value, one per line.`);
    }
    return line;
}
function readAttest(inputs) {
    const files = inputs.list(INPUTS.attest);
    return files.length === 1 && files[0] === 'none' ? [] : files;
}
function optional(name, value) {
    return value === undefined ? {} : { [name]: value };
}


/***/ }),

/***/ 43462:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deliver: () => (/* binding */ deliver)
});

// EXTERNAL MODULE: ./tmp/ncc-input/node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(92202);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/host.js + 2 modules
var actions_host = __webpack_require__(5448);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/build-multistage/post.js
var post = __webpack_require__(17679);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/build-multistage/settings.js
var settings = __webpack_require__(66712);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/build-multistage/step.js



// The run module loads once the inputs are valid: a bad input fails before @actions/core and the builders parse.
const buildMultistageStep = (0,actions_host/* defineStep */.ol)({
    inputs: Object.values(settings/* INPUTS */.mc),
    read: (inputs, host) => (0,settings/* readBuildMultistageSettings */.F5)(inputs, host.workspace),
    run: async (settings, host) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(314), __webpack_require__.e(852), __webpack_require__.e(768)]).then(__webpack_require__.bind(__webpack_require__, 70387))).buildMultistage(settings, host);
    },
    // The backstop for a main step killed before it could remove the folder that held the build secrets.
    post: async (state, host) => {
        await (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 17679))).removeScratchFolder(state(post.STATE.scratchFolder), host.tempDir);
    },
});

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/bump-manifest/settings.js
var bump_manifest_settings = __webpack_require__(3234);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/bump-manifest/step.js


// The run module loads once the inputs are valid: a bad input fails before @actions/core, YAML and diff code parse.
const bumpManifestStep = (0,actions_host/* defineStep */.ol)({
    inputs: Object.values(bump_manifest_settings/* INPUTS */.mc),
    read: (inputs, host) => (0,bump_manifest_settings/* readBumpManifestSettings */.hw)(inputs, host.workspace),
    run: async (settings, host) => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(291), __webpack_require__.e(688), __webpack_require__.e(387)]).then(__webpack_require__.bind(__webpack_require__, 20387))).bumpManifest(settings, host),
});

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/cosign-sign/settings.js + 3 modules
var cosign_sign_settings = __webpack_require__(13279);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/cosign-sign/step.js


// The run module loads once the inputs are valid: a bad input fails before @actions/core and the installer parse.
const cosignSignStep = (0,actions_host/* defineStep */.ol)({
    inputs: Object.values(cosign_sign_settings/* INPUTS */.mc),
    read: (inputs, host) => (0,cosign_sign_settings/* readCosignSignSettings */.Io)(inputs, host),
    run: async (settings, host) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(119), __webpack_require__.e(118), __webpack_require__.e(805), __webpack_require__.e(878), __webpack_require__.e(816), __webpack_require__.e(314), __webpack_require__.e(852), __webpack_require__.e(577)]).then(__webpack_require__.bind(__webpack_require__, 41577))).cosignSign(settings, host);
    },
});

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/kubectl-apply/settings.js
var kubectl_apply_settings = __webpack_require__(49909);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/kubectl-apply/step.js


// The run module loads once the inputs are valid: a bad input fails before @actions/core, YAML, diff and the
// installer parse.
const kubectlApplyStep = (0,actions_host/* defineStep */.ol)({
    inputs: Object.values(kubectl_apply_settings/* INPUTS */.mc),
    read: (inputs, host) => (0,kubectl_apply_settings/* readKubectlApplySettings */["in"])(inputs, host.workspace),
    preflight: async (settings) => {
        const { Kubeconfig } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(14)]).then(__webpack_require__.bind(__webpack_require__, 49014));
        if (settings.kubeconfig)
            Kubeconfig.parse(settings.kubeconfig, kubectl_apply_settings/* INPUTS */.mc.kubeconfig, settings.context);
        const { resolveYamlFiles } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 82077));
        await resolveYamlFiles(settings.manifests, settings.workingDirectory);
    },
    run: async (settings, host) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(119), __webpack_require__.e(118), __webpack_require__.e(805), __webpack_require__.e(291), __webpack_require__.e(314), __webpack_require__.e(688), __webpack_require__.e(54), __webpack_require__.e(982)]).then(__webpack_require__.bind(__webpack_require__, 84982))).kubectlApply(settings, host);
    },
    // The kubeconfig the run wrote is deleted whether it succeeded, failed or was cancelled.
    post: async (state) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(418)]).then(__webpack_require__.bind(__webpack_require__, 60418))).removeKubeconfig(state(kubectl_apply_settings/* STATE */.c4.kubeconfigFile));
    },
});

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/settings.js + 2 modules
var open_gitops_pr_settings = __webpack_require__(37862);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/step.js


// The run module loads once the inputs are valid: a bad input fails before @actions/core, Octokit, YAML and git code.
const openGitopsPrStep = (0,actions_host/* defineStep */.ol)({
    inputs: Object.values(open_gitops_pr_settings/* INPUTS */.mc),
    read: (inputs, host) => (0,open_gitops_pr_settings/* readOpenGitopsPrSettings */.CT)(inputs, host),
    run: async (settings, host) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(119), __webpack_require__.e(239), __webpack_require__.e(314), __webpack_require__.e(688), __webpack_require__.e(890)]).then(__webpack_require__.bind(__webpack_require__, 53890))).openGitopsPr(settings, host);
    },
});

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/trivy-scan/settings.js + 1 modules
var trivy_scan_settings = __webpack_require__(55815);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/trivy-scan/step.js


// The run module loads once the inputs are valid: a bad input fails before @actions/core, the installer and YAML parse.
const trivyScanStep = (0,actions_host/* defineStep */.ol)({
    inputs: Object.values(trivy_scan_settings/* INPUTS */.mc),
    read: (inputs, host) => (0,trivy_scan_settings/* readTrivyScanSettings */.Dm)(inputs, host.workspace),
    run: async (settings, host) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(119), __webpack_require__.e(118), __webpack_require__.e(805), __webpack_require__.e(314), __webpack_require__.e(6)]).then(__webpack_require__.bind(__webpack_require__, 99006))).trivyScan(settings, host);
    },
});

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/wait-for-sync/settings.js
var wait_for_sync_settings = __webpack_require__(84043);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/wait-for-sync/step.js


// The run module loads once the inputs are valid: a bad input fails before @actions/core, Octokit and kubectl code.
const waitForSyncStep = (0,actions_host/* defineStep */.ol)({
    inputs: Object.values(wait_for_sync_settings/* INPUTS */.mc),
    read: (inputs, host) => (0,wait_for_sync_settings/* readWaitForSyncSettings */.nl)(inputs, host),
    preflight: async (settings) => {
        const { Kubeconfig } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(14)]).then(__webpack_require__.bind(__webpack_require__, 49014));
        if (settings.kubeconfig)
            Kubeconfig.parse(settings.kubeconfig, wait_for_sync_settings/* INPUTS */.mc.kubeconfig, settings.kubeContext);
    },
    run: async (settings, host) => {
        await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(119), __webpack_require__.e(118), __webpack_require__.e(805), __webpack_require__.e(239), __webpack_require__.e(314), __webpack_require__.e(54), __webpack_require__.e(699)]).then(__webpack_require__.bind(__webpack_require__, 28699))).waitForSyncAction(settings, host);
    },
});

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/steps.js








/** Every step the CLI and deliver can run in one process, each wired as its own action's bundle wires it. */
const STEPS = {
    'build-multistage': buildMultistageStep,
    'trivy-scan': trivyScanStep,
    'cosign-sign': cosignSignStep,
    'bump-manifest': bumpManifestStep,
    'open-gitops-pr': openGitopsPrStep,
    'kubectl-apply': kubectlApplyStep,
    'wait-for-sync': waitForSyncStep,
};
function isStepName(name) {
    return Object.hasOwn(STEPS, name);
}
/** Checks a step's inputs (and runs its preflight) without running it. */
async function checkStep(name, inputs, host) {
    await (0,actions_host/* checkStepDefinition */.Cw)(STEPS[name], inputs, host);
}
async function runStep(name, inputs, host) {
    await (0,actions_host/* runStepDefinition */.LH)(STEPS[name], inputs, host);
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/vocabulary.js
var vocabulary = __webpack_require__(76252);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/deliver/settings.js
var deliver_settings = __webpack_require__(70955);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/deliver/chain.js
var chain = __webpack_require__(41397);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/deliver/run.js






/**
 * Runs the whole chain in this process: build, scan, sign, then apply (push) or the GitOps pull request (pull).
 * Every step's inputs are checked before the build starts; each later step gets the image by digest only, and a
 * failing scan gate or signature verification stops the chain before the hand-off. Every output of every step is
 * published under its name in the vocabulary (scan-counts, gitops-commit-sha).
 */
async function deliver(settings, host) {
    const { inputs } = settings;
    const placeholders = (0,deliver_settings/* placeholderOutputs */.gJ)(inputs);
    for (const step of settings.chain) {
        await inStepNames(step, () => checkStep(step.name, (0,deliver_settings/* stepInputs */.af)(step, inputs, placeholders), host));
    }
    const outputs = new Map();
    for (const step of settings.chain) {
        // As soon as it is known: a failed gate's counts and a rolled-back apply's status are what users look at.
        const publish = (name, value) => host.setOutput((0,vocabulary/* rootName */.SX)(step.name, name), value);
        try {
            await runChainStep(step, `deliver (${settings.mode})`, { inputs, host, outputs, publish });
        }
        catch (error) {
            if (step.name === 'wait-for-sync' && settings.revert.length > 0) {
                await revertIfBroken(settings.revert, error, { inputs, host, outputs, publish });
            }
            throw error;
        }
        if (step.name === 'build-multistage' && !outputs.get(step.name)?.get('image-ref')) {
            throw new errors/* UserError */.yo('The build pushed no digest, so nothing can be scanned, signed or delivered.');
        }
    }
}
async function runChainStep(step, group, run) {
    const stepOutputs = new Map();
    run.outputs.set(step.name, stepOutputs);
    const record = (name, value) => {
        stepOutputs.set(name, value);
        run.publish(name, value);
    };
    core/* startGroup */.Oh(`${group}: ${step.name}`);
    try {
        await inStepNames(step, () => runStep(step.name, (0,deliver_settings/* stepInputs */.af)(step, run.inputs, run.outputs), { ...run.host, setOutput: record }));
    }
    finally {
        core/* endGroup */.N4();
    }
}
/**
 * After a wait that ended degraded or failed: reverts the hand-off commit the GitOps way and waits for the revert,
 * then fails the delivery with sync-status rolled-back. The revert's own outputs are not published: the outputs
 * keep describing the hand-off.
 */
async function revertIfBroken(steps, failure, run) {
    const wait = run.outputs.get('wait-for-sync');
    const status = wait?.get('status') ?? '';
    const revision = wait?.get('revision') ?? '';
    if (!chain/* REVERTED_STATUSES */["do"].includes(status) || revision === '')
        return;
    core/* warning */.$e(`The agent ran ${revision.slice(0, 12)} and reported ${status}: reverting it (revert-on-failure).`);
    for (const step of steps)
        await runChainStep(step, 'deliver (revert)', { ...run, publish: () => undefined });
    run.publish('status', 'rolled-back');
    const reverted = run.outputs.get('open-gitops-pr')?.get('commit-sha') ?? '';
    throw new errors/* UserError */.yo(`${(0,errors/* errorMessage */.gJ)(failure)} The hand-off ${revision.slice(0, 12)} was reverted` +
        `${reverted ? ` by ${reverted.slice(0, 12)}` : ''} and the revert is live (sync-status rolled-back).`);
}
/** Runs a step so that its user mistakes name deliver's inputs, as the user wrote them. */
async function inStepNames(step, run) {
    try {
        await run();
    }
    catch (error) {
        if (!(0,errors/* isUserError */.iU)(error))
            throw error;
        throw new errors/* UserError */.yo((0,deliver_settings/* inUserNames */.df)(error.message, step.name, STEPS[step.name].inputs), error.location);
    }
}


/***/ }),

/***/ 49909:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c4: () => (/* binding */ STATE),
/* harmony export */   "in": () => (/* binding */ readKubectlApplySettings),
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   py: () => (/* binding */ OUTPUTS)
/* harmony export */ });
/* unused harmony exports DRY_RUNS, DEFAULT_FIELD_MANAGER, DEFAULT_TIMEOUT_SECONDS */
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80178);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5685);
/* harmony import */ var _core_image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83977);
/* harmony import */ var _core_kubernetes_renderers_choose_renderer_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65595);




const INPUTS = {
    manifests: 'manifests',
    renderer: 'renderer',
    helmValues: 'helm-values',
    helmRelease: 'helm-release',
    namespace: 'namespace',
    createNamespace: 'create-namespace',
    kubeconfig: 'kubeconfig',
    kubeContext: 'kube-context',
    imageRefs: 'image-refs',
    serverSide: 'server-side',
    fieldManager: 'field-manager',
    forceConflicts: 'force-conflicts',
    prune: 'prune',
    applySet: 'apply-set',
    dryRunStrategy: 'dry-run-strategy',
    wait: 'wait',
    timeout: 'timeout',
    rollbackOnFailure: 'rollback-on-failure',
    kubectlVersion: 'kubectl-version',
    kubectlSha256: 'kubectl-sha256',
    workingDirectory: 'working-directory',
};
const OUTPUTS = {
    objects: 'objects',
    objectsJson: 'objects-json',
    status: 'status',
    rolledBack: 'rolled-back',
    diff: 'diff',
};
/** Saved by the main step for the post step, which removes the kubeconfig whatever happened. */
const STATE = {
    kubeconfigFile: 'kubectl-apply-kubeconfig-file',
};
const DRY_RUNS = ['none', 'server', 'client'];
const DEFAULT_FIELD_MANAGER = 'gitops-delivery-actions';
const DEFAULT_TIMEOUT_SECONDS = 300;
// A label value: at most 63 characters, alphanumeric at both ends, '-', '_' and '.' inside.
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
function readKubectlApplySettings(inputs, workspace) {
    const manifests = inputs.list(INPUTS.manifests);
    if (manifests.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.manifests}" is required: name files, directories, a kustomization or a Helm chart.`);
    }
    const namespace = inputs.optional(INPUTS.namespace);
    if (namespace !== undefined && !DNS_LABEL.test(namespace)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.namespace}" must be a DNS label (lowercase letters, digits, '-'), got "${namespace}".`);
    }
    const applySet = inputs.optional(INPUTS.applySet);
    if (applySet !== undefined && !LABEL_VALUE.test(applySet)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.applySet}" must be a label value (1-63 letters, digits, '-', '_', '.'), got "${applySet}".`);
    }
    const prune = inputs.boolean(INPUTS.prune, false);
    if (prune && !applySet) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.prune}" needs "${INPUTS.applySet}": the name that scopes what prune may delete.`);
    }
    const serverSide = inputs.boolean(INPUTS.serverSide, true);
    const dryRun = inputs.choice(INPUTS.dryRunStrategy, DRY_RUNS, 'none');
    const fieldManager = inputs.string(INPUTS.fieldManager, DEFAULT_FIELD_MANAGER);
    if (!/^[\w.:-]{1,128}$/.test(fieldManager)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.fieldManager}" must be 1-128 letters, digits, '.', ':', '_' or '-', got "${fieldManager}".`);
    }
    return {
        manifests,
        renderer: inputs.choice(INPUTS.renderer, _core_kubernetes_renderers_choose_renderer_js__WEBPACK_IMPORTED_MODULE_3__/* .RENDERER_CHOICES */ .R, 'auto'),
        helmValues: inputs.list(INPUTS.helmValues),
        helmRelease: inputs.optional(INPUTS.helmRelease),
        namespace,
        createNamespace: inputs.boolean(INPUTS.createNamespace, false),
        kubeconfig: inputs.optional(INPUTS.kubeconfig),
        context: inputs.optional(INPUTS.kubeContext),
        images: readImages(inputs),
        serverSide,
        fieldManager,
        forceConflicts: inputs.boolean(INPUTS.forceConflicts, false),
        applySet,
        prune,
        dryRun,
        wait: inputs.boolean(INPUTS.wait, true),
        timeoutSeconds: (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(inputs.string(INPUTS.timeout, '5m'), INPUTS.timeout),
        rollbackOnFailure: inputs.boolean(INPUTS.rollbackOnFailure, true),
        kubectlVersion: inputs.optional(INPUTS.kubectlVersion),
        kubectlSha256: inputs.optional(INPUTS.kubectlSha256),
        workingDirectory: inputs.path(INPUTS.workingDirectory, workspace),
    };
}
function readImages(inputs) {
    return inputs.list(INPUTS.imageRefs).map((text) => {
        const image = _core_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .ImageRef */ .ji.parse(text, `image in "${INPUTS.imageRefs}"`);
        if (!image.tag && !image.digest) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Image "${text}" in "${INPUTS.imageRefs}" must carry a tag or a digest, e.g. ${text}@sha256:...`);
        }
        return image;
    });
}


/***/ }),

/***/ 37862:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mc: () => (/* binding */ INPUTS),
  py: () => (/* binding */ OUTPUTS),
  CT: () => (/* binding */ readOpenGitopsPrSettings)
});

// UNUSED EXPORTS: DELIVERY_MODES

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/bump/read-target.js
var read_target = __webpack_require__(58895);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/api-url.js
var api_url = __webpack_require__(63086);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/names.js
var names = __webpack_require__(74714);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/github/repository.js
var repository = __webpack_require__(14548);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/git/identity.js

/** The identity GitHub shows as github-actions[bot]. */
const GITHUB_ACTIONS_BOT = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
};
const NAME_AND_EMAIL = /^([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>$/;
/** Parses `Name <email>`, as git writes it; `what` names the input in the error. */
function parseIdentity(text, what) {
    const match = NAME_AND_EMAIL.exec(text.trim());
    if (!match)
        throw new errors/* UserError */.yo(`Input "${what}" must look like "Name <email@example.com>", got "${text}".`);
    return { name: match[1], email: match[2] };
}

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(41877);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/templates.js

/** The names a title, body or commit-message template may use, as `{{ name }}`. */
const PLACEHOLDERS = [
    'image-ref',
    'image-name',
    'tag',
    'digest',
    'version',
    'manifests',
    'files',
    'changes',
    'repository',
    'base',
    'branch',
    'source-commit',
    'run-url',
    'evidence',
];
const PLACEHOLDER = /\{\{\s*([a-z-]+)\s*\}\}/g;
/** User text with `{{ name }}` placeholders, checked when read so that a typo fails before anything is cloned. */
class MessageTemplate {
    text;
    constructor(text) {
        this.text = text;
    }
    static parse(text, input) {
        for (const [, name] of text.matchAll(PLACEHOLDER)) {
            if (!PLACEHOLDERS.includes(name)) {
                throw new errors/* UserError */.yo(`Input "${input}" uses {{ ${name} }}, which is not one of: ${PLACEHOLDERS.map((p) => `{{ ${p} }}`).join(', ')}.`);
            }
        }
        return new MessageTemplate(text);
    }
    render(values) {
        return this.text.replace(PLACEHOLDER, (_, name) => values[name]);
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/open-gitops-pr/settings.js









const INPUTS = {
    repository: 'repository',
    token: 'token',
    base: 'base',
    branch: 'branch',
    ...read_target/* BUMP_TARGET_INPUTS */.F,
    manifests: 'manifests',
    publishMethod: 'publish-method',
    pullRequestTitle: 'pull-request-title',
    pullRequestBody: 'pull-request-body',
    evidence: 'evidence',
    pullRequestLabels: 'pull-request-labels',
    pullRequestReviewers: 'pull-request-reviewers',
    pullRequestTeamReviewers: 'pull-request-team-reviewers',
    pullRequestAssignees: 'pull-request-assignees',
    pullRequestDraft: 'pull-request-draft',
    autoMerge: 'auto-merge',
    signedCommits: 'signed-commits',
    commitMessage: 'commit-message',
    commitAuthor: 'commit-author',
    githubApiUrl: 'github-api-url',
    failOnNoMatch: 'fail-on-no-match',
    maxAttempts: 'max-attempts',
    revert: 'revert',
};
const OUTPUTS = {
    pullRequestNumber: 'pull-request-number',
    pullRequestUrl: 'pull-request-url',
    operation: 'operation',
    branch: 'branch',
    headSha: 'head-sha',
    commitSha: 'commit-sha',
    revision: 'revision',
    reverted: 'reverted',
};
const DELIVERY_MODES = ['pull-request', 'push'];
const DEFAULT_TITLE = 'Deploy {{ image-name }} {{ version }} to {{ manifests }}';
const DEFAULT_REVERT_TITLE = 'Revert {{ image-name }} {{ version }} in {{ manifests }}';
const DEFAULT_MAX_ATTEMPTS = 10;
/** Reads and checks every input; the repository defaults to the run's own. */
function readOpenGitopsPrSettings(inputs, { env, context }) {
    const token = inputs.required(INPUTS.token);
    (0,secrets/* registerSecret */.cl)(token);
    const repositoryText = inputs.string(INPUTS.repository, context.repository ?? '');
    if (!repositoryText)
        throw new errors/* UserError */.yo(`Input "${INPUTS.repository}" is required outside GitHub Actions.`);
    const target = (0,read_target/* readBumpTarget */.w)(inputs);
    const mode = inputs.choice(INPUTS.publishMethod, DELIVERY_MODES, 'pull-request');
    const signCommits = inputs.boolean(INPUTS.signedCommits, false);
    const authorText = inputs.optional(INPUTS.commitAuthor);
    if (signCommits && authorText) {
        throw new errors/* UserError */.yo(`Inputs "${INPUTS.commitAuthor}" and "${INPUTS.signedCommits}" exclude each other: GitHub signs only commits it authors.`);
    }
    const revert = inputs.optional(INPUTS.revert);
    if (revert !== undefined && !/^[0-9a-f]{40}$/.test(revert)) {
        throw new errors/* UserError */.yo(`Input "${INPUTS.revert}" must be a full 40-hex commit SHA of the manifests repository.`);
    }
    const defaultTitle = revert === undefined ? DEFAULT_TITLE : DEFAULT_REVERT_TITLE;
    const title = MessageTemplate.parse(inputs.string(INPUTS.pullRequestTitle, defaultTitle), INPUTS.pullRequestTitle);
    const body = inputs.optional(INPUTS.pullRequestBody);
    return {
        repository: (0,repository/* parseRepositoryName */.$M)(repositoryText, INPUTS.repository),
        token,
        base: readBranchName(inputs, INPUTS.base),
        branch: readBranchName(inputs, INPUTS.branch),
        target,
        paths: readPaths(inputs),
        mode,
        title,
        body: body === undefined ? undefined : MessageTemplate.parse(body, INPUTS.pullRequestBody),
        commitMessage: inputs.optional(INPUTS.commitMessage)
            ? MessageTemplate.parse(inputs.required(INPUTS.commitMessage), INPUTS.commitMessage)
            : title,
        evidence: readEvidence(inputs),
        extras: {
            draft: inputs.boolean(INPUTS.pullRequestDraft, false),
            labels: inputs.list(INPUTS.pullRequestLabels),
            reviewers: inputs.list(INPUTS.pullRequestReviewers),
            teamReviewers: inputs.list(INPUTS.pullRequestTeamReviewers),
            assignees: inputs.list(INPUTS.pullRequestAssignees),
            autoMerge: inputs.optional(INPUTS.autoMerge)
                ? inputs.choice(INPUTS.autoMerge, names/* MERGE_METHODS */.Y, 'merge')
                : undefined,
        },
        signCommits,
        author: authorText ? parseIdentity(authorText, INPUTS.commitAuthor) : GITHUB_ACTIONS_BOT,
        apiUrl: (0,api_url/* readGitHubApiUrl */.p)(inputs, INPUTS.githubApiUrl, env),
        failOnNoMatch: inputs.boolean(INPUTS.failOnNoMatch, false),
        maxAttempts: inputs.integer(INPUTS.maxAttempts, DEFAULT_MAX_ATTEMPTS),
        ...(revert === undefined ? {} : { revert }),
    };
}
// The parts of git's check-ref-format rules a branch name typed into a workflow can break.
const BAD_BRANCH = /(^[-/.])|([/.]$)|(\.\.)|(\/\/)|(@\{)|(\.lock$)|(\.lock\/)|(\/\.)|[\s~^:?*[\\]|\p{Cc}/u;
function readBranchName(inputs, input) {
    const name = inputs.optional(input)?.replace(/^refs\/heads\//, '');
    if (name !== undefined && (BAD_BRANCH.test(name) || name === '@')) {
        throw new errors/* UserError */.yo(`Input "${input}" is not a valid branch name: "${name}".`);
    }
    return name;
}
/** Paths are relative to the manifests repository's root and may not leave it. */
function readPaths(inputs) {
    const paths = inputs.list(INPUTS.manifests);
    if (paths.length === 0)
        throw new errors/* UserError */.yo(`Input "${INPUTS.manifests}" is required: name files, directories or globs.`);
    for (const item of paths) {
        const normalized = external_node_path_.posix.normalize(item.replace(/\\/g, '/'));
        if (external_node_path_.posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
            throw new errors/* UserError */.yo(`Path "${item}" must stay inside the manifests repository: use a path relative to its root.`);
        }
    }
    return paths;
}
/** `Label: value` lines; the value may contain colons (URLs, digests). */
function readEvidence(inputs) {
    return inputs.lines(INPUTS.evidence).map((line) => {
        const colon = line.indexOf(':');
        const label = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (colon < 0 || !label || !value) {
            throw new errors/* UserError */.yo(`Input "${INPUTS.evidence}" takes "Label: value" lines, got "${line}".`);
        }
        return { label, value };
    });
}


/***/ }),

/***/ 55815:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mc: () => (/* binding */ INPUTS),
  py: () => (/* binding */ OUTPUTS),
  Dm: () => (/* binding */ readTrivyScanSettings)
});

// UNUSED EXPORTS: DEFAULT_DB_REPOSITORIES, DEFAULT_GATE, DEFAULT_SCANNERS

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/image-ref.js
var image_ref = __webpack_require__(83977);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/trivy/severity.js
var severity = __webpack_require__(32340);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/trivy/scanners.js
/** The trivy scanners whose findings this library reads (trivy's license scanner is not one of them). */
const SCANNERS = ['vuln', 'misconfig', 'secret'];

;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/trivy-scan/settings.js





const INPUTS = {
    imageRef: 'image-ref',
    allowTag: 'allow-tag',
    severity: 'severity',
    ignoreUnfixed: 'ignore-unfixed',
    failBuild: 'fail-build',
    ignoreFiles: 'ignore-files',
    scanners: 'scanners',
    platform: 'platform',
    trivyVersion: 'trivy-version',
    trivySha256: 'trivy-sha256',
    dbCache: 'db-cache',
    dbRepositories: 'db-repositories',
    sarifFile: 'sarif-file',
    jsonFile: 'json-file',
    sbomFile: 'sbom-file',
};
const OUTPUTS = {
    passed: 'passed',
    counts: 'counts',
    sarifFile: 'sarif-file',
    jsonFile: 'json-file',
    sbomFile: 'sbom-file',
};
const DEFAULT_GATE = ['CRITICAL', 'HIGH'];
/** trivy's own defaults, in its order: Google's mirror first, ghcr.io (rate limited, trivy-action #430) second. */
const DEFAULT_DB_REPOSITORIES = [
    'mirror.gcr.io/aquasec/trivy-db:2',
    'ghcr.io/aquasecurity/trivy-db:2',
];
/** trivy image's own default scanners. */
const DEFAULT_SCANNERS = ['vuln', 'secret'];
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
function readTrivyScanSettings(inputs, workspace) {
    const image = image_ref/* ImageRef */.ji.parse(inputs.required(INPUTS.imageRef), INPUTS.imageRef);
    const allowTag = inputs.boolean(INPUTS.allowTag, false);
    if (!image.digest && !allowTag) {
        throw new errors/* UserError */.yo(`Input "${INPUTS.imageRef}" must be pinned by digest (${image.spelledName}@sha256:...), got "${image}": a tag can be moved between this scan and the deploy, so the image that passed would not be the one that runs. Set ${INPUTS.allowTag}: true to scan a tag anyway.`);
    }
    const severities = inputs.list(INPUTS.severity);
    const settings = {
        image,
        scansTag: !image.digest,
        gate: severities.length > 0 ? (0,severity/* parseSeverities */.fE)(severities, INPUTS.severity) : [...DEFAULT_GATE],
        ignoreUnfixed: inputs.boolean(INPUTS.ignoreUnfixed, false),
        failBuild: inputs.boolean(INPUTS.failBuild, true),
        trivyignores: inputs.list(INPUTS.ignoreFiles),
        scanners: readScanners(inputs),
        platform: readPlatform(inputs),
        version: inputs.optional(INPUTS.trivyVersion),
        versionSha256: inputs.optional(INPUTS.trivySha256),
        dbCache: inputs.boolean(INPUTS.dbCache, true),
        dbRepositories: readDbRepositories(inputs),
        sarifFile: optionalPath(inputs, INPUTS.sarifFile, workspace),
        jsonFile: optionalPath(inputs, INPUTS.jsonFile, workspace),
        sbomFile: optionalPath(inputs, INPUTS.sbomFile, workspace),
        workspace,
    };
    refuseSharedOutputFile(settings);
    return settings;
}
function readScanners(inputs) {
    const names = inputs.list(INPUTS.scanners);
    if (names.length === 0)
        return [...DEFAULT_SCANNERS];
    for (const name of names) {
        if (!SCANNERS.includes(name)) {
            throw new errors/* UserError */.yo(`Input "${INPUTS.scanners}" has unknown scanner "${name}"; use some of ${SCANNERS.join(', ')}.`);
        }
    }
    return SCANNERS.filter((scanner) => names.includes(scanner));
}
function readPlatform(inputs) {
    const platform = inputs.optional(INPUTS.platform);
    if (platform !== undefined && !PLATFORM.test(platform)) {
        throw new errors/* UserError */.yo(`Input "${INPUTS.platform}" must look like os/arch or os/arch/variant (linux/arm64), got "${platform}".`);
    }
    return platform;
}
function readDbRepositories(inputs) {
    const repositories = inputs.list(INPUTS.dbRepositories);
    for (const repository of repositories) {
        if (!image_ref/* ImageRef */.ji.tryParse(repository)) {
            throw new errors/* UserError */.yo(`Input "${INPUTS.dbRepositories}" has "${repository}", which is not an OCI repository such as ${DEFAULT_DB_REPOSITORIES[0]}.`);
        }
    }
    return repositories.length > 0 ? repositories : [...DEFAULT_DB_REPOSITORIES];
}
function optionalPath(inputs, name, workspace) {
    return inputs.optional(name) === undefined ? undefined : inputs.path(name, workspace);
}
function refuseSharedOutputFile(settings) {
    const files = [
        [INPUTS.sarifFile, settings.sarifFile],
        [INPUTS.jsonFile, settings.jsonFile],
        [INPUTS.sbomFile, settings.sbomFile],
    ].filter((entry) => entry[1] !== undefined);
    for (const [index, [name, file]] of files.entries()) {
        const other = files.slice(index + 1).find(([, candidate]) => external_node_path_.resolve(candidate) === external_node_path_.resolve(file));
        if (other)
            throw new errors/* UserError */.yo(`Inputs "${name}" and "${other[0]}" name the same file ${file}; give each its own.`);
    }
}


/***/ }),

/***/ 84043:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   nl: () => (/* binding */ readWaitForSyncSettings),
/* harmony export */   py: () => (/* binding */ OUTPUTS)
/* harmony export */ });
/* unused harmony exports AGENTS, DEFAULT_TIMEOUT, DEFAULT_POLL_INTERVAL, DEFAULT_ARGOCD_NAMESPACE */
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80178);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5685);
/* harmony import */ var _core_gitops_agent_revision_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(27940);
/* harmony import */ var _core_github_api_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63086);
/* harmony import */ var _core_github_repository_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14548);
/* harmony import */ var _core_image_ref_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83977);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(41877);







const INPUTS = {
    revision: 'revision',
    pullRequest: 'pull-request',
    repository: 'repository',
    token: 'token',
    githubApiUrl: 'github-api-url',
    imageRef: 'image-ref',
    agent: 'agent',
    argocdServer: 'argocd-server',
    argocdToken: 'argocd-token',
    argocdApplication: 'argocd-application',
    argocdAppNamespace: 'argocd-app-namespace',
    argocdProject: 'argocd-project',
    argocdCaCert: 'argocd-ca-cert',
    argocdInsecure: 'argocd-insecure',
    kubeconfig: 'kubeconfig',
    kubeContext: 'kube-context',
    fluxKustomization: 'flux-kustomization',
    fluxHelmRelease: 'flux-helm-release',
    timeout: 'timeout',
    pollInterval: 'poll-interval',
    refresh: 'refresh',
};
const OUTPUTS = {
    status: 'status',
    revision: 'revision',
    health: 'health',
    message: 'message',
    mergedAt: 'merged-at',
    syncedAt: 'synced-at',
    leadTimeSeconds: 'lead-time-seconds',
    previousRevision: 'previous-revision',
};
const AGENTS = ['argocd', 'flux'];
const DEFAULT_TIMEOUT = '10m';
const DEFAULT_POLL_INTERVAL = '5s';
/** Where Argo CD keeps its Application objects unless told otherwise. */
const DEFAULT_ARGOCD_NAMESPACE = 'argocd';
function readWaitForSyncSettings(inputs, { env, context }) {
    const token = inputs.optional(INPUTS.token);
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(token);
    const awaited = readAwaitedCommit(inputs);
    const repositoryText = inputs.string(INPUTS.repository, context.repository ?? '');
    if ('pullRequest' in awaited && !repositoryText) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.repository}" is required with "${INPUTS.pullRequest}" outside GitHub Actions.`);
    }
    if ('pullRequest' in awaited && !token) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.token}" is required with "${INPUTS.pullRequest}": it reads the pull request.`);
    }
    const agent = inputs.choice(INPUTS.agent, AGENTS, '');
    if (!agent)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.agent}" is required: argocd or flux.`);
    const target = agent === 'argocd' ? readArgoCdTarget(inputs) : readFluxTarget(inputs);
    const pollSeconds = (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(inputs.string(INPUTS.pollInterval, DEFAULT_POLL_INTERVAL), INPUTS.pollInterval);
    const { repository, sha } = context;
    return {
        awaited,
        repository: repositoryText ? (0,_core_github_repository_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRepositoryName */ .$M)(repositoryText, INPUTS.repository) : undefined,
        token,
        apiUrl: (0,_core_github_api_url_js__WEBPACK_IMPORTED_MODULE_2__/* .readGitHubApiUrl */ .p)(inputs, INPUTS.githubApiUrl, env),
        image: readImage(inputs),
        target,
        kubeconfig: target.kind === 'argocd-api' ? undefined : inputs.optional(INPUTS.kubeconfig),
        kubeContext: target.kind === 'argocd-api' ? undefined : inputs.optional(INPUTS.kubeContext),
        timeoutSeconds: (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(inputs.string(INPUTS.timeout, DEFAULT_TIMEOUT), INPUTS.timeout),
        pollSeconds,
        refresh: inputs.boolean(INPUTS.refresh, false),
        sourceCommit: repository && sha && (0,_core_gitops_agent_revision_js__WEBPACK_IMPORTED_MODULE_6__/* .isCommitSha */ ._$)(sha)
            ? { repository: (0,_core_github_repository_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRepositoryName */ .$M)(repository, 'GITHUB_REPOSITORY'), sha }
            : undefined,
    };
}
function readAwaitedCommit(inputs) {
    const revision = inputs.optional(INPUTS.revision);
    const pullRequest = inputs.optional(INPUTS.pullRequest);
    if (revision && pullRequest) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Inputs "${INPUTS.revision}" and "${INPUTS.pullRequest}" exclude each other: give one.`);
    }
    if (pullRequest)
        return { pullRequest: inputs.integer(INPUTS.pullRequest, 0) };
    if (!revision) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.revision}" (a commit SHA of the manifests repository) or "${INPUTS.pullRequest}" is required.`);
    }
    const sha = revision.toLowerCase();
    if (!(0,_core_gitops_agent_revision_js__WEBPACK_IMPORTED_MODULE_6__/* .isCommitSha */ ._$)(sha)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.revision}" must be a full commit SHA (40 hex digits), got "${revision}".`);
    }
    return { revision: sha };
}
function readImage(inputs) {
    const text = inputs.optional(INPUTS.imageRef);
    if (!text)
        return undefined;
    const image = _core_image_ref_js__WEBPACK_IMPORTED_MODULE_4__/* .ImageRef */ .ji.parse(text, INPUTS.imageRef);
    if (!image.digest) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.imageRef}" must name a digest (repo@sha256:...), got "${text}".`);
    }
    return image;
}
function readArgoCdTarget(inputs) {
    refuseInputs(inputs, [INPUTS.fluxKustomization, INPUTS.fluxHelmRelease], 'agent: flux');
    const name = inputs.optional(INPUTS.argocdApplication);
    if (!name)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.argocdApplication}" is required with agent: argocd.`);
    checkName(name, INPUTS.argocdApplication);
    const appNamespace = inputs.optional(INPUTS.argocdAppNamespace);
    if (appNamespace)
        checkName(appNamespace, INPUTS.argocdAppNamespace);
    const project = inputs.optional(INPUTS.argocdProject);
    const server = inputs.optional(INPUTS.argocdServer);
    if (!server) {
        refuseInputs(inputs, [INPUTS.argocdToken, INPUTS.argocdCaCert], `"${INPUTS.argocdServer}"`);
        return { kind: 'argocd-kubernetes', namespace: appNamespace ?? DEFAULT_ARGOCD_NAMESPACE, name, project };
    }
    const token = inputs.optional(INPUTS.argocdToken);
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_5__/* .registerSecret */ .cl)(token);
    if (!token)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.argocdToken}" is required with "${INPUTS.argocdServer}".`);
    refuseInputs(inputs, [INPUTS.kubeconfig, INPUTS.kubeContext], 'agent: argocd without "argocd-server"');
    const caCert = inputs.optional(INPUTS.argocdCaCert);
    if (caCert && !/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(caCert)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.argocdCaCert}" must be PEM (-----BEGIN CERTIFICATE----- ...).`);
    }
    return {
        kind: 'argocd-api',
        connection: {
            server: readServerUrl(server),
            token,
            caCert,
            insecure: inputs.boolean(INPUTS.argocdInsecure, false),
        },
        application: { name, appNamespace, project },
    };
}
function readFluxTarget(inputs) {
    refuseInputs(inputs, [
        INPUTS.argocdServer,
        INPUTS.argocdToken,
        INPUTS.argocdApplication,
        INPUTS.argocdAppNamespace,
        INPUTS.argocdProject,
        INPUTS.argocdCaCert,
    ], 'agent: argocd');
    const kustomization = inputs.optional(INPUTS.fluxKustomization);
    const release = inputs.optional(INPUTS.fluxHelmRelease);
    if (kustomization && release) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Inputs "${INPUTS.fluxKustomization}" and "${INPUTS.fluxHelmRelease}" exclude each other.`);
    }
    if (kustomization)
        return { kind: 'flux-kustomization', ...namespacedName(kustomization, INPUTS.fluxKustomization) };
    if (release)
        return { kind: 'flux-helm-release', ...namespacedName(release, INPUTS.fluxHelmRelease) };
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Agent flux needs "${INPUTS.fluxKustomization}" or "${INPUTS.fluxHelmRelease}" (namespace/name).`);
}
const DNS_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
function namespacedName(text, input) {
    const [namespace, name, extra] = text.split('/');
    if (!namespace || !name || extra !== undefined) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${input}" must be namespace/name, e.g. flux-system/apps, got "${text}".`);
    }
    checkName(namespace, input);
    checkName(name, input);
    return { namespace, name };
}
function checkName(name, input) {
    if (!DNS_NAME.test(name)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${input}" must be a Kubernetes name (lowercase letters, digits, '-', '.'), got "${name}".`);
    }
}
function readServerUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.argocdServer}" must be a URL such as https://argocd.example.com, got "${text}".`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${INPUTS.argocdServer}" must be an http(s) URL, got "${text}".`);
    }
    return text.replace(/\/+$/, '');
}
/** Inputs that belong to another way of reading the agent are a mistake worth naming, not something to ignore. */
function refuseInputs(inputs, names, belongsTo) {
    const given = names.find((name) => inputs.optional(name) !== undefined);
    if (given)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input "${given}" is only for ${belongsTo}; remove it or change "${INPUTS.agent}".`);
}


/***/ }),

/***/ 53099:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JY: () => (/* binding */ BUILDER_PREFERENCES),
/* harmony export */   Wu: () => (/* binding */ BuildFailedError),
/* harmony export */   u5: () => (/* binding */ needsBuildx),
/* harmony export */   xA: () => (/* binding */ registryCacheRef)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);

/** What the user asks for: `auto`, buildx only, or the docker CLI (BuildKit when it can, else classic). */
const BUILDER_PREFERENCES = ['auto', 'buildx', 'docker'];
/** The Dockerfile failed to build: one line for the error, the failing step's last lines for the summary. */
class BuildFailedError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    builder;
    failure;
    constructor(builder, failure) {
        super(`The build failed at ${failure.step}: ${failure.lines.slice(-5).join(' | ') || 'no output'}`);
        this.builder = builder;
        this.failure = failure;
    }
}
/** `type=registry,ref=X` or a plain reference, as the docker CLI's builders take it; undefined for other types. */
function registryCacheRef(entry) {
    if (!entry.includes('='))
        return entry;
    const fields = new Map(entry.split(',').map((field) => field.split('=', 2)));
    return fields.get('type') === 'registry' && fields.size === 2 ? fields.get('ref') : undefined;
}
function needsBuildx(builder, what) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} needs buildx, but this run uses the ${builder} builder: install buildx ` +
        '(docker/setup-buildx-action) or drop it.');
}


/***/ }),

/***/ 35730:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E4: () => (/* binding */ versionOf),
/* harmony export */   hh: () => (/* binding */ parseTagRules),
/* harmony export */   yN: () => (/* binding */ resolveTags)
/* harmony export */ });
/* unused harmony exports TAG_RULES, DEFAULT_TAG_RULES, semverTags, sanitizeTag */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83977);
/* harmony import */ var _run_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85399);



/** Rules that derive tags from the run's context; any other entry is a tag written as is. */
const TAG_RULES = ['semver', 'branch', 'pr', 'sha', 'latest'];
/** The rules used when `tags` is empty: the version on a version tag, the branch, the commit, latest on the default branch. */
const DEFAULT_TAG_RULES = [
    { rule: 'semver' },
    { rule: 'branch' },
    { rule: 'sha' },
    { rule: 'latest' },
];
const RAW_PREFIX = 'raw:';
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const MAX_TAG_LENGTH = 128;
/** Reads `tags` entries: rule names, `raw:<tag>` for a tag that is spelled like a rule, or plain tags. */
function parseTagRules(entries, inputName) {
    if (entries.length === 0)
        return [...DEFAULT_TAG_RULES];
    return entries.map((entry) => {
        if (TAG_RULES.includes(entry))
            return { rule: entry };
        const raw = entry.startsWith(RAW_PREFIX) ? entry.slice(RAW_PREFIX.length) : entry;
        if (!(0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .isTag */ .dz)(raw)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${inputName}": "${entry}" is neither a rule (${TAG_RULES.join(', ')}) nor a valid tag ` +
                '(1-128 letters, digits, "_", "." or "-", not starting with "." or "-").');
        }
        return { raw };
    });
}
/** The tags the rules give for this run's ref and commit, in rule order, without repeats; a UserError when none applies. */
function resolveTags(rules, context) {
    const tags = new Set();
    for (const rule of rules) {
        for (const tag of 'raw' in rule ? [rule.raw] : tagsOfRule(rule.rule, context))
            tags.add(tag);
    }
    if (tags.size === 0) {
        const spelled = rules.map((rule) => ('raw' in rule ? rule.raw : rule.rule)).join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`No tag applies to ref "${context.ref ?? '(none)'}" with the rules ${spelled}: add sha or a plain tag to "tags".`);
    }
    return [...tags];
}
function tagsOfRule(rule, context) {
    switch (rule) {
        case 'semver':
            return semverTags((0,_run_context_js__WEBPACK_IMPORTED_MODULE_2__/* .gitTagOf */ .Eb)(context.ref));
        case 'branch': {
            const branch = sanitizeTag((0,_run_context_js__WEBPACK_IMPORTED_MODULE_2__/* .branchOf */ .W0)(context.ref) ?? '');
            return branch ? [branch] : [];
        }
        case 'pr': {
            const number = (0,_run_context_js__WEBPACK_IMPORTED_MODULE_2__/* .pullRequestOf */ ._n)(context.ref);
            return number === undefined ? [] : [`pr-${number}`];
        }
        case 'sha':
            if (!context.sha || !/^[0-9a-f]{7,64}$/i.test(context.sha)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('The tag rule "sha" needs the commit (GITHUB_SHA): run in GitHub Actions or set plain tags.');
            }
            return [`sha-${context.sha.slice(0, 7).toLowerCase()}`];
        case 'latest': {
            const branch = (0,_run_context_js__WEBPACK_IMPORTED_MODULE_2__/* .branchOf */ .W0)(context.ref);
            return branch !== undefined && branch === context.defaultBranch ? ['latest'] : [];
        }
    }
}
/** X.Y.Z, X.Y and X for a vX.Y.Z git tag; only the full version for a pre-release; nothing for other tags. */
function semverTags(gitTag) {
    const match = SEMVER.exec(gitTag ?? '');
    if (!match)
        return [];
    const [, major, minor, patch, prerelease] = match;
    if (prerelease)
        return [`${major}.${minor}.${patch}-${prerelease}`];
    return [`${major}.${minor}.${patch}`, `${major}.${minor}`, `${major}`];
}
/** A branch name made into a valid tag: every other character becomes "-", no leading "." or "-", 128 at most. */
function sanitizeTag(text) {
    return text
        .replace(/[^A-Za-z0-9_.-]/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, MAX_TAG_LENGTH);
}
/** The tag that names this build's version: the first one that is not `latest`. */
function versionOf(tags) {
    return tags.find((tag) => tag !== 'latest') ?? tags[0] ?? '';
}


/***/ }),

/***/ 90965:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ rulesFor),
/* harmony export */   T: () => (/* binding */ parseImageKeys)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);
/* harmony import */ var _file_scope_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82077);


const PARTS = ['repository', 'tag', 'digest'];
/**
 * Parses one rule per line: `[<glob>:] repository=<path> tag=<path> digest=<path>`, e.g.
 * `values/*.yaml: repository=api.image.name tag=api.image.version`. A tag or digest key is required.
 */
function parseImageKeys(text, inputName) {
    const rules = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const fail = (problem) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${inputName}" line ${index + 1}: ${problem}`);
        const tokens = line.split(/\s+/);
        const glob = tokens[0]?.endsWith(':') ? tokens.shift().slice(0, -1) : undefined;
        const rule = { keys: {}, text: line, ...(glob === undefined ? {} : globRule(glob, fail)) };
        for (const token of tokens) {
            const equals = token.indexOf('=');
            const part = token.slice(0, equals);
            if (equals < 0 || !PARTS.includes(part)) {
                throw fail(`"${token}" must be repository=, tag= or digest= followed by a key path such as image.tag.`);
            }
            if (rule.keys[part])
                throw fail(`"${part}" is named twice.`);
            const path = token.slice(equals + 1).split('.');
            if (path.some((segment) => segment === ''))
                throw fail(`"${token}" has an empty key in its path.`);
            rule.keys[part] = path;
        }
        if (!rule.keys.tag && !rule.keys.digest) {
            throw fail(`"${line}" names no tag= or digest= key, so there is nothing to write.`);
        }
        rules.push(rule);
    });
    return rules;
}
function globRule(glob, fail) {
    if (glob === '')
        throw fail('the file glob before ":" is empty.');
    if (glob.startsWith('/') || glob.split('/').includes('..')) {
        throw fail(`the glob "${glob}" must be relative to the working directory.`);
    }
    try {
        return { glob, matcher: (0,_file_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .globToRegExp */ .tL)(glob.replace(/^\.\//, '')) };
    }
    catch (error) {
        throw fail(error.message);
    }
}
/** The rules that apply to a file (its `/`-separated path relative to the working directory). */
function rulesFor(rules, path) {
    return (rules ?? []).filter((rule) => !rule.matcher || rule.matcher.test(path));
}


/***/ }),

/***/ 59687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lb: () => (/* binding */ formatImagePolicy),
/* harmony export */   R7: () => (/* binding */ setterPart),
/* harmony export */   r0: () => (/* binding */ parseImagePolicy)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);

// Kubernetes names: a namespace is a DNS label, an object name a DNS subdomain.
const NAMESPACE = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const NAME = /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/;
const PART_SUFFIXES = { name: 'name', tag: 'tag', digest: 'digest' };
/** Reads `<namespace>:<name>`; a one-line UserError naming the input otherwise. */
function parseImagePolicy(text, inputName) {
    const value = text.trim();
    const [namespace, name, ...rest] = value.split(':');
    if (namespace === undefined || name === undefined || rest.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${inputName}" must be <namespace>:<name> of a Flux ImagePolicy, got "${value}".`);
    }
    if (!NAMESPACE.test(namespace)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${inputName}": "${namespace}" is not a valid Kubernetes namespace.`);
    }
    if (!NAME.test(name))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${inputName}": "${name}" is not a valid ImagePolicy name.`);
    return { namespace, name };
}
function formatImagePolicy(policy) {
    return `${policy.namespace}:${policy.name}`;
}
/** The part a marker's setter name asks of `policy`, or undefined when the marker is for another policy. */
function setterPart(setter, policy) {
    const own = formatImagePolicy(policy);
    if (setter === own)
        return 'image';
    if (!setter.startsWith(`${own}:`))
        return undefined;
    return PART_SUFFIXES[setter.slice(own.length + 1)];
}


/***/ }),

/***/ 58895:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ BUMP_TARGET_INPUTS),
/* harmony export */   w: () => (/* binding */ readBumpTarget)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83977);
/* harmony import */ var _image_keys_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90965);
/* harmony import */ var _image_policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59687);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20648);





/** The names of the inputs that say what a bump writes; bump-manifest and open-gitops-pr share them. */
const BUMP_TARGET_INPUTS = {
    imageRef: 'image-ref',
    pin: 'pin',
    imagePolicy: 'image-policy',
    imageKeys: 'image-keys',
};
/** What a bump writes, from the inputs: the image, its pin, and the Flux policy or key paths that scope it. */
function readBumpTarget(inputs) {
    const names = BUMP_TARGET_INPUTS;
    const image = _image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageRef */ .ji.parse(inputs.required(names.imageRef), names.imageRef);
    const policyText = inputs.optional(names.imagePolicy);
    const imageKeys = (0,_image_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImageKeys */ .T)(inputs.string(names.imageKeys), names.imageKeys);
    if (policyText && imageKeys.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Inputs "${names.imagePolicy}" and "${names.imageKeys}" exclude each other: with a Flux policy, only the fields ` +
            'its setter markers name are written.');
    }
    return {
        image,
        pin: readPin(inputs, image),
        ...(policyText ? { imagePolicy: (0,_image_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImagePolicy */ .r0)(policyText, names.imagePolicy) } : {}),
        imageKeys,
    };
}
/** The pin defaults to what the image carries, and must not ask for a part it lacks. */
function readPin(inputs, image) {
    const names = BUMP_TARGET_INPUTS;
    const carried = image.tag && image.digest ? 'tag+digest' : image.digest ? 'digest' : 'tag';
    const pin = inputs.choice(names.pin, _types_js__WEBPACK_IMPORTED_MODULE_4__/* .PINS */ .$, carried);
    if (!image.tag && !image.digest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${names.imageRef}" must carry a tag or a digest, e.g. ${image.spelledName}:1.2.3.`);
    }
    if (pin.includes('tag') && !image.tag) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${names.pin}": ${pin} needs a tag, but ${names.imageRef} "${image}" has none: add ":<tag>" or use ${names.pin}: digest.`);
    }
    if (pin.includes('digest') && !image.digest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${names.pin}": ${pin} needs a digest, but ${names.imageRef} "${image}" has none: add "@sha256:..." or use ${names.pin}: tag.`);
    }
    return pin;
}


/***/ }),

/***/ 20648:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ PINS),
/* harmony export */   V: () => (/* binding */ pinnedVersion)
/* harmony export */ });
const PINS = ['tag', 'digest', 'tag+digest'];
function pinnedVersion(target) {
    const { tag, digest } = target.image;
    switch (target.pin) {
        case 'tag':
            return { tag };
        case 'digest':
            return { digest };
        case 'tag+digest':
            return { tag, digest };
    }
}


/***/ }),

/***/ 62764:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readAttestationSource),
/* harmony export */   _: () => (/* binding */ predicateFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5685);




// Larger than any SBOM or report we expect, small enough to parse in memory.
const MAX_BYTES = 256 * 1024 * 1024;
const TRIVY_REPO_DIGEST = 'aquasecurity:trivy:RepoDigest';
/**
 * Reads one `attest` file and decides how to attest it: CycloneDX and SPDX JSON SBOMs as themselves, a trivy JSON
 * report (or trivy's `--format cosign-vuln` output) as a vulnerability attestation. When the file says which image
 * it describes and that is not `digest`, it is refused: attesting another image's scan would be a false claim.
 */
function readAttestationSource(file, workspace, digest, warn) {
    const fullPath = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(workspace, file);
    const document = readJson(file, fullPath);
    const source = { file, path: fullPath };
    if (document.bomFormat === 'CycloneDX') {
        checkSubject(file, digest, cycloneDxRepoDigests(document), warn);
        return { ...source, type: 'cyclonedx', description: `CycloneDX ${String(document.specVersion ?? '')} SBOM`.trim() };
    }
    if (typeof document.spdxVersion === 'string') {
        return { ...source, type: 'spdxjson', description: `${document.spdxVersion} SBOM` };
    }
    const scanner = record(document.scanner);
    if (scanner && 'result' in scanner) {
        checkSubject(file, digest, trivyRepoDigests(record(scanner.result) ?? {}), warn);
        return { ...source, type: 'vuln', description: 'cosign vulnerability predicate' };
    }
    if (typeof document.SchemaVersion === 'number' && 'ArtifactName' in document) {
        checkSubject(file, digest, trivyRepoDigests(document), warn);
        return { ...source, type: 'vuln', description: 'trivy vulnerability report', trivyReport: document };
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file} is neither a CycloneDX or SPDX JSON SBOM nor a trivy JSON report, so it cannot be attested.`);
}
function readJson(file, fullPath) {
    let text;
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(fullPath).size > MAX_BYTES)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file} is larger than 256 MiB.`);
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fullPath, 'utf8');
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Cannot read ${file} (input "attest"): ${error.code ?? error}.`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file} is not JSON; attest takes CycloneDX or SPDX JSON SBOMs and trivy JSON reports.`);
    }
    const document = record(parsed);
    if (!document)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file} is JSON but not an object; expected an SBOM or a trivy report.`);
    return document;
}
function checkSubject(file, digest, repoDigests, warn) {
    if (repoDigests.length === 0) {
        warn(`${file} does not say which image digest it describes; attesting it for ${digest} as given.`);
        return;
    }
    if (repoDigests.some((repoDigest) => repoDigest.endsWith(`@${digest}`)))
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file} describes ${repoDigests[0]}, not the signed digest ${digest}: attest the scan of the image you sign.`);
}
function trivyRepoDigests(report) {
    const digests = record(report.Metadata)?.RepoDigests;
    return Array.isArray(digests) ? digests.filter((item) => typeof item === 'string') : [];
}
function cycloneDxRepoDigests(bom) {
    const properties = record(record(bom.metadata)?.component)?.properties;
    if (!Array.isArray(properties))
        return [];
    return properties
        .map(record)
        .filter((property) => property?.name === TRIVY_REPO_DIGEST && typeof property.value === 'string')
        .map((property) => property?.value);
}
function record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
/**
 * The file to pass as `--predicate`. cosign reads a `--type vuln` predicate as its CosignVulnPredicate and silently
 * drops fields it does not know, so a bare trivy report would become an empty attestation: it is wrapped as
 * `trivy --format cosign-vuln` does (the report under scanner.result).
 */
async function predicateFile(source, scratchDir) {
    if (!source.trivyReport)
        return source.path;
    const report = source.trivyReport;
    const version = String(record(report.Trivy)?.Version ?? 'unknown');
    const createdAt = typeof report.CreatedAt === 'string' ? report.CreatedAt : undefined;
    const predicate = {
        invocation: { parameters: null, uri: '', event_id: '', 'builder.id': '' },
        scanner: {
            uri: `pkg:github/aquasecurity/trivy@${version}`,
            version,
            db: { uri: '', version: '' },
            result: report,
        },
        // cosign parses these as timestamps, so they are left out rather than sent empty.
        ...(createdAt ? { metadata: { scanStartedOn: createdAt, scanFinishedOn: createdAt } } : {}),
    };
    const file = node_path__WEBPACK_IMPORTED_MODULE_2__.join(scratchDir, `${node_path__WEBPACK_IMPORTED_MODULE_2__.basename(source.file)}.cosign-vuln.json`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, JSON.stringify(predicate));
    return file;
}


/***/ }),

/***/ 31998:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ CosignVersion)
/* harmony export */ });
/** A cosign release number, compared numerically (3.0.10 is after 3.0.6). */
class CosignVersion {
    major;
    minor;
    patch;
    constructor(major, minor, patch) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }
    static parse(text) {
        const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text);
        if (!match)
            throw new Error(`"${text}" is not a cosign version.`);
        return new CosignVersion(Number(match[1]), Number(match[2]), Number(match[3]));
    }
    atLeast(text) {
        const other = CosignVersion.parse(text);
        return (this.major - other.major || this.minor - other.minor || this.patch - other.patch) >= 0;
    }
    toString() {
        return `${this.major}.${this.minor}.${this.patch}`;
    }
}


/***/ }),

/***/ 80178:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);

/** `90`, `90s`, `5m`, `1h30m` as seconds; `input` names the input in the error. */
function parseDuration(text, input) {
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(text.trim());
    const seconds = match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : 0;
    if (!match || seconds < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${input}" must be a duration such as 90s, 5m or 1h30m, got "${text}".`);
    return seconds;
}


/***/ }),

/***/ 82077:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   resolveYamlFiles: () => (/* binding */ resolveYamlFiles),
/* harmony export */   tL: () => (/* binding */ globToRegExp),
/* harmony export */   yY: () => (/* binding */ relativeToRoot)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5685);
/* harmony import */ var _regexp_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49419);




const YAML_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[{]/;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/**
 * Resolves user paths (files, directories searched recursively for YAML, or globs) relative to a root,
 * refusing anything that resolves outside it, symlinks included. Returns absolute real paths, sorted.
 */
async function resolveYamlFiles(patterns, root, options = {}) {
    if (patterns.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('No paths given: name at least one file, directory or glob.');
    const realRoot = await realDirectory(root);
    const found = new Set();
    for (const pattern of patterns) {
        const matches = GLOB_CHARS.test(pattern)
            ? await expandGlob(pattern, realRoot)
            : await expandPath(pattern, realRoot);
        if (matches.length === 0) {
            if (!options.onNoMatch)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Path "${pattern}" matches no YAML file under ${root}.`);
            options.onNoMatch(pattern);
        }
        for (const file of matches)
            found.add(file);
    }
    return [...found].sort();
}
/** `/`-separated path of a file relative to the root, for outputs and summaries. */
function relativeToRoot(root, file) {
    return node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, file).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}
async function realDirectory(root) {
    try {
        const real = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath(root);
        if (!(await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(real)).isDirectory())
            throw new Error('not a directory');
        return real;
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Working directory "${root}" does not exist or is not a directory.`);
    }
}
async function expandPath(pattern, root) {
    const target = await insideRoot(pattern, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, pattern), root);
    if (target === undefined)
        return [];
    const stat = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(target);
    if (stat.isDirectory())
        return walkYaml(target, root);
    return stat.isFile() ? [target] : [];
}
async function expandGlob(pattern, root) {
    const normalized = pattern.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
    if (node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(pattern) || normalized.split('/').includes('..')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Path "${pattern}" must stay inside ${root}: use a glob relative to the working directory.`);
    }
    const matcher = globToRegExp(normalized);
    const start = await insideRoot(pattern, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, staticPrefix(normalized)), root);
    if (start === undefined || !(await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(start)).isDirectory())
        return [];
    const candidates = await walkFiles(start, root);
    return candidates.filter((file) => YAML_FILE.test(file) && matcher.test(relativeToRoot(root, file)));
}
/** The real path of `candidate`, or undefined when it does not exist; a UserError when it escapes the root. */
async function insideRoot(pattern, candidate, root) {
    let real;
    try {
        real = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath(candidate);
    }
    catch {
        if (!isInside(root, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(candidate)))
            throw escapes(pattern, root);
        return undefined;
    }
    if (!isInside(root, real))
        throw escapes(pattern, root);
    return real;
}
function escapes(pattern, root) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Path "${pattern}" resolves outside the working directory ${root}; it is refused.`);
}
/** Whether `candidate` is `root` or below it; both must already be real (symlink-free) absolute paths. */
function isInside(root, candidate) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, candidate);
    return relative === '' || (!relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(relative));
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
        for (const entry of await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir(current, { withFileTypes: true })) {
            if (SKIPPED_DIRS.has(entry.name))
                continue;
            const full = node_path__WEBPACK_IMPORTED_MODULE_1__.join(current, entry.name);
            const real = entry.isSymbolicLink() ? await insideRoot(relativeToRoot(root, full), full, root) : full;
            if (real === undefined)
                continue;
            const stat = entry.isSymbolicLink() ? await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(real) : entry;
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Glob "${pattern}" has an unclosed "{".`);
            source += `(?:${pattern
                .slice(i + 1, close)
                .split(',')
                .map(_regexp_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeRegExp */ .N)
                .join('|')})`;
            i = close;
        }
        else if (char === '[') {
            const close = pattern.indexOf(']', i);
            if (close < 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Glob "${pattern}" has an unclosed "[".`);
            source += `[${pattern
                .slice(i + 1, close)
                .replace(/^!/, '^')
                .replace(/\\/g, '\\\\')}]`;
            i = close;
        }
        else
            source += (0,_regexp_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeRegExp */ .N)(char);
    }
    return new RegExp(`^${source}$`);
}


/***/ }),

/***/ 95712:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ah: () => (/* binding */ isValidationError),
/* harmony export */   cU: () => (/* binding */ explainApiError),
/* harmony export */   d7: () => (/* binding */ isApiError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);

function isApiError(error) {
    return error instanceof Error && typeof error.status === 'number';
}
/** Whether a 422 is GitHub's "Validation Failed" with an error whose message matches `pattern`. */
function isValidationError(error, pattern) {
    if (!isApiError(error) || error.status !== 422)
        return false;
    const data = error.response?.data;
    const messages = [
        data?.message ?? error.message,
        ...(data?.errors ?? []).map((item) => (typeof item === 'string' ? item : (item.message ?? ''))),
    ];
    return messages.some((message) => pattern.test(message));
}
/**
 * Turns what a token may not do into a UserError that names the permission to grant: GitHub's
 * x-accepted-github-permissions header when it sends one (fine-grained tokens, GitHub Apps), else `permission`.
 * Other errors are returned unchanged.
 */
function explainApiError(error, action, permission) {
    if (!isApiError(error))
        return error;
    if (error.status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub refused the token while trying to ${action} (401 Bad credentials): it is missing, expired or revoked.`);
    }
    if (error.status === 403 && !/rate limit/i.test(error.message)) {
        const accepted = acceptedPermissions(error);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The token may not ${action} (403 ${firstLine(error.message)}): grant it "${accepted ?? permission}" ` +
            "(a `permissions:` block in the workflow for GITHUB_TOKEN, or the token's own settings).");
    }
    return error;
}
/** `contents=write; pull_requests=write` becomes `contents: write" or "pull-requests: write`, as a workflow spells them. */
function acceptedPermissions(error) {
    const header = error.response?.headers['x-accepted-github-permissions'];
    if (typeof header !== 'string' || header.trim() === '')
        return undefined;
    return header
        .split(';')
        .map((set) => set
        .split(',')
        .map((pair) => pair.trim().replace(/_/g, '-').replace('=', ': '))
        .join(', '))
        .join('" or "');
}
function firstLine(message) {
    return message.split(/\s+-\s+https?:|\n/)[0];
}


/***/ }),

/***/ 63086:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ readGitHubApiUrl)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74714);


/** The REST base URL from `input`, else the runner's GITHUB_API_URL, else github.com's; without a trailing slash. */
function readGitHubApiUrl(inputs, input, env) {
    const text = inputs.string(input, env.GITHUB_API_URL || _names_js__WEBPACK_IMPORTED_MODULE_1__/* .GITHUB_COM_API_URL */ .D);
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${input}" must be a URL such as https://ghes.example.com/api/v3, got "${text}".`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${input}" must be an http(s) URL, got "${text}".`);
    }
    return text.replace(/\/+$/, '');
}


/***/ }),

/***/ 74714:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ GITHUB_COM_API_URL),
/* harmony export */   Y: () => (/* binding */ MERGE_METHODS)
/* harmony export */ });
// GitHub facts that reading inputs needs, apart from the client so that settings load no HTTP code.
const GITHUB_COM_API_URL = 'https://api.github.com';
const MERGE_METHODS = ['merge', 'squash', 'rebase'];


/***/ }),

/***/ 14548:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $M: () => (/* binding */ parseRepositoryName),
/* harmony export */   FI: () => (/* binding */ formatRepositoryName),
/* harmony export */   TM: () => (/* binding */ getRepository)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);
/* harmony import */ var _api_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95712);


const OWNER_AND_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
function parseRepositoryName(text, input) {
    const match = OWNER_AND_NAME.exec(text.trim());
    if (!match || match[2] === '.' || match[2] === '..') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${input}" must be owner/name, e.g. acme/gitops, got "${text}".`);
    }
    return { owner: match[1], repo: match[2].replace(/\.git$/, '') };
}
function formatRepositoryName(name) {
    return `${name.owner}/${name.repo}`;
}
async function getRepository(client, name) {
    try {
        const { data } = await client.rest.repos.get({ owner: name.owner, repo: name.repo });
        return {
            name,
            defaultBranch: data.default_branch,
            cloneUrl: data.clone_url,
            canPush: data.permissions?.push,
            archived: data.archived,
        };
    }
    catch (error) {
        if ((0,_api_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isApiError */ .d7)(error) && error.status === 404) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Repository ${formatRepositoryName(name)} was not found, or the token cannot read it: ` +
                'check the repository input and give the token "contents: read" on it.');
        }
        throw (0,_api_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explainApiError */ .cU)(error, `read ${formatRepositoryName(name)}`, 'contents: read');
    }
}


/***/ }),

/***/ 27940:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ commitOfFluxRevision),
/* harmony export */   ZO: () => (/* binding */ commitPrefixOfChartVersion),
/* harmony export */   _$: () => (/* binding */ isCommitSha),
/* harmony export */   yF: () => (/* binding */ namesCommit)
/* harmony export */ });
/* unused harmony export COMMIT_SHA */
/** A full commit SHA as git prints it: 40 lowercase hex digits (SHA-1 repositories, as GitHub's are). */
const COMMIT_SHA = /^[0-9a-f]{40}$/;
function isCommitSha(text) {
    return COMMIT_SHA.test(text);
}
/**
 * The commit a Flux revision names: `main@sha1:<sha>` (Flux 2.1+), `sha1:<sha>`, the older `main/<sha>`, or a bare
 * sha. Undefined for revisions that name no commit (an OCI digest, a chart version).
 */
function commitOfFluxRevision(revision) {
    if (!revision)
        return undefined;
    const match = /(?:^|[@/:])([0-9a-f]{40})$/.exec(revision.trim());
    return match?.[1];
}
/**
 * The commit prefix in a chart version Flux built from a Git source with `reconcileStrategy: Revision`
 * (`6.5.4+a1b2c3d4e5f6`): undefined when the version carries no commit.
 */
function commitPrefixOfChartVersion(version) {
    const match = /\+([0-9a-f]{7,40})$/.exec(version ?? '');
    return match?.[1];
}
/** Whether `reported` (a full sha or a prefix of at least 7 digits) names the commit `sha`. */
function namesCommit(reported, sha) {
    return reported !== undefined && reported.length >= 7 && sha.startsWith(reported);
}


/***/ }),

/***/ 83977:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   dz: () => (/* binding */ isTag),
/* harmony export */   ji: () => (/* binding */ ImageRef)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);

const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
// The grammar of github.com/distribution/reference, with the digest narrowed to sha256.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
const MAX_NAME_LENGTH = 255;
/**
 * An OCI image reference, parsed once and compared by its normalized repository
 * (`nginx` is `docker.io/library/nginx`), while remembering how the user spelled the name.
 */
class ImageRef {
    registry;
    path;
    spelledName;
    tag;
    digest;
    constructor(
    /** Registry host (and port), lowercase; `docker.io` for Docker Hub. */
    registry, 
    /** Repository path inside the registry, `library/` added for official Docker Hub images. */
    path, 
    /** The repository exactly as written, without tag or digest. */
    spelledName, tag, digest) {
        this.registry = registry;
        this.path = path;
        this.spelledName = spelledName;
        this.tag = tag;
        this.digest = digest;
    }
    /** Parses a reference; throws a UserError saying what is wrong with it. */
    static parse(text, what = 'image reference') {
        const problem = ImageRef.problemWith(text);
        if (typeof problem === 'string')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Invalid ${what} "${text}": ${problem}.`);
        return problem;
    }
    /** Parses a reference, or returns undefined when the text is not one (a template, a variable). */
    static tryParse(text) {
        const result = ImageRef.problemWith(text);
        return typeof result === 'string' ? undefined : result;
    }
    static problemWith(text) {
        if (text.length === 0)
            return 'it is empty';
        if (/\s/.test(text))
            return 'it contains white space';
        let rest = text;
        let digest;
        const at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.slice(at + 1);
            rest = rest.slice(0, at);
            if (!SHA256_DIGEST.test(digest))
                return 'the digest must be "sha256:" followed by 64 lowercase hex digits';
        }
        let tag;
        const lastColon = rest.lastIndexOf(':');
        if (lastColon > rest.lastIndexOf('/')) {
            tag = rest.slice(lastColon + 1);
            rest = rest.slice(0, lastColon);
            if (!TAG.test(tag)) {
                return tag === ''
                    ? 'the tag after ":" is empty'
                    : `the tag "${tag}" must be 1-128 letters, digits, "_", "." or "-", not starting with "." or "-"`;
            }
        }
        if (rest.length === 0)
            return 'the repository name is empty';
        if (rest.length > MAX_NAME_LENGTH)
            return `the repository name is longer than ${MAX_NAME_LENGTH} characters`;
        const { domain, remainder } = splitDomain(rest);
        if (domain !== undefined && !DOMAIN.test(domain))
            return `"${domain}" is not a valid registry host`;
        const components = remainder.split('/');
        for (const component of components) {
            if (PATH_COMPONENT.test(component))
                continue;
            if (component.toLowerCase() !== component)
                return 'the repository name must be lowercase';
            return component === ''
                ? 'the repository path has an empty component'
                : `"${component}" is not a valid repository path component`;
        }
        const registry = normalizeRegistry(domain);
        const path = registry === DOCKER_HUB && components.length === 1 ? `library/${remainder}` : remainder;
        return new ImageRef(registry, path, rest, tag, digest);
    }
    /** The normalized repository, e.g. `docker.io/library/nginx`: the identity used for matching. */
    get repository() {
        return `${this.registry}/${this.path}`;
    }
    sameRepository(other) {
        return this.repository === other.repository;
    }
    /** This repository, spelled as written, with another tag and/or digest. */
    withVersion(version) {
        return formatReference(this.spelledName, version);
    }
    toString() {
        return formatReference(this.spelledName, this);
    }
}
/** `name`, `name:tag`, `name@digest` or `name:tag@digest`. */
function formatReference(name, version) {
    return `${name}${version.tag ? `:${version.tag}` : ''}${version.digest ? `@${version.digest}` : ''}`;
}
// Docker's rule: the first component is a registry only if it looks like a host (a dot, a port, or localhost).
function splitDomain(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return { remainder: name };
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
        return { domain: first, remainder: name.slice(slash + 1) };
    }
    return { remainder: name };
}
function normalizeRegistry(domain) {
    if (domain === undefined)
        return DOCKER_HUB;
    const lower = domain.toLowerCase();
    return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}
function isTag(text) {
    return TAG.test(text);
}
function isDigest(text) {
    return SHA256_DIGEST.test(text);
}


/***/ }),

/***/ 65595:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ RENDERER_CHOICES),
  P: () => (/* binding */ chooseRenderer)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/file-scope.js
var file_scope = __webpack_require__(82077);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/renderers/helm-renderer.js
/** A Helm chart directory, rendered with `helm template` (helm never talks to the cluster here). */
class HelmRenderer {
    options;
    helm;
    name = 'helm';
    constructor(options, helm) {
        this.options = options;
        this.helm = helm;
    }
    async render() {
        const helm = await this.helm();
        return [{ origin: `helm template of ${this.options.displayName}`, text: await helm.template(this.options) }];
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/renderers/kustomize-renderer.js
/** A kustomization directory, built by kubectl's own kustomize. */
class KustomizeRenderer {
    dir;
    displayPath;
    kubectl;
    name = 'kustomize';
    constructor(dir, displayPath, kubectl) {
        this.dir = dir;
        this.displayPath = displayPath;
        this.kubectl = kubectl;
    }
    async render() {
        return [{ origin: `kustomize build of ${this.displayPath}`, text: await this.kubectl.kustomize(this.dir) }];
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/renderers/plain-renderer.js


/** YAML files as they are: files, directories (recursively) and globs inside the workspace. */
class PlainRenderer {
    patterns;
    root;
    name = 'plain';
    constructor(patterns, root) {
        this.patterns = patterns;
        this.root = root;
    }
    async render() {
        const files = await (0,file_scope.resolveYamlFiles)(this.patterns, this.root);
        return Promise.all(files.map(async (file) => ({ origin: (0,file_scope/* relativeToRoot */.yY)(this.root, file), text: await promises_.readFile(file, 'utf8') })));
    }
}

;// CONCATENATED MODULE: ./tmp/ncc-input/src/core/kubernetes/renderers/choose-renderer.js







const RENDERER_CHOICES = ['auto', 'kustomize', 'helm', 'plain'];
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** Picks the renderer once: the one asked for, or for `auto` what the single directory given holds. */
async function chooseRenderer(request, tools) {
    const kinds = await Promise.all(request.manifests.map((entry) => directoryKind(entry, request.root)));
    const special = kinds.filter((kind) => kind === 'kustomize' || kind === 'helm');
    const name = request.renderer === 'auto' ? (special[0] ?? 'plain') : request.renderer;
    if (name === 'plain')
        return new PlainRenderer(request.manifests, request.root);
    if (request.manifests.length !== 1) {
        throw new errors/* UserError */.yo(`renderer ${name} takes exactly one directory in "manifests"; got ${request.manifests.length} paths.`);
    }
    const dir = await insideWorkspace(request.manifests[0], request.root);
    const display = (0,file_scope/* relativeToRoot */.yY)(request.root, dir) || '.';
    if (name === 'kustomize')
        return new KustomizeRenderer(dir, display, tools.kubectl);
    const valuesFiles = await Promise.all(request.helmValues.map((file) => insideWorkspace(file, request.root)));
    const release = request.helmRelease ?? external_node_path_.basename(dir).toLowerCase();
    return new HelmRenderer({ release, chart: dir, namespace: request.namespace, valuesFiles, displayName: display }, tools.helm);
}
/** What a `manifests` entry is: a kustomization or chart directory, or anything else (plain YAML). */
async function directoryKind(entry, root) {
    const dir = external_node_path_.resolve(root, entry);
    const has = async (name) => promises_.stat(external_node_path_.join(dir, name)).then((stat) => stat.isFile(), () => false);
    for (const name of KUSTOMIZATION_FILES)
        if (await has(name))
            return 'kustomize';
    return (await has('Chart.yaml')) ? 'helm' : 'plain';
}
/** The real path of `entry`, refused when it leaves the workspace (symlinks included) or does not exist. */
async function insideWorkspace(entry, root) {
    const realRoot = await promises_.realpath(root);
    const real = await promises_.realpath(external_node_path_.resolve(realRoot, entry)).catch(() => {
        throw new errors/* UserError */.yo(`Path "${entry}" does not exist under ${root}.`);
    });
    const relative = external_node_path_.relative(realRoot, real);
    if (relative.startsWith('..') || external_node_path_.isAbsolute(relative)) {
        throw new errors/* UserError */.yo(`Path "${entry}" resolves outside the workspace ${root}; it is refused.`);
    }
    return real;
}


/***/ }),

/***/ 68502:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ DEFAULT_ALLOWED_REFS)
/* harmony export */ });
/** The refs a delivered image may be built from unless the caller says otherwise: main and release tags. */
const DEFAULT_ALLOWED_REFS = 'refs/heads/main|refs/tags/.*';


/***/ }),

/***/ 49419:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ userRegExp),
/* harmony export */   N: () => (/* binding */ escapeRegExp)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);

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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${input}" is not a regular expression: ${text}`);
    }
}


/***/ }),

/***/ 89228:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PI: () => (/* binding */ PLATFORM_KEYS),
/* harmony export */   fH: () => (/* binding */ isPlatformKey),
/* harmony export */   pH: () => (/* binding */ RELEASES)
/* harmony export */ });
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


/***/ }),

/***/ 32340:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nd: () => (/* binding */ zeroCounts),
/* harmony export */   fE: () => (/* binding */ parseSeverities),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank),
/* harmony export */   xJ: () => (/* binding */ severityOf)
/* harmony export */ });
/* unused harmony export isSeverity */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5685);

/** Trivy's severity names, most severe first. */
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
function isSeverity(value) {
    return SEVERITIES.includes(value);
}
/** Trivy writes an empty severity for some findings and treats it as UNKNOWN; so do we. */
function severityOf(value) {
    return value && isSeverity(value) ? value : 'UNKNOWN';
}
/** Sort key: 0 for CRITICAL up to 4 for UNKNOWN. */
function severityRank(severity) {
    return SEVERITIES.indexOf(severity);
}
function zeroCounts() {
    return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}
/** Parses a list such as `CRITICAL,HIGH` (any case); an unknown name is a UserError naming the input. */
function parseSeverities(names, input) {
    if (names.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${input}" names no severity; use some of ${SEVERITIES.join(', ')}.`);
    const parsed = new Set();
    for (const name of names) {
        const upper = name.toUpperCase();
        if (!isSeverity(upper)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "${input}" has unknown severity "${name}"; use some of ${SEVERITIES.join(', ')}.`);
        }
        parsed.add(upper);
    }
    return SEVERITIES.filter((severity) => parsed.has(severity));
}


/***/ })

};
