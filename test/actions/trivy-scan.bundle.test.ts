import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createTrivyDouble } from '../doubles/trivy/index.js';
import { errorLines, runBundledAction } from '../helpers/run-action.js';
import { tempTree } from '../helpers/temp-dir.js';

// action.yml's defaults, which the runner passes as inputs.
const DEFAULTS = {
  'allow-tag': 'false',
  severity: 'CRITICAL,HIGH',
  'ignore-unfixed': 'false',
  'fail-build': 'true',
  scanners: 'vuln,secret',
  'db-cache': 'true',
  'db-repositories': 'mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2',
};
const IMAGE = `ghcr.io/acme/api@sha256:${'e'.repeat(64)}`;

describe('the trivy-scan bundle, run as a runner runs it, with the trivy stand-in on PATH', () => {
  it('refuses a tag-only reference in one line before installing anything', async () => {
    const double = await createTrivyDouble();
    const run = await runBundledAction(
      'trivy-scan',
      { ...DEFAULTS, 'image-ref': 'ghcr.io/acme/api:1.4.2' },
      { workspace: await tempTree(), env: { ...double.env, PATH: `${double.binDir}:${process.env.PATH}` } },
    );
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)).toEqual([expect.stringMatching(/^::error::Input "image-ref" must be pinned by digest/)]);
    expect(run.outputs).toEqual({});
    expect(await double.calls()).toEqual([]);
  });

  it('scans the digest, writes SARIF and the SBOM, sets the outputs, and fails on the gate', async () => {
    const double = await createTrivyDouble({
      report: 'json/image-alpine-3.9.json',
      sbom: 'cyclonedx/image-fluentd.cdx.json',
    });
    const workspace = await tempTree();
    const run = await runBundledAction(
      'trivy-scan',
      { ...DEFAULTS, 'image-ref': IMAGE, 'sarif-file': 'trivy.sarif', 'sbom-file': 'sbom.cdx.json' },
      { workspace, env: { ...double.env, PATH: `${double.binDir}:${process.env.PATH}` } },
    );
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)).toEqual([
      `::error::${IMAGE} has 2 finding(s) at CRITICAL, HIGH: CVE-2019-14697 (CRITICAL in musl 1.1.20-r4), CVE-2019-14697 (CRITICAL in musl-utils 1.1.20-r4).`,
    ]);
    expect(run.outputs).toEqual({
      passed: 'false',
      counts: '{"CRITICAL":2,"HIGH":0,"MEDIUM":4,"LOW":0,"UNKNOWN":0}',
      'sarif-file': path.join(workspace, 'trivy.sarif'),
      'json-file': '',
      'sbom-file': path.join(workspace, 'sbom.cdx.json'),
    });
    expect(JSON.parse(readFileSync(path.join(workspace, 'trivy.sarif'), 'utf8')).runs[0].results).toHaveLength(2);
    expect(run.summary).toContain('| CRITICAL | 2 | yes |');
    // The installer asks for the version and reuses the stand-in; then the DB download, the one scan, the SBOM.
    expect((await double.calls()).map((argv) => argv[0])).toEqual(['version', 'image', 'image', 'convert']);
  });
});
