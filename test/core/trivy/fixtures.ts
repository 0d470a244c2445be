import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findingsOf, parseTrivyReport, type Finding, type TrivyReport } from '../../../src/core/trivy/report.js';
import { TRIVY_FIXTURES } from '../../doubles/trivy/index.js';

/** A recorded trivy report from test/fixtures/trivy/, parsed. */
export function recordedReport(name: string): TrivyReport {
  return parseTrivyReport(readFileSync(path.join(TRIVY_FIXTURES, name), 'utf8'), name);
}

export function recordedFindings(name: string): Finding[] {
  return findingsOf(recordedReport(name));
}

/** Every recorded JSON report this area uses. */
export const REPORTS = {
  alpine: 'json/image-alpine-3.9.json',
  alpineIgnored: 'json/image-alpine-3.9-with-trivyignore.json',
  debian: 'json/image-debian-buster.json',
  centos: 'json/image-centos-7.json',
  ubi: 'json/image-ubi-7-comprehensive.json',
  photon: 'json/image-photon-3.0.json',
  zeroVulnerabilities: 'json/image-zero-vulns-sle-micro-5.4.json',
  zeroResults: 'json/image-zero-vulns-no-results-alpine-3.9-skip-dirs.json',
  gomod: 'json/repo-gomod-unknown-severity.json',
  secrets: 'json/repo-secrets.json',
  dockerfile: 'json/config-dockerfile-misconfig.json',
  realDb: 'trivy-action/image-alpine-3.10-real-db.json',
} as const;
