import { UserError } from '../errors.js';
import { certificateClaim, verifyBundle, type TrustRootOptions, type VerifiedAttestation } from './attest.js';
import { SLSA_PREDICATE_TYPE, type SlsaProvenancePredicate } from './slsa.js';

// Fulcio's certificate extensions (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md).
const OID_SOURCE_REPOSITORY_URI = '1.3.6.1.4.1.57264.1.12';
const OID_SOURCE_REPOSITORY_DIGEST = '1.3.6.1.4.1.57264.1.13';
const OID_SOURCE_REPOSITORY_REF = '1.3.6.1.4.1.57264.1.14';

/** What a provenance must say for the delivery to go on. */
export interface ProvenancePolicy {
  /** The image manifest digest (sha256:...) being handed off. */
  digest: string;
  /** Matches the whole builder identity: the certificate SAN (keyless) and the predicate's builder.id. */
  identity: RegExp;
  /** The OIDC issuer the certificate must name (keyless). */
  issuer: string;
  /** https://github.com/OWNER/REPO: the caller's repository. */
  repository: string;
  /** Matches the whole ref the commit was built from (refs/heads/main, refs/tags/v1.2.3). */
  allowedRef: RegExp;
}

/**
 * Checks what a cryptographically verified provenance claims, in the order a reader asks: is it about this image,
 * signed by the expected workflow, built from the caller's repository, at an allowed ref. The first claim that fails
 * is the one-line error; nothing passes on a claim that is missing.
 */
export function checkProvenanceClaims(
  attestation: VerifiedAttestation,
  policy: ProvenancePolicy,
): SlsaProvenancePredicate {
  const { statement, signer } = attestation;
  if (statement.predicateType !== SLSA_PREDICATE_TYPE) {
    fail('predicate type', `is ${JSON.stringify(statement.predicateType)}, not ${SLSA_PREDICATE_TYPE}`);
  }
  const hex = policy.digest.replace(/^sha256:/, '');
  if (!statement.subject?.some((subject) => subject.digest?.sha256 === hex)) {
    const named = statement.subject?.map((subject) => `sha256:${subject.digest?.sha256}`).join(', ') || 'nothing';
    fail('subject digest', `names ${named}, not ${policy.digest} (a provenance of another image)`);
  }
  const predicate = statement.predicate as SlsaProvenancePredicate;
  const builderId = predicate?.runDetails?.builder?.id ?? '';
  const san = signer.identity?.subjectAlternativeName;
  const keyless = san !== undefined;
  if (keyless) {
    if (!fullMatch(policy.identity, san)) fail('signer identity', `${san} does not match ${spelled(policy.identity)}`);
    const issuer = signer.identity?.extensions?.issuer;
    if (issuer !== policy.issuer) fail('certificate issuer', `is ${issuer ?? 'missing'}, not ${policy.issuer}`);
    if (builderId !== san) fail('builder id', `${builderId} is not the certificate's identity ${san}`);
  } else if (!fullMatch(policy.identity, builderId)) {
    fail('builder id', `${builderId || 'missing'} does not match ${spelled(policy.identity)}`);
  }
  const source = (predicate?.buildDefinition?.externalParameters?.source ?? {}) as {
    repository?: string;
    ref?: string;
  };
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
export async function verifyProvenanceBundle(
  bundleJson: unknown,
  policy: ProvenancePolicy,
  trust: TrustRootOptions = {},
): Promise<SlsaProvenancePredicate> {
  return checkProvenanceClaims(await verifyBundle(bundleJson, trust), policy);
}

function fullMatch(pattern: RegExp, value: string): boolean {
  return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace('g', '')).test(value);
}

/** A pattern as the user wrote it: RegExp#source escapes every slash. */
function spelled(pattern: RegExp): string {
  return pattern.source.replace(/\\\//g, '/');
}

function fail(claim: string, detail: string): never {
  throw new UserError(`Provenance refused, ${claim}: ${detail}.`);
}
