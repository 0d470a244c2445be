import { isMap, type YAMLSeq } from 'yaml';
import { formatReference } from '../../image-ref.js';
import type { EditSession } from '../edit-session.js';
import type { ManifestDocument } from '../manifest-document.js';
import { stringAt } from '../yaml-source.js';
import type { ManifestEditor } from './editor.js';

/**
 * `images:` entries of a kustomization (and of a Flux Kustomization's spec), matched on their effective
 * name (`newName`, else `name`). Like `kustomize edit set image`, pinning a tag drops `digest` and vice versa.
 */
export class KustomizeImagesEditor implements ManifestEditor {
  edit(manifest: ManifestDocument, session: EditSession): void {
    for (const images of imageLists(manifest)) {
      for (const entry of images.items) {
        if (!isMap(entry)) continue;
        const name = stringAt(entry, 'newName') ?? stringAt(entry, 'name');
        if (name === undefined || !session.matches(name)) continue;
        const before = { tag: stringAt(entry, 'newTag'), digest: stringAt(entry, 'digest') };
        const { tag, digest } = session.version;
        const document = manifest.document;
        const tagChanged = session.setOrRemoveKey(document, entry, 'newTag', tag);
        const digestChanged = session.setOrRemoveKey(document, entry, 'digest', digest);
        if (tagChanged || digestChanged) {
          session.record('kustomize', entry, formatReference(name, before), formatReference(name, session.version));
        }
      }
    }
  }
}

function imageLists(manifest: ManifestDocument): YAMLSeq[] {
  const lists = [];
  if (manifest.isKustomization) lists.push(manifest.seqAt('images'));
  if (manifest.is('kustomize.toolkit.fluxcd.io', 'Kustomization')) lists.push(manifest.seqAt('spec', 'images'));
  return lists.filter((list): list is YAMLSeq => list !== undefined);
}
