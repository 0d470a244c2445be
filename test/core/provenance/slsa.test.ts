import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Dockerfile } from '../../../src/core/build/dockerfile.js';
import { UserError } from '../../../src/core/errors.js';
import {
  baseImageDependencies,
  builderIdentity,
  IN_TOTO_STATEMENT_TYPE,
  type ProvenanceRequest,
  provenanceStatement,
  runnerProvenance,
  SLSA_PREDICATE_TYPE,
  slsaPredicate,
} from '../../../src/core/provenance/slsa.js';
import { readRunContext } from '../../../src/core/run-context.js';
import { registerSecret } from '../../../src/core/secrets.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const DIGEST = `sha256:${'b'.repeat(64)}`;
const BASE_DIGEST = `sha256:${'c'.repeat(64)}`;
const REUSABLE = 'lib-owner/gitops-delivery-actions/.github/workflows/deliver-pull.yml@refs/tags/v1';

function request(overrides: Partial<ProvenanceRequest> = {}): ProvenanceRequest {
  return {
    builder: { id: `https://github.com/${REUSABLE}`, kind: 'reusable-workflow' },
    libraryRepository: 'lib-owner/gitops-delivery-actions',
    build: {
      dockerfile: 'app/Dockerfile',
      context: 'app',
      target: 'runtime',
      buildArgs: new Map([['VERSION', '1.2.3']]),
      labels: new Map([['team', 'payments']]),
      platforms: ['linux/amd64'],
      secretIds: ['npmrc'],
      builder: 'buildx',
    },
    invocation: {
      repository: 'acme/api',
      ref: 'refs/heads/main',
      sha: SHA,
      runId: '42',
      runAttempt: '2',
      startedOn: new Date('2026-01-02T03:04:05Z'),
      finishedOn: new Date('2026-01-02T03:06:05Z'),
    },
    baseImages: [{ uri: 'pkg:docker/docker.io/library/alpine@3.20', digest: { sha256: 'c'.repeat(64) } }],
    ...overrides,
  };
}

/** The message shapes of the published SLSA v1.0 schema (test/fixtures/slsa/provenance.proto), field by field. */
type Messages = Map<string, Map<string, string>>;
function readProto(): Messages {
  const text = readFileSync(new URL('../../fixtures/slsa/provenance.proto', import.meta.url), 'utf8');
  const messages: Messages = new Map();
  for (const [, name, body] of text.matchAll(/message (\w+) \{([^}]*)\}/g)) {
    const fields = new Map<string, string>();
    for (const [, type, field] of body!.matchAll(/^\s*(repeated [\w.]+|map<[^>]+>|[\w.]+) (\w+) = \d+;/gm)) {
      fields.set(
        field!.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
        type!,
      );
    }
    messages.set(name!, fields);
  }
  return messages;
}

