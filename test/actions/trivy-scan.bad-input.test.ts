import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { DIGEST, runTrivyScan } from '../doubles/trivy/run-trivy-scan.js';

interface BadCase {
  inputs: Record<string, string>;
  files?: Record<string, string>;
  error: string | RegExp;
}

const FILES = { 'sarif-file': 'out/trivy.sarif', 'json-file': 'out/trivy.json', 'sbom-file': 'out/sbom.cdx.json' };
const ref = (value: string, error: string | RegExp = /^Invalid image-ref/): BadCase => ({
  inputs: { 'image-ref': value },
  error,
});
const PINNING =
  /^Input "image-ref" must be pinned by digest \(ghcr\.io\/acme\/api@sha256:\.\.\.\), got "ghcr\.io\/acme\/api(:1\.4\.2)?": a tag can be moved between this scan and the deploy/;

const cases: Record<string, BadCase> = {
  'tag-only reference': ref('ghcr.io/acme/api:1.4.2', PINNING),
  'neither tag nor digest': ref('ghcr.io/acme/api', PINNING),
  'allow-tag not a boolean': {
    inputs: { 'image-ref': 'ghcr.io/acme/api:1', 'allow-tag': 'yes' },
    error: 'Input "allow-tag" must be true or false, got "yes".',
  },
  'missing image-ref': { inputs: { 'image-ref': '' }, error: 'Input "image-ref" is required.' },
  'uppercase repository': ref(`ghcr.io/acme/API@${DIGEST}`),
  'short digest': ref('ghcr.io/acme/api@sha256:abc'),
  'digest of another algorithm': ref(`ghcr.io/acme/api@sha512:${'a'.repeat(128)}`),
  'URL instead of a reference': ref(`https://ghcr.io/acme/api@${DIGEST}`),
  'white space': ref(`ghcr.io/acme/my api@${DIGEST}`),
  'empty tag': ref(`ghcr.io/acme/api:@${DIGEST}`),
  'unknown severity': {
    inputs: { severity: 'CRITICAL,SEVERE' },
    error: 'Input "severity" has unknown severity "SEVERE"; use some of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN.',
  },
  'misspelt severity': { inputs: { severity: 'hgih' }, error: /^Input "severity" has unknown severity "hgih"/ },
  'trivy-action style severity with spaces': {
    inputs: { severity: 'CRITICAL HIGH' },
    error: /unknown severity "CRITICAL HIGH"/,
  },
  'unknown scanner': {
    inputs: { scanners: 'vuln,license' },
    error: 'Input "scanners" has unknown scanner "license"; use some of vuln, misconfig, secret.',
  },
  'platform without arch': { inputs: { platform: 'arm64' }, error: /^Input "platform" must look like os\/arch/ },
  'db repository as URL': {
    inputs: { 'db-repositories': 'https://ghcr.io/aquasecurity/trivy-db' },
    error: /^Input "db-repositories" has "https:\/\/ghcr.io\/aquasecurity\/trivy-db", which is not an OCI repository/,
  },
  'ignore-unfixed not a boolean': {
    inputs: { 'ignore-unfixed': 'maybe' },
    error: 'Input "ignore-unfixed" must be true or false, got "maybe".',
  },
  'fail-build not a boolean': {
    inputs: { 'fail-build': '0' },
    error: 'Input "fail-build" must be true or false, got "0".',
  },
  'db-cache not a boolean': {
    inputs: { 'db-cache': 'on' },
    error: 'Input "db-cache" must be true or false, got "on".',
  },
  'two outputs to one file': {
    inputs: { 'sbom-file': 'out/trivy.json' },
    error: /^Inputs "json-file" and "sbom-file" name the same file/,
  },
  'trivy version not a version': {
    inputs: { 'trivy-version': 'latest' },
    error: /^Input "trivy-version": "latest" is not a version of trivy/,
  },
  'trivy version without a pinned hash': {
    inputs: { 'trivy-version': '0.74.0' },
    error: /^Input "trivy-version": trivy 0\.74\.0 has no pinned SHA-256 for .* or set input "trivy-sha256"/,
  },
  'missing ignore file': {
    inputs: { 'ignore-files': '.trivyignore' },
    error: 'Cannot read ignore file .trivyignore (ENOENT).',
  },
  'ignore file is a directory': {
    inputs: { 'ignore-files': 'security' },
    files: { 'security/.keep': '' },
    error: 'Cannot read ignore file security (EISDIR).',
  },
  'second ignore file missing': {
    inputs: { 'ignore-files': '.trivyignore\nsecurity/.trivyignore.yaml' },
    files: { '.trivyignore': 'CVE-2019-14697\n' },
    error: 'Cannot read ignore file security/.trivyignore.yaml (ENOENT).',
  },
  'invalid YAML ignore file': {
    inputs: { 'ignore-files': '.trivyignore.yaml' },
    files: { '.trivyignore.yaml': 'vulnerabilities:\n  - id: CVE-2019-14697\n   paths: [a\n' },
    error: /^\.trivyignore\.yaml:\d+: invalid YAML/,
  },
  'YAML ignore file with an unknown section': {
    inputs: { 'ignore-files': '.trivyignore.yaml' },
    files: { '.trivyignore.yaml': 'vulnerability:\n  - id: CVE-2019-14697\n' },
    error:
      '.trivyignore.yaml:1: unknown section "vulnerability"; use vulnerabilities, misconfigurations, secrets, licenses.',
  },
  'expiry that is not a date': {
    inputs: { 'ignore-files': '.trivyignore' },
    files: { '.trivyignore': 'CVE-2019-14697 exp:2026-02-30x\n' },
    error: '.trivyignore:1: "2026-02-30x" is not a date; write it as YYYY-MM-DD.',
  },
};

describe('trivy-scan refuses bad input with one line, exit 1, no output and no scan', () => {
  it('has at least 25 cases', () => expect(Object.keys(cases).length).toBeGreaterThanOrEqual(25));

  it.each(Object.entries(cases))('%s', async (_, badCase) => {
    const run = await runTrivyScan(
      { ...FILES, ...badCase.inputs },
      { report: 'json/image-alpine-3.9.json', files: badCase.files },
    );
    expect(run.exitCode).toBe(1);
    const errors = run.log.lines().filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(run.log.commands('error')[0]).toMatch(
      typeof badCase.error === 'string' ? exactly(badCase.error) : badCase.error,
    );
    expect(run.log.lines().filter((line) => /^\s+at /.test(line))).toEqual([]);
    expect(run.outputs).toEqual({});
    expect(readdirSync(run.workspace).filter((name) => name === 'out')).toEqual([]);
    expect(await run.double.calls()).toEqual([]);
  });
});

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
