import { describeKey, INLINE_KEY_VARIABLE, type SigningKey } from './signing-key.js';

export const SIGNING_MODES = ['keyless', 'key'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

/** What `cosign verify` must be told about the signer, as run here and as a user pastes it. */
export interface SignerCheck {
  /** For the verification right after signing. */
  args: string[];
  /** For the command users paste: the same check, with paths they can have (e.g. their copy of the public key). */
  pasteArgs: string[];
  /** A public key derived here, shown in the summary so users can save it as the file `pasteArgs` names. */
  publicKeyPem?: string;
}

/** Derives the public half of a private key; cosign does it (it knows the encrypted formats). */
export type PublicKeyDeriver = (method: KeySigning) => Promise<{ file: string; pem: string }>;

/** Who signs: a short-lived Fulcio certificate for the workflow's identity, or a key the user holds. */
export interface SigningMethod {
  readonly mode: SigningMode;
  /** Flags for `cosign sign` and `cosign attest`. */
  signArgs(): string[];
  /** Variables cosign needs (key material, password): passed in its environment, never on argv. */
  env(): Record<string, string>;
  signerCheck(derivePublicKey: PublicKeyDeriver): Promise<SignerCheck>;
  /** One line for logs and the summary; never key material. */
  describe(): string;
}

/** Keyless: cosign trades the job's OIDC token for a Fulcio certificate naming the workflow. */
export class KeylessSigning implements SigningMethod {
  readonly mode = 'keyless';

  constructor(
    /** The certificate's SAN: `https://github.com/<owner>/<repo>/<workflow path>@<ref>`. */
    readonly identity: string,
    readonly issuer: string = GITHUB_OIDC_ISSUER,
  ) {}

  signArgs(): string[] {
    return [];
  }

  env(): Record<string, string> {
    return {};
  }

  async signerCheck(): Promise<SignerCheck> {
    const args = ['--certificate-identity', this.identity, '--certificate-oidc-issuer', this.issuer];
    return { args, pasteArgs: args };
  }

  describe(): string {
    return `keyless, as ${this.identity} (issuer ${this.issuer})`;
  }
}

/** A cosign key pair: a file, a variable, inline PEM, or a KMS key. */
export class KeySigning implements SigningMethod {
  readonly mode = 'key';

  constructor(
    readonly key: SigningKey,
    private readonly password: string | undefined,
    /** The public key to verify with, as the user gave it (a file or KMS URI); derived when absent. */
    private readonly publicKey: { reference: string; asWritten: string } | undefined,
  ) {}

  signArgs(): string[] {
    return ['--key', this.key.reference];
  }

  env(): Record<string, string> {
    return {
      ...(this.key.kind === 'inline' ? { [INLINE_KEY_VARIABLE]: this.key.pem } : {}),
      ...(this.password !== undefined ? { COSIGN_PASSWORD: this.password } : {}),
    };
  }

  async signerCheck(derivePublicKey: PublicKeyDeriver): Promise<SignerCheck> {
    if (this.publicKey) {
      return { args: ['--key', this.publicKey.reference], pasteArgs: ['--key', this.publicKey.asWritten] };
    }
    // A KMS key verifies by the same URI: cosign fetches its public half.
    if (this.key.kind === 'kms')
      return { args: ['--key', this.key.reference], pasteArgs: ['--key', this.key.reference] };
    const derived = await derivePublicKey(this);
    return { args: ['--key', derived.file], pasteArgs: ['--key', 'cosign.pub'], publicKeyPem: derived.pem };
  }

  describe(): string {
    return `key ${describeKey(this.key)}`;
  }
}
