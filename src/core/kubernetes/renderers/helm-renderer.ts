import type { Helm, HelmTemplateOptions } from '../helm.js';
import type { ManifestRenderer, RenderedSource } from './renderer.js';

/** A Helm chart directory, rendered with `helm template` (helm never talks to the cluster here). */
export class HelmRenderer implements ManifestRenderer {
  readonly name = 'helm';

  constructor(
    private readonly options: HelmTemplateOptions,
    private readonly helm: () => Promise<Helm>,
  ) {}

  async render(): Promise<RenderedSource[]> {
    const helm = await this.helm();
    return [{ origin: `helm template of ${this.options.displayName}`, text: await helm.template(this.options) }];
  }
}
