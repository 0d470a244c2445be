import type { Kubectl } from '../kubectl.js';
import type { ManifestRenderer, RenderedSource } from './renderer.js';

/** A kustomization directory, built by kubectl's own kustomize. */
export class KustomizeRenderer implements ManifestRenderer {
  readonly name = 'kustomize';

  constructor(
    private readonly dir: string,
    private readonly displayPath: string,
    private readonly kubectl: Kubectl,
  ) {}

  async render(): Promise<RenderedSource[]> {
    return [{ origin: `kustomize build of ${this.displayPath}`, text: await this.kubectl.kustomize(this.dir) }];
  }
}
