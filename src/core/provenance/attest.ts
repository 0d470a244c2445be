import { createHash, createPrivateKey, createPublicKey, sign as signBytes, type KeyObject } from 'node:crypto';
import { bundleFromJSON, bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness, type Signer, TSAWitness, type Witness } from '@sigstore/sign';
import { getTrustedRoot } from '@sigstore/tuf';
import { toSignedEntity, toTrustMaterial, Verifier, type Signer as VerifiedSigner } from '@sigstore/verify';
import { errorMessage, UserError } from '../errors.js';
import { registerSecret } from '../secrets.js';
import { IN_TOTO_PAYLOAD_TYPE, type InTotoStatement } from './slsa.js';

/** The public-good Sigstore instance, which cosign and actions/attest use for public repositories. */
export const PUBLIC_GOOD = {
  fulcioUrl: 'https://fulcio.sigstore.dev',
  rekorUrl: 'https://rekor.sigstore.dev',
} as const;
/** The issuer of GitHub Actions' OIDC tokens: the only one a reusable workflow's certificate can name. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

// Each Sigstore call: sigstore-js retries 5xx itself; this bounds every attempt. Its fetch honours HTTPS_PROXY and
// NO_PROXY (make-fetch-happen's agent).
const SIGSTORE_TIMEOUT_MS = 15_000;
const SIGSTORE_RETRIES = 2;

/** Keyless: a Fulcio certificate for the OIDC token's identity, and a Rekor entry (plus a TSA timestamp, if named). */
export interface KeylessSigning {
  method: 'keyless';
  /** The OIDC token (on GitHub: the Actions token for audience "sigstore"); read when signing, never logged. */
  identityToken: () => Promise<string>;
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl?: string;
}

/** With a key: an ECDSA/Ed25519 private key (PEM); the bundle names the key by hint, and Rekor records it if named. */
export interface KeySigning {
  method: 'key';
  privateKeyPem: string;
  /** Decrypts an encrypted PEM. */
  passphrase?: string;
  rekorUrl?: string;
  tsaUrl?: string;
}

export type SigningMethod = KeylessSigning | KeySigning;

/**
 * Signs the statement as a DSSE envelope (payload type application/vnd.in-toto+json) into a Sigstore bundle v0.3,
 * the form `cosign verify-attestation` and `gh attestation verify` read.
 */
export async function signStatement(statement: InTotoStatement, method: SigningMethod): Promise<SerializedBundle> {
  const builder = new DSSEBundleBuilder({
    signer: method.method === 'keyless' ? fulcioSigner(method) : keySigner(method),
    witnesses: witnesses(method),
  });
  try {
    const bundle = await builder.create({
      data: Buffer.from(JSON.stringify(statement), 'utf8'),
      type: IN_TOTO_PAYLOAD_TYPE,
    });
    return bundleToJSON(bundle);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`Signing the provenance failed: ${signingFailure(error)}`);
  }
}

function fulcioSigner(method: KeylessSigning): Signer {
  return new FulcioSigner({
    fulcioBaseURL: method.fulcioUrl,
    identityProvider: {
      getToken: async () => {
        const token = await method.identityToken();
        registerSecret(token);
        return token;
      },
    },
    timeout: SIGSTORE_TIMEOUT_MS,
    retry: SIGSTORE_RETRIES,
  });
}

function keySigner(method: KeySigning): Signer {
  registerSecret(method.passphrase);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: method.privateKeyPem, passphrase: method.passphrase });
  } catch {
    throw new UserError('The private key is not a PEM private key this password opens.');
  }
  const publicKey = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  return {
    sign: async (data) => ({
      // ECDSA keys sign the SHA-256 of the data; Ed25519 signs the data itself (the algorithm must be null).
      signature: signBytes(privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256', data, privateKey),
      key: { $case: 'publicKey', publicKey, hint: keyHint(publicKey) },
    }),
  };
}

