import { isMap, isScalar, isSeq, visit } from 'yaml';
import type { EditSession } from '../edit-session.js';
import type { ManifestDocument } from '../manifest-document.js';
import type { ManifestEditor } from './editor.js';

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
// Their contents are data, whatever keys they hold.
const DATA_KINDS = new Set(['ConfigMap', 'Secret']);

/** `image` of every item of containers / initContainers / ephemeralContainers, at any depth of any workload. */
export class WorkloadContainersEditor implements ManifestEditor {
  edit(manifest: ManifestDocument, session: EditSession): void {
    if (manifest.isKustomization || (manifest.kind && DATA_KINDS.has(manifest.kind))) return;
    const document = manifest.document;
    visit(document, {
      Pair(_, pair) {
        if (!isScalar(pair.key) || !CONTAINER_LISTS.has(String(pair.key.value)) || !isSeq(pair.value)) return;
        for (const container of pair.value.items) {
          if (!isMap(container)) continue;
          const imageNode = container.get('image', true);
          const scalar = session.source.scalarOf(document, imageNode);
          if (typeof scalar?.value !== 'string') continue;
          const ref = session.matches(scalar.value);
          if (!ref) continue;
          const next = ref.withVersion(session.version);
          if (session.setScalar(document, imageNode, next)) session.record('workload', scalar, scalar.value, next);
        }
      },
    });
  }
}
