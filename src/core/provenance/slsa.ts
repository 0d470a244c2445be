import { type Dockerfile, type Stage, stageReferences } from '../build/dockerfile.js';
import type { RegistryClient } from '../build/registry.js';
import { UserError } from '../errors.js';
import { ImageRef } from '../image-ref.js';
import { redact } from '../secrets.js';
import type { RunContext } from '../run-context.js';

/** The in-toto statement every attestation here is (https://github.com/in-toto/attestation/blob/main/spec/v1). */
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** The DSSE payload type of an in-toto statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** SLSA provenance v1 (https://slsa.dev/provenance/v1). */
export const SLSA_PREDICATE_TYPE = 'https://slsa.dev/provenance/v1';
/** Where this library documents its build type, relative to its repository: the anchor carries the version. */
const BUILD_TYPE_DOC = 'blob/main/docs/provenance.md#build-type-v1';
const SHA256_DIGEST = /^sha256:([a-f0-9]{64})$/;
const GIT_COMMIT = /^[a-f0-9]{40}$/;
const WORKFLOW_REF = /^[^/\s]+\/[^/\s]+\/\.github\/workflows\/[^@\s]+@\S+$/;

/** A SLSA ResourceDescriptor: what was read, by URI and digest. */
export interface ResourceDescriptor {
  uri?: string;
  digest?: Record<string, string>;
  name?: string;
  annotations?: Record<string, string>;
}

export interface SlsaProvenancePredicate {
  buildDefinition: {
    buildType: string;
    externalParameters: Record<string, unknown>;
    internalParameters?: Record<string, unknown>;
    resolvedDependencies: ResourceDescriptor[];
  };
  runDetails: {
    builder: { id: string; version?: Record<string, string> };
    metadata: { invocationId: string; startedOn: string; finishedOn: string };
  };
}

export interface InTotoStatement<P = unknown> {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: Array<{ name: string; digest: Record<string, string> }>;
  predicateType: string;
  predicate: P;
}

/**
 * Who built: the reusable workflow's own identity (job.workflow_ref) when the build runs inside one, which the caller
 * cannot change (SLSA Build L3); otherwise the caller's workflow (GITHUB_WORKFLOW_REF), which the caller writes and
 * which therefore says less. `kind` records which one it is, in the predicate too.
 */
export interface BuilderIdentity {
  /** https://github.com/OWNER/REPO/.github/workflows/FILE.yml@REF */
  id: string;
  kind: 'reusable-workflow' | 'caller-workflow';
}

/**
 * The builder from a runner's environment. The reusable workflows pass `job.workflow_ref` as JOB_WORKFLOW_REF (no
 * variable carries it by itself); a single action has only GITHUB_WORKFLOW_REF.
 */
export function builderIdentity(context: RunContext): BuilderIdentity {
  const server = context.serverUrl;
  const { jobWorkflowRef, workflowRef } = context;
  if (jobWorkflowRef) return { id: `${server}/${checkedWorkflowRef(jobWorkflowRef)}`, kind: 'reusable-workflow' };
  if (workflowRef) return { id: `${server}/${checkedWorkflowRef(workflowRef)}`, kind: 'caller-workflow' };
  throw new UserError(
    'Neither JOB_WORKFLOW_REF nor GITHUB_WORKFLOW_REF is set, so the provenance cannot name its builder: run on GitHub Actions.',
  );
}

function checkedWorkflowRef(ref: string): string {
  if (!WORKFLOW_REF.test(ref))
    throw new UserError(`"${ref}" is not a workflow ref (OWNER/REPO/.github/workflows/FILE@REF).`);
  return ref;
}

/** The settings of build-multistage that shape the image; secret values never, only the ids the build mounts. */
export interface BuildParameters {
  /** Relative to the repository root, as the user wrote them. */
  dockerfile: string;
  context: string;
  target?: string;
  buildArgs: ReadonlyMap<string, string>;
  labels: ReadonlyMap<string, string>;
  platforms: readonly string[];
  secretIds: readonly string[];
  network?: string;
  builder: string;
}

/** The commit built and the run that built it. */
export interface BuildInvocation {
  /** owner/name */
  repository: string;
  /** The full ref: refs/heads/main, refs/tags/v1. */
  ref: string;
  /** The 40-hex commit. */
  sha: string;
  serverUrl?: string;
  runId: string;
  runAttempt: string;
  startedOn: Date;
  finishedOn: Date;
}

export interface ProvenanceRequest {
  builder: BuilderIdentity;
  /** owner/name of this library: its build type is documented there. */
  libraryRepository: string;
  build: BuildParameters;
  invocation: BuildInvocation;
  /** Every image the build read that is not a stage of the Dockerfile (see `baseImageDependencies`). */
  baseImages: readonly ResourceDescriptor[];
}

/** The SLSA provenance v1 predicate of one build. */
export function slsaPredicate(request: ProvenanceRequest): SlsaProvenancePredicate {
  const { builder, build, invocation } = request;
  const server = serverOf(invocation.serverUrl);
  if (!GIT_COMMIT.test(invocation.sha)) throw new UserError(`The commit "${invocation.sha}" is not a 40-hex git SHA.`);
  const runUrl = `${server}/${invocation.repository}/actions/runs/${invocation.runId}/attempts/${invocation.runAttempt}`;
  return {
    buildDefinition: {
      buildType: `${server}/${request.libraryRepository}/${BUILD_TYPE_DOC}`,
      externalParameters: {
        source: { repository: `${server}/${invocation.repository}`, ref: invocation.ref },
        dockerfile: build.dockerfile,
        context: build.context,
        ...(build.target === undefined ? {} : { target: build.target }),
        // Masked like the log: a value registered as a secret never lands in a signed, public statement.
        buildArgs: Object.fromEntries([...build.buildArgs].map(([name, value]) => [name, redact(value)])),
        labels: Object.fromEntries([...build.labels].map(([name, value]) => [name, redact(value)])),
        platforms: [...build.platforms],
        secretIds: [...build.secretIds].sort(),
        ...(build.network === undefined ? {} : { network: build.network }),
      },
      internalParameters: { builder: build.builder, builderIdentity: builder.kind },
      resolvedDependencies: [
        {
          uri: `git+${server}/${invocation.repository}@${invocation.ref}`,
          digest: { gitCommit: invocation.sha },
          name: 'source',
        },
        ...request.baseImages,
      ],
    },
    runDetails: {
      builder: { id: builder.id },
      metadata: {
        invocationId: runUrl,
        startedOn: invocation.startedOn.toISOString(),
        finishedOn: invocation.finishedOn.toISOString(),
      },
    },
  };
}

/** The statement that binds a predicate to one image manifest digest. */
export function provenanceStatement(
  imageName: string,
  digest: string,
  predicate: SlsaProvenancePredicate,
): InTotoStatement<SlsaProvenancePredicate> {
  const hex = SHA256_DIGEST.exec(digest)?.[1];
  if (!hex) throw new UserError(`The image digest "${digest}" is not sha256: followed by 64 lowercase hex digits.`);
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: imageName, digest: { sha256: hex } }],
    predicateType: SLSA_PREDICATE_TYPE,
    predicate,
  };
}