/** The key's hint as cosign writes it: the base64 SHA-256 of the public key's DER. */
export function keyHint(publicKeyPem: string): string {
  return sha256Base64(createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' }));
}

function witnesses(method: SigningMethod): Witness[] {
  const list: Witness[] = [];
  if (method.rekorUrl) {
    list.push(
      // An intoto v0.0.2 entry, as `cosign attest` writes: every Rekor and its verifiers read it.
      new RekorWitness({
        rekorBaseURL: method.rekorUrl,
        entryType: 'intoto',
        timeout: SIGSTORE_TIMEOUT_MS,
        retry: SIGSTORE_RETRIES,
      }),
    );
  }
  if (method.tsaUrl) {
    list.push(new TSAWitness({ tsaBaseURL: method.tsaUrl, timeout: SIGSTORE_TIMEOUT_MS, retry: SIGSTORE_RETRIES }));
  }
  return list;
}

/** What a verified bundle says: its statement and who signed it (from the certificate, or the key). */
export interface VerifiedAttestation {
  statement: InTotoStatement;
  signer: VerifiedSigner;
}

/** The trust root: the Sigstore instance's certificate authorities, logs and timestamp authorities. */
export interface TrustRootOptions {
  /** A trusted_root.json (Sigstore's TrustedRoot, JSON); default: the public-good instance's, through TUF. */
  trustedRootJson?: unknown;
  /** For key-signed bundles: the public key (PEM) the signature must verify with. */
  publicKeyPem?: string;
  /** Require a Rekor entry (default true: the transparency log is what makes a keyless signature checkable later). */
  requireTransparencyLog?: boolean;
}

/**
 * Verifies a bundle cryptographically: the certificate chains to the trust root's Fulcio and was valid when the log
 * or the TSA saw the signature, the signature covers the envelope, the log entry is signed by the trusted log.
 * Claims (digest, identity, repository) are the caller's to check on what this returns.
 */
export async function verifyBundle(bundleJson: unknown, trust: TrustRootOptions = {}): Promise<VerifiedAttestation> {
  let bundle;
  try {
    bundle = bundleFromJSON(bundleJson);
  } catch (error) {
    throw new UserError(`The provenance bundle is not a Sigstore bundle: ${errorMessage(error)}`);
  }
  const root = trust.trustedRootJson
    ? TrustedRoot.fromJSON(trust.trustedRootJson)
    : await getTrustedRoot({ timeout: SIGSTORE_TIMEOUT_MS });
  const keys = trust.publicKeyPem ? publicKeysByHint(trust.publicKeyPem) : undefined;
  const requireLog = trust.requireTransparencyLog ?? true;
  const verifier = new Verifier(toTrustMaterial(root, keys), {
    tlogThreshold: requireLog ? 1 : 0,
    ctlogThreshold: bundle.verificationMaterial.content.$case === 'publicKey' ? 0 : 1,
    timestampThreshold: requireLog || bundle.verificationMaterial.content.$case !== 'publicKey' ? 1 : 0,
  });
  let signer: VerifiedSigner;
  try {
    signer = verifier.verify(toSignedEntity(bundle));
  } catch (error) {
    throw new UserError(`The provenance signature does not verify: ${errorMessage(error)}`);
  }
  if (bundle.content.$case !== 'dsseEnvelope' || bundle.content.dsseEnvelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new UserError('The provenance bundle holds no in-toto statement (DSSE, application/vnd.in-toto+json).');
  }
  const statement = parseStatement(bundle.content.dsseEnvelope.payload);
  return { statement, signer };
}

function parseStatement(payload: Buffer): InTotoStatement {
  try {
    return JSON.parse(payload.toString('utf8')) as InTotoStatement;
  } catch {
    throw new UserError('The provenance bundle signs a payload that is not JSON.');
  }
}

function publicKeysByHint(publicKeyPem: string): Record<string, { rawBytes: Buffer; keyDetails: number }> {
  const key = createPublicKey(publicKeyPem);
  const rawBytes = key.export({ format: 'der', type: 'spki' });
  // PublicKeyDetails: PKIX_ECDSA_P256_SHA_256 = 5, PKIX_ED25519 = 7.
  const keyDetails = key.asymmetricKeyType === 'ed25519' ? 7 : 5;
  return { [sha256Base64(rawBytes)]: { rawBytes, keyDetails } };
}

/** A Fulcio certificate extension (OID 1.3.6.1.4.1.57264.1.N) of the verified signer, as text. */
export function certificateClaim(signer: VerifiedSigner, oid: string): string | undefined {
  const found = signer.identity?.oids?.find((entry) => entry.oid?.id.join('.') === oid);
  return found ? derText(Buffer.from(found.value)) : undefined;
}

/** Fulcio writes the newer extensions as DER UTF8String, the legacy ones as raw bytes. */
function derText(value: Buffer): string {
  if (value[0] !== 0x0c || value.length < 2) return value.toString('utf8');
  const first = value[1]!;
  if (first < 0x80) return value.subarray(2, 2 + first).toString('utf8');
  const lengthBytes = first & 0x7f;
  const length = value.subarray(2, 2 + lengthBytes).reduce((total, byte) => total * 256 + byte, 0);
  return value.subarray(2 + lengthBytes, 2 + lengthBytes + length).toString('utf8');
}

function sha256Base64(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** sigstore-js errors carry an HTTP status and the service's message; no token is ever in them. */
function signingFailure(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string; cause?: unknown };
  const cause = (error as { cause?: unknown })?.cause;
  return [code, message, cause ? errorMessage(cause) : undefined].filter(Boolean).join(': ');
}
