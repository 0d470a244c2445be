import { type ExecResult, execTool } from '../exec.js';
import { type InstallOptions, installTool } from '../installer.js';
import type { Scanner } from './scanners.js';

export interface TrivyOptions {
  /** A version from the installer's table (its default when undefined), or any version with `sha256`. */
  version?: string;
  /** SHA-256 of the release archive, for a version the table does not pin. */
  sha256?: string;
  /**
   * Where trivy runs. A scratch directory, so that a `.trivyignore` or `trivy.yaml` lying in the workspace is not
   * applied behind the action's back: ignore files are applied by the action, to every output alike.
   */
  workDir: string;
  /** Added to the environment of every run: registry credentials (TRIVY_USERNAME, ...), or a test double's settings. */
  env?: Record<string, string>;
  install?: InstallOptions;
}

export interface ImageScan {
  image: string;
  /** Where trivy writes its JSON report. */
  output: string;
  cacheDir: string;
  scanners: readonly Scanner[];
  platform?: string;
  /** Needed to derive an SBOM from the report: without it trivy lists only vulnerable packages. */
  listAllPackages: boolean;
}

/** The trivy CLI, installed (or found on PATH) at a pinned version; every call goes through one `exec`. */
export class Trivy {
  private constructor(
    readonly path: string,
    readonly version: string,
    private readonly workDir: string,
    private readonly env: Record<string, string>,
  ) {}

  static async create(options: TrivyOptions): Promise<Trivy> {
    const installed = await installTool(
      { tool: 'trivy', version: options.version, sha256: options.sha256 },
      options.install,
    );
    return new Trivy(installed.path, installed.version, options.workDir, options.env ?? {});
  }

  /** Downloads the vulnerability DB from one repository into `cacheDir`; a failure is returned, not thrown. */
  async downloadVulnerabilityDb(repository: string, cacheDir: string): Promise<ExecResult> {
    return this.exec(
      ['image', '--download-db-only', '--db-repository', repository, '--cache-dir', cacheDir, '--no-progress'],
      true,
    );
  }

  /**
   * Scans an image into a JSON report with the DB already in `cacheDir`. No severity, status or ignore-file flags:
   * trivy reports everything and the action's own policy decides, once, for every output.
   */
  async scanImage(scan: ImageScan): Promise<void> {
    await this.exec([
      'image',
      '--format',
      'json',
      '--output',
      scan.output,
      '--cache-dir',
      scan.cacheDir,
      '--skip-db-update',
      '--scanners',
      scan.scanners.join(','),
      ...(scan.platform ? ['--platform', scan.platform] : []),
      ...(scan.listAllPackages ? ['--list-all-pkgs'] : []),
      '--no-progress',
      scan.image,
    ]);
  }

  /** Writes the CycloneDX SBOM of a JSON report made with `listAllPackages`, without scanning again. */
  async convertToCycloneDx(report: string, output: string): Promise<void> {
    await this.exec(['convert', '--format', 'cyclonedx', '--output', output, report]);
  }

  private exec(args: string[], allowFailure = false): Promise<ExecResult> {
    return execTool(this.path, args, { cwd: this.workDir, env: this.env, allowFailure });
  }
}
