/**
 * The admission policies against the CRDs Kyverno and policy-controller publish (test/fixtures/admission), and
 * their claims against the predicates slsa.ts writes: the cluster must admit what verify-provenance admits in CI and
 * refuse what it refuses.
 */
import { describe, expect, it } from '@jest/globals';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { isUserError } from '../../../src/core/errors.js';
import {
  admissionPolicies,
  type AdmissionPolicyRequest,
  type KyvernoCondition,
} from '../../../src/core/provenance/admission.js';
import { GITHUB_ACTIONS_ISSUER, PUBLIC_GOOD } from '../../../src/core/provenance/attest.js';
import { provenanceStatement, slsaPredicate, type SlsaProvenancePredicate } from '../../../src/core/provenance/slsa.js';
import { checkProvenanceClaims } from '../../../src/core/provenance/verify.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LIBRARY = 'lib-owner/gitops-delivery-actions';
/** What the reusable workflows pass as JOB_WORKFLOW_REF (job.workflow_ref) when the library is pinned to v1.2.0. */
const DELIVER_PUSH = `${LIBRARY}/.github/workflows/deliver-push.yml@refs/tags/v1.2.0`;
const IDENTITY =
  'https://github\\.com/lib-owner/gitops-delivery-actions/\\.github/workflows/deliver-(pull|push)\\.yml@refs/tags/v.*';
const DIGEST = `sha256:${'d'.repeat(64)}`;
const SHA = '0123456789abcdef0123456789abcdef01234567';

const REQUEST: AdmissionPolicyRequest = {
  name: 'acme-api-provenance',
  images: ['ghcr.io/acme/api**', 'registry.acme.example:5000/team/*'],
  identity: IDENTITY,
  repository: 'acme/api',
};

const fixture = (name: string) => new URL(`../../fixtures/admission/${name}`, import.meta.url);

/** The openAPIV3Schema of one version of a CRD, as the API server checks (and prunes) objects with it. */
function crdSchema(file: string, version: string): AnySchemaObject {
  const crd = parseAllDocuments(readFileSync(fixture(file), 'utf8'))[0]!.toJS() as Json;
  const schema = crd.spec.versions.find((item: Json) => item.name === version).schema.openAPIV3Schema;
  // The API server admits these three at the root of every object, whether the CRD lists them or not.
  const root = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
  return { ...schema, properties: { ...root, ...schema.properties } };
}

/**
 * A structural schema admits unknown fields and the API server drops them silently: a misspelled field would leave a
 * policy weaker than written, so here every object that lists its properties admits no others.
 */
function closed(schema: AnySchemaObject): AnySchemaObject {
  const copy: AnySchemaObject = { ...schema };
  if (copy.properties) {
    copy.properties = Object.fromEntries(
      Object.entries(copy.properties as Record<string, AnySchemaObject>).map(([name, child]) => [name, closed(child)]),
    );
    if (copy.additionalProperties === undefined && !copy['x-kubernetes-preserve-unknown-fields']) {
      copy.additionalProperties = false;
    }
  }
  if (copy.items) copy.items = closed(copy.items as AnySchemaObject);
  if (typeof copy.additionalProperties === 'object') copy.additionalProperties = closed(copy.additionalProperties);
  return copy;
}

function crdValidator(file: string, version: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  // Kubernetes' own keywords steer merging and pruning, not validity; a CEL rule (x-kubernetes-validations) would
  // need evaluating, so none is declared and strict mode fails if a CRD gains one.
  for (const keyword of ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-list-type', 'x-kubernetes-map-type']) {
    ajv.addKeyword({ keyword, schemaType: ['boolean', 'string'] });
  }
  ajv.addFormat('date-time', { type: 'string', validate: (text: string) => !Number.isNaN(Date.parse(text)) });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  return ajv.compile(closed(crdSchema(file, version)));
}

const kyvernoV1 = crdValidator('kyverno.io_clusterpolicies.v1.yaml', 'v1');
const clusterImagePolicyV1beta1 = crdValidator('300-clusterimagepolicy.yaml', 'v1beta1');

