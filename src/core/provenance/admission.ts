import { Document } from 'yaml';
import { UserError } from '../errors.js';
import { escapeRegExp } from '../regexp.js';
import { GITHUB_ACTIONS_ISSUER, PUBLIC_GOOD } from './attest.js';
import { DEFAULT_ALLOWED_REFS } from './defaults.js';
import { SLSA_PREDICATE_TYPE } from './slsa.js';

/** The refs cosign-sign's verify-provenance allows when its input is empty: the cluster default is the same. */
export { DEFAULT_ALLOWED_REFS };

/** What the cluster must check: the same claims verify-provenance checks before the hand-off. */
export interface AdmissionPolicyRequest {
  /** metadata.name of both policies: a DNS label (a-z, 0-9, "-"). */
  name: string;
  /**
   * The images the policies cover, as policy-controller globs: `*` within one path segment, `**` across segments
   * (ghcr.io/acme/**). Kyverno's `*` also crosses `/`, so Kyverno checks at least the images policy-controller does.
   */
  images: readonly string[];
  /** Matches the whole signer identity (the certificate's SAN and the predicate's builder.id), as in CI. */
  identity: string;
  /** The OIDC issuer the certificate must name; default GitHub Actions'. */
  issuer?: string;
  /** owner/name: the repository whose commits may run. */
  repository: string;
  /** Matches the whole ref the image was built from; default DEFAULT_ALLOWED_REFS. */
  allowedRefs?: string;
  /** The GitHub the repository lives on; default https://github.com. */
  serverUrl?: string;
  /** The Rekor that logged the signature; default the public-good one. */
  rekorUrl?: string;
  /** The Fulcio that issued the certificate; default the public-good one. */
  fulcioUrl?: string;
}

/** One Kyverno condition on the predicate: `key` is a JMESPath expression in {{ }}. */
export interface KyvernoCondition {
  key: string;
  operator: 'Equals';
  value: string | boolean;
  message: string;
}

/** The kyverno.io/v1 ClusterPolicy this module writes (the fields it sets, not the whole kind). */
export interface KyvernoClusterPolicy {
  apiVersion: 'kyverno.io/v1';
  kind: 'ClusterPolicy';
  metadata: { name: string; annotations: Record<string, string> };
  spec: {
    background: boolean;
    failurePolicy: 'Fail';
    webhookTimeoutSeconds: number;
    rules: Array<{
      name: string;
      match: { any: Array<{ resources: { kinds: string[] } }> };
      verifyImages: Array<{
        imageReferences: string[];
        type: 'SigstoreBundle';
        failureAction: 'Enforce';
        mutateDigest: boolean;
        verifyDigest: boolean;
        required: boolean;
        attestations: Array<{
          name: string;
          type: string;
          attestors: Array<{
            entries: Array<{
              keyless: { subjectRegExp: string; issuer: string; rekor: { url: string } };
            }>;
          }>;
          conditions: Array<{ all: KyvernoCondition[] }>;
        }>;
      }>;
    }>;
  };
}

/** The policy.sigstore.dev/v1beta1 ClusterImagePolicy this module writes. */
export interface SigstoreClusterImagePolicy {
  apiVersion: 'policy.sigstore.dev/v1beta1';
  kind: 'ClusterImagePolicy';
  metadata: { name: string };
  spec: {
    mode: 'enforce';
    images: Array<{ glob: string }>;
    authorities: Array<{
      name: string;
      signatureFormat: 'bundle';
      keyless: { url: string; identities: Array<{ issuer: string; subjectRegExp: string }> };
      ctlog: { url: string };
      attestations: Array<{ name: string; predicateType: string; policy: { type: 'rego'; data: string } }>;
    }>;
  };
}

export interface AdmissionPolicies {
  kyverno: KyvernoClusterPolicy;
  policyController: SigstoreClusterImagePolicy;
  /** Both, as one multi-document YAML file for `kubectl apply -f`. */
  yaml: string;
}

