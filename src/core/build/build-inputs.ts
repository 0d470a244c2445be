import { createHash } from 'node:crypto';
import type { BuildRequest } from './builders/image-builder.js';
import { contextDigest } from './context-digest.js';
import { addsUnverifiedUrl, isPinnedByDigest } from './dockerfile-checks.js';
import { type Dockerfile, type Stage, stageLabel, stageReferences } from './dockerfile.js';
import { OCI_LABELS } from './labels.js';

/** The image label that records the inputs an image was built from, so a later run can find it instead of building. */
export const BUILD_INPUTS_LABEL = 'gitops-delivery-actions.build-inputs';

/**
 * What decides an image's content besides the files read from disk: the build request's fields, with secret ids
 * only (like BuildKit's cache, a rotated token does not make a new image), the platforms always named (the engine's
 * own when the build names none), and which kind of builder makes it (buildx pushes an index with attestations
 * where the docker CLI pushes one manifest).
 */
export type BuildRecipe = Pick<
  BuildRequest,
  'context' | 'dockerfile' | 'target' | 'buildArgs' | 'labels' | 'platforms' | 'network'
> & { secretIds: readonly string[]; builder: 'buildx' | 'docker' };

// Bumped whenever what the digest covers changes, so that images recorded under an older scheme are never matched.
const SCHEME = 'build-inputs/v1';

/**
 * The digest of everything a build reads: the Dockerfile, the context Docker would send (after .dockerignore),
 * target, build args, secret ids, labels, platforms, network and builder. `created` is left out: a rerun builds the same
 * image at another time.
 */
export function buildInputsDigest(recipe: BuildRecipe, dockerfileText: string): string {
  const labels = Object.entries(recipe.labels).filter(
    ([key]) => key !== OCI_LABELS.created && key !== BUILD_INPUTS_LABEL,
  );
  const canonical = JSON.stringify({
    scheme: SCHEME,
    dockerfile: sha256(dockerfileText),
    context: contextDigest(recipe.context, recipe.dockerfile),
    target: recipe.target?.toLowerCase() ?? null,
    buildArgs: sorted([...recipe.buildArgs]),
    secretIds: [...recipe.secretIds].sort(),
    labels: sorted(labels),
    platforms: [...recipe.platforms].sort(),
    network: recipe.network ?? null,
    builder: recipe.builder,
  });
  return `sha256:${sha256(canonical)}`;
}

/**
 * Why the inputs alone cannot tell what this build makes: it reads something that may change while no input
 * does (an image by tag, a URL). Empty when an earlier image of the same inputs is as good as a new build.
 */
export function reuseBlockers(dockerfile: Dockerfile, target: Stage, buildArgs: ReadonlyMap<string, string>): string[] {
  const blockers: string[] = [];
  // The BUILDKIT_SYNTAX build arg overrides the directive.
  const frontend = buildArgs.get('BUILDKIT_SYNTAX') ?? dockerfile.syntax;
  if (frontend && !isPinnedByDigest(frontend)) blockers.push(`the frontend ${frontend} is not pinned by digest`);
  for (const stage of dockerfile.stagesNeededFor(target)) {
    const where = `stage ${stageLabel(stage)} (line ${stage.line})`;
    for (const image of externalImages(dockerfile, stage, buildArgs)) {
      if (image.includes('$')) blockers.push(`${where} uses an image named by a variable, ${image}`);
      else if (!isPinnedByDigest(image)) blockers.push(`${where} uses ${image}, which is not pinned by digest`);
    }
    for (const instruction of stage.instructions.filter(addsUnverifiedUrl)) {
      blockers.push(`line ${instruction.line} ADDs a URL without --checksum`);
    }
  }
  return blockers;
}

/** The images a stage reads that are not stages of this Dockerfile: its base, COPY --from and RUN --mount from=. */
function externalImages(dockerfile: Dockerfile, stage: Stage, buildArgs: ReadonlyMap<string, string>): string[] {
  const images: string[] = [];
  if (!dockerfile.stageNamed(stage.base, stage.index)) {
    const base = dockerfile.resolvedBase(stage, buildArgs);
    if (base.toLowerCase() !== 'scratch') images.push(base);
  }
  for (const reference of stageReferences(stage)) {
    if (!dockerfile.stageNamed(reference, stage.index)) images.push(reference);
  }
  return images;
}

function sorted(entries: Array<[string, string]>): Array<[string, string]> {
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
