/** The runner platforms we install tools on, as `${process.platform}-${process.arch}`. */
export const PLATFORM_KEYS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64'] as const;
export type PlatformKey = (typeof PLATFORM_KEYS)[number];

export function isPlatformKey(value: string): value is PlatformKey {
  return (PLATFORM_KEYS as readonly string[]).includes(value);
}

export type ArchiveKind = 'tar.gz' | 'zip' | 'binary';

/** Where one build of a tool is published and how to get the binary out of it. */
export interface AssetLocation {
  url: string;
  archive: ArchiveKind;
  /** Path of the executable inside the archive; for a bare binary, the name we give it. */
  binPath: string;
}

/** A reviewed build: its location plus the SHA-256 of the exact file at `url`. */
export interface PinnedAsset extends AssetLocation {
  sha256: string;
}

export interface ToolRelease {
  defaultVersion: string;
  /** argv that makes the binary print its own version. */
  versionArgs: readonly string[];
  /** Captures the version (without a leading `v`) from the output of `versionArgs`. */
  versionPattern: RegExp;
  /** Where any version is published, so users can pin a version (with its sha256) that is not listed here. */
  assetFor(version: string, platform: PlatformKey): AssetLocation | undefined;
  /** Versions (without a leading `v`) we have reviewed hashes for, per platform. */
  versions: Readonly<Record<string, Partial<Record<PlatformKey, PinnedAsset>>>>;
}

export type ReleaseTable = Readonly<Record<string, ToolRelease>>;

const TRIVY_ARCHIVES: Partial<Record<PlatformKey, string>> = {
  'linux-x64': 'Linux-64bit.tar.gz',
  'linux-arm64': 'Linux-ARM64.tar.gz',
  'darwin-x64': 'macOS-64bit.tar.gz',
  'darwin-arm64': 'macOS-ARM64.tar.gz',
  'win32-x64': 'windows-64bit.zip',
};

const GO_PLATFORMS: Record<PlatformKey, string> = {
  'linux-x64': 'linux-amd64',
  'linux-arm64': 'linux-arm64',
  'darwin-x64': 'darwin-amd64',
  'darwin-arm64': 'darwin-arm64',
  'win32-x64': 'windows-amd64',
};

const exe = (name: string, platform: PlatformKey): string => (platform === 'win32-x64' ? `${name}.exe` : name);

