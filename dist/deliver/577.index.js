export const id = 577;
export const ids = [577];
export const modules = {

/***/ 41577:
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
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/exec.js
var exec = __webpack_require__(82855);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/installer.js
var installer = __webpack_require__(71320);
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/registry.js + 1 modules
var build_registry = __webpack_require__(96712);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/build/registry-credentials.js
var registry_credentials = __webpack_require__(70791);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/errors.js
var errors = __webpack_require__(5685);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/secrets.js
var secrets = __webpack_require__(41877);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/provenance/slsa.js
var slsa = __webpack_require__(75387);
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
            type: slsa/* IN_TOTO_PAYLOAD_TYPE */.T4,
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
    if (bundle.content.$case !== 'dsseEnvelope' || bundle.content.dsseEnvelope.payloadType !== slsa/* IN_TOTO_PAYLOAD_TYPE */.T4) {
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
    if (statement.predicateType !== slsa/* SLSA_PREDICATE_TYPE */.Zk) {
        fail('predicate type', `is ${JSON.stringify(statement.predicateType)}, not ${slsa/* SLSA_PREDICATE_TYPE */.Zk}`);
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
const SHA256_DIGEST = /^sha256:([a-f0-9]{64})$/;
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
    const digest = await registry.putManifest(image, (0,build_registry/* sha256Digest */.sI)(bytes), bytes, OCI_MANIFEST);
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
    const listed = (index ? ((0,build_registry/* parseJson */.qF)(index)?.manifests ?? []) : []).filter((entry) => entry.artifactType === SIGSTORE_BUNDLE_ARTIFACT_TYPE);
    const found = [];
    for (const entry of listed) {
        const manifest = await registry.manifest(image, entry.digest);
        if (!manifest || manifest.digest !== entry.digest)
            continue;
        const referrer = (0,build_registry/* parseJson */.qF)(manifest.bytes);
        const layer = referrer?.layers?.find((candidate) => candidate.mediaType === SIGSTORE_BUNDLE_ARTIFACT_TYPE);
        if (referrer?.subject?.digest !== subjectDigest || !layer)
            continue;
        const bytes = await registry.blob(image, layer.digest);
        const bundle = bytes ? (0,build_registry/* parseJson */.qF)(bytes) : undefined;
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
    const hex = SHA256_DIGEST.exec(subjectDigest)?.[1];
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
    const kept = current && (0,build_registry/* isIndex */.nw)(current)
        ? ((0,build_registry/* parseJson */.qF)(current.bytes)?.manifests ?? []).filter((entry) => entry.digest !== descriptor.digest)
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
                                    type: slsa/* SLSA_PREDICATE_TYPE */.Zk,
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
                            predicateType: slsa/* SLSA_PREDICATE_TYPE */.Zk,
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
        `  input.predicateType == ${text(slsa/* SLSA_PREDICATE_TYPE */.Zk)}`,
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

// EXTERNAL MODULE: ./tmp/ncc-input/src/core/summary.js
var core_summary = __webpack_require__(80412);
// EXTERNAL MODULE: ./tmp/ncc-input/src/actions/cosign-sign/settings.js + 3 modules
var cosign_sign_settings = __webpack_require__(13279);
// EXTERNAL MODULE: ./tmp/ncc-input/src/core/workflow-commands.js
var workflow_commands = __webpack_require__(45618);
;// CONCATENATED MODULE: ./tmp/ncc-input/src/actions/cosign-sign/run.js
















/**
 * Installs cosign, signs the digest, attests what was asked, verifies the signature, sets the outputs; with
 * method verify-only, checks the digest's provenance and signs nothing.
 */
async function cosignSign(settings, host, seams = {}) {
    const registry = seams.registry ?? new build_registry/* RegistryClient */.bP({ credentials: (0,registry_credentials/* dockerConfigCredentials */.D)() });
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
    await new core_summary/* JobSummary */.c()
        .heading('cosign-sign: provenance verified')
        .table(['', ''], [
        ['Image', (0,core_summary/* code */.a)(settings.image.toString())],
        ['Provenance', (0,core_summary/* code */.a)(provenanceRef)],
        ['Builder', (0,core_summary/* code */.a)(settings.policy.identity.source)],
        ['Source', `${settings.policy.repository} at a ref matching ${(0,core_summary/* code */.a)(settings.policy.allowedRef.source)}`],
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
    const statement = (0,slsa/* provenanceStatement */.D2)(settings.image.repository, digest, attest.predicate);
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
        ['Signature', (0,core_summary/* code */.a)(result.signatureRef)],
        ['Verified', settings.verify ? 'yes, right after signing' : 'no (verify: false)'],
        ...settings.attestations.map((source) => ['Attestation', `${(0,core_summary/* code */.a)(source.file)} (${source.description})`]),
        ...(result.bundlePath ? [['Bundle', (0,core_summary/* code */.a)(result.bundlePath)]] : []),
        ...(settings.provenance.verify ? [['Provenance checked', 'yes, before signing']] : []),
        ...(result.provenanceRef ? [['Provenance', (0,core_summary/* code */.a)(result.provenanceRef)]] : []),
        ...(result.githubAttestationId ? [['GitHub attestation', `id ${result.githubAttestationId}`]] : []),
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
