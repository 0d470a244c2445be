import type { EditSession } from '../edit-session.js';
import type { ManifestDocument } from '../manifest-document.js';

/** One way a manifest names an image (kustomize images, container specs, Helm values, Argo CD). */
export interface ManifestEditor {
  edit(manifest: ManifestDocument, session: EditSession): void;
}
