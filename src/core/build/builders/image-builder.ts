import { UserError } from '../../errors.js';
import type { BuildFailure, BuildSteps } from '../build-log.js';
import type { Dockerfile, Stage } from '../dockerfile.js';

/** The builders this library drives; `auto` picks the first that works here, in this order. */
export type BuilderName = 'buildx' | 'buildkit' | 'classic';

/** What the user asks for: `auto`, buildx only, or the docker CLI (BuildKit when it can, else classic). */
export const BUILDER_PREFERENCES = ['auto', 'buildx', 'docker'] as const;
export type BuilderPreference = (typeof BUILDER_PREFERENCES)[number];

/** A BuildKit secret: its value lives only in a 0600 file that is deleted after the build. */
export interface SecretFile {
  id: string;
  file: string;
}

/** Everything a builder needs, already validated; `tags` are full references. */
export interface BuildRequest {
  context: string;
  dockerfile: string;
  target: string | undefined;
  buildArgs: ReadonlyMap<string, string>;
  secrets: readonly SecretFile[];
  labels: Readonly<Record<string, string>>;
  tags: readonly string[];
  platforms: readonly string[];
  cacheFrom: readonly string[];
  cacheTo: readonly string[];
  network: string | undefined;
  push: boolean;
  /** A private folder for the files the builder writes (image ID, metadata). */
  workDir: string;
}

export interface BuiltImage {
  /** The local image ID (the config digest), when the image is in the engine's store. */
  imageId: string | undefined;
  /** The manifest digest the push reported; undefined when nothing was pushed. */
  pushedDigest: string | undefined;
  steps: BuildSteps;
}

/** One way to build: buildx, the docker CLI with BuildKit, or the classic builder. Chosen once per run. */
export interface ImageBuilder {
  readonly name: BuilderName;
  /** Refuses, before anything runs, what this builder cannot do (a UserError saying what to change). */
  refuseUnsupported(request: BuildRequest): void;
  /** The stages this builder runs for `target`. */
  stagesBuilt(dockerfile: Dockerfile, target: Stage): Stage[];
  /** Builds, and pushes every tag when `push` is set; a BuildFailedError when the Dockerfile fails. */
  build(request: BuildRequest): Promise<BuiltImage>;
}

/** The Dockerfile failed to build: one line for the error, the failing step's last lines for the summary. */
export class BuildFailedError extends UserError {
  constructor(
    readonly builder: BuilderName,
    readonly failure: BuildFailure,
  ) {
    super(`The build failed at ${failure.step}: ${failure.lines.slice(-5).join(' | ') || 'no output'}`);
  }
}

/** `type=registry,ref=X` or a plain reference, as the docker CLI's builders take it; undefined for other types. */
export function registryCacheRef(entry: string): string | undefined {
  if (!entry.includes('=')) return entry;
  const fields = new Map(entry.split(',').map((field) => field.split('=', 2) as [string, string]));
  return fields.get('type') === 'registry' && fields.size === 2 ? fields.get('ref') : undefined;
}

export function needsBuildx(builder: BuilderName, what: string): UserError {
  return new UserError(
    `${what} needs buildx, but this run uses the ${builder} builder: install buildx ` +
      '(docker/setup-buildx-action) or drop it.',
  );
}
