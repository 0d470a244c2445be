import * as core from '@actions/core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { chooseBuilder } from '../../core/build/builders/choose-builder.js';
import {
  BuildFailedError,
  type BuildRequest,
  type BuiltImage,
  type ImageBuilder,
} from '../../core/build/builders/image-builder.js';
import { checkDockerfile, type DockerfileFinding } from '../../core/build/dockerfile-checks.js';
import { Dockerfile, type Stage, stageLabel } from '../../core/build/dockerfile.js';
import { imageLabels } from '../../core/build/labels.js';
import { RegistryClient } from '../../core/build/registry.js';
import { dockerConfigCredentials } from '../../core/build/registry-credentials.js';
import { writeSecretFiles } from '../../core/build/secret-files.js';
import { servedDigest } from '../../core/build/served-digest.js';
import { readSourceContext, type SourceContext } from '../../core/build/source-context.js';
import { resolveTags, versionOf } from '../../core/build/tags.js';
import { Docker } from '../../core/docker.js';
import { UserError } from '../../core/errors.js';
import { relativeToRoot } from '../../core/file-scope.js';
import { actionOutputs, type OutputSink } from '../../core/outputs.js';
import { type BuildReport, failureSummary, successSummary } from './report.js';
import { type BuildMultistageSettings, OUTPUTS, type Policy } from './settings.js';

/** The collaborators a run uses; tests pass their own, the action the defaults. */
export interface BuildMultistageDeps {
  /** Default: `docker` on PATH. */
  docker?: Docker;
  /** Default: a client with the docker CLI's stored credentials. */
  registry?: RegistryClient;
  /** Default: the runner's GitHub context. */
  source?: SourceContext;
  /** Where the run's private files go (secrets, image ID); default RUNNER_TEMP, else the OS temp folder. */
  tempDir?: string;
}

/**
 * Checks the Dockerfile, works out tags and labels, builds with the builder the machine offers, pushes, and reads
 * back from the registry the digest every tag serves. Sets the outputs only when all of it worked.
 */
export async function buildMultistage(
  settings: BuildMultistageSettings,
  setOutput: OutputSink = actionOutputs,
  deps: BuildMultistageDeps = {},
): Promise<BuildReport> {
  const started = performance.now();
  const { dockerfile, target, findings } = await checkedDockerfile(settings);
  const source = deps.source ?? readSourceContext();
  const tags = resolveTags(settings.tagRules, source);
  const labels = imageLabels(settings.image, source, versionOf(tags), settings.labels);
  const registry = deps.registry ?? new RegistryClient({ credentials: dockerConfigCredentials() });
  // Both before the build, so an unreachable registry fails in seconds rather than after a long build.
  const [builder] = await Promise.all([
    chooseBuilder(settings.builder, deps.docker ?? (await Docker.create())),
    settings.push ? registry.ensureReachable(settings.image.registry) : undefined,
  ]);
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
  core.info(`Builder: ${builder.name}; stages: ${report.stages.join(', ')}; tags: ${report.tags.join(', ')}`);

  const workDir = await mkdtemp(path.join(deps.tempDir ?? process.env.RUNNER_TEMP ?? os.tmpdir(), 'build-multistage-'));
  try {
    const built = await buildAndPush(settings, builder, report, workDir);
    report.imageId = built.imageId;
    report.steps = built.steps;
    if (settings.push) {
      const served = await servedDigest(registry, settings.image, tags, built.pushedDigest);
      if (served.source === 'push') {
        core.warning(
          `The registry did not show ${settings.image}'s manifests to this action (credentials in a helper?); ` +
            `digest ${served.digest} is the one the push reported.`,
        );
      }
      report.digest = served.digest;
      report.digestSource = served.source;
    }
  } catch (error) {
    if (error instanceof BuildFailedError) {
      report.durationSeconds = secondsSince(started);
      await failureSummary(report, error).write();
    }
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  report.durationSeconds = secondsSince(started);
  setOutputs(setOutput, settings, report);
  await successSummary(report).write();
  return report;
}

/** Parses the Dockerfile, finds the target stage, and reports the checks (failing under policy "error"). */
async function checkedDockerfile(
  settings: BuildMultistageSettings,
): Promise<{ dockerfile: Dockerfile; target: Stage; findings: DockerfileFinding[] }> {
  const file = relativeToRoot(settings.workspace, settings.dockerfile);
  const dockerfile = Dockerfile.parse(await readFile(settings.dockerfile, 'utf8'), file);
  const target = dockerfile.targetStage(settings.target);
  const findings = settings.policy === 'off' ? [] : checkDockerfile(dockerfile, target, settings.buildArgs);
  reportFindings(file, findings, settings.policy);
  return { dockerfile, target, findings };
}

function reportFindings(file: string, findings: readonly DockerfileFinding[], policy: Policy): void {
  const annotate = policy === 'error' ? core.error : core.warning;
  for (const finding of findings) {
    annotate(`${file}:${finding.line}: ${finding.message} (${finding.rule})`, { file, startLine: finding.line });
  }
  if (policy === 'error' && findings.length > 0) {
    throw new UserError(
      `${findings.length} Dockerfile check(s) failed under policy "error" (annotated above): fix them or set policy: warn.`,
    );
  }
}

/** Writes the secrets to private files and has the builder build (and push) with the tags and labels of `report`. */
async function buildAndPush(
  settings: BuildMultistageSettings,
  builder: ImageBuilder,
  report: BuildReport,
  workDir: string,
): Promise<BuiltImage> {
  const request: BuildRequest = {
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
  builder.refuseUnsupported(request);
  return builder.build(request);
}

function setOutputs(setOutput: OutputSink, settings: BuildMultistageSettings, report: BuildReport): void {
  const imageRef = report.digest ? settings.image.withVersion({ digest: report.digest }) : '';
  setOutput(OUTPUTS.digest, report.digest ?? '');
  setOutput(OUTPUTS.imageRef, imageRef);
  setOutput(OUTPUTS.tags, JSON.stringify(report.tags));
  setOutput(OUTPUTS.imageId, report.imageId ?? '');
  setOutput(OUTPUTS.metadata, JSON.stringify(report));
  core.info(
    imageRef ? `Pushed ${imageRef} as ${report.tags.join(', ')}` : `Built ${report.imageId ?? 'the image'}, not pushed`,
  );
}

function secondsSince(started: number): number {
  return Math.round(performance.now() - started) / 1000;
}
