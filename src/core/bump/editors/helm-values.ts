import { type Document, isMap, visit, type YAMLMap } from 'yaml';
import { formatReference } from '../../image-ref.js';
import type { EditSession } from '../edit-session.js';
import type { ManifestDocument } from '../manifest-document.js';
import { stringAt } from '../yaml-source.js';
import type { ManifestEditor } from './editor.js';

/**
 * Helm values (values files, a Flux HelmRelease's `spec.values`, an Argo CD Application's `helm.valuesObject`):
 * mappings whose `registry` + `repository` name the image. Only keys that exist are written: `tag` always,
 * `digest` where the chart has one; without one, a digest goes into `tag` as `tag@digest`.
 */
export class HelmValuesEditor implements ManifestEditor {
  edit(manifest: ManifestDocument, session: EditSession): void {
    for (const values of valuesRoots(manifest)) {
      visit(values, {
        Map(_, map) {
          updateImageMapping(manifest.document, map, session);
        },
      });
    }
  }
}

function updateImageMapping(document: Document.Parsed, map: YAMLMap, session: EditSession): void {
  const repository = stringAt(map, 'repository');
  if (repository === undefined) return;
  const registry = stringAt(map, 'registry');
  const name = registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
  if (!session.matches(name)) return;
  const before = { tag: stringAt(map, 'tag'), digest: stringAt(map, 'digest') || undefined };
  const { tag, digest } = session.version;
  const hasDigestKey = map.has('digest');
  let changed = false;
  if (hasDigestKey) {
    changed = session.setScalar(document, map.get('digest', true), digest ?? '') || changed;
    if (tag !== undefined && map.has('tag'))
      changed = session.setScalar(document, map.get('tag', true), tag) || changed;
  } else {
    if (!map.has('tag')) throw session.source.errorAt(map, `the values for ${name} have no "tag" key to update.`);
    if (tag === undefined) {
      throw session.source.errorAt(
        map,
        `the values for ${name} have no "digest" key: add one, or pin "tag" or "tag+digest".`,
      );
    }
    changed = session.setScalar(document, map.get('tag', true), formatReference(tag, { digest }));
  }
  if (changed)
    session.record('helm-values', map, formatReference(name, before), formatReference(name, session.version));
}

function valuesRoots(manifest: ManifestDocument): YAMLMap[] {
  if (manifest.isHelmValues) return [manifest.root as YAMLMap];
  const roots: unknown[] = [];
  if (manifest.is('helm.toolkit.fluxcd.io', 'HelmRelease')) roots.push(manifest.at('spec', 'values'));
  for (const source of manifest.argoSources()) roots.push(source.getIn(['helm', 'valuesObject'], true));
  return roots.filter(isMap);
}
