import * as log from '../../core/log.js';
import { readFile } from 'node:fs/promises';
import {
  BUILD_INPUTS_LABEL,
  type BuildRecipe,
  buildInputsDigest,
  reuseBlockers,
} from '../../core/build/build-inputs.js';
import { chooseBuilder, fallbackBuilder } from '../../core/build/builders/choose-builder.js';
import { defaultPlatform } from '../../core/build/default-platform.js';
import {
  BuildFailedError,
  type BuildRequest,
  type BuiltImage,
  type ImageBuilder,
} from '../../core/build/builders/image-builder.js';
import { checkDockerfile, type DockerfileFinding } from '../../core/build/dockerfile-checks.js';
import { Dockerfile, type Stage, stageLabel } from '../../core/build/dockerfile.js';
import { imageCreated, imageLabels } from '../../core/build/labels.js';
import { dockerConfigCredentials } from '../../core/build/registry-credentials.js';
import { RegistryClient, RegistryUnreachableError } from '../../core/build/registry.js';
import {
  findReusableImage,
  readTagImages,
  type ReusableImage,
  type TagImage,
  tagReusableImage,
} from '../../core/build/reuse.js';
import { writeSecretFiles } from '../../core/build/secret-files.js';
import { servedDigest } from '../../core/build/served-digest.js';
import { resolveTags, versionOf } from '../../core/build/tags.js';
import { Docker } from '../../core/docker.js';
import { UserError } from '../../core/errors.js';
import type { ImageRef } from '../../core/image-ref.js';
import { relativeToRoot } from '../../core/file-scope.js';
import { registryDigestResolver, runnerProvenance } from '../../core/provenance/slsa.js';
import { type BuildReport, failureSummary, successSummary } from './report.js';
import { type BuildMultistageSettings, OUTPUTS, type Policy } from './settings.js';
import { SCRATCH_PREFIX, STATE } from './post.js';
import type { OutputSink } from '../../core/outputs.js';
import type { StepHost } from '../host.js';
import type { RunContext } from '../../core/run-context.js';
import { escapeForLog } from '../../core/workflow-commands.js';

/** What a test replaces; every field has a production default. */
export interface BuildMultistageSeams {
  /** Default: `docker` on PATH. */
  docker?: Docker;
  /** Default: a client with the docker CLI's stored credentials. */
  registry?: RegistryClient;
  /** The image's creation time when SOURCE_DATE_EPOCH is not set; default: when the run started. */
  now?: Date;
}

/**
 * Checks the Dockerfile, works out tags and labels, and either finds the same image already in the registry (built
 * from the same inputs) and points the tags at it, or builds with the builder the machine offers and pushes. Then
 * reads back from the registry the digest every tag serves. Sets the outputs only when all of it worked.
 */