/** Every field of `value` is one the message declares, with a JSON value of the declared type. */
function conformsTo(messages: Messages, message: string, value: unknown, at = message): string[] {
  const fields = messages.get(message);
  if (!fields) return [`${at}: unknown message ${message}`];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at}: not an object`];
  return Object.entries(value).flatMap(([key, field]) => {
    const type = fields.get(key);
    if (!type) return [`${at}.${key}: not in ${message}`];
    return conformsToType(messages, type, field, `${at}.${key}`);
  });
}

function conformsToType(messages: Messages, type: string, value: unknown, at: string): string[] {
  if (type.startsWith('repeated ')) {
    if (!Array.isArray(value)) return [`${at}: not a list`];
    return value.flatMap((item, index) => conformsToType(messages, type.slice(9), item, `${at}[${index}]`));
  }
  if (type.startsWith('map<string, string>')) {
    const ok = typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
    return ok ? [] : [`${at}: not a map of strings`];
  }
  if (type === 'string') return typeof value === 'string' ? [] : [`${at}: not a string`];
  if (type === 'bytes') return typeof value === 'string' ? [] : [`${at}: not base64`];
  if (type === 'google.protobuf.Struct') {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? [] : [`${at}: not an object`];
  }
  if (type === 'google.protobuf.Timestamp') {
    return typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)
      ? []
      : [`${at}: not RFC 3339`];
  }
  return conformsTo(messages, type, value, at);
}

describe('slsaPredicate', () => {
  const messages = readProto();

  it('conforms to the published SLSA v1.0 message shapes, with the fields the spec requires', () => {
    expect(messages.get('Provenance')?.size).toBe(2);
    const predicate = slsaPredicate(request());
    expect(conformsTo(messages, 'Provenance', predicate)).toEqual([]);
    // Required by the spec's field table: buildType, externalParameters, builder.id; each dependency names a uri
    // or digest.
    expect(predicate.buildDefinition.buildType).toMatch(/^https:\/\//);
    expect(predicate.buildDefinition.externalParameters).toBeDefined();
    expect(predicate.runDetails.builder.id).toBe(`https://github.com/${REUSABLE}`);
    for (const dependency of predicate.buildDefinition.resolvedDependencies) {
      expect(dependency.uri ?? dependency.digest).toBeDefined();
    }
  });

  it('records the source at its commit, the bases by digest and the run with its attempt', () => {
    const predicate = slsaPredicate(request());
    expect(predicate.buildDefinition.resolvedDependencies).toEqual([
      { uri: 'git+https://github.com/acme/api@refs/heads/main', digest: { gitCommit: SHA }, name: 'source' },
      { uri: 'pkg:docker/docker.io/library/alpine@3.20', digest: { sha256: 'c'.repeat(64) } },
    ]);
    expect(predicate.runDetails.metadata).toEqual({
      invocationId: 'https://github.com/acme/api/actions/runs/42/attempts/2',
      startedOn: '2026-01-02T03:04:05.000Z',
      finishedOn: '2026-01-02T03:06:05.000Z',
    });
    expect(predicate.buildDefinition.buildType).toBe(
      'https://github.com/lib-owner/gitops-delivery-actions/blob/main/docs/provenance.md#build-type-v1',
    );
    expect(predicate.buildDefinition.externalParameters).toMatchObject({
      source: { repository: 'https://github.com/acme/api', ref: 'refs/heads/main' },
      dockerfile: 'app/Dockerfile',
      target: 'runtime',
      buildArgs: { VERSION: '1.2.3' },
      platforms: ['linux/amd64'],
      secretIds: ['npmrc'],
    });
  });

  it('never carries a registered secret, even one passed as a build arg', () => {
    registerSecret('hunter2-very-secret');
    const build = { ...request().build, buildArgs: new Map([['TOKEN', 'hunter2-very-secret']]) };
    const text = JSON.stringify(slsaPredicate(request({ build })));
    expect(text).not.toContain('hunter2-very-secret');
    expect(text).toContain('"TOKEN":"***"');
  });

  it('refuses a commit that is not a git SHA', () => {
    const invocation = { ...request().invocation, sha: 'main' };
    expect(() => slsaPredicate(request({ invocation }))).toThrow(UserError);
  });
});

describe('provenanceStatement', () => {
  it('binds the predicate to the manifest digest as an in-toto v1 statement', () => {
    const statement = provenanceStatement('ghcr.io/acme/api', DIGEST, slsaPredicate(request()));
    expect(statement._type).toBe(IN_TOTO_STATEMENT_TYPE);
    expect(statement.predicateType).toBe(SLSA_PREDICATE_TYPE);
    expect(statement.subject).toEqual([{ name: 'ghcr.io/acme/api', digest: { sha256: 'b'.repeat(64) } }]);
  });

  it('refuses a digest that is not sha256', () => {
    expect(() => provenanceStatement('ghcr.io/acme/api', 'sha256:abc', slsaPredicate(request()))).toThrow(
      /The image digest "sha256:abc" is not sha256/,
    );
  });
});

describe('builderIdentity', () => {
  it('is the reusable workflow when the workflow passes job.workflow_ref', () => {
    const env = {
      JOB_WORKFLOW_REF: REUSABLE,
      GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/ci.yml@refs/heads/main',
    };
    expect(builderIdentity(readRunContext(env))).toEqual({
      id: `https://github.com/${REUSABLE}`,
      kind: 'reusable-workflow',
    });
  });

  it("is the caller's workflow, said so, for a single action", () => {
    const env = {
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/ci.yml@refs/heads/main',
    };
    expect(builderIdentity(readRunContext(env))).toEqual({
      id: 'https://ghe.example.com/acme/api/.github/workflows/ci.yml@refs/heads/main',
      kind: 'caller-workflow',
    });
  });

  it('is a one-line error outside GitHub Actions or for a ref that is not a workflow ref', () => {
    expect(() => builderIdentity(readRunContext({}))).toThrow(UserError);
    expect(() => builderIdentity(readRunContext({ JOB_WORKFLOW_REF: 'acme/api' }))).toThrow(/is not a workflow ref/);
  });
});

