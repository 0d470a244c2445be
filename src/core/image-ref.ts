import { UserError } from './errors.js';

const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

// The grammar of github.com/distribution/reference, with the digest narrowed to sha256.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
const MAX_NAME_LENGTH = 255;

/** What follows the repository: a tag, a digest, or both. */
export interface ImageVersion {
  tag?: string;
  digest?: string;
}

/**
 * An OCI image reference, parsed once and compared by its normalized repository
 * (`nginx` is `docker.io/library/nginx`), while remembering how the user spelled the name.
 */
export class ImageRef {
  private constructor(
    /** Registry host (and port), lowercase; `docker.io` for Docker Hub. */
    readonly registry: string,
    /** Repository path inside the registry, `library/` added for official Docker Hub images. */
    readonly path: string,
    /** The repository exactly as written, without tag or digest. */
    readonly spelledName: string,
    readonly tag: string | undefined,
    readonly digest: string | undefined,
  ) {}

  /** Parses a reference; throws a UserError saying what is wrong with it. */
  static parse(text: string, what = 'image reference'): ImageRef {
    const problem = ImageRef.problemWith(text);
    if (typeof problem === 'string') throw new UserError(`Invalid ${what} "${text}": ${problem}.`);
    return problem;
  }

  /** Parses a reference, or returns undefined when the text is not one (a template, a variable). */
  static tryParse(text: string): ImageRef | undefined {
    const result = ImageRef.problemWith(text);
    return typeof result === 'string' ? undefined : result;
  }

  private static problemWith(text: string): ImageRef | string {
    if (text.length === 0) return 'it is empty';
    if (/\s/.test(text)) return 'it contains white space';
    let rest = text;
    let digest: string | undefined;
    const at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.slice(at + 1);
      rest = rest.slice(0, at);
      if (!SHA256_DIGEST.test(digest)) return 'the digest must be "sha256:" followed by 64 lowercase hex digits';
    }
    let tag: string | undefined;
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > rest.lastIndexOf('/')) {
      tag = rest.slice(lastColon + 1);
      rest = rest.slice(0, lastColon);
      if (!TAG.test(tag)) {
        return tag === ''
          ? 'the tag after ":" is empty'
          : `the tag "${tag}" must be 1-128 letters, digits, "_", "." or "-", not starting with "." or "-"`;
      }
    }
    if (rest.length === 0) return 'the repository name is empty';
    if (rest.length > MAX_NAME_LENGTH) return `the repository name is longer than ${MAX_NAME_LENGTH} characters`;

    const { domain, remainder } = splitDomain(rest);
    if (domain !== undefined && !DOMAIN.test(domain)) return `"${domain}" is not a valid registry host`;
    const components = remainder.split('/');
    for (const component of components) {
      if (PATH_COMPONENT.test(component)) continue;
      if (component.toLowerCase() !== component) return 'the repository name must be lowercase';
      return component === ''
        ? 'the repository path has an empty component'
        : `"${component}" is not a valid repository path component`;
    }
    const registry = normalizeRegistry(domain);
    const path = registry === DOCKER_HUB && components.length === 1 ? `library/${remainder}` : remainder;
    return new ImageRef(registry, path, rest, tag, digest);
  }

  /** The normalized repository, e.g. `docker.io/library/nginx`: the identity used for matching. */
  get repository(): string {
    return `${this.registry}/${this.path}`;
  }

  sameRepository(other: ImageRef): boolean {
    return this.repository === other.repository;
  }

  /** This repository, spelled as written, with another tag and/or digest. */
  withVersion(version: ImageVersion): string {
    return formatReference(this.spelledName, version);
  }

  toString(): string {
    return formatReference(this.spelledName, this);
  }
}

/** `name`, `name:tag`, `name@digest` or `name:tag@digest`. */
export function formatReference(name: string, version: ImageVersion): string {
  return `${name}${version.tag ? `:${version.tag}` : ''}${version.digest ? `@${version.digest}` : ''}`;
}

// Docker's rule: the first component is a registry only if it looks like a host (a dot, a port, or localhost).
function splitDomain(name: string): { domain?: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { remainder: name };
  const first = name.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
    return { domain: first, remainder: name.slice(slash + 1) };
  }
  return { remainder: name };
}

function normalizeRegistry(domain: string | undefined): string {
  if (domain === undefined) return DOCKER_HUB;
  const lower = domain.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

export function isTag(text: string): boolean {
  return TAG.test(text);
}

export function isDigest(text: string): boolean {
  return SHA256_DIGEST.test(text);
}
