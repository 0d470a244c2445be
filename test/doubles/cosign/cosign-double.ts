import { existsSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execTool } from '../../../src/core/exec.js';
import type { InstallOptions } from '../../../src/core/installer.js';

/** One call the stand-in recorded: its argv and the names (never the values) of its environment variables. */
export interface CosignCall {
  argv: string[];
  envNames: string[];
}

export type VerifyRecording = 'key' | 'keyless' | 'kms';

const DOUBLE_DIR = fileURLToPath(new URL('.', import.meta.url));

/**
 * Puts test/doubles/cosign/cosign first on PATH for this process (so the installer finds it, at the version it
 * reports, and execTool runs it) and reads back what it recorded. `restore()` puts PATH and the variables back.
 */
export class CosignDouble {
  private readonly saved: Record<string, string | undefined> = {};

  private constructor(
    private readonly dir: string,
    private readonly log: string,
  ) {}

  static async onPath(): Promise<CosignDouble> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cosign-double-'));
    const double = new CosignDouble(dir, path.join(dir, 'calls.jsonl'));
    double.set({ PATH: `${DOUBLE_DIR}${path.delimiter}${process.env.PATH ?? ''}`, COSIGN_DOUBLE_LOG: double.log });
    return double;
  }

  /**
   * For installTool: asks the binary on PATH for its version with this process's environment. jest gives each test
   * file its own process.env, which a child started without an explicit environment would not see.
   */
  readonly installOptions: InstallOptions = {
    runVersion: async (bin, args) => {
      const { stdout, stderr } = await execTool(bin, args, { env: {}, silent: true, allowFailure: true });
      return `${stdout}\n${stderr}`;
    },
  };

  /** Chooses the recorded `cosign verify` output, the version reported, or a subcommand that fails. */
  replay(options: { verify?: VerifyRecording; version?: string; fail?: string }): void {
    this.set({
      COSIGN_DOUBLE_VERIFY: options.verify,
      COSIGN_DOUBLE_VERSION: options.version,
      COSIGN_DOUBLE_FAIL: options.fail,
    });
  }

  calls(): CosignCall[] {
    if (!existsSync(this.log)) return [];
    return readFileSync(this.log, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as CosignCall);
  }

  /** The calls of one subcommand (`sign`, `verify`, ...). */
  callsOf(subcommand: string): CosignCall[] {
    return this.calls().filter((call) => call.argv[0] === subcommand);
  }

  /** The recorded calls as one text, for "this secret appears nowhere" assertions. */
  recordedText(): string {
    return existsSync(this.log) ? readFileSync(this.log, 'utf8') : '';
  }

  async reset(): Promise<void> {
    await fs.rm(this.log, { force: true });
    this.replay({});
  }

  async restore(): Promise<void> {
    for (const [name, value] of Object.entries(this.saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  private set(values: Record<string, string | undefined>): void {
    for (const [name, value] of Object.entries(values)) {
      if (!(name in this.saved)) this.saved[name] = process.env[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