describe('baseImageDependencies', () => {
  const text = [
    '# syntax=docker/dockerfile:1.7',
    'ARG BASE=docker.io/library/alpine:3.20',
    `FROM golang:1.22@${BASE_DIGEST} AS build`,
    'RUN --mount=type=cache,target=/root/.cache,from=ghcr.io/acme/cache:1 go build',
    'FROM ${BASE} AS runtime',
    'COPY --from=build /out /app',
    'COPY --from=ghcr.io/acme/tools:2 /bin/tool /bin/tool',
    'FROM scratch AS unused',
  ].join('\n');

  it('lists every image the target reads from outside the file, by digest when pinned or resolved', async () => {
    const dockerfile = Dockerfile.parse(text, 'Dockerfile');
    const resolved = new Map([['docker.io/library/alpine:3.20', `sha256:${'d'.repeat(64)}`]]);
    const dependencies = await baseImageDependencies(
      dockerfile,
      dockerfile.targetStage('runtime'),
      new Map(),
      async (reference) => resolved.get(reference),
    );
    expect(dependencies).toEqual([
      { uri: 'pkg:docker/docker.io/docker/dockerfile@1.7' },
      { uri: `pkg:docker/docker.io/library/golang@1.22`, digest: { sha256: 'c'.repeat(64) } },
      { uri: 'pkg:docker/ghcr.io/acme/cache@1' },
      { uri: 'pkg:docker/docker.io/library/alpine@3.20', digest: { sha256: 'd'.repeat(64) } },
      { uri: 'pkg:docker/ghcr.io/acme/tools@2' },
    ]);
  });

  it('keeps an image whose digest cannot be looked up, by its URI alone', async () => {
    const dockerfile = Dockerfile.parse('FROM local/busybox:1\n', 'Dockerfile');
    const failing = async (): Promise<string> => {
      throw new Error('no registry');
    };
    await expect(
      baseImageDependencies(dockerfile, dockerfile.targetStage(undefined), new Map(), failing),
    ).resolves.toEqual([{ uri: 'pkg:docker/docker.io/local/busybox@1' }]);
  });
});

describe('runnerProvenance', () => {
  const dockerfile = Dockerfile.parse(`FROM alpine@${BASE_DIGEST}\n`, 'Dockerfile');
  const run = {
    dockerfile,
    target: dockerfile.targetStage(undefined),
    build: request().build,
    startedOn: new Date('2026-01-02T03:04:05Z'),
    finishedOn: new Date('2026-01-02T03:05:05Z'),
  };

  it("reads the run from the runner's variables; a single action names the caller's workflow and its own repository", async () => {
    const env = {
      GITHUB_REPOSITORY: 'acme/api',
      GITHUB_SHA: SHA,
      GITHUB_REF: 'refs/tags/v1.0.0',
      GITHUB_RUN_ID: '7',
      GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/release.yml@refs/tags/v1.0.0',
      GITHUB_ACTION_REPOSITORY: 'lib-owner/gitops-delivery-actions',
    };
    const { predicate } = await runnerProvenance(run, readRunContext(env));
    expect(predicate?.runDetails.builder.id).toBe(
      'https://github.com/acme/api/.github/workflows/release.yml@refs/tags/v1.0.0',
    );
    expect(predicate?.buildDefinition.internalParameters).toEqual({
      builder: 'buildx',
      builderIdentity: 'caller-workflow',
    });
    expect(predicate?.runDetails.metadata.invocationId).toBe('https://github.com/acme/api/actions/runs/7/attempts/1');
    expect(predicate?.buildDefinition.resolvedDependencies[1]).toEqual({
      uri: 'pkg:docker/docker.io/library/alpine@' + BASE_DIGEST,
      digest: { sha256: 'c'.repeat(64) },
    });
  });

  it('says what is missing outside a GitHub Actions job', async () => {
    expect(await runnerProvenance(run, readRunContext({}))).toEqual({
      missing:
        'GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF, GITHUB_RUN_ID, GITHUB_WORKFLOW_REF, GITHUB_ACTION_REPOSITORY',
    });
  });
});
