import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as log from '../../core/log.js';
import { UserError } from '../../core/errors.js';
import type { InstallOptions } from '../../core/installer.js';
import { ActionsDbCache, type DbCache } from '../../core/trivy/db-cache.js';
import { type IgnoreRules, loadIgnoreFiles } from '../../core/trivy/ignore-file.js';
import { judge, type ScanPolicy, type ScanVerdict } from '../../core/trivy/policy.js';
import { findingsOf, parseTrivyReport, reportWithOnly, type TrivyReport } from '../../core/trivy/report.js';
import { buildSarif } from '../../core/trivy/sarif.js';
import { scanSummary } from '../../core/trivy/scan-summary.js';
import { SEVERITIES } from '../../core/trivy/severity.js';
import { Trivy } from '../../core/trivy/trivy.js';
import { prepareVulnerabilityDb } from '../../core/trivy/vulnerability-db.js';
import { OUTPUTS, type TrivyScanSettings } from './settings.js';
import type { StepHost } from '../host.js';

/** What a test replaces; every field has a production default. */
export interface TrivyScanSeams {
  now?: Date;
  /** Default: the Actions cache when the db-cache input is true. */
  dbCache?: DbCache;
  trivyEnv?: Record<string, string>;
  install?: InstallOptions;
  retryDelayMs?: number;
}

/**
 * Scans the image once into trivy's JSON report, judges it with one policy, and derives every output from that one
 * verdict: counts, the JSON report, SARIF, the SBOM's vulnerabilities, the summary and the gate. Throws a UserError
 * when the gate fails.
 */
export async function trivyScan(
  settings: TrivyScanSettings,
  { setOutput, tempDir, scratchFolder }: StepHost,
  seams: TrivyScanSeams = {},
): Promise<ScanVerdict> {
  const now = seams.now ?? new Date();
  const ignoreRules = await loadIgnoreFiles(settings.trivyignores, settings.workspace, now);
  reportExpired(ignoreRules);
  // Digest only, even when a tag is given as well: the digest is what was pushed and what gets deployed.
  const image = settings.image.digest
    ? settings.image.withVersion({ digest: settings.image.digest })
    : `${settings.image}`;
  if (settings.scansTag) {
    log.warning(`Scanning ${image} by tag: the tag may point at another image by the time it is deployed.`);
  }

  const scratchDir = await scratchFolder('trivy-scan-');
  const scratch = scratchDir.path;
  try {
    const trivy = await Trivy.create({
      version: settings.version,
      sha256: settings.versionSha256,
      workDir: scratch,
      env: seams.trivyEnv,
      install: seams.install,
    });
    const report = await scanOnce(trivy, image, settings, seams, { tempDir, scratch, now });
    const policy: ScanPolicy = { gate: settings.gate, ignoreUnfixed: settings.ignoreUnfixed, ignoreRules };
    const verdict = judge(findingsOf(report), policy);
    await writeFiles(settings, { trivy, image, report, verdict, scratch });

    setOutput(OUTPUTS.passed, String(verdict.passed));
    setOutput(OUTPUTS.counts, JSON.stringify(verdict.counts));
    setOutput(OUTPUTS.sarifFile, settings.sarifFile ?? '');
    setOutput(OUTPUTS.jsonFile, settings.jsonFile ?? '');
    setOutput(OUTPUTS.sbomFile, settings.sbomFile ?? '');
    log.info(
      `Findings after ignore files${settings.ignoreUnfixed ? ' and ignore-unfixed' : ''}: ${countsLine(verdict)}`,
    );
    await scanSummary(image, policy, verdict).write();

    if (!verdict.passed) {
      const message = gateMessage(image, settings, verdict);
      if (settings.failBuild) throw new UserError(message);
      log.warning(`${message} (fail-build is false, so the step passes)`);
    }
    return verdict;
  } finally {
    await scratchDir.remove();
  }
}

/** Readies the vulnerability DB when the vuln scanner runs, then makes the one JSON report everything derives from. */
async function scanOnce(
  trivy: Trivy,
  image: string,
  settings: TrivyScanSettings,
  seams: TrivyScanSeams,
  dirs: { tempDir: string; scratch: string; now: Date },
): Promise<TrivyReport> {
  // Beside the scratch directory, so later scans in the same job reuse the DB and image layers.
  const cacheDir = path.join(dirs.tempDir, 'trivy-cache');
  if (settings.scanners.includes('vuln')) {
    await prepareVulnerabilityDb({
      trivy,
      cacheDir,
      repositories: settings.dbRepositories,
      cache: settings.dbCache ? (seams.dbCache ?? new ActionsDbCache()) : undefined,
      now: dirs.now,
      retryDelayMs: seams.retryDelayMs,
    });
  }
  const output = path.join(dirs.scratch, 'report.json');
  await trivy.scanImage({
    image,
    output,
    cacheDir,
    scanners: settings.scanners,
    platform: settings.platform,
    listAllPackages: settings.sbomFile !== undefined,
  });
  return parseTrivyReport(await readFile(output, 'utf8'), 'the report trivy wrote');
}

/** The files asked for, all from the same verdict: the report keeps `kept`, SARIF lists `gated`. */
async function writeFiles(
  settings: TrivyScanSettings,
  scan: { trivy: Trivy; image: string; report: TrivyReport; verdict: ScanVerdict; scratch: string },
): Promise<void> {
  const kept = JSON.stringify(reportWithOnly(scan.report, scan.verdict.kept), null, 2);
  if (settings.jsonFile) await writeOutputFile(settings.jsonFile, kept);
  if (settings.sarifFile) {
    const { log: sarif, warnings } = buildSarif([
      {
        artifact: scan.image,
        artifactUri: settings.image.spelledName,
        toolVersion: scan.trivy.version,
        findings: scan.verdict.gated,
      },
    ]);
    for (const warning of warnings) log.warning(warning);
    await writeOutputFile(settings.sarifFile, JSON.stringify(sarif, null, 2));
  }
  if (settings.sbomFile) {
    // Converted from the kept report, so the SBOM's vulnerabilities are the ones counted; its packages are all there.
    const keptFile = path.join(scan.scratch, 'kept.json');
    await writeFile(keptFile, kept);
    await mkdir(path.dirname(settings.sbomFile), { recursive: true });
    await scan.trivy.convertToCycloneDx(keptFile, settings.sbomFile);
  }
}

function reportExpired(rules: IgnoreRules): void {
  for (const rule of rules.expired) {
    const where = `${rule.source.file}${rule.source.line ? `:${rule.source.line}` : ''}`;
    log.warning(
      `Ignore entry ${rule.id ?? '(by path)'} at ${where} expired on ${rule.expiresAt?.toISOString().slice(0, 10)}; it no longer applies.`,
      { file: rule.source.file, startLine: rule.source.line },
    );
  }
}

async function writeOutputFile(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${content}\n`);
}

function countsLine(verdict: ScanVerdict): string {
  return SEVERITIES.map((severity) => `${severity} ${verdict.counts[severity]}`).join(', ');
}

function gateMessage(image: string, settings: TrivyScanSettings, verdict: ScanVerdict): string {
  const shown = verdict.gated.slice(0, 5).map((finding) => {
    const subject = finding.packageName ? ` in ${finding.packageName} ${finding.installedVersion ?? ''}`.trimEnd() : '';
    return `${finding.id} (${finding.severity}${subject})`;
  });
  const more = verdict.gated.length > shown.length ? ` and ${verdict.gated.length - shown.length} more` : '';
  return `${image} has ${verdict.gated.length} finding(s) at ${settings.gate.join(', ')}: ${shown.join(', ')}${more}.`;
}