/**
 * The images a build of `target` reads from outside the Dockerfile (bases, COPY --from, RUN --mount from=, the
 * `# syntax=` frontend), with their digest when the reference pins one and, otherwise, the digest `resolve` finds
 * (the registry's, at build time). Unresolved ones keep their URI alone, which SLSA allows.
 */
export async function baseImageDependencies(
  dockerfile: Dockerfile,
  target: Stage,
  buildArgs: ReadonlyMap<string, string>,
  resolve: (reference: string) => Promise<string | undefined> = async () => undefined,
): Promise<ResourceDescriptor[]> {
  const references = new Set<string>();
  const frontend = buildArgs.get('BUILDKIT_SYNTAX') ?? dockerfile.syntax;
  if (frontend) references.add(frontend);
  for (const stage of dockerfile.stagesNeededFor(target)) {
    if (!dockerfile.stageNamed(stage.base, stage.index)) {
      const base = dockerfile.resolvedBase(stage, buildArgs);
      if (base.toLowerCase() !== 'scratch') references.add(base);
    }
    for (const reference of stageReferences(stage)) {
      if (!dockerfile.stageNamed(reference, stage.index)) references.add(reference);
    }
  }
  const descriptors: ResourceDescriptor[] = [];
  for (const reference of references) {
    const pinned = /@(sha256:[a-f0-9]{64})$/.exec(reference)?.[1];
    const digest = pinned ?? (await resolve(reference).catch(() => undefined));
    const hex = digest ? SHA256_DIGEST.exec(digest)?.[1] : undefined;
    descriptors.push({ uri: imagePurl(reference), ...(hex ? { digest: { sha256: hex } } : {}) });
  }
  return descriptors;
}

