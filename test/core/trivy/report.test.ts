import { describe, expect, it } from '@jest/globals';
import { findingsOf, parseTrivyReport, reportWithOnly } from '../../../src/core/trivy/report.js';
import { recordedFindings, recordedReport, REPORTS } from './fixtures.js';

describe('trivy JSON reports', () => {
  it('reads every vulnerability of a recorded image report with what the summary shows', () => {
    const findings = recordedFindings(REPORTS.alpine);
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.packageName}`)).toEqual([
      'MEDIUM CVE-2019-1549 libcrypto1.1',
      'MEDIUM CVE-2019-1551 libcrypto1.1',
      'MEDIUM CVE-2019-1549 libssl1.1',
      'MEDIUM CVE-2019-1551 libssl1.1',
      'CRITICAL CVE-2019-14697 musl',
      'CRITICAL CVE-2019-14697 musl-utils',
    ]);
    expect(findings[4]).toMatchObject({
      kind: 'vulnerability',
      installedVersion: '1.1.20-r4',
      fixedVersion: '1.1.20-r5',
      status: 'fixed',
      resultClass: 'os-pkgs',
      purl: 'pkg:apk/alpine/musl@1.1.20-r4?arch=x86_64&distro=3.9.4',
      url: 'https://avd.aquasec.com/nvd/cve-2019-14697',
    });
  });

  it('gives a finding without a Title the first sentence of its description', () => {
    const musl = recordedFindings(REPORTS.alpine)[4];
    expect(musl?.title).toBe(
      'musl libc through 1.1.23 has an x87 floating-point stack adjustment imbalance, related to the math/i386/ directory.',
    );
  });

  it('reads an unfixed vulnerability without a fixed version', () => {
    const [bash] = recordedFindings(REPORTS.debian);
    expect(bash).toMatchObject({ id: 'CVE-2019-18276', severity: 'LOW', status: 'affected' });
    expect(bash?.fixedVersion).toBeUndefined();
  });

  it('reads UNKNOWN severities and language packages with their package path', () => {
    const severities = recordedFindings(REPORTS.gomod).map((f) => f.severity);
    expect(severities.filter((s) => s === 'UNKNOWN')).toHaveLength(4);
    expect(severities.filter((s) => s === 'MEDIUM')).toHaveLength(1);
    const setuptools = recordedFindings(REPORTS.ubi).find((f) => f.packageName === 'setuptools');
    expect(setuptools).toMatchObject({
      target: 'Python',
      resultClass: 'lang-pkgs',
      packagePath: 'usr/lib/python2.7/site-packages/setuptools-0.9.8-py2.7.egg-info/PKG-INFO',
    });
  });

  it('reads secrets and misconfigurations with their file and line', () => {
    expect(recordedFindings(REPORTS.secrets).map((f) => [f.kind, f.id, f.severity, f.target, f.line])).toEqual([
      ['secret', 'aws-access-key-id', 'CRITICAL', 'deploy.sh', 3],
      ['secret', 'mysecret', 'HIGH', 'deploy.sh', 7],
    ]);
    expect(recordedFindings(REPORTS.dockerfile).map((f) => [f.kind, f.id, f.severity, f.title])).toEqual([
      ['misconfiguration', 'DS-0002', 'HIGH', "Image user should not be 'root'"],
    ]);
  });

  it('reads both real clean shapes: a result without Vulnerabilities, and no Results at all', () => {
    expect(recordedReport(REPORTS.zeroVulnerabilities).Results).toHaveLength(1);
    expect(recordedFindings(REPORTS.zeroVulnerabilities)).toEqual([]);
    expect(recordedReport(REPORTS.zeroResults).Results).toBeUndefined();
    expect(recordedFindings(REPORTS.zeroResults)).toEqual([]);
  });

  it('writes the report back with only the kept findings, everything else untouched', () => {
    const report = recordedReport(REPORTS.ubi);
    const findings = findingsOf(report);
    const kept = findings.filter((f) => f.severity === 'HIGH');
    const written = reportWithOnly(report, kept);
    expect(findingsOf(written).map((f) => f.id)).toEqual(['CVE-2022-40897']);
    expect(written.Results?.[0]).not.toHaveProperty('Vulnerabilities', expect.anything());
    expect(JSON.parse(JSON.stringify(written.Results?.[0]))).toEqual({
      Target: 'testdata/fixtures/images/ubi-7.tar.gz (redhat 7.7)',
      Class: 'os-pkgs',
      Type: 'redhat',
    });
    expect({ ...written, Results: undefined }).toEqual({ ...report, Results: undefined });
    expect(findingsOf(report)).toHaveLength(2);
  });

  it('refuses output that is not a trivy schema 2 report', () => {
    expect(() => parseTrivyReport('{', 'out.json')).toThrow(/out.json is not JSON/);
    expect(() => parseTrivyReport('[]', 'out.json')).toThrow('out.json is not a trivy JSON report.');
    expect(() => parseTrivyReport('{"SchemaVersion":1}', 'out.json')).toThrow(/SchemaVersion 1/);
    expect(() => parseTrivyReport('{"SchemaVersion":2,"Results":{}}', 'out.json')).toThrow(/not a list/);
  });
});
