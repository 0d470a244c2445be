import * as path from 'node:path';
import { type Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { stringAt } from './yaml-source.js';

const KUSTOMIZATION_FILE = /^(?:kustomization\.ya?ml|Kustomization)$/;
/** The parameter override files Argo CD reads beside an app's source (and Image Updater writes back). */
export const ARGOCD_SOURCE_FILE = /^\.argocd-source(?:-[^/]+)?\.ya?ml$/;

/** One YAML document with the facts the editors choose by: its kind, API group and file name. */
export class ManifestDocument {
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;

  constructor(
    readonly document: Document.Parsed,
    readonly file: string,
  ) {
    this.apiVersion = stringAt(document.contents, 'apiVersion');
    this.kind = stringAt(document.contents, 'kind');
  }

  get root(): YAMLMap | undefined {
    return isMap(this.document.contents) ? this.document.contents : undefined;
  }

  get group(): string | undefined {
    return this.apiVersion?.includes('/') ? this.apiVersion.split('/')[0] : undefined;
  }

  /** A kustomize kustomization: by apiVersion, or by file name when it declares no kind. */
  get isKustomization(): boolean {
    if (this.group === 'kustomize.config.k8s.io') return true;
    return this.kind === undefined && KUSTOMIZATION_FILE.test(path.basename(this.file));
  }

  /** `.argocd-source[-<app>].yaml`: one Application source's overrides (`kustomize`, `helm`) at the root. */
  get isArgoCdSourceOverride(): boolean {
    return this.kind === undefined && ARGOCD_SOURCE_FILE.test(path.basename(this.file));
  }

  /** A plain Helm values file: a mapping that is neither a Kubernetes object nor a kustomization. */
  get isHelmValues(): boolean {
    return (
      this.root !== undefined &&
      this.kind === undefined &&
      this.apiVersion === undefined &&
      !this.isKustomization &&
      !this.isArgoCdSourceOverride
    );
  }

  is(group: string, ...kinds: string[]): boolean {
    return this.group === group && this.kind !== undefined && kinds.includes(this.kind);
  }

  /** The node at a path of keys, or undefined. */
  at(...keys: string[]): unknown {
    return this.root?.getIn(keys, true);
  }

  mapAt(...keys: string[]): YAMLMap | undefined {
    const node = this.at(...keys);
    return isMap(node) ? node : undefined;
  }

  seqAt(...keys: string[]): YAMLSeq | undefined {
    const node = this.at(...keys);
    return isSeq(node) ? node : undefined;
  }

  /**
   * `spec.source` and each of `spec.sources` of an Argo CD Application (or an ApplicationSet's template), or the
   * root of a parameter override file.
   */
  argoSources(): YAMLMap[] {
    if (this.isArgoCdSourceOverride) return this.root ? [this.root] : [];
    const spec = this.is('argoproj.io', 'Application')
      ? this.mapAt('spec')
      : this.is('argoproj.io', 'ApplicationSet')
        ? this.mapAt('spec', 'template', 'spec')
        : undefined;
    if (!spec) return [];
    const many = spec.get('sources', true);
    return [spec.get('source', true), ...(isSeq(many) ? many.items : [])].filter(isMap);
  }
}
