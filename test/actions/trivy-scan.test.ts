import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findingsOf, parseTrivyReport } from '../../src/core/trivy/report.js';
import type { SarifLog } from '../../src/core/trivy/sarif.js';
import { DEFAULT_DB_REPOSITORIES } from '../../src/actions/trivy-scan/settings.js';
import { TRIVY_FIXTURES } from '../doubles/trivy/index.js';
import { DIGEST, IMAGE, runTrivyScan, type ScanRun } from '../doubles/trivy/run-trivy-scan.js';
import { tempTree } from '../helpers/temp-dir.js';

const [MIRROR, GHCR] = DEFAULT_DB_REPOSITORIES as [string, string];
const FILES = { 'sarif-file': 'out/trivy.sarif', 'json-file': 'out/trivy.json', 'sbom-file': 'out/sbom.cdx.json' };
const counts = (critical: number, high: number, medium: number, low: number, unknown: number) =>
  JSON.stringify({ CRITICAL: critical, HIGH: high, MEDIUM: medium, LOW: low, UNKNOWN: unknown });

const sarifOf = (run: ScanRun): SarifLog => JSON.parse(readFileSync(run.outputs['sarif-file'] as string, 'utf8'));
const sarifResults = (run: ScanRun) => sarifOf(run).runs.flatMap((sarifRun) => sarifRun.results);
const jsonFindings = (run: ScanRun) =>
  findingsOf(parseTrivyReport(readFileSync(run.outputs['json-file'] as string, 'utf8'), 'json-file'));
const summaryOf = (run: ScanRun) => readFileSync(path.join(run.runnerTemp, 'summary'), 'utf8');
const scansOf = async (run: ScanRun) =>
  (await run.double.calls()).filter((argv) => argv[0] === 'image' && !argv.includes('--download-db-only'));

