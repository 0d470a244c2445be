/** One signature `cosign verify` accepted: the claims it printed on stdout. */
export interface VerifiedSignature {
  /** The image digest the signature covers (`critical.image.docker-manifest-digest`). */
  digest: string;
  /** The repository the signer named (`critical.identity.docker-reference`). */
  dockerReference: string;
  /** The certificate's subject and issuer, when cosign printed them (keyless, legacy format). */
  subject?: string;
  issuer?: string;
}

/**
 * Reads what `cosign verify` prints on stdout: a JSON array of simple-signing claims, one per valid signature.
 * Anything else is a bug in our understanding of cosign, not a user mistake.
 */
export function parseVerifyOutput(stdout: string): VerifiedSignature[] {
  const start = stdout.indexOf('[');
  let parsed: unknown;
  try {
    parsed = JSON.parse(start >= 0 ? stdout.slice(start) : stdout);
  } catch {
    throw new Error(`cosign verify printed no JSON array of signatures: ${stdout.slice(0, 200)}`);
  }
  if (!Array.isArray(parsed)) throw new Error('cosign verify printed JSON that is not an array of signatures.');
  return parsed.map(toSignature);
}

function toSignature(entry: unknown): VerifiedSignature {
  const critical = field(entry, 'critical');
  const digest = field(field(critical, 'image'), 'docker-manifest-digest');
  if (typeof digest !== 'string') throw new Error('A signature cosign verify printed has no docker-manifest-digest.');
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

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** Fails unless cosign vouched for exactly the digest we signed: a signature of anything else proves nothing. */
export function requireDigest(signatures: readonly VerifiedSignature[], digest: string, image: string): void {
  if (signatures.length === 0) throw new Error(`cosign verify accepted no signature of ${image}.`);
  const others = signatures.filter((signature) => signature.digest !== digest);
  if (others.length > 0) {
    const found = [...new Set(others.map((signature) => signature.digest))].join(', ');
    throw new Error(`cosign verify returned signatures of ${found}, not of the signed digest ${digest} (${image}).`);
  }
}
