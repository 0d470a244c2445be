import * as path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { readAttestationSource, type AttestationSource } from '../../core/cosign/attestation.js';
import { CosignVersion } from '../../core/cosign/cosign-version.js';
import { SIGNATURE_FORMATS, signatureFormat, type SignatureFormat } from '../../core/cosign/signature-format.js';
import { KMS_SCHEMES, readSigningKey, requirePasswordIfNeeded } from '../../core/cosign/signing-key.js';
import {
  GITHUB_OIDC_ISSUER,
  KeylessSigning,
  KeySigning,
  SIGNING_MODES,
  type SigningMethod,
  type SigningMode,
} from '../../core/cosign/signing-method.js';
import { UserError } from '../../core/errors.js';
import { ImageRef } from '../../core/image-ref.js';
import type { InputReader } from '../../core/inputs.js';
import type { SlsaProvenancePredicate } from '../../core/provenance/slsa.js';
import type { ProvenancePolicy } from '../../core/provenance/verify.js';
import { DEFAULT_ALLOWED_REFS } from '../../core/provenance/defaults.js';
import { registerSecret } from '../../core/secrets.js';
import { RELEASES } from '../../core/tool-versions.js';
import { escapeRegExp, userRegExp } from '../../core/regexp.js';
import type { RunContext } from '../../core/run-context.js';
import type { SettingsHost } from '../host.js';
import { readGitHubApiUrl } from '../../core/github/api-url.js';
import { parseRepositoryName, type RepositoryName } from '../../core/github/repository.js';

export const INPUTS = {
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
} as const;

export const OUTPUTS = {
  signatureRef: 'signature-ref',
  bundlePath: 'bundle-path',
  verifyCommand: 'verify-command',
  provenanceRef: 'provenance-ref',
  admissionPolicy: 'admission-policy',
  githubAttestationId: 'github-attestation-id',
} as const;

/** What cosign-sign does with the build's SLSA provenance (sigstore-js, not cosign: see docs/provenance.md). */
export interface ProvenanceSettings {
  /** Sign the predicate for the digest and attach the bundle to the image. */
  attest?: { predicate: SlsaProvenancePredicate; signing: ProvenanceSigning };
  /** Before signing: find the digest's attached provenance and check it against this policy. */
  verify?: ProvenancePolicy;
  /** Keep the OCI referrers tag on a registry without the referrers API. */
  tagFallback: boolean;
  /** Also record the signed provenance with GitHub's artifact attestations API, in the run's repository. */
  githubAttestation?: { repository: RepositoryName; token: string; apiUrl: string };
}

export interface CosignSignSettings {
  /** The image, pinned by digest (a tag it also carried is dropped). */
  image: ImageRef;
  signing: SigningMethod;
  format: SignatureFormat;
  annotations: string[];
  attestations: AttestationSource[];
  /** The cosign to install: a pinned version, or another one with the SHA-256 of its release binary. */
  cosign: { version: string; sha256?: string };
  verify: boolean;
  provenance: ProvenanceSettings;
  /** Found while reading the inputs, printed as warnings once the action runs. */
  warnings: string[];
}

/**
 * How the provenance is signed: the OIDC token is read when signing, so keyless settings carry only the URLs
 * (absent: Sigstore's public-good instance).
 */
export type ProvenanceSigning =
  | { method: 'keyless'; fulcioUrl?: string; rekorUrl?: string }
  | { method: 'key'; privateKeyPem: string; passphrase?: string; rekorUrl?: string };

/** method: verify-only: the digest's provenance is checked and nothing is signed. */
export interface VerifyOnlySettings {
  image: ImageRef;
  policy: ProvenancePolicy;
}

export function isVerifyOnly(settings: CosignSignSettings | VerifyOnlySettings): settings is VerifyOnlySettings {
  return 'policy' in settings;
}

