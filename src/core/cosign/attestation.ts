import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { UserError } from '../errors.js';
import { readFileAtMost } from '../read-file.js';

/** The `cosign attest --type` values this action produces. */
export type PredicateType = 'cyclonedx' | 'spdxjson' | 'vuln';

/** What a file given to `attest` is, judged by its content. */
export interface AttestationSource {
  /** The file as the user named it. */
  file: string;
  path: string;
  type: PredicateType;
  /** What it is, in words, for logs and the summary. */
  description: string;
  /** A trivy JSON report, which `--type vuln` needs wrapped in cosign's vuln predicate first. */
  trivyReport?: Record<string, unknown>;
}

// Larger than any SBOM or report we expect, small enough to parse in memory.
const MAX_BYTES = 256 * 1024 * 1024;
const TRIVY_REPO_DIGEST = 'aquasecurity:trivy:RepoDigest';

/**
 * Reads one `attest` file and decides how to attest it: CycloneDX and SPDX JSON SBOMs as themselves, a trivy JSON
 * report (or trivy's `--format cosign-vuln` output) as a vulnerability attestation. When the file says which image
 * it describes and that is not `digest`, it is refused: attesting another image's scan would be a false claim.
 */
export function readAttestationSource(
  file: string,
  workspace: string,
  digest: string,
  warn: (message: string) => void,
): AttestationSource {
  const fullPath = path.resolve(workspace, file);
  const document = readJson(file, fullPath);
  const source = { file, path: fullPath };
  if (document.bomFormat === 'CycloneDX') {
    checkSubject(file, digest, cycloneDxRepoDigests(document), warn);
    return { ...source, type: 'cyclonedx', description: `CycloneDX ${String(document.specVersion ?? '')} SBOM`.trim() };
  }
  if (typeof document.spdxVersion === 'string') {
    return { ...source, type: 'spdxjson', description: `${document.spdxVersion} SBOM` };
  }
  const scanner = record(document.scanner);
  if (scanner && 'result' in scanner) {
    checkSubject(file, digest, trivyRepoDigests(record(scanner.result) ?? {}), warn);
    return { ...source, type: 'vuln', description: 'cosign vulnerability predicate' };
  }
  if (typeof document.SchemaVersion === 'number' && 'ArtifactName' in document) {
    checkSubject(file, digest, trivyRepoDigests(document), warn);
    return { ...source, type: 'vuln', description: 'trivy vulnerability report', trivyReport: document };
  }
  throw new UserError(
    `${file} is neither a CycloneDX or SPDX JSON SBOM nor a trivy JSON report, so it cannot be attested.`,
  );
}

function readJson(file: string, fullPath: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileAtMost(fullPath, MAX_BYTES, () => new UserError(`${file} is larger than 256 MiB.`)).toString('utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot read ${file} (input "attest"): ${(error as NodeJS.ErrnoException).code ?? error}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UserError(`${file} is not JSON; attest takes CycloneDX or SPDX JSON SBOMs and trivy JSON reports.`);
  }
  const document = record(parsed);
  if (!document) throw new UserError(`${file} is JSON but not an object; expected an SBOM or a trivy report.`);
  return document;
}

function checkSubject(file: string, digest: string, repoDigests: string[], warn: (message: string) => void): void {
  if (repoDigests.length === 0) {
    warn(`${file} does not say which image digest it describes; attesting it for ${digest} as given.`);
    return;
  }
  if (repoDigests.some((repoDigest) => repoDigest.endsWith(`@${digest}`))) return;
  throw new UserError(
    `${file} describes ${repoDigests[0]}, not the signed digest ${digest}: attest the scan of the image you sign.`,
  );
}

function trivyRepoDigests(report: Record<string, unknown>): string[] {
  const digests = record(report.Metadata)?.RepoDigests;
  return Array.isArray(digests) ? digests.filter((item): item is string => typeof item === 'string') : [];
}

function cycloneDxRepoDigests(bom: Record<string, unknown>): string[] {
  const properties = record(record(bom.metadata)?.component)?.properties;
  if (!Array.isArray(properties)) return [];
  return properties
    .map(record)
    .filter((property) => property?.name === TRIVY_REPO_DIGEST && typeof property.value === 'string')
    .map((property) => property?.value as string);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The file to pass as `--predicate`. cosign reads a `--type vuln` predicate as its CosignVulnPredicate and silently
 * drops fields it does not know, so a bare trivy report would become an empty attestation: it is wrapped as
 * `trivy --format cosign-vuln` does (the report under scanner.result).
 */
export async function predicateFile(source: AttestationSource, scratchDir: string): Promise<string> {
  if (!source.trivyReport) return source.path;
  const report = source.trivyReport;
  const version = String(record(report.Trivy)?.Version ?? 'unknown');
  const createdAt = typeof report.CreatedAt === 'string' ? report.CreatedAt : undefined;
  const predicate = {
    invocation: { parameters: null, uri: '', event_id: '', 'builder.id': '' },
    scanner: {
      uri: `pkg:github/aquasecurity/trivy@${version}`,
      version,
      db: { uri: '', version: '' },
      result: report,
    },
    // cosign parses these as timestamps, so they are left out rather than sent empty.
    ...(createdAt ? { metadata: { scanStartedOn: createdAt, scanFinishedOn: createdAt } } : {}),
  };
  const file = path.join(scratchDir, `${path.basename(source.file)}.cosign-vuln.json`);
  await writeFile(file, JSON.stringify(predicate));
  return file;
}