function problems(validate: ValidateFunction, object: unknown): string[] {
  return validate(object) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** The predicate build-multistage writes for a build of `repository` at `ref`, by `builder`. */
function predicate(repository: string, ref: string, builder = `https://github.com/${DELIVER_PUSH}`) {
  return slsaPredicate({
    builder: { id: builder, kind: 'reusable-workflow' },
    libraryRepository: LIBRARY,
    build: {
      dockerfile: 'Dockerfile',
      context: '.',
      buildArgs: new Map(),
      labels: new Map(),
      platforms: ['linux/amd64'],
      secretIds: [],
      builder: 'buildx',
    },
    invocation: {
      repository,
      ref,
      sha: SHA,
      runId: '7',
      runAttempt: '1',
      startedOn: new Date('2026-01-02T03:04:05Z'),
      finishedOn: new Date('2026-01-02T03:05:05Z'),
    },
    baseImages: [{ uri: 'pkg:docker/docker.io/library/alpine@3.20', digest: { sha256: 'c'.repeat(64) } }],
  });
}

/** verify-provenance's answer in CI on the same claims (a key-signed bundle: the builder id stands for the signer). */
function ciAdmits(request: AdmissionPolicyRequest, claims: SlsaProvenancePredicate): boolean {
  const statement = provenanceStatement('ghcr.io/acme/api', DIGEST, claims);
  try {
    checkProvenanceClaims(
      { statement, signer: { key: generateKeyPairSync('ed25519').publicKey } },
      {
        digest: DIGEST,
        identity: new RegExp(request.identity),
        issuer: GITHUB_ACTIONS_ISSUER,
        repository: `https://github.com/${request.repository}`,
        allowedRef: new RegExp(request.allowedRefs ?? 'refs/heads/main|refs/tags/.*'),
      },
    );
    return true;
  } catch (error) {
    if (!isUserError(error)) throw error;
    return false;
  }
}

/** The JMESPath forms the conditions use: a dotted path, and the first list item whose field has a value. */
function jmesPath(data: unknown, expression: string): unknown {
  const resolve = (value: unknown, path: string) =>
    path.split('.').reduce<unknown>((item, key) => (item as Json | undefined)?.[key], value);
  const filtered = /^([\w.]+)\[\?(\w+) == '([^']*)'\] \| \[0\]\.([\w.]+)$/.exec(expression);
  if (filtered) {
    const [, list, field, wanted, rest] = filtered as unknown as string[];
    const items = (resolve(data, list!) as Json[] | undefined) ?? [];
    return resolve(
      items.find((item) => item[field!] === wanted),
      rest!,
    );
  }
  if (!/^[\w.]+$/.test(expression)) throw new Error(`a JMESPath this test does not read: ${expression}`);
  return resolve(data, expression);
}

// Kyverno's pattern for a {{ }} expression (pkg/engine/variables/regex/vars.go): one level of braces inside.
const KYVERNO_VARIABLE = /(^|[^\\])(\{\{(?:\{[^{}]*\}|[^{}])*\}\})/g;

/**
 * Kyverno's verdict on one condition with the predicate as the data: the key must be one whole {{ }} expression (so
 * it stands for its value, not for text), regex_match searches as Go's regexp.Match, and a missing value fails.
 */
