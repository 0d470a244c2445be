import { isMap, isSeq, type YAMLMap } from 'yaml';
import { formatReference } from '../../image-ref.js';
import type { EditSession } from '../edit-session.js';
import type { ManifestDocument } from '../manifest-document.js';
import { stringAt } from '../yaml-source.js';
import type { ManifestEditor } from './editor.js';
import { writeVersionFields } from './version-fields.js';

type Part = 'registry' | 'repository' | 'tag' | 'digest';
// `image.name` is Image Updater's default name parameter; charts mostly say `image.repository`.
const PARTS: Record<string, Part> = {
  registry: 'registry',
  repository: 'repository',
  name: 'repository',
  tag: 'tag',
  digest: 'digest',
};
const IMAGE_NAME = /image/i;

interface Parameter {
  name: string;
  item: YAMLMap;
  value: unknown;
}

/**
 * Argo CD `helm.parameters` (of an Application / ApplicationSet source, or of a `.argocd-source*.yaml` override
 * file): `<prefix>.repository` (or `.name`, with `.registry`) naming the image sets `<prefix>.tag` and
 * `<prefix>.digest`; a parameter whose value is a whole reference to the image is rewritten in its spelling.
 */
export class ArgoCdHelmParametersEditor implements ManifestEditor {
  edit(manifest: ManifestDocument, session: EditSession): void {
    for (const source of manifest.argoSources()) {
      const list = source.getIn(['helm', 'parameters'], true);
      if (isSeq(list)) this.editParameters(manifest, parametersOf(list.items), session);
    }
  }

  private editParameters(manifest: ManifestDocument, parameters: Parameter[], session: EditSession): void {
    const groups = new Map<string, Partial<Record<Part, Parameter>>>();
    for (const parameter of parameters) {
      if (this.editWholeReference(manifest, parameter, session)) continue;
      const dot = parameter.name.lastIndexOf('.');
      const part = PARTS[parameter.name.slice(dot + 1)];
      if (!part) continue;
      const prefix = parameter.name.slice(0, Math.max(dot, 0));
      groups.set(prefix, { ...groups.get(prefix), [part]: parameter });
    }
    for (const [prefix, group] of groups) {
      const repository = group.repository && stringAt(group.repository.item, 'value');
      if (repository === undefined) {
        const version = group.tag ?? group.digest;
        if (version) session.noteUnattributed(version.item, version.name);
        continue;
      }
      const registry = group.registry && stringAt(group.registry.item, 'value');
      const name = registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
      if (!session.matches(name)) continue;
      const owner = (group.repository as Parameter).item;
      if (!group.tag && !group.digest) {
        const tagName = prefix ? `${prefix}.tag` : 'tag';
        session.warn(
          owner,
          `helm parameter ${group.repository?.name} names ${name}, but no ${tagName} parameter sets its version: not edited.`,
        );
        continue;
      }
      const before = {
        tag: group.tag && stringAt(group.tag.item, 'value'),
        digest: group.digest && stringAt(group.digest.item, 'value'),
      };
      const fields = { tag: group.tag?.value, digest: group.digest?.value };
      if (writeVersionFields(session, manifest.document, fields, owner, `the helm parameters for ${name}`)) {
        session.record(
          'argocd',
          owner,
          formatReference(name, { tag: before.tag, digest: before.digest || undefined }),
          formatReference(name, session.version),
        );
      }
    }
  }

  /** A parameter such as `image: ghcr.io/acme/api:1.0`; true when it names the image that way. */
  private editWholeReference(manifest: ManifestDocument, parameter: Parameter, session: EditSession): boolean {
    const text = stringAt(parameter.item, 'value');
    if (text === undefined || !/[:@]/.test(text)) return false;
    const ref = session.matches(text);
    if (!ref || !(ref.tag || ref.digest) || !(ref.spelledName.includes('/') || IMAGE_NAME.test(parameter.name))) {
      return false;
    }
    const next = ref.withVersion(session.version);
    if (session.setScalar(manifest.document, parameter.value, next))
      session.record('argocd', parameter.value, text, next);
    return true;
  }
}

function parametersOf(items: readonly unknown[]): Parameter[] {
  return items.filter(isMap).flatMap((item) => {
    const name = stringAt(item, 'name');
    return name !== undefined && item.has('value') ? [{ name, item, value: item.get('value', true) }] : [];
  });
}
