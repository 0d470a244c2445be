import * as io from '@actions/io';
import { UserError } from './errors.js';
import { type ExecResult, execTool, lastLines } from './exec.js';

const PUSHED_DIGEST = /^\S+: digest: (sha256:[a-f0-9]{64}) size: \d+$/m;

export interface DockerOptions {
  /** The docker CLI to run; default: `docker` found on PATH, as a runner step would run it. */
  path?: string;
  /** Added to the environment of every docker process (e.g. DOCKER_HOST). */
  env?: Record<string, string>;
}

/** What `docker version` says about the CLI and the engine it talks to. */
export interface DockerVersions {
  client: string;
  server: string;
  /** The engine's OS (`linux`, `windows`): BuildKit needs a Linux engine. */
  serverOs: string;
  /** The engine's architecture as Docker names it (`amd64`, `arm64`). */
  serverArch: string;
}

export interface DockerBuildOptions {
  /** DOCKER_BUILDKIT for `docker build`: BuildKit (true) or the classic builder (false). */
  buildKit: boolean;
}

/** The Docker CLI; every call goes through one `exec`. */
export class Docker {
  private constructor(
    readonly path: string,
    private readonly env: Record<string, string>,
  ) {}

  static async create(options: DockerOptions = {}): Promise<Docker> {
    const found = options.path ?? (await io.which('docker', false));
    if (!found) throw new UserError('The docker CLI is not on PATH: this action builds with Docker.');
    return new Docker(found, options.env ?? {});
  }

  /** The CLI's and the engine's versions; a UserError when the engine does not answer. */
  async versions(): Promise<DockerVersions> {
    const result = await this.exec(['version', '--format', '{{json .}}'], { silent: true, allowFailure: true });
    const parsed = parseVersionJson(result.stdout);
    if (result.exitCode !== 0 || !parsed?.Server?.Version) {
      const reason = lastLines(result.stderr || result.stdout, 1) || `exit code ${result.exitCode}`;
      throw new UserError(`The Docker Engine does not answer (${this.path} version): ${reason}`);
    }
    return {
      client: parsed.Client?.Version ?? '',
      server: parsed.Server.Version,
      serverOs: parsed.Server.Os ?? '',
      serverArch: parsed.Server.Arch ?? '',
    };
  }

  /** Whether `docker buildx` is installed as a CLI plugin. */
  async hasBuildx(): Promise<boolean> {
    const result = await this.exec(['buildx', 'version'], { silent: true, allowFailure: true });
    return result.exitCode === 0;
  }

  /** `docker build <args>`; returns a failed build's exit code and output rather than throwing. */
  async build(args: readonly string[], options: DockerBuildOptions): Promise<ExecResult> {
    return this.exec(['build', ...args], {
      allowFailure: true,
      env: { DOCKER_BUILDKIT: options.buildKit ? '1' : '0' },
    });
  }

  /** `docker buildx build <args>`; returns a failed build's exit code and output rather than throwing. */
  async buildxBuild(args: readonly string[]): Promise<ExecResult> {
    return this.exec(['buildx', 'build', ...args], { allowFailure: true });
  }

  /** Pushes one tag and returns the manifest digest the registry accepted; a UserError when it refuses. */
  async push(reference: string): Promise<string> {
    const { exitCode, stdout, stderr } = await this.exec(['push', reference], { allowFailure: true });
    if (exitCode !== 0) {
      // Mostly a missing login or permission (denied, unauthorized), which the user fixes.
      throw new UserError(`docker push ${reference} failed: ${lastLines(stderr || stdout, 2)}`);
    }
    const digest = PUSHED_DIGEST.exec(stdout)?.[1];
    if (!digest) throw new Error(`docker push ${reference} printed no digest: ${lastLines(stdout, 3)}`);
    return digest;
  }

  private exec(
    args: readonly string[],
    options: { silent?: boolean; allowFailure?: boolean; env?: Record<string, string> } = {},
  ): Promise<ExecResult> {
    return execTool(this.path, args, { ...options, env: { ...this.env, ...options.env } });
  }
}

interface VersionJson {
  Client?: { Version?: string };
  Server?: { Version?: string; Os?: string; Arch?: string } | null;
}

function parseVersionJson(text: string): VersionJson | undefined {
  try {
    return JSON.parse(text) as VersionJson;
  } catch {
    return undefined;
  }
}