const METHODS = [...SIGNING_MODES, 'verify-only'] as const;

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
export function readCosignSignSettings(
  inputs: InputReader,
  host: SettingsHost,
): CosignSignSettings | VerifyOnlySettings {
  const { workspace } = host;
  // First, whatever their shape (a path, PEM, base64 of a PEM, a variable name), so no later line can show them.
  const password = inputs.optional(INPUTS.privateKeyPassword);
  registerSecret(password);
  registerSecret(inputs.optional(INPUTS.privateKey));
  const image = readImage(inputs.required(INPUTS.imageRef));
  const digest = image.digest as string;
  const method = inputs.choice(INPUTS.method, METHODS, inputs.optional(INPUTS.privateKey) ? 'key' : 'keyless');
  if (method === 'verify-only') return readVerifyOnly(inputs, image, host.context);
  const version = inputs.optional(INPUTS.cosignVersion) ?? RELEASES.cosign.defaultVersion;
  const warnings: string[] = [];
  const signing = readSigningMethod(inputs, method, password, workspace, host);
  return {
    image,
    signing,
    format: signatureFormat(inputs.choice(INPUTS.signatureFormat, SIGNATURE_FORMATS, 'bundle'), parseVersion(version)),
    annotations: inputs.lines(INPUTS.annotations).map(readAnnotation),
    attestations: readAttest(inputs).map((file) =>
      readAttestationSource(file, workspace, digest, (message) => warnings.push(message)),
    ),
    cosign: { version, ...optional('sha256', inputs.optional(INPUTS.cosignSha256)) },
    verify: inputs.boolean(INPUTS.verify, true),
    provenance: readProvenance(inputs, digest, signing, password, host),
    warnings,
  };
}