export const RELEASES = {
  trivy: {
    defaultVersion: '0.75.0',
    versionArgs: ['version'],
    versionPattern: /^Version:\s*v?(\S+)/m,
    assetFor(version, platform) {
      const suffix = TRIVY_ARCHIVES[platform];
      if (!suffix) return undefined;
      return {
        url: `https://github.com/aquasecurity/trivy/releases/download/v${version}/trivy_${version}_${suffix}`,
        archive: suffix.endsWith('.zip') ? 'zip' : 'tar.gz',
        binPath: exe('trivy', platform),
      };
    },
    versions: {
      // Hashes: awslabs/automated-security-helper automated_security_helper/utils/tool_downloads.py
      // @001ac6d868797f3ce3123af21eb65f2e5a3ccf42, transcribed there from trivy_0.75.0_checksums.txt.
      // Releases up to 0.69.1 were deleted upstream (March 2026 incident) and 0.69.4 was the compromised one.
      '0.75.0': {
        'linux-x64': {
          url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_Linux-64bit.tar.gz',
          archive: 'tar.gz',
          binPath: 'trivy',
          sha256: 'c6e65abddb348e25f10549df887045629cf28cc72453cd1c63acb717316b3f3f',
        },
        'linux-arm64': {
          url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_Linux-ARM64.tar.gz',
          archive: 'tar.gz',
          binPath: 'trivy',
          sha256: 'a1ee9f6ffb7d112b64ff726a2a0717c21175c1114361391f4a132956751a13b3',
        },
        'darwin-x64': {
          url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_macOS-64bit.tar.gz',
          archive: 'tar.gz',
          binPath: 'trivy',
          sha256: '291edaa9778acbe4693d067b5ad60ee11570e5ac68296e85595417528ca641e4',
        },
        'darwin-arm64': {
          url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_macOS-ARM64.tar.gz',
          archive: 'tar.gz',
          binPath: 'trivy',
          sha256: '4a77108cccf8e55c8d6823e1e759939a622277e66cd0daa3c1fc621ed69e4568',
        },
        'win32-x64': {
          url: 'https://github.com/aquasecurity/trivy/releases/download/v0.75.0/trivy_0.75.0_windows-64bit.zip',
          archive: 'zip',
          binPath: 'trivy.exe',
          sha256: '4e43bd71a30f51aee39525f60f2b47043af77eb8df8fe082aae4372b69c6660f',
        },
      },
    },
  },

  cosign: {
    defaultVersion: '3.0.6',
    versionArgs: ['version'],
    versionPattern: /^GitVersion:\s*v?(\S+)/m,
    assetFor(version, platform) {
      const file = `cosign-${GO_PLATFORMS[platform]}${platform === 'win32-x64' ? '.exe' : ''}`;
      return {
        url: `https://github.com/sigstore/cosign/releases/download/v${version}/${file}`,
        archive: 'binary',
        binPath: exe('cosign', platform),
      };
    },
    versions: {
      // Hashes: sigstore/cosign-installer action.sh @0970e7e66f3d601ac4c950b13ee252746b888213
      // (its bootstrap pins, generated there from v3.0.6 cosign_checksums.txt).
      '3.0.6': {
        'linux-x64': {
          url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64',
          archive: 'binary',
          binPath: 'cosign',
          sha256: 'c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74',
        },
        'linux-arm64': {
          url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-arm64',
          archive: 'binary',
          binPath: 'cosign',
          sha256: 'bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8',
        },
        'darwin-x64': {
          url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-darwin-amd64',
          archive: 'binary',
          binPath: 'cosign',
          sha256: '4c3e7af8372d3ca3296e62fa56f23fcbb5721cc6ac1827900d398f110d7cd280',
        },
        'darwin-arm64': {
          url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-darwin-arm64',
          archive: 'binary',
          binPath: 'cosign',
          sha256: '5fadd012ae6381a6a29ff86a7d39aa873878852f1073fc90b15995961ecfb084',
        },
        'win32-x64': {
          url: 'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-windows-amd64.exe',
          archive: 'binary',
          binPath: 'cosign.exe',
          sha256: '9b85a88ebff2d9dd30ff4984a6f61f2cedc232dd87d81fa7f2ff3c0ed96c241c',
        },
      },
    },
  },

  kubectl: {
    defaultVersion: '1.34.3',
    // Without --client kubectl also asks the cluster, which fails where there is none.
    versionArgs: ['version', '--client'],
    versionPattern: /^Client Version:\s*v?(\S+)/m,
    assetFor(version, platform) {
      const [os, arch] = GO_PLATFORMS[platform].split('-');
      return {
        url: `https://dl.k8s.io/release/v${version}/bin/${os}/${arch}/${exe('kubectl', platform)}`,
        archive: 'binary',
        binPath: exe('kubectl', platform),
      };
    },
    versions: {
      '1.34.3': {
        // linux and darwin hashes: cashapp/hermit-packages kubectl.hcl @0e4549be91d00e65dcc5cdd8acd8ef4e7687ca7f
        'linux-x64': {
          url: 'https://dl.k8s.io/release/v1.34.3/bin/linux/amd64/kubectl',
          archive: 'binary',
          binPath: 'kubectl',
          sha256: 'ab60ca5f0fd60c1eb81b52909e67060e3ba0bd27e55a8ac147cbc2172ff14212',
        },
        'linux-arm64': {
          url: 'https://dl.k8s.io/release/v1.34.3/bin/linux/arm64/kubectl',
          archive: 'binary',
          binPath: 'kubectl',
          sha256: '46913a7aa0327f6cc2e1cc2775d53c4a2af5e52f7fd8dacbfbfd098e757f19e9',
        },
        'darwin-x64': {
          url: 'https://dl.k8s.io/release/v1.34.3/bin/darwin/amd64/kubectl',
          archive: 'binary',
          binPath: 'kubectl',
          sha256: '657afbd0e653c4ce3af1b5a645a4eaba282cf8eb2bcda7191ff60866e50e4d7f',
        },
        'darwin-arm64': {
          url: 'https://dl.k8s.io/release/v1.34.3/bin/darwin/arm64/kubectl',
          archive: 'binary',
          binPath: 'kubectl',
          sha256: 'e51367d2107d605f4edd7c2fb25897b0c0695a7de1a9f9d04cd6c9356b890b14',
        },
        // win32 hash: microsoft/winget-pkgs manifests/k/Kubernetes/kubectl/1.34.3/Kubernetes.kubectl.installer.yaml
        // @a65e83bc66efc575ab8f768e184bd7da3917091e
        'win32-x64': {
          url: 'https://dl.k8s.io/release/v1.34.3/bin/windows/amd64/kubectl.exe',
          archive: 'binary',
          binPath: 'kubectl.exe',
          sha256: '5ef6e0b019cfea5b0eff55b576c0118f64c0758a8bcbf52587c7f454f302f7bc',
        },
      },
    },
  },
} satisfies ReleaseTable;

export type ToolName = keyof typeof RELEASES;
