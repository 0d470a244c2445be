import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { IgnoreRules } from '../../../src/core/trivy/ignore-file.js';
import { judge, type ScanPolicy } from '../../../src/core/trivy/policy.js';
import type { Finding } from '../../../src/core/trivy/report.js';
import { buildSarif, GITHUB_SARIF_LIMITS, type SarifRunInput } from '../../../src/core/trivy/sarif.js';
import { SEVERITIES, type Severity } from '../../../src/core/trivy/severity.js';
import { TRIVY_FIXTURES } from '../../doubles/trivy/index.js';
import { recordedFindings, REPORTS } from './fixtures.js';

const IMAGE = `ghcr.io/acme/api@sha256:${'a'.repeat(64)}`;
const run = (findings: readonly Finding[], artifact = IMAGE): SarifRunInput => ({
  artifact,
  artifactUri: 'ghcr.io/acme/api',
  toolVersion: '0.75.0',
  findings,
});
const gated = (report: string, gate: Severity[] = ['CRITICAL', 'HIGH']) => {
  const policy: ScanPolicy = { gate, ignoreUnfixed: false, ignoreRules: IgnoreRules.none() };
  return judge(recordedFindings(report), policy);
};

describe('SARIF for code scanning', () => {
  it('lists exactly the gated findings, one rule per id, ranked by the severity the gate used', () => {
    const { log, warnings } = buildSarif([run(gated(REPORTS.alpine).gated)]);
    expect(warnings).toEqual([]);
    const [sarifRun] = log.runs;
    expect(sarifRun?.results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['CVE-2019-14697', 0, 'error'],
      ['CVE-2019-14697', 0, 'error'],
    ]);
    expect(sarifRun?.tool.driver.rules.map((rule) => [rule.id, rule.properties['security-severity']])).toEqual([
      ['CVE-2019-14697', '9.5'],
    ]);
    expect(sarifRun?.results[1]?.message.text).toContain('Package: musl-utils\nInstalled Version: 1.1.20-r4');
    expect(sarifRun?.results[1]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('ghcr.io/acme/api');
    expect(sarifRun?.automationDetails.id).toBe('trivy-scan/ghcr.io/acme/api/');
  });

  it('locates language packages at their path in the image, secrets at their file and line', () => {
    const [ubi] = buildSarif([run(gated(REPORTS.ubi).gated)]).log.runs;
    expect(ubi?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      'usr/lib/python2.7/site-packages/setuptools-0.9.8-py2.7.egg-info/PKG-INFO',
    );
    const [secrets] = buildSarif([run(gated(REPORTS.secrets).gated)]).log.runs;
    expect(secrets?.results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ['aws-access-key-id', 'deploy.sh'],
      ['mysecret', 'deploy.sh'],
    ]);
    expect(secrets?.results[0]?.locations[0]?.physicalLocation.region.startLine).toBe(3);
  });

  it('agrees with the gate for every recorded report and every gate', () => {
    for (const report of Object.values(REPORTS)) {
      for (const severity of SEVERITIES) {
        const verdict = gated(report, [severity]);
        const [sarifRun] = buildSarif([run(verdict.gated)]).log.runs;
        const results = sarifRun?.results ?? [];
        expect({ report, severity, results: results.length }).toEqual({
          report,
          severity,
          results: verdict.gated.length,
        });
        expect(results.length === 0).toBe(verdict.passed);
        expect(new Set(results.map((r) => r.ruleId))).toEqual(new Set(verdict.gated.map((f) => f.id)));
      }
    }
  });

  it('has every field trivy puts in its own SARIF rules and results', () => {
    const trivys = JSON.parse(readFileSync(path.join(TRIVY_FIXTURES, 'sarif/image-alpine-3.10.sarif'), 'utf8'));
    const [ours] = buildSarif([run(gated(REPORTS.alpine, ['MEDIUM']).gated)]).log.runs;
    const keys = (value: object) => Object.keys(value).sort();
    expect(keys(ours?.tool.driver.rules[0] ?? {})).toEqual(
      expect.arrayContaining(keys(trivys.runs[0].tool.driver.rules[0])),
    );
    expect(keys(ours?.results[0] ?? {})).toEqual(expect.arrayContaining(keys(trivys.runs[0].results[0])));
    expect(keys(ours?.results[0]?.locations[0]?.physicalLocation ?? {})).toEqual(
      keys(trivys.runs[0].results[0].locations[0].physicalLocation),
    );
    expect(ours?.tool.driver.name).toBe(trivys.runs[0].tool.driver.name);
  });

  it("stays within GitHub's 25,000 results per run, leaving out the least severe with a warning", () => {
    const [critical, , medium] = [
      ...gated(REPORTS.alpine, ['CRITICAL']).gated,
      ...gated(REPORTS.alpine, ['MEDIUM']).gated,
    ];
    if (!critical || !medium) throw new Error('alpine 3.9 has CRITICAL and MEDIUM findings');
    const many = [...Array(GITHUB_SARIF_LIMITS.resultsPerRun - 1).fill(critical), medium, medium] as Finding[];
    const { log, warnings } = buildSarif([run(many)]);
    expect(log.runs[0]?.results).toHaveLength(25_000);
    expect(log.runs[0]?.results.at(-1)?.level).toBe('warning');
    expect(log.runs[0]?.tool.driver.rules).toHaveLength(2);
    expect(warnings).toEqual([
      `SARIF: ${IMAGE} has 25001 gated findings, over GitHub's limit of 25000 per run; left out the 1 least severe (from MEDIUM down). The gate, counts and JSON report still include them.`,
    ]);
  });

  it("stays within GitHub's 20 runs per file, with a warning naming the runs left out", () => {
    const findings = gated(REPORTS.alpine).gated;
    const inputs = Array.from({ length: 21 }, (_, index) =>
      run(findings, `ghcr.io/acme/app-${index}@sha256:${'b'.repeat(64)}`),
    );
    const { log, warnings } = buildSarif(inputs);
    expect(log.runs).toHaveLength(20);
    expect(warnings).toEqual([
      `SARIF: 21 runs exceed GitHub's limit of 20 per file; left out the runs for ghcr.io/acme/app-20@sha256:${'b'.repeat(64)}.`,
    ]);
  });

  it('writes a valid, empty run for a clean image', () => {
    const { log } = buildSarif([run([])]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results).toEqual([]);
    expect(log.runs[0]?.tool.driver.rules).toEqual([]);
  });
});
