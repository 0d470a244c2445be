import * as os from 'node:os';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
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
} from '../../core/cosign/signing-method.js';
import { UserError } from '../../core/errors.js';
import { ImageRef } from '../../core/image-ref.js';
import type { InputReader } from '../../core/inputs.js';
import { registerSecret } from '../../core/secrets.js';
import { RELEASES } from '../../core/tool-versions.js';

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
} as const;

export const OUTPUTS = {
  signatureRef: 'signature-ref',
  bundlePath: 'bundle-path',
  verifyCommand: 'verify-command',
} as const;

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
  /** Where scratch files (bundle, predicates, derived public key) go: the runner's temp folder. */
  tempDir: string;
  /** Found while reading the inputs, printed as warnings once the action runs. */
  warnings: string[];
}

/** Every check that needs no network: a bad input fails here, before cosign is installed or anything is signed. */
export function readCosignSignSettings(inputs: InputReader, env: NodeJS.ProcessEnv = process.env): CosignSignSettings {
  // First, whatever their shape (a path, PEM, base64 of a PEM, a variable name), so no later line can show them.
  const password = inputs.optional(INPUTS.privateKeyPassword);
  registerSecret(password);
  registerSecret(inputs.optional(INPUTS.privateKey));
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const image = readImage(inputs.required(INPUTS.imageRef));
  const digest = image.digest as string;
  const version = inputs.optional(INPUTS.cosignVersion) ?? RELEASES.cosign.defaultVersion;
  const warnings: string[] = [];
  return {
    image,
    signing: readSigningMethod(inputs, password, workspace, env),
    format: signatureFormat(inputs.choice(INPUTS.signatureFormat, SIGNATURE_FORMATS, 'bundle'), parseVersion(version)),
    annotations: inputs.lines(INPUTS.annotations).map(readAnnotation),
    attestations: readAttest(inputs).map((file) =>
      readAttestationSource(file, workspace, digest, (message) => warnings.push(message)),
    ),
    cosign: { version, ...optional('sha256', inputs.optional(INPUTS.cosignSha256)) },
    verify: inputs.boolean(INPUTS.verify, true),
    tempDir: env.RUNNER_TEMP ?? os.tmpdir(),
    warnings,
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

function readSigningMethod(
  inputs: InputReader,
  password: string | undefined,
  workspace: string,
  env: NodeJS.ProcessEnv,
): SigningMethod {
  const keyInput = inputs.optional(INPUTS.privateKey);
  const mode = inputs.choice(INPUTS.method, SIGNING_MODES, keyInput ? 'key' : 'keyless');
  if (mode === 'keyless') {
    for (const name of [INPUTS.privateKey, INPUTS.privateKeyPassword, INPUTS.publicKey]) {
      if (inputs.optional(name))
        throw new UserError(`Input "${name}" is for ${INPUTS.method}: key; remove it or set ${INPUTS.method}: key.`);
    }
    return readKeyless(inputs, env);
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
function readKeyless(inputs: InputReader, env: NodeJS.ProcessEnv): KeylessSigning {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new UserError(
      'Keyless signing needs the job permission "id-token: write", which this job lacks: add "permissions: id-token: write" to the job, or sign with method: key.',
    );
  }
  const issuer = inputs.string(INPUTS.certificateOidcIssuer, GITHUB_OIDC_ISSUER);
  const identity = inputs.optional(INPUTS.certificateIdentity);
  if (identity) return new KeylessSigning(identity, issuer);
  if (!env.GITHUB_WORKFLOW_REF) {
    throw new UserError(
      `GITHUB_WORKFLOW_REF is not set, so the signer identity is unknown: set input "${INPUTS.certificateIdentity}".`,
    );
  }
  // Fulcio names the workflow file and ref that ran, e.g. https://github.com/acme/api/.github/workflows/ci.yml@refs/heads/main.
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return new KeylessSigning(`${server}/${env.GITHUB_WORKFLOW_REF}`, issuer);
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