describe('trivy-scan', () => {
  it('fails on the 2 CRITICAL of alpine 3.9, with every output derived from the one report', async () => {
    const run = await runTrivyScan(FILES, {
      report: 'json/image-alpine-3.9.json',
      sbom: 'cyclonedx/image-fluentd.cdx.json',
    });

    expect(run.exitCode).toBe(1);
    expect(run.log.commands('error')).toEqual([
      `${IMAGE} has 2 finding(s) at CRITICAL, HIGH: CVE-2019-14697 (CRITICAL in musl 1.1.20-r4), CVE-2019-14697 (CRITICAL in musl-utils 1.1.20-r4).`,
    ]);
    expect(run.outputs).toEqual({
      passed: 'false',
      counts: counts(2, 0, 4, 0, 0),
      'sarif-file': path.join(run.workspace, 'out/trivy.sarif'),
      'json-file': path.join(run.workspace, 'out/trivy.json'),
      'sbom-file': path.join(run.workspace, 'out/sbom.cdx.json'),
    });
    expect(sarifResults(run).map((result) => [result.ruleId, result.level])).toEqual([
      ['CVE-2019-14697', 'error'],
      ['CVE-2019-14697', 'error'],
    ]);
    expect(jsonFindings(run)).toHaveLength(6);
    expect(readFileSync(run.outputs['sbom-file'] as string)).toEqual(
      readFileSync(path.join(TRIVY_FIXTURES, 'cyclonedx/image-fluentd.cdx.json')),
    );
    const summary = summaryOf(run);
    expect(summary).toContain('| CRITICAL | 2 | yes |');
    expect(summary).toContain('| MEDIUM | 4 | no |');
    expect(summary).toContain(
      '| CRITICAL | musl-utils | 1.1.20-r4 | 1.1.20-r5 | [CVE-2019-14697](https://avd.aquasec.com/nvd/cve-2019-14697) |',
    );
  });

  it('runs trivy once on the digest, with no filtering flag, then converts the kept report to the SBOM', async () => {
    const run = await runTrivyScan(FILES, {
      report: 'json/image-alpine-3.9.json',
      sbom: 'cyclonedx/image-fluentd.cdx.json',
    });
    const cacheDir = path.join(run.runnerTemp, 'trivy-cache');
    const calls = await run.double.calls();
    // The installer asked the stand-in for its version (outside the recorded environment) and reused it.
    expect(run.log.lines()).toContainEqual(expect.stringMatching(/^Using trivy 0\.75\.0 found on PATH at /));
    expect(calls.map((argv) => argv[0])).toEqual(['image', 'image', 'convert']);
    expect(calls[0]).toEqual([
      'image',
      '--download-db-only',
      '--db-repository',
      MIRROR,
      '--cache-dir',
      cacheDir,
      '--no-progress',
    ]);
    const report = expect.stringMatching(/trivy-scan-[^/]+\/report\.json$/);
    expect(calls[1]).toEqual([
      'image',
      '--format',
      'json',
      '--output',
      report,
      '--cache-dir',
      cacheDir,
      '--skip-db-update',
      '--scanners',
      'vuln,secret',
      '--list-all-pkgs',
      '--no-progress',
      `ghcr.io/acme/api@${DIGEST}`,
    ]);
    expect(calls[2]).toEqual([
      'convert',
      '--format',
      'cyclonedx',
      '--output',
      path.join(run.workspace, 'out/sbom.cdx.json'),
      expect.stringMatching(/trivy-scan-[^/]+\/kept\.json$/),
    ]);
    expect(
      calls.flat().filter((arg) => /^--(severity|ignore-unfixed|ignorefile|ignore-status|exit-code)/.test(arg)),
    ).toEqual([]);
  });

  it.each([
    ['a result without Vulnerabilities', 'json/image-zero-vulns-sle-micro-5.4.json'],
    ['a report without Results', 'json/image-zero-vulns-no-results-alpine-3.9-skip-dirs.json'],
  ])('passes a clean image whose report has %s', async (_, report) => {
    const run = await runTrivyScan(FILES, { report, sbom: 'cyclonedx/image-fluentd.cdx.json' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ passed: 'true', counts: counts(0, 0, 0, 0, 0) });
    expect(sarifResults(run)).toEqual([]);
    expect(summaryOf(run)).toContain('No finding at a gated severity.');
  });

  it('shows code scanning only the gated severities (the trivy-action #309 bug)', async () => {
    const run = await runTrivyScan(
      { ...FILES, severity: 'MEDIUM' },
      { report: 'json/image-alpine-3.9.json', sbom: 'cyclonedx/image-fluentd.cdx.json' },
    );
    expect(run.exitCode).toBe(1);
    expect(sarifResults(run).map((result) => result.level)).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect(run.outputs.counts).toBe(counts(2, 0, 4, 0, 0));
  });

  it('applies ignore files and ignore-unfixed alike to the gate, counts, SARIF, JSON report and summary', async () => {
    const files = { '.trivyignore': '# accepted until the base image moves\nCVE-2019-18224 exp:2026-06-30\n' };
    const inputs = { ...FILES, severity: 'CRITICAL,HIGH,MEDIUM,LOW', 'ignore-files': '.trivyignore' };
    const unfixedOnly = await runTrivyScan(
      { ...inputs, 'ignore-files': '', 'ignore-unfixed': 'true' },
      { report: 'json/image-debian-buster.json', sbom: 'cyclonedx/image-fluentd.cdx.json', files },
    );
    expect(unfixedOnly.exitCode).toBe(1);
    expect(unfixedOnly.outputs.counts).toBe(counts(1, 0, 0, 0, 0));
    expect(sarifResults(unfixedOnly).map((result) => result.ruleId)).toEqual(['CVE-2019-18224']);
    expect(jsonFindings(unfixedOnly).map((finding) => finding.id)).toEqual(['CVE-2019-18224']);

    const both = await runTrivyScan(
      { ...inputs, 'ignore-unfixed': 'true' },
      { report: 'json/image-debian-buster.json', sbom: 'cyclonedx/image-fluentd.cdx.json', files },
    );
    expect(both.exitCode).toBe(0);
    expect(both.outputs).toMatchObject({ passed: 'true', counts: counts(0, 0, 0, 0, 0) });
    expect(sarifResults(both)).toEqual([]);
    expect(jsonFindings(both)).toEqual([]);
    expect(summaryOf(both)).toContain('1 finding(s) left out by ignore files. 1 unfixed finding(s) left out.');
  });

  it('reports an expired ignore entry at its file and line, and gates on the finding again', async () => {
    const run = await runTrivyScan(
      { 'ignore-files': 'security/.trivyignore.yaml' },
      {
        report: 'json/image-debian-buster.json',
        files: {
          'security/.trivyignore.yaml': 'vulnerabilities:\n  - id: CVE-2019-18224\n    expired_at: 2026-01-31\n',
        },
      },
    );
    expect(run.exitCode).toBe(1);
    expect(run.log.lines()).toContain(
      '::warning file=security/.trivyignore.yaml,line=2::Ignore entry CVE-2019-18224 at security/.trivyignore.yaml:2 expired on 2026-01-31; it no longer applies.',
    );
  });

  it('with fail-build false, reports the findings and passes the step', async () => {
    const run = await runTrivyScan({ 'fail-build': 'false' }, { report: 'json/image-photon-3.0.json' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      passed: 'false',
      counts: counts(2, 1, 0, 0, 0),
      'sarif-file': '',
      'json-file': '',
    });
    expect(run.log.commands('warning')).toEqual([
      `${IMAGE} has 3 finding(s) at CRITICAL, HIGH: CVE-2019-5481 (CRITICAL in curl 7.61.1-4.ph3), CVE-2019-5481 (CRITICAL in curl-libs 7.61.1-4.ph3), CVE-2019-18276 (HIGH in bash 4.4.18-1.ph3). (fail-build is false, so the step passes)`,
    ]);
  });

  it('runs only the scanners asked for, and needs no DB without the vuln scanner', async () => {
    const secretsOnly = await runTrivyScan({ scanners: 'secret' }, { report: 'json/repo-secrets.json' });
    expect(secretsOnly.outputs.counts).toBe(counts(1, 1, 0, 0, 0));
    expect((await secretsOnly.double.calls()).filter((argv) => argv.includes('--download-db-only'))).toEqual([]);
    expect((await scansOf(secretsOnly))[0]).toEqual(expect.arrayContaining(['--scanners', 'secret']));

    const vulnOnly = await runTrivyScan({ scanners: 'vuln' }, { report: 'json/repo-secrets.json' });
    expect(vulnOnly.exitCode).toBe(0);
    expect(vulnOnly.outputs.counts).toBe(counts(0, 0, 0, 0, 0));
  });

  it('scans by digest alone when the reference carries a tag as well', async () => {
    const run = await runTrivyScan(
      { 'image-ref': `ghcr.io/acme/api:1.4.2@${DIGEST}` },
      { report: 'json/image-centos-7.json' },
    );
    expect(run.exitCode).toBe(0);
    expect((await scansOf(run))[0]?.at(-1)).toBe(`ghcr.io/acme/api@${DIGEST}`);
    expect(run.log.commands('warning')).toEqual([]);
  });

  it('passes the platform to trivy and warns when allowed to scan a tag', async () => {
    const run = await runTrivyScan(
      { 'image-ref': 'ghcr.io/acme/api:1.4.2', 'allow-tag': 'true', platform: 'linux/arm64' },
      { report: 'trivy-action/image-alpine-3.10-real-db.json' },
    );
    expect(run.exitCode).toBe(1);
    const [scan] = await scansOf(run);
    expect(scan).toEqual(expect.arrayContaining(['--platform', 'linux/arm64']));
    expect(scan?.at(-1)).toBe('ghcr.io/acme/api:1.4.2');
    expect(run.log.commands('warning')[0]).toBe(
      'Scanning ghcr.io/acme/api:1.4.2 by tag: the tag may point at another image by the time it is deployed.',
    );
  });

  it('scans with the cached DB, with a warning, when every DB repository fails', async () => {
    const cacheRoot = await tempTree();
    const first = await runTrivyScan({}, { report: 'json/image-centos-7.json', cacheRoot });
    expect(first.exitCode).toBe(0);

    const db = {
      [MIRROR]: ['rate-limited', 'rate-limited', 'rate-limited'],
      [GHCR]: ['network', 'network', 'network'],
    } as const;
    const second = await runTrivyScan({}, { report: 'json/image-centos-7.json', cacheRoot, db: { ...db } as never });
    expect(second.exitCode).toBe(0);
    expect(second.outputs.passed).toBe('true');
    expect(second.log.commands('warning')).toEqual([
      expect.stringMatching(/^Could not download the vulnerability DB from .*; scanning with the cached copy/),
    ]);
    expect(await scansOf(second)).toHaveLength(1);
  });

  it('fails with one line and writes nothing when every DB repository fails and nothing is cached', async () => {
    const db = { [MIRROR]: ['denied'], [GHCR]: ['denied'] };
    const run = await runTrivyScan(FILES, { report: 'json/image-centos-7.json', db: db as never });
    expect(run.exitCode).toBe(1);
    expect(run.log.commands('error')).toEqual([
      expect.stringMatching(/^Could not download the vulnerability DB from .* and no cached copy exists/),
    ]);
    expect(run.outputs).toEqual({});
    expect(existsSync(path.join(run.workspace, 'out'))).toBe(false);
    expect(await scansOf(run)).toEqual([]);
  });
});
