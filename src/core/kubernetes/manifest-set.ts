import { isMap, stringify } from 'yaml';
import { YamlSource } from '../bump/yaml-source.js';
import { UserError } from '../errors.js';
import { ImageRef } from '../image-ref.js';
import type { KubeObject } from './kube-object.js';
import type { RenderedSource } from './renderers/renderer.js';

/** Where this action records what it deployed, on each object's own metadata (never on pod templates). */
export const ANNOTATIONS = {
  commit: 'gitops-delivery-actions/commit',
  runUrl: 'gitops-delivery-actions/run-url',
  imageDigests: 'gitops-delivery-actions/image-digests',
} as const;

/** The label that scopes prune: only objects carrying it, with this set's name, can ever be deleted. */
export const APPLY_SET_LABEL = 'gitops-delivery-actions/apply-set';

// An annotation value is kept well below the API server's 256 KiB budget for all annotations together.
export const MAX_ANNOTATION_CHARS = 1024;

export interface DeliveryRecord {
  commit?: string;
  runUrl?: string;
}

/** The rendered objects, checked to be Kubernetes objects, ready to be marked and written as one file. */
export class ManifestSet {
  private constructor(readonly objects: KubeObject[]) {}

  /** Parses rendered text; any document that is not YAML or not an object fails with its origin and line. */
  static parse(sources: readonly RenderedSource[]): ManifestSet {
    const objects: KubeObject[] = [];
    for (const source of sources) {
      const yaml = new YamlSource(source.origin, source.text);
      for (const document of yaml.documents) {
        if (document.contents === null) continue;
        const line = document.contents.range ? yaml.lineOf(document.contents.range[0]) : undefined;
        const where = `${source.origin}${line ? `:${line}` : ''}`;
        const value = document.toJS({ maxAliasCount: 100 }) as unknown;
        if (!isMap(document.contents))
          throw new UserError(`${where}: a manifest document must be a mapping.`, { file: source.origin, line });
        for (const object of flattenList(value as KubeObject))
          objects.push(checked(object, where, source.origin, line));
      }
    }
    if (objects.length === 0) throw new UserError('The manifests render to no Kubernetes object.');
    return new ManifestSet(objects);
  }

  /** Adds the commit, the run URL and the digests of the images each object runs. */
  annotate(record: DeliveryRecord): void {
    for (const object of this.objects) {
      const digests = boundedList(imageDigestsOf(object), MAX_ANNOTATION_CHARS);
      const annotations = {
        ...(record.commit ? { [ANNOTATIONS.commit]: record.commit } : {}),
        ...(record.runUrl ? { [ANNOTATIONS.runUrl]: record.runUrl.slice(0, MAX_ANNOTATION_CHARS) } : {}),
        ...(digests ? { [ANNOTATIONS.imageDigests]: digests } : {}),
      };
      if (Object.keys(annotations).length > 0)
        object.metadata.annotations = { ...object.metadata.annotations, ...annotations };
    }
  }

  label(key: string, value: string): void {
    for (const object of this.objects) object.metadata.labels = { ...object.metadata.labels, [key]: value };
  }

  toYaml(): string {
    return this.objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n');
  }
}

function flattenList(value: KubeObject): KubeObject[] {
  return value.kind === 'List' && Array.isArray(value.items) ? (value.items as KubeObject[]) : [value];
}

function checked(object: KubeObject, where: string, file: string, line: number | undefined): KubeObject {
  const missing = [
    typeof object.apiVersion === 'string' && object.apiVersion ? undefined : 'apiVersion',
    typeof object.kind === 'string' && object.kind ? undefined : 'kind',
    typeof object.metadata?.name === 'string' && object.metadata.name ? undefined : 'metadata.name',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new UserError(`${where}: not a Kubernetes object: it has no ${missing.join(', ')}.`, { file, line });
  }
  return object;
}

/** `repo@sha256:...` of every container image the object runs that is pinned by digest. */
export function imageDigestsOf(object: KubeObject): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const image = (item as { image?: unknown } | null)?.image;
        if ((key === 'containers' || key === 'initContainers') && typeof image === 'string') {
          const ref = ImageRef.tryParse(image);
          if (ref?.digest) found.add(`${ref.spelledName}@${ref.digest}`);
        }
        visit(item);
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
    }
  };
  visit(object.spec);
  return [...found];
}

/** Comma-separated items that fit in `limit` characters, with how many were left out. */
export function boundedList(items: readonly string[], limit: number): string {
  let text = '';
  for (const [index, item] of items.entries()) {
    const next = text ? `${text},${item}` : item;
    const rest = items.length - index - 1;
    if (next.length + (rest > 0 ? ` (+${rest} more)`.length : 0) > limit)
      return `${text} (+${items.length - index} more)`;
    text = next;
  }
  return text;
}
