import { describe, expect, it } from '@jest/globals';
import { installTool } from '../../src/core/installer.js';
import { UserError } from '../../src/core/errors.js';
import {
  PLATFORM_KEYS,
  RELEASES,
  type PinnedAsset,
  type PlatformKey,
  type ReleaseTable,
  type ToolName,
} from '../../src/core/tool-versions.js';

const OFFICIAL_DOWNLOADS: Record<ToolName, string> = {
  trivy: 'https://github.com/aquasecurity/trivy/releases/download/',
  cosign: 'https://github.com/sigstore/cosign/releases/download/',
  kubectl: 'https://dl.k8s.io/release/',
};

const table: ReleaseTable = RELEASES;
const entries = Object.entries(table).flatMap(([tool, release]) =>
  Object.entries(release.versions).flatMap(([version, platforms]) =>
    Object.entries(platforms).map(([platform, asset]) => ({
      tool: tool as ToolName,
      version,
      platform: platform as PlatformKey,
      asset: asset as PinnedAsset,
    })),
  ),
);

describe('the pinned release table', () => {
  it.each(entries)(
    '$tool $version $platform is an official, hashed, consistent asset',
    ({ tool, version, platform, asset }) => {
      expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(asset.url.startsWith(OFFICIAL_DOWNLOADS[tool])).toBe(true);
      expect(asset.url).toContain(`/v${version}/`);
      expect(PLATFORM_KEYS).toContain(platform);
      // The template serves versions users pin themselves; it must agree with every reviewed entry.
      expect({ ...table[tool]!.assetFor(version, platform), sha256: asset.sha256 }).toEqual(asset);
    },
  );

  it.each(Object.entries(table))('%s has its default version pinned for linux x64', (_tool, release) => {
    expect(release.versions[release.defaultVersion]).toHaveProperty('linux-x64');
  });

  it('no two entries share a hash', () => {
    const hashes = entries.map((entry) => entry.asset.sha256);
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('reading the version a binary reports', () => {
  // cosign as published for v3.0.4, kubectl as printed by the test bed's /usr/bin/kubectl, trivy's documented shape.
  const outputs: Record<ToolName, [string, string]> = {
    trivy: ['Version: 0.75.0\nVulnerability DB:\n  Version: 2\n', '0.75.0'],
    cosign: [
      'cosign: A tool for Container Signing, Verification and Storage in an OCI registry.\n\n' +
        'GitVersion:    v3.0.4\nGitCommit:     6832fba4928c1ad69400235bbc41212de5006176\nGoVersion:     go1.25.5\n',
      '3.0.4',
    ],
    kubectl: ['Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0\n', '1.32.4-dispatcher'],
  };

  it.each(Object.entries(outputs))('%s', (tool, [output, version]) => {
    expect(table[tool]!.versionPattern.exec(output)?.[1]).toBe(version);
  });
});

describe('requests refused before anything is downloaded', () => {
  const onLinux = { platform: 'linux', arch: 'x64' } as const;

  it('an unknown version without a sha256 names the known versions', async () => {
    const refusal = installTool({ tool: 'trivy', version: '0.1.0' }, onLinux);
    await expect(refusal).rejects.toThrow(UserError);
    await expect(refusal).rejects.toThrow(/trivy 0\.1\.0 has no pinned SHA-256 for linux-x64; use one of 0\.75\.0 /);
  });

  it('a sha256 that contradicts the table', async () => {
    const refusal = installTool({ tool: 'cosign', version: 'v3.0.6', sha256: 'a'.repeat(64) }, onLinux);
    await expect(refusal).rejects.toThrow(/differs from the pinned c956e5df/);
  });

  it('a sha256 that is not one', async () => {
    await expect(installTool({ tool: 'kubectl', version: '1.35.0', sha256: 'abc' }, onLinux)).rejects.toThrow(
      /not 64 hexadecimal characters/,
    );
  });

  it('a version that could smuggle a path into the URL', async () => {
    await expect(
      installTool({ tool: 'kubectl', version: '1.0.0/../../x', sha256: 'a'.repeat(64) }, onLinux),
    ).rejects.toThrow(/is not a version of kubectl/);
  });

  it('a platform no build exists for', async () => {
    await expect(installTool({ tool: 'trivy' }, { platform: 'win32', arch: 'arm64' })).rejects.toThrow(
      /cannot be installed on win32-arm64/,
    );
  });

  it('an unknown tool', async () => {
    await expect(installTool({ tool: 'helm' })).rejects.toThrow(
      /Unknown tool "helm"; known tools: trivy, cosign, kubectl/,
    );
  });
});
