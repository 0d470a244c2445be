import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RELEASES } from '../../../src/core/tool-versions.js';
import { findingsOf, parseTrivyReport } from '../../../src/core/trivy/report.js';
import { Trivy } from '../../../src/core/trivy/trivy.js';
import { createTrivyDouble, TRIVY_FIXTURES, type TrivyDouble } from '../../doubles/trivy/index.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { captureWorkflowLog } from './workflow-log.js';

const ORIGINAL_PATH = process.env.PATH;

afterEach(() => {
  process.env.PATH = ORIGINAL_PATH;
  jest.restoreAllMocks();
});

async function trivyOn(double: TrivyDouble): Promise<Trivy> {
  captureWorkflowLog();
  process.env.PATH = `${double.binDir}${path.delimiter}${ORIGINAL_PATH}`;
  return Trivy.create({ workDir: await tempTree(), env: double.env });
}

function runDouble(double: TrivyDouble, args: string[]) {
  return spawnSync(path.join(double.binDir, 'trivy'), args, {
    env: { ...process.env, ...double.env },
    encoding: 'utf8',
  });
}

describe('the trivy CLI class, against the stand-in', () => {
  it('reuses a trivy on PATH that reports the pinned version', async () => {
    const trivy = await trivyOn(await createTrivyDouble());
    expect(trivy.version).toBe(RELEASES.trivy.defaultVersion);
    expect(trivy.path).toMatch(/trivy-double-[^/]+\/bin\/trivy$/);
  });

  it('scans into the JSON report trivy wrote, and converts it to CycloneDX', async () => {
    const double = await createTrivyDouble({
      report: 'json/image-ubi-7-comprehensive.json',
      sbom: 'cyclonedx/image-fluentd.cdx.json',
    });
    const trivy = await trivyOn(double);
    const dir = await tempTree();
    const cacheDir = path.join(dir, 'cache');
    await trivy.downloadVulnerabilityDb('mirror.gcr.io/aquasec/trivy-db:2', cacheDir);
    const output = path.join(dir, 'report.json');
    await trivy.scanImage({
      image: 'ghcr.io/acme/api@sha256:' + 'd'.repeat(64),
      output,
      cacheDir,
      scanners: ['vuln'],
      listAllPackages: false,
    });
    expect(readFileSync(output)).toEqual(
      readFileSync(path.join(TRIVY_FIXTURES, 'json/image-ubi-7-comprehensive.json')),
    );
    await trivy.convertToCycloneDx(output, path.join(dir, 'sbom.json'));
    expect(JSON.parse(readFileSync(path.join(dir, 'sbom.json'), 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX' });
  });

  it('throws with the last lines trivy printed when a scan fails', async () => {
    const trivy = await trivyOn(await createTrivyDouble({ report: 'json/image-alpine-3.9.json' }));
    const dir = await tempTree();
    const scan = trivy.scanImage({
      image: 'alpine@sha256:' + 'd'.repeat(64),
      output: path.join(dir, 'r.json'),
      cacheDir: dir,
      scanners: ['vuln'],
      listAllPackages: false,
    });
    await expect(scan).rejects.toThrow(
      /failed with exit code 1: .*--skip-db-update cannot be specified on the first run/,
    );
  });
});

describe('the trivy stand-in behaves like trivy for what the action passes', () => {
  it('prints its version as `trivy version` does, which the installer reads', async () => {
    const double = await createTrivyDouble();
    for (const args of [['version'], ['--version']]) {
      const output = runDouble(double, args).stdout;
      expect(RELEASES.trivy.versionPattern.exec(output)?.[1]).toBe('0.75.0');
    }
    expect(execFileSync(path.join(double.binDir, 'trivy'), ['version'], { encoding: 'utf8' })).toBe(
      'Version: 0.75.0\n',
    );
  });

  it('rejects every flag the action does not pass, so a new one cannot slip in unemulated', async () => {
    const double = await createTrivyDouble({ report: 'json/image-alpine-3.9.json' });
    const result = runDouble(double, ['image', '--format', 'json', '--severity', 'CRITICAL', 'alpine']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Error: unknown flag: --severity\n');
  });

  it('reports only the kinds of finding --scanners asks for', async () => {
    const double = await createTrivyDouble({ report: 'json/repo-secrets.json' });
    const dir = await tempTree();
    const scan = (scanners: string) => {
      const output = path.join(dir, `${scanners}.json`);
      const args = ['image', '--format', 'json', '--output', output, '--cache-dir', dir, '--scanners', scanners, 'x'];
      expect(runDouble(double, args).status).toBe(0);
      return findingsOf(parseTrivyReport(readFileSync(output, 'utf8'), output)).map((finding) => finding.id);
    };
    expect(scan('secret')).toEqual(['aws-access-key-id', 'mysecret']);
    expect(scan('misconfig')).toEqual([]);
    expect(readFileSync(path.join(dir, 'secret.json'))).toEqual(
      readFileSync(path.join(TRIVY_FIXTURES, 'json/repo-secrets.json')),
    );
  });
});