function readProvenance(
  inputs: InputReader,
  digest: string,
  signing: SigningMethod,
  password: string | undefined,
  host: SettingsHost,
): ProvenanceSettings {
  const { env, context } = host;
  const tagFallback = inputs.boolean(INPUTS.provenanceTagFallback, true);
  const attest = inputs.boolean(INPUTS.attestProvenance, false);
  const verify = inputs.boolean(INPUTS.verifyProvenance, false);
  const text = inputs.optional(INPUTS.provenance);
  if (attest && !text) {
    throw new UserError(
      `Input "${INPUTS.attestProvenance}" needs input "${INPUTS.provenance}": the predicate build-multistage outputs as provenance.`,
    );
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
function readGitHubAttestation(
  inputs: InputReader,
  attest: boolean,
  { env, context }: SettingsHost,
): NonNullable<ProvenanceSettings['githubAttestation']> {
  if (!attest) {
    throw new UserError(
      `Input "${INPUTS.githubAttestation}" records the provenance this step signs: set "${INPUTS.attestProvenance}" to true.`,
    );
  }
  const token = inputs.optional(INPUTS.githubToken);
  registerSecret(token);
  if (!token) {
    throw new UserError(
      `Input "${INPUTS.githubAttestation}" needs "${INPUTS.githubToken}": a token with attestations: write on the repository.`,
    );
  }
  if (!context.repository) {
    throw new UserError(`GITHUB_REPOSITORY is not set, so there is no repository to record the attestation in.`);
  }
  return {
    repository: parseRepositoryName(context.repository, 'GITHUB_REPOSITORY'),
    token,
    apiUrl: readGitHubApiUrl(inputs, INPUTS.githubApiUrl, env),
  };
}

function readPredicate(text: string): SlsaProvenancePredicate {
  let predicate: SlsaProvenancePredicate;
  try {
    predicate = JSON.parse(text) as SlsaProvenancePredicate;
  } catch {
    throw new UserError(
      `Input "${INPUTS.provenance}" is not JSON: pass build-multistage's provenance output as it is.`,
    );
  }
  if (typeof predicate?.runDetails?.builder?.id !== 'string' || !predicate.buildDefinition?.buildType) {
    throw new UserError(
      `Input "${INPUTS.provenance}" is not a SLSA provenance v1 predicate (no buildDefinition.buildType or runDetails.builder.id).`,
    );
  }
  return predicate;
}

/** The same signer as the image signature: the job's OIDC token, or the key when it is PEM the runner can read. */
function readProvenanceSigning(
  inputs: InputReader,
  signing: SigningMethod,
  password: string | undefined,
  env: NodeJS.ProcessEnv,
): ProvenanceSigning {
  const urls = {
    ...optional('fulcioUrl', inputs.optional(INPUTS.fulcioUrl)),
    ...optional('rekorUrl', inputs.optional(INPUTS.rekorUrl)),
  };
  if (!(signing instanceof KeySigning)) return { method: 'keyless', ...urls };
  const key = signing.key;
  const pem =
    key.kind === 'inline'
      ? key.pem
      : key.kind === 'env'
        ? env[key.variable]
        : key.kind === 'file'
          ? readFileSync(key.path, 'utf8')
          : undefined;
  if (!pem) {
    throw new UserError(
      `Input "${INPUTS.attestProvenance}" signs with sigstore-js, which cannot use the KMS key ${key.reference}: sign keylessly or with a PEM key.`,
    );
  }
  return {
    method: 'key',
    privateKeyPem: pem,
    ...optional('passphrase', password),
    ...optional('rekorUrl', urls.rekorUrl),
  };
}

/** The default identity: this library's reusable workflows (deliver-pull, deliver-push) at any ref. */
function readProvenancePolicy(inputs: InputReader, digest: string, context: RunContext): ProvenancePolicy {
  const server = context.serverUrl;
  const library = context.actionRepository;
  const identityText =
    inputs.optional(INPUTS.provenanceIdentity) ??
    (library ? `${escapeRegExp(`${server}/${library}/.github/workflows/`)}deliver-(pull|push)\\.yml@.+` : undefined);
  if (!identityText) {
    throw new UserError(
      `GITHUB_ACTION_REPOSITORY is not set, so the expected builder is unknown: set input "${INPUTS.provenanceIdentity}".`,
    );
  }
  if (!context.repository) {
    throw new UserError(`GITHUB_REPOSITORY is not set, so the caller's repository is unknown: run on GitHub Actions.`);
  }
  return {
    digest,
    identity: userRegExp(identityText, INPUTS.provenanceIdentity),
    issuer: inputs.string(INPUTS.certificateOidcIssuer, GITHUB_OIDC_ISSUER),
    repository: `${server}/${context.repository}`,
    allowedRef: userRegExp(
      inputs.string(INPUTS.provenanceAllowedRefs, DEFAULT_ALLOWED_REFS),
      INPUTS.provenanceAllowedRefs,
    ),
  };
}

function readImage(text: string): ImageRef {
  const image = ImageRef.parse(text, INPUTS.imageRef);
  if (image.digest) return ImageRef.parse(image.withVersion({ digest: image.digest }));
  throw new UserError(
    `Input "${INPUTS.imageRef}" must be pinned by digest (${image.spelledName}@sha256:...), not ${image.tag ? `the tag "${image.tag}"` : 'a bare name'}: a tag can move between the scan and the signature, so the image signed may not be the image scanned. Use the digest your push step printed.`,
  );
}

function parseVersion(version: string): CosignVersion {
  try {
    return CosignVersion.parse(version);
  } catch {
    throw new UserError(
      `Input "${INPUTS.cosignVersion}" must be a cosign version like ${RELEASES.cosign.defaultVersion}, got "${version}".`,
    );
  }
}

function readVerifyOnly(inputs: InputReader, image: ImageRef, context: RunContext): VerifyOnlySettings {
  const signingInput = SIGNING_ONLY_INPUTS.find((name) => inputs.optional(name) !== undefined);
  if (signingInput) {
    throw new UserError(`Input "${signingInput}" is for signing, and ${INPUTS.method}: verify-only signs nothing.`);
  }
  if (readAttest(inputs).length > 0 || inputs.boolean(INPUTS.attestProvenance, false)) {
    throw new UserError(
      `Inputs "${INPUTS.attest}" and "${INPUTS.attestProvenance}" sign attestations, and ${INPUTS.method}: verify-only signs nothing.`,
    );
  }
  if (inputs.boolean(INPUTS.githubAttestation, false)) {
    throw new UserError(
      `Input "${INPUTS.githubAttestation}" records a provenance this step signs, and ${INPUTS.method}: verify-only signs nothing.`,
    );
  }
  if (!inputs.boolean(INPUTS.verifyProvenance, false)) {
    throw new UserError(
      `${INPUTS.method}: verify-only checks the provenance: set "${INPUTS.verifyProvenance}" to true.`,
    );
  }
  return { image, policy: readProvenancePolicy(inputs, image.digest as string, context) };
}

function readSigningMethod(
  inputs: InputReader,
  mode: SigningMode,
  password: string | undefined,
  workspace: string,
  { env, context }: SettingsHost,
): SigningMethod {
  const keyInput = inputs.optional(INPUTS.privateKey);
  if (mode === 'keyless') {
    for (const name of [INPUTS.privateKey, INPUTS.privateKeyPassword, INPUTS.publicKey]) {
      if (inputs.optional(name))
        throw new UserError(`Input "${name}" is for ${INPUTS.method}: key; remove it or set ${INPUTS.method}: key.`);
    }
    return readKeyless(inputs, env, context);
  }
  if (!keyInput) {
    throw new UserError(
      `${INPUTS.method}: key needs input "${INPUTS.privateKey}": a key file, env://NAME, or a KMS URI.`,
    );
  }
  const key = readSigningKey(keyInput, workspace, env);
  requirePasswordIfNeeded(key, password, env);
  return new KeySigning(key, password, readPublicKey(inputs, workspace));
}

/** Keyless needs the job's OIDC token; without `id-token: write` the runner gives none and cosign would fail late. */
function readKeyless(inputs: InputReader, env: NodeJS.ProcessEnv, context: RunContext): KeylessSigning {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new UserError(
      'Keyless signing needs the job permission "id-token: write", which this job lacks: add "permissions: id-token: write" to the job, or sign with method: key.',
    );
  }
  const issuer = inputs.string(INPUTS.certificateOidcIssuer, GITHUB_OIDC_ISSUER);
  const identity = inputs.optional(INPUTS.certificateIdentity);
  if (identity) return new KeylessSigning(identity, issuer);
  if (!context.workflowRef) {
    throw new UserError(
      `GITHUB_WORKFLOW_REF is not set, so the signer identity is unknown: set input "${INPUTS.certificateIdentity}".`,
    );
  }
  // Fulcio names the workflow file and ref that ran, e.g. https://github.com/acme/api/.github/workflows/ci.yml@refs/heads/main.
  return new KeylessSigning(`${context.serverUrl}/${context.workflowRef}`, issuer);
}

function readPublicKey(inputs: InputReader, workspace: string): { reference: string; asWritten: string } | undefined {
  const value = inputs.optional(INPUTS.publicKey);
  if (!value) return undefined;
  if (KMS_SCHEMES.some((scheme) => value.startsWith(scheme))) return { reference: value, asWritten: value };
  const file = path.resolve(workspace, value);
  if (!existsSync(file))
    throw new UserError(`The public key file "${value}" (input "${INPUTS.publicKey}") does not exist.`);
  return { reference: file, asWritten: value };
}

function readAnnotation(line: string): string {
  if (!/^[^=\s]+=/.test(line)) {
    throw new UserError(`Annotation "${line}" in input "${INPUTS.annotations}" must be key=value, one per line.`);
  }
  return line;
}

function readAttest(inputs: InputReader): string[] {
  const files = inputs.list(INPUTS.attest);
  return files.length === 1 && files[0] === 'none' ? [] : files;
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}