function kyvernoHolds(condition: KyvernoCondition, data: SlsaProvenancePredicate): boolean {
  const variables = [...condition.key.matchAll(KYVERNO_VARIABLE)].map((match) => match[2]);
  expect(variables).toEqual([condition.key]);
  const expression = condition.key.slice(2, -2).trim();
  const call = /^regex_match\('((?:[^'\\]|\\.)*)', (.+)\)$/.exec(expression);
  const actual = call ? jmesPath(data, call[2]!) : jmesPath(data, expression);
  if (typeof actual !== 'string') return false;
  const value = call ? new RegExp(call[1]!.replace(/\\'/g, "'")).test(actual) : actual;
  return value === condition.value;
}

function kyvernoAdmits(request: AdmissionPolicyRequest, claims: SlsaProvenancePredicate): boolean {
  const attestation = admissionPolicies(request).kyverno.spec.rules[0]!.verifyImages[0]!.attestations[0]!;
  return attestation.conditions.every(({ all }) => all.every((condition) => kyvernoHolds(condition, claims)));
}

/** The Rego the policy holds, read statement by statement: `some i` over `x := list[i]`, then ==, regex.match. */
function regoHolds(statements: string[], bindings: Json): boolean {
  const [statement, ...rest] = statements;
  if (statement === undefined) return true;
  const path = (text: string) => jmesPath(bindings, text);
  const text = '("(?:[^"\\\\]|\\\\.)*")';
  let match: RegExpExecArray | null;
  if (statement === 'some i') return regoHolds(rest, bindings);
  if ((match = /^(\w+) := ([\w.]+)\[i\]$/.exec(statement))) {
    const [, name, list] = match as unknown as string[];
    return ((path(list!) as unknown[]) ?? []).some((item) => regoHolds(rest, { ...bindings, [name!]: item }));
  }
  if ((match = /^(\w+) := ([\w.]+)$/.exec(statement))) {
    const value = path(match[2]!);
    return value !== undefined && regoHolds(rest, { ...bindings, [match[1]!]: value });
  }
  if ((match = new RegExp(`^regex\\.match\\(${text}, ([\\w.]+)\\)$`).exec(statement))) {
    const value = path(match[2]!);
    const pattern = JSON.parse(match[1]!) as string;
    return typeof value === 'string' && new RegExp(pattern).test(value) && regoHolds(rest, bindings);
  }
  if ((match = new RegExp(`^([\\w.]+) == ${text}$`).exec(statement))) {
    return path(match[1]!) === JSON.parse(match[2]!) && regoHolds(rest, bindings);
  }
  throw new Error(`a Rego statement this test does not read: ${statement}`);
}

function regoAdmits(request: AdmissionPolicyRequest, claims: SlsaProvenancePredicate): boolean {
  const rego = admissionPolicies(request).policyController.spec.authorities[0]!.attestations[0]!.policy.data;
  expect(rego).toMatch(/^package sigstore\n\ndefault isCompliant = false\n\nisCompliant \{\n/);
  const body = /\nisCompliant \{\n([\s\S]*?)\n\}\n$/.exec(rego)![1]!.split('\n');
  const statement = provenanceStatement('ghcr.io/acme/api', DIGEST, claims);
  return regoHolds(
    body.map((line) => line.trim()),
    { input: statement },
  );
}

describe('admissionPolicies: the objects', () => {
  const { kyverno, policyController, yaml } = admissionPolicies(REQUEST);

  it('are valid kyverno.io/v1 ClusterPolicy and policy.sigstore.dev/v1beta1 ClusterImagePolicy, as published', () => {
    expect(problems(kyvernoV1, kyverno)).toEqual([]);
    expect(problems(clusterImagePolicyV1beta1, policyController)).toEqual([]);
  });

  it('the schemas refuse a misspelled field and a value outside an enum, which the API server would drop or refuse', () => {
    const misspelled = structuredClone(kyverno) as Json;
    misspelled.spec.rules[0].verifyImages[0].attestations[0].attestors[0].entries[0].keyless.subjectRegexp = '.*';
    expect(problems(kyvernoV1, misspelled)).toEqual([
      '/spec/rules/0/verifyImages/0/attestations/0/attestors/0/entries/0/keyless must NOT have additional properties',
    ]);
    const wrongType = structuredClone(kyverno) as Json;
    wrongType.spec.rules[0].verifyImages[0].type = 'Sigstore';
    expect(problems(kyvernoV1, wrongType)).toEqual([
      '/spec/rules/0/verifyImages/0/type must be equal to one of the allowed values',
    ]);
    const policy = structuredClone(policyController) as Json;
    policy.spec.authorities[0].keyless.identities[0].subjectRegex = '.*';
    expect(problems(clusterImagePolicyV1beta1, policy)).toEqual([
      '/spec/authorities/0/keyless/identities/0 must NOT have additional properties',
    ]);
  });

  it('are the YAML, two documents that parse back to the same objects', () => {
    const documents = parseAllDocuments(yaml);
    expect(documents.map((document) => document.errors)).toEqual([[], []]);
    expect(documents.map((document) => document.toJS())).toEqual([kyverno, policyController]);
    expect(yaml).toContain('\n---\napiVersion: policy.sigstore.dev/v1beta1\n');
    // The Rego reads as Rego: a literal block, not a quoted string with \n in it.
    expect(yaml).toContain('            data: |\n              package sigstore\n');
  });

  it('check a SLSA v1 provenance in a Sigstore bundle, signed keylessly by the identity, logged in Rekor', () => {
    const verify = kyverno.spec.rules[0]!.verifyImages[0]!;
    expect(verify).toMatchObject({ type: 'SigstoreBundle', failureAction: 'Enforce', mutateDigest: true });
    expect(verify.verifyDigest).toBe(true);
    expect(verify.attestations[0]).toMatchObject({
      type: 'https://slsa.dev/provenance/v1',
      attestors: [
        {
          entries: [
            {
              keyless: {
                subjectRegExp: `^(?:${IDENTITY})$`,
                issuer: GITHUB_ACTIONS_ISSUER,
                rekor: { url: PUBLIC_GOOD.rekorUrl },
              },
            },
          ],
        },
      ],
    });
    expect(kyverno.spec).toMatchObject({ failurePolicy: 'Fail', background: false });
    expect(policyController.spec).toMatchObject({
      mode: 'enforce',
      authorities: [
        {
          signatureFormat: 'bundle',
          keyless: {
            url: PUBLIC_GOOD.fulcioUrl,
            identities: [{ issuer: GITHUB_ACTIONS_ISSUER, subjectRegExp: `^(?:${IDENTITY})$` }],
          },
          ctlog: { url: PUBLIC_GOOD.rekorUrl },
          attestations: [{ predicateType: 'https://slsa.dev/provenance/v1', policy: { type: 'rego' } }],
        },
      ],
    });
  });

  it('match the image globs: as given for policy-controller, ** as Kyverno spells it', () => {
    expect(policyController.spec.images).toEqual([
      { glob: 'ghcr.io/acme/api**' },
      { glob: 'registry.acme.example:5000/team/*' },
    ]);
    expect(kyverno.spec.rules[0]!.verifyImages[0]!.imageReferences).toEqual([
      'ghcr.io/acme/api*',
      'registry.acme.example:5000/team/*',
    ]);
  });

  it('name another Sigstore instance and issuer when asked', () => {
    const policies = admissionPolicies({
      ...REQUEST,
      issuer: 'https://token.actions.ghe.example.com',
      rekorUrl: 'https://rekor.internal.example',
      fulcioUrl: 'https://fulcio.internal.example',
      serverUrl: 'https://ghe.example.com/',
    });
    expect(policies.kyverno.spec.rules[0]!.verifyImages[0]!.attestations[0]!.attestors[0]!.entries[0]!.keyless).toEqual(
      {
        subjectRegExp: `^(?:${IDENTITY})$`,
        issuer: 'https://token.actions.ghe.example.com',
        rekor: { url: 'https://rekor.internal.example' },
      },
    );
    expect(policies.policyController.spec.authorities[0]).toMatchObject({
      keyless: { url: 'https://fulcio.internal.example' },
      ctlog: { url: 'https://rekor.internal.example' },
    });
    expect(policies.kyverno.spec.rules[0]!.verifyImages[0]!.attestations[0]!.conditions[0]!.all[1]!.value).toBe(
      'https://ghe.example.com/acme/api',
    );
    expect(problems(kyvernoV1, policies.kyverno)).toEqual([]);
    expect(problems(clusterImagePolicyV1beta1, policies.policyController)).toEqual([]);
  });
});

describe('admissionPolicies: docs/provenance.md', () => {
  it('shows the YAML the example request generates, one block per document, as generated', () => {
    const doc = readFileSync(new URL('../../../docs/provenance.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('\n## Admission policies\n'));
    const shown = [...section.matchAll(/\n```yaml\n([\s\S]*?)```\n/g)].map((block) => block[1]);
    const example = admissionPolicies({
      name: 'acme-api-provenance',
      images: ['ghcr.io/acme/api**'],
      identity: 'https://github\\.com/OWNER/LIB/\\.github/workflows/deliver-(pull|push)\\.yml@refs/tags/v.*',
      repository: 'acme/api',
    });
    expect(shown.join('---\n')).toBe(example.yaml);
    expect(shown).toHaveLength(2);
  });
});

describe('admissionPolicies: the signer identity', () => {
  const { kyverno, policyController } = admissionPolicies(REQUEST);
  const kyvernoIdentity = new RegExp(
    kyverno.spec.rules[0]!.verifyImages[0]!.attestations[0]!.attestors[0]!.entries[0]!.keyless.subjectRegExp,
  );
  const sigstoreIdentity = new RegExp(policyController.spec.authorities[0]!.keyless.identities[0]!.subjectRegExp);
  // Fulcio's SAN for a GitHub Actions job is the server URL and job_workflow_ref: the reusable workflow's own ref.
  const signedBy = (jobWorkflowRef: string) => `https://github.com/${jobWorkflowRef}`;

  it.each([
    `${LIBRARY}/.github/workflows/deliver-push.yml@refs/tags/v1.2.0`,
    `${LIBRARY}/.github/workflows/deliver-pull.yml@refs/tags/v2`,
  ])('matches the library workflow %s', (jobWorkflowRef) => {
    expect(signedBy(jobWorkflowRef)).toMatch(kyvernoIdentity);
    expect(signedBy(jobWorkflowRef)).toMatch(sigstoreIdentity);
  });

  it.each([
    ['a fork of the library', 'attacker/gitops-delivery-actions/.github/workflows/deliver-push.yml@refs/tags/v1.2.0'],
    ['the library at a branch', `${LIBRARY}/.github/workflows/deliver-push.yml@refs/heads/main`],
    ['another workflow of the library', `${LIBRARY}/.github/workflows/release.yml@refs/tags/v1.2.0`],
    ['a name the dot must not stand in for', `${LIBRARY}/.github/workflows/deliver-pushxyml@refs/tags/v1.2.0`],
    ['the caller workflow', 'acme/api/.github/workflows/deliver.yml@refs/heads/main'],
  ])('refuses %s', (_, jobWorkflowRef) => {
    expect(signedBy(jobWorkflowRef)).not.toMatch(kyvernoIdentity);
    expect(signedBy(jobWorkflowRef)).not.toMatch(sigstoreIdentity);
  });

  it('matches the whole SAN, as Go searches a pattern that is not anchored', () => {
    const id = signedBy(DELIVER_PUSH);
    expect(`https://evil.example/${id}`).not.toMatch(kyvernoIdentity);
    expect(`${id}/../../other`).toMatch(kyvernoIdentity); // v.* allows it: the pattern's author chose .*
    expect(`x${id}`).not.toMatch(sigstoreIdentity);
  });
});

describe('admissionPolicies: the predicate claims, as slsa.ts writes them', () => {
  it.each([
    ['the main branch', 'acme/api', 'refs/heads/main', undefined, true],
    ['a tag', 'acme/api', 'refs/tags/v1.2.0', undefined, true],
    ['a feature branch', 'acme/api', 'refs/heads/feature', undefined, false],
    ['a pull request', 'acme/api', 'refs/pull/7/merge', undefined, false],
    ['another repository', 'acme/api-fork', 'refs/heads/main', undefined, false],
    ['a repository whose name starts the same', 'acme/api2', 'refs/heads/main', undefined, false],
    [
      'a builder at a branch',
      'acme/api',
      'refs/heads/main',
      `https://github.com/${LIBRARY}/.github/workflows/deliver-push.yml@refs/heads/main`,
      false,
    ],
    [
      'the caller workflow as builder',
      'acme/api',
      'refs/heads/main',
      'https://github.com/acme/api/.github/workflows/ci.yml@refs/heads/main',
      false,
    ],
  ])('%s: the cluster policies agree with verify-provenance', (_, repository, ref, builder, admitted) => {
    const claims = predicate(repository, ref, builder);
    expect(ciAdmits(REQUEST, claims)).toBe(admitted);
    expect(kyvernoAdmits(REQUEST, claims)).toBe(admitted);
    expect(regoAdmits(REQUEST, claims)).toBe(admitted);
  });

  it('allowedRefs narrows the refs, a quantifier in braces included', () => {
    const request = { ...REQUEST, allowedRefs: 'refs/tags/v[0-9]{1,3}\\.[0-9]+\\.[0-9]+' };
    for (const [ref, admitted] of [
      ['refs/tags/v1.2.0', true],
      ['refs/tags/v1.2.0-rc1', false],
      ['refs/heads/main', false],
    ] as const) {
      const claims = predicate('acme/api', ref);
      expect([ref, ciAdmits(request, claims), kyvernoAdmits(request, claims), regoAdmits(request, claims)]).toEqual([
        ref,
        admitted,
        admitted,
        admitted,
      ]);
    }
  });

  it('refuses a provenance whose source dependency names another repository than its parameters', () => {
    const claims = predicate('acme/api', 'refs/heads/main');
    claims.buildDefinition.resolvedDependencies[0]!.uri = 'git+https://github.com/attacker/api@refs/heads/main';
    expect(kyvernoAdmits(REQUEST, claims)).toBe(false);
    expect(regoAdmits(REQUEST, claims)).toBe(false);
  });

  it('refuses a provenance without the claims rather than passing it', () => {
    const claims = predicate('acme/api', 'refs/heads/main');
    delete (claims.buildDefinition.externalParameters as Json).source;
    expect(kyvernoAdmits(REQUEST, claims)).toBe(false);
    expect(regoAdmits(REQUEST, claims)).toBe(false);
  });
});

describe('admissionPolicies: bad input', () => {
  it.each<[string, Partial<AdmissionPolicyRequest>]>([
    ['name', { name: 'Acme_API' }],
    ['name', { name: 'a'.repeat(64) }],
    ['images', { images: [] }],
    ['images', { images: ['ghcr.io/acme/api?'] }],
    ['images', { images: ['ghcr.io/acme/api', ''] }],
    ['identity', { identity: '' }],
    ['identity', { identity: 'deliver-(push' }],
    ['identity', { identity: '(?!attacker).*' }],
    ['identity', { identity: '(a)\\1' }],
    ['identity', { identity: "it's" }],
    ['identity', { identity: 'a{{2}}' }],
    ['identity', { identity: 'deliver\n.*' }],
    ['allowedRefs', { allowedRefs: 'refs/tags/v\\d{1' }],
    ['allowedRefs', { allowedRefs: '(?<=refs/)heads/main' }],
    ['repository', { repository: 'acme' }],
    ['repository', { repository: 'https://github.com/acme/api' }],
    ['issuer', { issuer: 'token.actions.githubusercontent.com' }],
    ['rekorUrl', { rekorUrl: 'ftp://rekor.example' }],
    ['fulcioUrl', { fulcioUrl: 'fulcio' }],
    ['serverUrl', { serverUrl: 'github.com' }],
  ])('%s: %j is refused with one line naming it', (field, change) => {
    let error: unknown;
    try {
      admissionPolicies({ ...REQUEST, ...change });
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^Admission policy "${field}" `));
    expect(message).not.toContain('\n');
  });

  it('accepts what Go and JavaScript read alike: classes, escapes, non-capturing groups, a lone brace quantifier', () => {
    expect(() =>
      admissionPolicies({
        ...REQUEST,
        identity: '[\\w.-]+/(?:deliver)-(pull|push)\\.yml@refs/tags/v\\d{1,3}(\\.\\d+)*',
        allowedRefs: 'refs/heads/[(]main[)]',
      }),
    ).not.toThrow();
  });
});