export async function buildMultistage(
  settings: BuildMultistageSettings,
  host: StepHost,
  seams: BuildMultistageSeams = {},
): Promise<BuildReport> {
  const { setOutput } = host;
  const started = performance.now();
  const startedOn = new Date();
  const { dockerfile, text, target, findings } = await checkedDockerfile(settings);
  const tags = resolveTags(settings.tagRules, host.context);
  const created = imageCreated(host.env, seams.now ?? startedOn);
  const labels = imageLabels(settings.image, host.context, created, versionOf(tags), settings.labels);
  const registry = seams.registry ?? new RegistryClient({ credentials: dockerConfigCredentials() });
  const mayReuse = reuseAllowed(settings, dockerfile, target);
  // Started at once, so that the registry answers while the inputs are hashed; an unreachable one fails the step in
  // seconds rather than after a long build.
  const lookup = settings.push ? lookUpRegistry(registry, settings.image, tags, mayReuse) : undefined;
  lookup?.catch(() => undefined); // Awaited below; until then a failure must not count as unhandled.
  const docker = seams.docker ?? (await Docker.create());
  const builder = await chooseBuilder(settings.builder, docker);
  const inputsDigest = mayReuse ? await inputsDigestOf(settings, builder, docker, text, labels) : undefined;
  // Always set: an empty value hides one the base image may carry.
  labels[BUILD_INPUTS_LABEL] = inputsDigest ?? '';
  const tagImages = await lookup;
  const reusable = tagImages && inputsDigest ? findReusableImage(settings.image, tagImages, inputsDigest) : undefined;
  const report: BuildReport = {
    image: settings.image.toString(),
    builder: builder.name,
    target: stageLabel(target),
    stages: builder.stagesBuilt(dockerfile, target).map(stageLabel),
    tags: tags.map((tag) => settings.image.withVersion({ tag })),
    labels,
    pushed: settings.push,
    findings: findings.length,
    policy: settings.policy,
    durationSeconds: 0,
  };

  // Holds the build secrets: removed when the run ends, is cancelled (cleanup.ts), or by the post step after a SIGKILL.
  const scratch = await host.scratchFolder(SCRATCH_PREFIX);
  host.saveState(STATE.scratchFolder, scratch.path);
  const workDir = scratch.path;
  try {
    const pushedDigest =
      reusable && (await tagForReuse(registry, settings.image, reusable))
        ? recordReuse(report, reusable, inputsDigest)
        : recordBuild(report, await buildWithFallbacks(settings, builder, docker, dockerfile, target, report, workDir));
    if (settings.push) await recordServedDigest(report, registry, settings.image, tags, pushedDigest);
  } catch (error) {
    if (error instanceof BuildFailedError) {
      report.durationSeconds = secondsSince(started);
      await failureSummary(report, error).write();
    }
    throw error;
  } finally {
    await scratch.remove();
  }
  report.durationSeconds = secondsSince(started);
  const provenance = report.digest
    ? await provenanceOf(settings, dockerfile, target, report, registry, startedOn, host.context)
    : '';
  setOutputs(setOutput, settings, report, provenance);
  await successSummary(report).write();
  return report;
}

/** Notes in the report that nothing was built; returns the reused image's manifest digest. */
function recordReuse(report: BuildReport, reusable: ReusableImage, inputsDigest: string | undefined): string {
  log.info(`${reusable.foundAt} was built from the same inputs (${inputsDigest}): tagged it, built nothing.`);
  Object.assign(report, {
    builder: 'none',
    stages: [],
    reusedFrom: reusable.foundAt,
    labels: reusable.labels,
    imageId: reusable.configDigest,
  });
  return reusable.manifest.digest;
}

/** Notes the build in the report; returns the manifest digest its push reported, if it pushed. */
function recordBuild(report: BuildReport, built: BuiltImage): string | undefined {
  report.imageId = built.imageId;
  report.steps = built.steps;
  return built.pushedDigest;
}

/** Reads back the digest every tag serves, which must be the pushed one, into the report. */
async function recordServedDigest(
  report: BuildReport,
  registry: RegistryClient,
  image: ImageRef,
  tags: readonly string[],
  pushedDigest: string | undefined,
): Promise<void> {
  const served = await servedDigest(registry, image, tags, pushedDigest);
  if (served.source === 'push') {
    log.warning(
      `The registry did not show ${image}'s manifests to this action (credentials in a helper?); ` +
        `digest ${served.digest} is the one the push reported.`,
    );
  }
  report.digest = served.digest;
  report.digestSource = served.source;
}

/**
 * Whether an image of the same inputs may stand in for this build: reuse is on, the image is pushed (where a later
 * run can find it) and the inputs alone decide the image; when not for the last reason, says why.
 */
function reuseAllowed(settings: BuildMultistageSettings, dockerfile: Dockerfile, target: Stage): boolean {
  if (!settings.reuse || !settings.push) return false;
  const blockers = reuseBlockers(dockerfile, target, settings.buildArgs);
  if (blockers.length > 0) {
    log.info(`An earlier image cannot stand in for this build (${escapeForLog(blockers.join('; '))}): building.`);
  }
  return blockers.length === 0;
}

