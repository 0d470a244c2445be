import { isScalar, isSeq } from 'yaml';
import type { EditSession } from '../edit-session.js';
import type { ManifestDocument } from '../manifest-document.js';
import type { ManifestEditor } from './editor.js';

/**
 * Argo CD `spec.source(s).kustomize.images`: strings `[name=]image[:tag][@digest]`, matched on the
 * image they set (after `=`), rewritten with the `name=` prefix and the spelling kept.
 */
export class ArgoCdKustomizeImagesEditor implements ManifestEditor {
  edit(manifest: ManifestDocument, session: EditSession): void {
    for (const source of manifest.argoSources()) {
      const images = source.getIn(['kustomize', 'images'], true);
      if (!isSeq(images)) continue;
      for (const item of images.items) {
        const scalar = session.source.scalarOf(manifest.document, item);
        if (!isScalar(scalar) || typeof scalar.value !== 'string') continue;
        const equals = scalar.value.indexOf('=');
        const prefix = equals >= 0 ? scalar.value.slice(0, equals + 1) : '';
        const ref = session.matches(scalar.value.slice(prefix.length));
        if (!ref) continue;
        const next = prefix + ref.withVersion(session.version);
        if (session.setScalar(manifest.document, item, next)) session.record('argocd', scalar, scalar.value, next);
      }
    }
  }
}
