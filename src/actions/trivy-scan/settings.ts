import * as path from 'node:path';
import { UserError } from '../../core/errors.js';
import { ImageRef } from '../../core/image-ref.js';
import type { InputReader } from '../../core/inputs.js';
import { parseSeverities, type Severity } from '../../core/trivy/severity.js';
import { type Scanner, SCANNERS } from '../../core/trivy/scanners.js';

export const INPUTS = {
  imageRef: 'image-ref',
  allowTag: 'allow-tag',
  severity: 'severity',
  ignoreUnfixed: 'ignore-unfixed',
  failBuild: 'fail-build',
  ignoreFiles: 'ignore-files',
  scanners: 'scanners',
  platform: 'platform',
  trivyVersion: 'trivy-version',
  trivySha256: 'trivy-sha256',
  dbCache: 'db-cache',
  dbRepositories: 'db-repositories',
  sarifFile: 'sarif-file',
  jsonFile: 'json-file',
  sbomFile: 'sbom-file',
} as const;

export const OUTPUTS = {
  passed: 'passed',
  counts: 'counts',
  sarifFile: 'sarif-file',
  jsonFile: 'json-file',
  sbomFile: 'sbom-file',
} as const;

export const DEFAULT_GATE: readonly Severity[] = ['CRITICAL', 'HIGH'];
/** trivy's own defaults, in its order: Google's mirror first, ghcr.io (rate limited, trivy-action #430) second. */
export const DEFAULT_DB_REPOSITORIES: readonly string[] = [
  'mirror.gcr.io/aquasec/trivy-db:2',
  'ghcr.io/aquasecurity/trivy-db:2',
];
/** trivy image's own default scanners. */
export const DEFAULT_SCANNERS: readonly Scanner[] = ['vuln', 'secret'];

export interface TrivyScanSettings {
  image: ImageRef;
  /** A tag-only reference was accepted because allow-tag is true. */
  scansTag: boolean;
  gate: Severity[];
  ignoreUnfixed: boolean;
  failBuild: boolean;
  /** Ignore files as the user named them, relative to `workspace`. */
  trivyignores: string[];
  scanners: Scanner[];
  platform?: string;
  version?: string;
  versionSha256?: string;
  dbCache: boolean;
  dbRepositories: string[];
  /** Absolute paths of the files to write; undefined when not asked for. */
  sarifFile?: string;
  jsonFile?: string;
  sbomFile?: string;
  workspace: string;
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

export function readTrivyScanSettings(inputs: InputReader, workspace: string): TrivyScanSettings {
  const image = ImageRef.parse(inputs.required(INPUTS.imageRef), INPUTS.imageRef);
  const allowTag = inputs.boolean(INPUTS.allowTag, false);
  if (!image.digest && !allowTag) {
    throw new UserError(
      `Input "${INPUTS.imageRef}" must be pinned by digest (${image.spelledName}@sha256:...), got "${image}": a tag can be moved between this scan and the deploy, so the image that passed would not be the one that runs. Set ${INPUTS.allowTag}: true to scan a tag anyway.`,
    );
  }
  const severities = inputs.list(INPUTS.severity);
  const settings: TrivyScanSettings = {
    image,
    scansTag: !image.digest,
    gate: severities.length > 0 ? parseSeverities(severities, INPUTS.severity) : [...DEFAULT_GATE],
    ignoreUnfixed: inputs.boolean(INPUTS.ignoreUnfixed, false),
    failBuild: inputs.boolean(INPUTS.failBuild, true),
    trivyignores: inputs.list(INPUTS.ignoreFiles),
    scanners: readScanners(inputs),
    platform: readPlatform(inputs),
    version: inputs.optional(INPUTS.trivyVersion),
    versionSha256: inputs.optional(INPUTS.trivySha256),
    dbCache: inputs.boolean(INPUTS.dbCache, true),
    dbRepositories: readDbRepositories(inputs),
    sarifFile: optionalPath(inputs, INPUTS.sarifFile, workspace),
    jsonFile: optionalPath(inputs, INPUTS.jsonFile, workspace),
    sbomFile: optionalPath(inputs, INPUTS.sbomFile, workspace),
    workspace,
  };
  refuseSharedOutputFile(settings);
  return settings;
}

function readScanners(inputs: InputReader): Scanner[] {
  const names = inputs.list(INPUTS.scanners);
  if (names.length === 0) return [...DEFAULT_SCANNERS];
  for (const name of names) {
    if (!(SCANNERS as readonly string[]).includes(name)) {
      throw new UserError(
        `Input "${INPUTS.scanners}" has unknown scanner "${name}"; use some of ${SCANNERS.join(', ')}.`,
      );
    }
  }
  return SCANNERS.filter((scanner) => names.includes(scanner));
}

function readPlatform(inputs: InputReader): string | undefined {
  const platform = inputs.optional(INPUTS.platform);
  if (platform !== undefined && !PLATFORM.test(platform)) {
    throw new UserError(
      `Input "${INPUTS.platform}" must look like os/arch or os/arch/variant (linux/arm64), got "${platform}".`,
    );
  }
  return platform;
}

function readDbRepositories(inputs: InputReader): string[] {
  const repositories = inputs.list(INPUTS.dbRepositories);
  for (const repository of repositories) {
    if (!ImageRef.tryParse(repository)) {
      throw new UserError(
        `Input "${INPUTS.dbRepositories}" has "${repository}", which is not an OCI repository such as ${DEFAULT_DB_REPOSITORIES[0]}.`,
      );
    }
  }
  return repositories.length > 0 ? repositories : [...DEFAULT_DB_REPOSITORIES];
}

function optionalPath(inputs: InputReader, name: string, workspace: string): string | undefined {
  return inputs.optional(name) === undefined ? undefined : inputs.path(name, workspace);
}

function refuseSharedOutputFile(settings: TrivyScanSettings): void {
  const files = [
    [INPUTS.sarifFile, settings.sarifFile],
    [INPUTS.jsonFile, settings.jsonFile],
    [INPUTS.sbomFile, settings.sbomFile],
  ].filter((entry): entry is [string, string] => entry[1] !== undefined);
  for (const [index, [name, file]] of files.entries()) {
    const other = files.slice(index + 1).find(([, candidate]) => path.resolve(candidate) === path.resolve(file));
    if (other) throw new UserError(`Inputs "${name}" and "${other[0]}" name the same file ${file}; give each its own.`);
  }
}
