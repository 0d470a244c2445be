import { statSync } from 'node:fs';
import * as path from 'node:path';
import { BUILDER_PREFERENCES, type BuilderPreference } from '../../core/build/builders/image-builder.js';
import { parseTagRules, type TagRule } from '../../core/build/tags.js';
import { UserError } from '../../core/errors.js';
import { ImageRef } from '../../core/image-ref.js';
import type { InputReader } from '../../core/inputs.js';
import { registerSecret } from '../../core/secrets.js';

export const INPUTS = {
  image: 'image',
  context: 'context',
  dockerfile: 'dockerfile',
  target: 'target',
  buildArgs: 'build-args',
  secrets: 'secrets',
  labels: 'labels',
  tags: 'tags',
  push: 'push',
  platforms: 'platforms',
  cacheFrom: 'cache-from',
  cacheTo: 'cache-to',
  builder: 'builder',
  network: 'network',
  policy: 'policy',
  reuse: 'reuse',
} as const;

export const OUTPUTS = {
  digest: 'digest',
  imageRef: 'image-ref',
  tags: 'tags',
  tagsJson: 'tags-json',
  imageId: 'image-id',
  metadata: 'metadata',
  provenance: 'provenance',
} as const;

/** What the Dockerfile checks do with their findings: annotate, fail the step, or nothing. */
export const POLICIES = ['warn', 'error', 'off'] as const;
export type Policy = (typeof POLICIES)[number];

export interface BuildMultistageSettings {
  /** The repository, without tag or digest. */
  image: ImageRef;
  context: string;
  dockerfile: string;
  target: string | undefined;
  buildArgs: Map<string, string>;
  /** id -> value; every value is registered as a secret. */
  secrets: Map<string, string>;
  labels: Map<string, string>;
  tagRules: TagRule[];
  push: boolean;
  platforms: string[];
  cacheFrom: string[];
  cacheTo: string[];
  builder: BuilderPreference;
  network: string | undefined;
  policy: Policy;
  /** Tag an image the registry already has from the same inputs instead of building it again. */
  reuse: boolean;
  /** Where relative paths start and what annotations are relative to. */
  workspace: string;
}

const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
const NETWORK = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function readBuildMultistageSettings(inputs: InputReader, workspace: string): BuildMultistageSettings {
  // First, so that no later error can print a secret value.
  const secrets = readSecrets(inputs);
  const image = readImage(inputs);
  const context = inputs.path(INPUTS.context, workspace);
  requireKind(context, 'directory', `Build context "${inputs.string(INPUTS.context, '.')}"`);
  const dockerfile = inputs.optional(INPUTS.dockerfile)
    ? inputs.path(INPUTS.dockerfile, workspace)
    : path.join(context, 'Dockerfile');
  requireKind(dockerfile, 'file', `Dockerfile "${path.relative(workspace, dockerfile) || dockerfile}"`);
  return {
    image,
    context,
    dockerfile,
    target: inputs.optional(INPUTS.target),
    buildArgs: readPairs(inputs, INPUTS.buildArgs, BUILD_ARG_NAME, 'KEY=VALUE'),
    secrets,
    labels: readPairs(inputs, INPUTS.labels, LABEL_KEY, 'key=value'),
    tagRules: parseTagRules(inputs.list(INPUTS.tags), INPUTS.tags),
    push: inputs.boolean(INPUTS.push, true),
    platforms: readPlatforms(inputs),
    cacheFrom: inputs.lines(INPUTS.cacheFrom),
    cacheTo: inputs.lines(INPUTS.cacheTo),
    builder: inputs.choice(INPUTS.builder, BUILDER_PREFERENCES, 'auto'),
    network: readNetwork(inputs),
    policy: inputs.choice(INPUTS.policy, POLICIES, 'warn'),
    reuse: inputs.boolean(INPUTS.reuse, true),
    workspace,
  };
}

function readImage(inputs: InputReader): ImageRef {
  const image = ImageRef.parse(inputs.required(INPUTS.image), 'image');
  if (image.tag || image.digest) {
    throw new UserError(
      `Input "${INPUTS.image}" is the repository only (e.g. ${image.spelledName}); put tags in "${INPUTS.tags}".`,
    );
  }
  return image;
}

/** `id=value` lines. Messages name the line, never its text: a malformed line may be a pasted secret. */
function readSecrets(inputs: InputReader): Map<string, string> {
  const lines = inputs.lines(INPUTS.secrets);
  for (const line of lines) registerSecret(line.slice(line.indexOf('=') + 1));
  const secrets = new Map<string, string>();
  lines.forEach((line, index) => {
    const equals = line.indexOf('=');
    const id = line.slice(0, equals);
    const value = line.slice(equals + 1);
    if (equals < 1 || !SECRET_ID.test(id) || value === '') {
      throw new UserError(
        `Input "${INPUTS.secrets}" line ${index + 1} must be id=value, the id made of letters, digits, "_", "." or "-".`,
      );
    }
    if (secrets.has(id)) throw new UserError(`Input "${INPUTS.secrets}" names the secret "${id}" twice.`);
    secrets.set(id, value);
  });
  return secrets;
}

function readPairs(inputs: InputReader, name: string, keyPattern: RegExp, form: string): Map<string, string> {
  const pairs = new Map<string, string>();
  inputs.lines(name).forEach((line, index) => {
    const equals = line.indexOf('=');
    const key = equals < 0 ? line : line.slice(0, equals);
    if (equals < 0 || !keyPattern.test(key)) {
      throw new UserError(`Input "${name}" line ${index + 1} must be ${form}, got "${line}".`);
    }
    if (pairs.has(key)) throw new UserError(`Input "${name}" sets "${key}" twice.`);
    pairs.set(key, line.slice(equals + 1));
  });
  return pairs;
}

function readPlatforms(inputs: InputReader): string[] {
  const platforms = inputs.list(INPUTS.platforms);
  const invalid = platforms.find((platform) => !PLATFORM.test(platform));
  if (invalid) {
    throw new UserError(`Input "${INPUTS.platforms}": "${invalid}" is not os/arch[/variant], e.g. linux/arm64.`);
  }
  return platforms;
}

function readNetwork(inputs: InputReader): string | undefined {
  const network = inputs.optional(INPUTS.network);
  if (network !== undefined && !NETWORK.test(network)) {
    throw new UserError(`Input "${INPUTS.network}" must be host, none, default or a network name; got "${network}".`);
  }
  return network;
}

function requireKind(file: string, kind: 'file' | 'directory', what: string): void {
  let found: 'file' | 'directory' | 'other' | undefined;
  try {
    const stat = statSync(file);
    found = stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  } catch {
    found = undefined;
  }
  if (found === undefined) throw new UserError(`${what} does not exist.`);
  if (found !== kind) throw new UserError(`${what} is not a ${kind}.`);
}
