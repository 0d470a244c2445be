import { type Dockerfile, type Instruction, leadingFlags, type Stage, stageLabel } from './dockerfile.js';

/** The best practices the action checks before it builds. */
export type DockerfileRule = 'single-stage' | 'runs-as-root' | 'base-not-pinned' | 'add-from-url';

export interface DockerfileFinding {
  rule: DockerfileRule;
  line: number;
  message: string;
}

const ROOT_USERS = new Set(['root', '0']);
// Remote sources: anything with a scheme (https://, ftp://, git://, ssh://) and git over ssh (git@host:repo).
const URL_SOURCE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
const DIGEST_PINNED = /@sha256:[a-f0-9]{64}$/;

/**
 * Checks a Dockerfile as it will be built (for `target`, with these build args): one stage only, a final stage
 * running as root, a base image not pinned by digest, `ADD` of a URL. Findings are in line order.
 */
export function checkDockerfile(
  dockerfile: Dockerfile,
  target: Stage,
  buildArgs: ReadonlyMap<string, string>,
): DockerfileFinding[] {
  const built = dockerfile.stagesNeededFor(target);
  const findings = [
    ...singleStage(dockerfile),
    ...runsAsRoot(dockerfile, target),
    ...built.flatMap((stage) => baseNotPinned(dockerfile, stage, buildArgs)),
    ...built.flatMap(addFromUrl),
  ];
  return findings.sort((a, b) => a.line - b.line);
}

function singleStage(dockerfile: Dockerfile): DockerfileFinding[] {
  if (dockerfile.stages.length > 1) return [];
  return [
    {
      rule: 'single-stage',
      line: dockerfile.stages[0]!.line,
      message: 'single-stage build: the build tools ship in the image; build in a builder stage and copy the result',
    },
  ];
}

function runsAsRoot(dockerfile: Dockerfile, target: Stage): DockerfileFinding[] {
  const user = effectiveUser(dockerfile, target);
  if (user && !ROOT_USERS.has(user.name.split(':')[0]!)) return [];
  const where = `the final stage (${stageLabel(target)})`;
  return [
    user
      ? { rule: 'runs-as-root', line: user.line, message: `${where} runs as root: USER ${user.name}` }
      : { rule: 'runs-as-root', line: target.line, message: `${where} has no USER, so it runs as root` },
  ];
}

/** The last USER of a stage, or of the stage it is built on. */
function effectiveUser(dockerfile: Dockerfile, stage: Stage): { name: string; line: number } | undefined {
  const users = stage.instructions.filter((instruction) => instruction.keyword === 'USER');
  const last = users[users.length - 1];
  if (last) return { name: last.text.trim(), line: last.line };
  const parent = dockerfile.stageNamed(stage.base, stage.index);
  return parent ? effectiveUser(dockerfile, parent) : undefined;
}

/** `name@sha256:<64 hex>` (with or without a tag): the reference always means the same bytes. */
export function isPinnedByDigest(reference: string): boolean {
  return DIGEST_PINNED.test(reference);
}

/** Whether an ADD instruction fetches a URL without a --checksum to hold its bytes still. */
export function addsUnverifiedUrl(instruction: Instruction): boolean {
  if (instruction.keyword !== 'ADD') return false;
  const { flags } = leadingFlags(instruction.text);
  return !flags.some((flag) => flag.startsWith('--checksum=')) && addSources(instruction.text).some(isRemote);
}

function isRemote(source: string): boolean {
  return URL_SOURCE.test(source);
}

/** The sources of `ADD [flags] src... dest`, in the shell form or the JSON form (`ADD ["src", "dest"]`). */
function addSources(text: string): string[] {
  const rest = text.trim().replace(/^(?:--\S+\s+)*/, '');
  if (rest.startsWith('[')) {
    try {
      const words = JSON.parse(rest) as unknown;
      if (Array.isArray(words)) return words.slice(0, -1).map(String);
    } catch {
      // Not JSON after all: Docker then reads it in the shell form, as below.
    }
  }
  return rest.split(/\s+/).slice(0, -1);
}

function baseNotPinned(
  dockerfile: Dockerfile,
  stage: Stage,
  buildArgs: ReadonlyMap<string, string>,
): DockerfileFinding[] {
  if (dockerfile.stageNamed(stage.base, stage.index)) return [];
  const image = dockerfile.resolvedBase(stage, buildArgs);
  if (image === '' || image.toLowerCase() === 'scratch' || isPinnedByDigest(image)) return [];
  const spelled = image === stage.base ? image : `${stage.base} = ${image}`;
  return [
    {
      rule: 'base-not-pinned',
      line: stage.line,
      message: `base image ${spelled} is not pinned by digest: a tag can move; use name:tag@sha256:...`,
    },
  ];
}

function addFromUrl(stage: Stage): DockerfileFinding[] {
  return stage.instructions.filter(addsUnverifiedUrl).map((instruction) => ({
    rule: 'add-from-url' as const,
    line: instruction.line,
    message:
      'ADD of a URL fetches unverified bytes: download in a RUN step and check a checksum, or use ADD --checksum',
  }));
}