/** The digest of the build's inputs, which the image carries as a label; undefined when the context is unreadable. */
async function inputsDigestOf(
  settings: BuildMultistageSettings,
  builder: ImageBuilder,
  docker: Docker,
  dockerfileText: string,
  labels: Record<string, string>,
): Promise<string | undefined> {
  const recipe: BuildRecipe = {
    ...settings,
    platforms: settings.platforms.length > 0 ? settings.platforms : [await defaultPlatform(docker)],
    builder: builder.name === 'buildx' ? 'buildx' : 'docker',
    secretIds: [...settings.secrets.keys()],
    labels,
  };
  try {
    return buildInputsDigest(recipe, dockerfileText);
  } catch (error) {
    // An unreadable file in the context, say: the build will tell what Docker makes of it.
    log.warning(`Could not read the build context to compare it with earlier builds (${(error as Error).message}).`);
    return undefined;
  }
}

/** What the tags serve now, when reuse may use it; otherwise only a warning when the registry does not answer. */
async function lookUpRegistry(
  registry: RegistryClient,
  image: ImageRef,
  tags: readonly string[],
  reuse: boolean,
): Promise<TagImage[] | undefined> {
  if (!reuse) {
    await registry.warnUnlessReachable(image.registry);
    return undefined;
  }
  return unlessItFails('Looking for an image of the same inputs', () => readTagImages(registry, image, tags));
}

/** Points the tags at the reusable image; false (so the caller builds) when the registry will not take it. */
async function tagForReuse(registry: RegistryClient, image: ImageRef, reusable: ReusableImage): Promise<boolean> {
  const tagged = await unlessItFails(`Tagging ${reusable.foundAt}`, () => tagReusableImage(registry, image, reusable));
  if (tagged === false) log.info(`The registry would not let these credentials tag ${reusable.foundAt}: building.`);
  return tagged === true;
}

/**
 * Reuse only saves time, so a registry answer it cannot use (an odd status, bytes that do not match their digest)
 * means building instead. An unreachable registry still fails the step: the push would fail too.
 */
async function unlessItFails<T>(what: string, attempt: () => Promise<T>): Promise<T | undefined> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof RegistryUnreachableError) throw error;
    log.warning(`${what} failed (${(error as Error).message}): building.`);
    return undefined;
  }
}

/**
 * Builds with `first`, and when it fails because the machine lacks what it needs (see `fallbackBuilder`), with the
 * next builder that may work. The report names the builder that ran last and the stages it built.
 */
async function buildWithFallbacks(
  settings: BuildMultistageSettings,
  first: ImageBuilder,
  docker: Docker,
  dockerfile: Dockerfile,
  target: Stage,
  report: BuildReport,
  workDir: string,
): Promise<BuiltImage> {
  const request = await buildRequest(settings, report, workDir);
  for (let builder = first; ;) {
    report.builder = builder.name;
    report.stages = builder.stagesBuilt(dockerfile, target).map(stageLabel);
    log.info(
      escapeForLog(`Builder: ${builder.name}; stages: ${report.stages.join(', ')}; tags: ${report.tags.join(', ')}`),
    );
    builder.refuseUnsupported(request);
    try {
      return await builder.build(request);
    } catch (error) {
      if (!(error instanceof BuildFailedError)) throw error;
      const next = await fallbackBuilder(builder, settings.builder, docker);
      if (!next) throw error;
      log.warning(`The ${builder.name} builder does not work here (${error.failure.step}); trying ${next.name}.`);
      builder = next;
    }
  }
}

