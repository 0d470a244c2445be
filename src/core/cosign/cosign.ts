import { execTool, type ExecResult } from '../exec.js';
import { installTool, type InstallOptions, type ToolRequest } from '../installer.js';
import type { PredicateType } from './attestation.js';
import { CosignVersion } from './cosign-version.js';
import type { SignatureFormat } from './signature-format.js';
import type { KeySigning, SigningMethod } from './signing-method.js';
import { parseVerifyOutput, type VerifiedSignature } from './verification.js';

export interface SignRequest {
  /** `repository@sha256:...`: cosign is never given a tag, which could move between scan and sign. */
  image: string;
  signing: SigningMethod;
  format: SignatureFormat;
  /** `key=value` pairs, signed into the payload. */
  annotations: readonly string[];
  /** Where cosign also writes the Sigstore bundle, when the format writes one. */
  bundleFile?: string;
}

export interface AttestRequest {
  image: string;
  signing: SigningMethod;
  format: SignatureFormat;
  type: PredicateType;
  predicateFile: string;
}

/** The cosign CLI at a known version; every call goes through one `exec`. */
export class Cosign {
  private constructor(
    private readonly bin: string,
    readonly version: CosignVersion,
  ) {}

  /** The pinned cosign: the one on PATH if it is that version, else the tool cache's, else a verified download. */
  static async install(request: Omit<ToolRequest, 'tool'>, options: InstallOptions = {}): Promise<Cosign> {
    const installed = await installTool({ ...request, tool: 'cosign' }, options);
    return new Cosign(installed.path, CosignVersion.parse(installed.version));
  }

  async sign(request: SignRequest): Promise<void> {
    await this.exec(
      [
        'sign',
        '--yes',
        ...request.format.signFlags(),
        ...request.signing.signArgs(),
        ...(request.bundleFile ? ['--bundle', request.bundleFile] : []),
        ...request.annotations.flatMap((annotation) => ['-a', annotation]),
        request.image,
      ],
      request.signing.env(),
    );
  }

  /** Signs the predicate as an in-toto statement about the image and attaches it. */
  async attest(request: AttestRequest): Promise<void> {
    await this.exec(
      [
        'attest',
        '--yes',
        ...request.format.signFlags(),
        ...request.signing.signArgs(),
        '--type',
        request.type,
        '--predicate',
        request.predicateFile,
        request.image,
      ],
      request.signing.env(),
    );
  }

  /** Runs `cosign <verifyArgs>` (see {@link verifyArgs}) and returns the signatures it accepted. */
  async verify(args: readonly string[]): Promise<VerifiedSignature[]> {
    const { stdout } = await this.exec(args);
    return parseVerifyOutput(stdout);
  }

  /** Writes the public half of the signing key pair to `outfile` as PEM. */
  async writePublicKey(signing: KeySigning, outfile: string): Promise<void> {
    await this.exec(['public-key', '--key', signing.key.reference, '--outfile', outfile], signing.env());
  }

  private exec(args: readonly string[], env: Record<string, string> = {}): Promise<ExecResult> {
    return execTool(this.bin, args, { env });
  }
}

/** The argv of `cosign verify` for a digest-pinned image: shared by the check here and the command users paste. */
export function verifyArgs(image: string, format: SignatureFormat, signerArgs: readonly string[]): string[] {
  return ['verify', ...format.verifyFlags(), ...signerArgs, image];
}
