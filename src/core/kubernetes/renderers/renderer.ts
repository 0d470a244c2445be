/** Manifests as text, with where each piece came from, so an error can name a file and line. */
export interface RenderedSource {
  origin: string;
  text: string;
}

export type RendererName = 'kustomize' | 'helm' | 'plain';

/** One way to turn the `manifests` input into Kubernetes objects: chosen once, before anything runs. */
export interface ManifestRenderer {
  readonly name: RendererName;
  render(): Promise<RenderedSource[]>;
}
