import { describe, expect, it } from '@jest/globals';
import { IgnoreRules, parseIgnoreFile } from '../../../src/core/trivy/ignore-file.js';
import { judge, type ScanPolicy } from '../../../src/core/trivy/policy.js';
import type { Finding } from '../../../src/core/trivy/report.js';
import { MAX_SUMMARY_ROWS, scanSummary } from '../../../src/core/trivy/scan-summary.js';
import { recordedFindings, REPORTS } from './fixtures.js';

const IMAGE = `ghcr.io/acme/api@sha256:${'a'.repeat(64)}`;
const policy = (overrides: Partial<ScanPolicy> = {}): ScanPolicy => ({
  gate: ['CRITICAL', 'HIGH'],
  ignoreUnfixed: false,
  ignoreRules: IgnoreRules.none(),
  ...overrides,
});
const markdown = (findings: Finding[], scanPolicy = policy()) =>
  scanSummary(IMAGE, scanPolicy, judge(findings, scanPolicy)).toMarkdown();

describe('the job summary', () => {
  it('shows counts per severity, then each gated finding with package, versions, linked id and title', () => {
    const text = markdown(recordedFindings(REPORTS.debian));
    expect(text).toContain(`### trivy-scan: failed for \`${IMAGE}\``);
    expect(text).toContain('| CRITICAL | 1 | yes |\n| HIGH | 0 | yes |\n| MEDIUM | 0 | no |\n| LOW | 1 | no |');
    expect(text).toContain('| Severity | Package | Installed | Fixed version | ID | Title |');
    expect(text).toContain(
      '| CRITICAL | libidn2-0 | 2.0.5-1 | 2.0.5-1+deb10u1 | [CVE-2019-18224](https://avd.aquasec.com/nvd/cve-2019-18224) | libidn2: heap-based buffer overflow in idn2_to_ascii_4i in lib/lookup.c |',
    );
    expect(text).not.toContain('bash');
  });

  it('says how many findings the ignore files and ignore-unfixed left out', () => {
    const rules = IgnoreRules.of(parseIgnoreFile('CVE-2019-18224\n', '.trivyignore'), new Date());
    const text = markdown(recordedFindings(REPORTS.debian), policy({ ignoreRules: rules, ignoreUnfixed: true }));
    expect(text).toContain(
      'Gate: CRITICAL, HIGH. 1 finding(s) left out by ignore files. 1 unfixed finding(s) left out.',
    );
    expect(text).toContain('### trivy-scan: passed');
    expect(text).toContain('No finding at a gated severity.');
  });

  it('names the file and line of secrets and misconfigurations', () => {
    expect(markdown(recordedFindings(REPORTS.secrets))).toContain(
      '| CRITICAL | secret: deploy.sh:3 |  |  | aws-access-key-id | AWS Access Key ID |',
    );
    expect(markdown(recordedFindings(REPORTS.dockerfile))).toContain(
      "| HIGH | misconfiguration: Dockerfile |  |  | [DS-0002](https://avd.aquasec.com/misconfig/ds-0002) | Image user should not be 'root' |",
    );
  });

  it(`stops the findings table at ${MAX_SUMMARY_ROWS} rows and says how many more there are`, () => {
    const critical = recordedFindings(REPORTS.alpine)[4] as Finding;
    const text = markdown(Array(MAX_SUMMARY_ROWS + 7).fill(critical));
    expect(text.match(/\| CRITICAL \| musl \|/g)).toHaveLength(MAX_SUMMARY_ROWS);
    expect(text).toContain('…and 7 more gated finding(s)');
    expect(text).toContain(`| CRITICAL | ${MAX_SUMMARY_ROWS + 7} | yes |`);
  });
});
