import { describe, expect, it } from '@jest/globals';
import { IgnoreRules, loadIgnoreFiles, parseIgnoreFile } from '../../../src/core/trivy/ignore-file.js';
import { judge, type ScanPolicy } from '../../../src/core/trivy/policy.js';
import type { Severity } from '../../../src/core/trivy/severity.js';
import { TRIVY_FIXTURES } from '../../doubles/trivy/index.js';
import { recordedFindings, REPORTS } from './fixtures.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const policy = (overrides: Partial<ScanPolicy> = {}): ScanPolicy => ({
  gate: ['CRITICAL', 'HIGH'],
  ignoreUnfixed: false,
  ignoreRules: IgnoreRules.none(),
  ...overrides,
});
const counts = (critical: number, high: number, medium: number, low: number, unknown: number) => ({
  CRITICAL: critical,
  HIGH: high,
  MEDIUM: medium,
  LOW: low,
  UNKNOWN: unknown,
});
const ignoring = (text: string, file = '.trivyignore') => IgnoreRules.of(parseIgnoreFile(text, file), NOW);

describe('the scan policy', () => {
  it.each([
    ['alpine 3.9', REPORTS.alpine, counts(2, 0, 4, 0, 0), false],
    ['debian buster', REPORTS.debian, counts(1, 0, 0, 1, 0), false],
    ['centos 7', REPORTS.centos, counts(0, 0, 1, 2, 0), true],
    ['ubi 7', REPORTS.ubi, counts(0, 1, 0, 1, 0), false],
    ['photon 3.0', REPORTS.photon, counts(2, 1, 0, 0, 0), false],
    ['go.mod with UNKNOWN', REPORTS.gomod, counts(0, 0, 1, 0, 4), true],
    ['secrets', REPORTS.secrets, counts(1, 1, 0, 0, 0), false],
    ['a Dockerfile misconfiguration', REPORTS.dockerfile, counts(0, 1, 0, 0, 0), false],
    ['alpine 3.10 with the real DB', REPORTS.realDb, counts(1, 0, 0, 0, 0), false],
    ['a result without Vulnerabilities', REPORTS.zeroVulnerabilities, counts(0, 0, 0, 0, 0), true],
    ['a report without Results', REPORTS.zeroResults, counts(0, 0, 0, 0, 0), true],
  ])('counts %s and gates it on CRITICAL,HIGH', (_, report, expected, passed) => {
    const verdict = judge(recordedFindings(report), policy());
    expect(verdict.counts).toEqual(expected);
    expect(verdict.passed).toBe(passed);
    expect(verdict.gated).toHaveLength(expected.CRITICAL + expected.HIGH);
  });

  it('lists gated findings most severe first', () => {
    const verdict = judge(recordedFindings(REPORTS.photon), policy());
    expect(verdict.gated.map((f) => `${f.severity} ${f.packageName}`)).toEqual([
      'CRITICAL curl',
      'CRITICAL curl-libs',
      'HIGH bash',
    ]);
  });

  it.each<[Severity[], boolean, number]>([
    [['CRITICAL'], false, 2],
    [['MEDIUM'], false, 4],
    [['HIGH'], true, 0],
    [['LOW', 'UNKNOWN'], true, 0],
  ])('gates alpine 3.9 on %j: passed=%s with %i gated', (gate, passed, gated) => {
    const verdict = judge(recordedFindings(REPORTS.alpine), policy({ gate }));
    expect(verdict.passed).toBe(passed);
    expect(verdict.gated).toHaveLength(gated);
    expect(verdict.counts).toEqual(counts(2, 0, 4, 0, 0));
  });

  it('leaves out unfixed vulnerabilities (affected, will_not_fix) only with ignore-unfixed', () => {
    const all: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
    const debian = judge(recordedFindings(REPORTS.debian), policy({ gate: all, ignoreUnfixed: true }));
    expect(debian.counts).toEqual(counts(1, 0, 0, 0, 0));
    expect(debian.leftOut.map((item) => [item.reason, item.finding.id, item.finding.status])).toEqual([
      ['unfixed', 'CVE-2019-18276', 'affected'],
    ]);
    const centos = judge(recordedFindings(REPORTS.centos), policy({ gate: all, ignoreUnfixed: true }));
    expect(centos.counts).toEqual(counts(0, 0, 1, 1, 0));
    expect(centos.leftOut.map((item) => item.finding.status)).toEqual(['will_not_fix']);
    expect(judge(recordedFindings(REPORTS.centos), policy({ gate: all })).counts).toEqual(counts(0, 0, 1, 2, 0));
  });

  it('gives the same findings as trivy itself with the same ignore file', () => {
    // trivy's integration test wrote exactly these two ids to a .trivyignore to record the golden report.
    const ours = judge(
      recordedFindings(REPORTS.alpine),
      policy({ ignoreRules: ignoring('CVE-2019-1549\nCVE-2019-14697\n') }),
    );
    const trivys = recordedFindings(REPORTS.alpineIgnored);
    const key = (f: { id: string; packageName?: string; severity: string }) => `${f.id} ${f.packageName} ${f.severity}`;
    expect(ours.kept.map(key)).toEqual(trivys.map(key));
    expect(ours.counts).toEqual(counts(0, 0, 2, 0, 0));
    expect(ours.passed).toBe(true);
    expect(ours.leftOut).toHaveLength(4);
  });

  it('applies an entry until it expires', () => {
    const active = judge(
      recordedFindings(REPORTS.alpine),
      policy({ ignoreRules: ignoring('CVE-2019-14697 exp:2026-03-02') }),
    );
    expect(active.counts).toEqual(counts(0, 0, 4, 0, 0));
    const expired = judge(
      recordedFindings(REPORTS.alpine),
      policy({ ignoreRules: ignoring('CVE-2019-14697 exp:2026-03-01') }),
    );
    expect(expired.counts).toEqual(counts(2, 0, 4, 0, 0));
    expect(expired.passed).toBe(false);
  });

  it('limits a YAML entry to the packages its purls name', () => {
    const rules = ignoring(
      'vulnerabilities:\n  - id: CVE-2019-14697\n    purls: ["pkg:apk/alpine/musl-utils"]\n',
      '.trivyignore.yaml',
    );
    const verdict = judge(recordedFindings(REPORTS.alpine), policy({ ignoreRules: rules }));
    expect(verdict.counts).toEqual(counts(1, 0, 4, 0, 0));
    expect(verdict.gated.map((f) => f.packageName)).toEqual(['musl']);
  });

  it('limits a YAML entry to the paths it names, matched against the target or the package path', () => {
    const byPackagePath = ignoring(
      'vulnerabilities:\n  - id: CVE-2022-40897\n    paths: ["usr/lib/python2.7/**"]\n',
      '.trivyignore.yaml',
    );
    expect(judge(recordedFindings(REPORTS.ubi), policy({ ignoreRules: byPackagePath })).passed).toBe(true);
    const elsewhere = ignoring('vulnerabilities:\n  - id: CVE-2022-40897\n    paths: ["opt/**"]\n', 'i.yaml');
    expect(judge(recordedFindings(REPORTS.ubi), policy({ ignoreRules: elsewhere })).passed).toBe(false);
    const secretsInScripts = ignoring('secrets:\n  - paths: ["**/*.sh"]\n', 'i.yaml');
    expect(judge(recordedFindings(REPORTS.secrets), policy({ ignoreRules: secretsInScripts })).counts).toEqual(
      counts(0, 0, 0, 0, 0),
    );
  });

  it('applies a plain entry to every kind of finding, a YAML one to its section only', () => {
    expect(judge(recordedFindings(REPORTS.dockerfile), policy({ ignoreRules: ignoring('DS-0002') })).passed).toBe(true);
    const asVulnerability = ignoring('vulnerabilities:\n  - id: DS-0002\n', 'i.yaml');
    expect(judge(recordedFindings(REPORTS.dockerfile), policy({ ignoreRules: asVulnerability })).passed).toBe(false);
  });

  it("changes nothing with ignore files whose ids are not in the report (trivy-action's own)", async () => {
    const files = [
      'ignore/trivy-action.trivyignore1',
      'ignore/trivy-action.trivyignore2',
      'ignore/trivy-action.trivyignore.yaml',
    ];
    const rules = await loadIgnoreFiles(files, TRIVY_FIXTURES, NOW);
    const verdict = judge(recordedFindings(REPORTS.alpine), policy({ ignoreRules: rules }));
    expect(verdict.counts).toEqual(counts(2, 0, 4, 0, 0));
    expect(verdict.leftOut).toEqual([]);
  });
});