/** Parses the Dockerfile, finds the target stage, and reports the checks (failing under policy "error"). */
async function checkedDockerfile(
  settings: BuildMultistageSettings,
): Promise<{ dockerfile: Dockerfile; text: string; target: Stage; findings: DockerfileFinding[] }> {
  const file = relativeToRoot(settings.workspace, settings.dockerfile);
  const text = await readFile(settings.dockerfile, 'utf8');
  const dockerfile = Dockerfile.parse(text, file);
  const target = dockerfile.targetStage(settings.target);
  const findings = settings.policy === 'off' ? [] : checkDockerfile(dockerfile, target, settings.buildArgs);
  reportFindings(file, findings, settings.policy);
  return { dockerfile, text, target, findings };
}

function reportFindings(file: string, findings: readonly DockerfileFinding[], policy: Policy): void {
  const annotate = policy === 'error' ? log.error : log.warning;
  for (const finding of findings) {
    annotate(`${file}:${finding.line}: ${finding.message} (${finding.rule})`, { file, startLine: finding.line });
  }
  if (policy === 'error' && findings.length > 0) {
    throw new UserError(
      `${findings.length} Dockerfile check(s) failed under policy "error" (annotated above): fix them or set policy: warn.`,
    );
  }
}

/** The request every builder gets: the secrets written to private files once, the tags and labels of `report`. */
async function buildRequest(
  settings: BuildMultistageSettings,
  report: BuildReport,
  workDir: string,
): Promise<BuildRequest> {
  return {
    context: settings.context,
    dockerfile: settings.dockerfile,
    target: settings.target,
    buildArgs: settings.buildArgs,
    secrets: await writeSecretFiles(settings.secrets, workDir),
    labels: report.labels,
    tags: report.tags,
    platforms: settings.platforms,
    cacheFrom: settings.cacheFrom,
    cacheTo: settings.cacheTo,
    network: settings.network,
    push: settings.push,
    workDir,
  };
}

/** The SLSA provenance predicate of the pushed image (JSON), or empty, said once, outside a GitHub Actions job. */
async function provenanceOf(
  settings: BuildMultistageSettings,
  dockerfile: Dockerfile,
  target: Stage,
  report: BuildReport,
  registry: RegistryClient,
  startedOn: Date,
  context: RunContext,
): Promise<string> {
  const { predicate, missing } = await runnerProvenance(
    {
      dockerfile,
      target,
      build: {
        dockerfile: relativeToRoot(settings.workspace, settings.dockerfile),
        context: relativeToRoot(settings.workspace, settings.context),
        target: settings.target,
        buildArgs: settings.buildArgs,
        labels: settings.labels,
        platforms: settings.platforms,
        secretIds: [...settings.secrets.keys()],
        network: settings.network,
        builder: report.builder,
      },
      startedOn,
      finishedOn: new Date(),
      resolveDigest: registryDigestResolver(registry),
    },
    context,
  );
  if (missing) log.info(`No provenance: ${missing} not set (outside a GitHub Actions job).`);
  return predicate ? JSON.stringify(predicate) : '';
}

function setOutputs(
  setOutput: OutputSink,
  settings: BuildMultistageSettings,
  report: BuildReport,
  provenance: string,
): void {
  const imageRef = report.digest ? settings.image.withVersion({ digest: report.digest }) : '';
  setOutput(OUTPUTS.digest, report.digest ?? '');
  setOutput(OUTPUTS.imageRef, imageRef);
  setOutput(OUTPUTS.tags, report.tags.join('\n'));
  setOutput(OUTPUTS.tagsJson, JSON.stringify(report.tags));
  setOutput(OUTPUTS.imageId, report.imageId ?? '');
  setOutput(OUTPUTS.metadata, JSON.stringify(report));
  setOutput(OUTPUTS.provenance, provenance);
  log.info(
    imageRef ? `Pushed ${imageRef} as ${report.tags.join(', ')}` : `Built ${report.imageId ?? 'the image'}, not pushed`,
  );
}

function secondsSince(started: number): number {
  return Math.round(performance.now() - started) / 1000;
}