/** The claims both policies check, as anchored RE2 patterns and exact values. */
interface Claims {
  identity: string;
  issuer: string;
  repositoryUrl: string;
  ref: string;
  sourceUri: string;
  rekorUrl: string;
  fulcioUrl: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
// policy-controller refuses a glob with any other character (pkg/apis/glob).
const GLOB = /^[A-Za-z0-9_.:/@*-]+$/;

/**
 * A Kyverno ClusterPolicy and a Sigstore policy-controller ClusterImagePolicy that admit an image only with a SLSA
 * provenance v1 attached as a Sigstore bundle, signed keylessly by `identity` for `issuer`, and stating the caller's
 * repository and an allowed ref: what verify-provenance checks in CI, checked again where the image runs.
 */
export function admissionPolicies(request: AdmissionPolicyRequest): AdmissionPolicies {
  const claims = readClaims(request);
  const images = readImages(request.images);
  const kyverno = kyvernoClusterPolicy(request.name, images, claims);
  const policyController = sigstoreClusterImagePolicy(request.name, images, claims);
  // Unfolded lines and single quotes where they need no escaping: the file reads as prettier would write it.
  const yaml = [kyverno, policyController]
    .map((policy) => new Document(policy).toString({ lineWidth: 0, minContentWidth: 0, singleQuote: true }))
    .join('---\n');
  return { kyverno, policyController, yaml };
}

function readClaims(request: AdmissionPolicyRequest): Claims {
  if (!DNS_LABEL.test(request.name ?? '')) {
    invalid('name', `must be a DNS label (a-z, 0-9, "-", at most 63 characters), not "${request.name}"`);
  }
  if (!REPOSITORY.test(request.repository ?? '')) {
    invalid('repository', `must be owner/name, not "${request.repository}"`);
  }
  const server = readUrl('serverUrl', request.serverUrl ?? 'https://github.com').replace(/\/+$/, '');
  const repositoryUrl = `${server}/${request.repository}`;
  const ref = readPattern('allowedRefs', request.allowedRefs ?? DEFAULT_ALLOWED_REFS);
  return {
    identity: anchored(readPattern('identity', request.identity)),
    issuer: readUrl('issuer', request.issuer ?? GITHUB_ACTIONS_ISSUER),
    repositoryUrl,
    ref: anchored(ref),
    // As slsa.ts writes the source dependency: git+REPOSITORY_URL@REF.
    sourceUri: `^git\\+${escapeRegExp(repositoryUrl)}@(?:${ref})$`,
    rekorUrl: readUrl('rekorUrl', request.rekorUrl ?? PUBLIC_GOOD.rekorUrl),
    fulcioUrl: readUrl('fulcioUrl', request.fulcioUrl ?? PUBLIC_GOOD.fulcioUrl),
  };
}

function readImages(images: readonly string[] | undefined): string[] {
  if (!Array.isArray(images) || images.length === 0) invalid('images', 'must list at least one image glob');
  for (const glob of images) {
    if (typeof glob !== 'string' || !GLOB.test(glob)) {
      invalid('images', `has "${glob}", which is not a glob of letters, digits, . _ - : / @ and *`);
    }
  }
  return [...images];
}

function kyvernoClusterPolicy(name: string, images: readonly string[], claims: Claims): KyvernoClusterPolicy {
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
                  type: SLSA_PREDICATE_TYPE,
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
function regexMatch(pattern: string, value: string): string {
  return `regex_match('${pattern}', ${value})`;
}

function sigstoreClusterImagePolicy(
  name: string,
  images: readonly string[],
  claims: Claims,
): SigstoreClusterImagePolicy {
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
              predicateType: SLSA_PREDICATE_TYPE,
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
function regoPolicy(claims: Claims): string {
  // Rego strings are JSON strings.
  const text = (value: string) => JSON.stringify(value);
  return [
    'package sigstore',
    '',
    'default isCompliant = false',
    '',
    'isCompliant {',
    `  input.predicateType == ${text(SLSA_PREDICATE_TYPE)}`,
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
function anchored(pattern: string): string {
  return `^(?:${pattern})$`;
}

/**
 * A pattern that means the same in JavaScript (verify-provenance) and Go's RE2 (the cluster), and that survives
 * Kyverno's {{ }} and JMESPath quoting.
 */
function readPattern(field: string, pattern: string | undefined): string {
  if (typeof pattern !== 'string' || pattern.trim() === '') invalid(field, 'must be a regular expression');
  try {
    new RegExp(pattern);
  } catch {
    invalid(field, `is not a regular expression: ${pattern}`);
  }
  const unsupported = re2Unsupported(pattern);
  if (unsupported) invalid(field, `uses ${unsupported}, which Go's RE2 in the cluster does not support: ${pattern}`);
  if (pattern.includes("'"))
    invalid(field, `has a single quote, which Kyverno's JMESPath string cannot hold: ${pattern}`);
  if (/[\r\n]/.test(pattern)) invalid(field, 'must be one line');
  // Kyverno finds a {{ }} expression with one level of braces inside; a quantifier such as {1,3} is one.
  if (!/^(?:\{[^{}]*\}|[^{}])*$/.test(pattern)) {
    invalid(field, `has nested or unbalanced braces, which Kyverno's {{ }} cannot hold: ${pattern}`);
  }
  return pattern;
}

/** The first JavaScript-only construct in `pattern`: lookaround, a backreference, \u or \c escapes. */
function re2Unsupported(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) && !inClass) return `the backreference \\${next}`;
      if (next === 'k' && pattern[i + 2] === '<') return 'a named backreference (\\k<...>)';
      if (next === 'u' || next === 'c') return `the escape \\${next}`;
      i++;
    } else if (char === '[') {
      inClass = true;
    } else if (char === ']') {
      inClass = false;
    } else if (char === '(' && !inClass) {
      const lookaround = /^\(\?(=|!|<=|<!)/.exec(pattern.slice(i))?.[1];
      if (lookaround) return `the lookaround (?${lookaround}...)`;
    }
  }
  return undefined;
}

function readUrl(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    invalid(field, `must be an http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') invalid(field, `must be an http(s) URL, not "${value}"`);
  return value;
}

function invalid(field: string, detail: string): never {
  throw new UserError(`Admission policy "${field}" ${detail}.`);
}
