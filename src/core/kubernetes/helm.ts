import * as io from '@actions/io';
import { UserError } from '../errors.js';
import { type ExecResult, execTool, printCommandLine } from '../exec.js';
import { errorSummary } from './kubectl.js';

export interface HelmTemplateOptions {
  release: string;
  chart: string;
  namespace?: string;
  valuesFiles: readonly string[];
  /** How errors name the chart (its path in the workspace). */
  displayName: string;
}

/** helm, as found on PATH (GitHub-hosted runners carry it); used only to render charts, never to install them. */
export class Helm {
  private constructor(readonly path: string) {}

  static async find(): Promise<Helm> {
    const bin = await io.which('helm', false);
    if (!bin) {
      throw new UserError(
        'Rendering a Helm chart needs helm on PATH: install it in an earlier step (GitHub-hosted runners have it).',
      );
    }
    return new Helm(bin);
  }

  /** `helm template` with the chart's CRDs included, as `helm install` would create them. */
  async template(options: HelmTemplateOptions): Promise<string> {
    const args = ['template', options.release, options.chart, '--include-crds'];
    if (options.namespace) args.push('--namespace', options.namespace);
    for (const file of options.valuesFiles) args.push('--values', file);
    const result = await this.exec(args);
    if (result.exitCode !== 0)
      throw new UserError(`helm template of ${options.displayName} failed: ${errorSummary(result)}`);
    return result.stdout;
  }

  private async exec(args: readonly string[]): Promise<ExecResult> {
    printCommandLine(this.path, args);
    return execTool(this.path, args, { silent: true, allowFailure: true });
  }
}