/** The package URL SLSA tools expect for an image (pkg:docker/REGISTRY/PATH@TAG); the text as written otherwise. */
function imagePurl(reference: string): string {
  const image = ImageRef.tryParse(reference);
  if (!image) return reference;
  const version = image.tag ?? image.digest;
  return `pkg:docker/${image.registry}/${image.path}${version ? `@${version}` : ''}`;
}

function serverOf(serverUrl: string | undefined): string {
  return (serverUrl || 'https://github.com').replace(/\/+$/, '');
}

/** What the build step knows when its image is pushed; the rest comes from the runner's environment. */
export interface RunnerBuild {
  dockerfile: Dockerfile;
  target: Stage;
  build: BuildParameters;
  startedOn: Date;
  finishedOn: Date;
  /** The digest a base image reference names now (the registry's answer); undefined when unknown. */
  resolveDigest?: (reference: string) => Promise<string | undefined>;
}

/**
 * The predicate of a build that ran in a GitHub Actions job, from the runner's variables; undefined, with the reason,
 * outside one (a terminal, a test), where nothing names a builder, a commit or a run.
 */
export async function runnerProvenance(
  run: RunnerBuild,
  context: RunContext,
): Promise<{ predicate?: SlsaProvenancePredicate; missing?: string }> {
  // The library's own repository: the reusable workflow's, or the action's.
  const libraryRepository = context.jobWorkflowRef?.split('/').slice(0, 2).join('/') || context.actionRepository;
  const { repository, ref, sha, runId, workflowRef } = context;
  const missing = Object.entries({
    GITHUB_REPOSITORY: repository,
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_RUN_ID: runId,
    GITHUB_WORKFLOW_REF: workflowRef,
    GITHUB_ACTION_REPOSITORY: libraryRepository,
  })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (!repository || !ref || !sha || !runId || !workflowRef || !libraryRepository)
    return { missing: missing.join(', ') };
  const predicate = slsaPredicate({
    builder: builderIdentity(context),
    libraryRepository,
    build: run.build,
    invocation: {
      repository,
      ref,
      sha,
      serverUrl: context.serverUrl,
      runId,
      runAttempt: String(context.runAttempt),
      startedOn: run.startedOn,
      finishedOn: run.finishedOn,
    },
    baseImages: await baseImageDependencies(run.dockerfile, run.target, run.build.buildArgs, run.resolveDigest),
  });
  return { predicate };
}

/** Looks a base image's digest up in its registry (a HEAD); undefined for a reference that names no image. */
export function registryDigestResolver(registry: RegistryClient): (reference: string) => Promise<string | undefined> {
  return async (reference) => {
    const image = ImageRef.tryParse(reference);
    if (!image) return undefined;
    return image.digest ?? registry.manifestDigest(image, image.tag ?? 'latest', { missingIsUndefined: true });
  };
}
