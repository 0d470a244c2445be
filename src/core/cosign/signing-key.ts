import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../errors.js';
import { readFileAtMost } from '../read-file.js';
import { registerSecret } from '../secrets.js';

/** The key-management systems cosign signs with by URI; the private key never leaves them. */
export const KMS_SCHEMES = ['awskms://', 'gcpkms://', 'azurekms://', 'hashivault://', 'k8s://'] as const;

/** The variable the action hands a key given inline (as PEM text) to cosign through, so it never reaches argv. */
export const INLINE_KEY_VARIABLE = 'COSIGN_PRIVATE_KEY';

// cosign generate-key-pair writes the first label; cosign 2.x and later (and sigstore-rs) the second.
const COSIGN_KEY_LABELS = ['ENCRYPTED COSIGN PRIVATE KEY', 'ENCRYPTED SIGSTORE PRIVATE KEY'];
const PEM_LABEL = /-----BEGIN ([A-Z0-9 ]+)-----/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// A PEM stored base64-encoded, as secrets often are: only base64 characters, and long enough to hold a key.
const BASE64_TEXT = /^[A-Za-z0-9+/=\s]{64,}$/;
const MAX_KEY_BYTES = 64 * 1024;

/**
 * Where the signing key lives, as the user named it: a file, an environment variable, PEM text given inline,
 * or a key-management URI. `reference` is what cosign's --key takes; the key material is never part of it.
 */
export type SigningKey =
  | { kind: 'file'; reference: string; path: string; encrypted: boolean }
  | { kind: 'env'; reference: string; variable: string; encrypted: boolean }
  | { kind: 'inline'; reference: string; pem: string; encrypted: boolean }
  | { kind: 'kms'; reference: string; encrypted: false };

/**
 * Reads the `key` input. A file or variable is opened here, so a public key, a key cosign cannot read or an
 * encrypted key without a password fails before anything is installed or signed.
 */
export function readSigningKey(value: string, workspace: string, env: NodeJS.ProcessEnv): SigningKey {
  registerSecret(value);
  const pem = PEM_LABEL.test(value) ? value : decodedPem(value);
  if (pem !== undefined) {
    registerSecret(pem);
    return { kind: 'inline', reference: `env://${INLINE_KEY_VARIABLE}`, pem, ...inspectPem(pem, 'key') };
  }
  const scheme = /^([a-z0-9]+):\/\//.exec(value)?.[0];
  if (scheme === 'env://') return envKey(value.slice(scheme.length), env);
  if (scheme && (KMS_SCHEMES as readonly string[]).includes(scheme)) {
    return { kind: 'kms', reference: value, encrypted: false };
  }
  if (scheme) {
    throw new UserError(
      `Input "private-key" uses the unknown scheme "${scheme}": use a file path, env://NAME, or one of ${KMS_SCHEMES.join(', ')}.`,
    );
  }
  const file = path.resolve(workspace, value);
  // A bare NAME that is no file but is set in the environment is that variable, as in `key: COSIGN_KEY`.
  if (!existsSync(file) && ENV_NAME.test(value) && env[value] !== undefined) return envKey(value, env);
  return fileKey(value, file);
}

/** The PEM a base64 text decodes to, if it is one. */
function decodedPem(value: string): string | undefined {
  if (!BASE64_TEXT.test(value)) return undefined;
  const decoded = Buffer.from(value.replace(/\s+/g, ''), 'base64').toString('utf8');
  return PEM_LABEL.test(decoded) ? decoded : undefined;
}

function envKey(variable: string, env: NodeJS.ProcessEnv): SigningKey {
  if (!ENV_NAME.test(variable))
    throw new UserError(`"${variable}" in input "private-key" is not an environment variable name.`);
  const value = env[variable];
  if (!value)
    throw new UserError(
      `Input "private-key" names the environment variable ${variable}, which is not set or is empty.`,
    );
  registerSecret(value);
  const pem = PEM_LABEL.test(value) ? value : (decodedPem(value) ?? value);
  registerSecret(pem);
  return {
    kind: 'env',
    reference: `env://${variable}`,
    variable,
    ...inspectPem(pem, `environment variable ${variable}`),
  };
}

function fileKey(value: string, file: string): SigningKey {
  let text: string;
  try {
    text = readFileAtMost(
      file,
      MAX_KEY_BYTES,
      () => new UserError('The key file input "private-key" names is too large to be a key.'),
    ).toString('utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    // The value is not quoted: it may be a key in a shape this action does not know, and it is masked anyway.
    throw new UserError(
      `Input "private-key" is no PEM key, no base64 of one, no env://NAME and no KMS URI, and no readable key file ` +
        `(${(error as NodeJS.ErrnoException).code ?? error}).`,
    );
  }
  registerSecret(text);
  return { kind: 'file', reference: file, path: file, ...inspectPem(text, `key file ${value}`) };
}

/** Reads the PEM label: only cosign's own (always encrypted) private-key formats can sign. */
function inspectPem(text: string, where: string): { encrypted: boolean } {
  const label = PEM_LABEL.exec(text)?.[1];
  if (label === undefined) throw new UserError(`The ${where} holds no PEM block; expected a cosign private key.`);
  if (COSIGN_KEY_LABELS.includes(label)) return { encrypted: true };
  if (label.includes('PUBLIC KEY')) {
    throw new UserError(`The ${where} is a public key ("${label}"); signing needs the private key.`);
  }
  throw new UserError(
    `The ${where} is a "${label}" PEM, not a cosign key; convert it with "cosign import-key-pair --key <file>".`,
  );
}

/** Whether cosign will find a password: the input, or COSIGN_PASSWORD already set for the job (possibly empty). */
export function requirePasswordIfNeeded(key: SigningKey, password: string | undefined, env: NodeJS.ProcessEnv): void {
  if (!key.encrypted || password !== undefined || env.COSIGN_PASSWORD !== undefined) return;
  throw new UserError(
    `The key ${describeKey(key)} is encrypted and needs its password: set input "private-key-password" (or COSIGN_PASSWORD in env for a key with an empty password).`,
  );
}

/** How to name a key in a message without its contents. */
export function describeKey(key: SigningKey): string {
  if (key.kind === 'inline') return 'given inline';
  if (key.kind === 'env') return `in ${key.variable}`;
  return key.reference;
}
