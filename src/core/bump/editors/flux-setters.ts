import { type Scalar, visit } from 'yaml';
import type { EditSession } from '../edit-session.js';
import { setterPart, type SetterPart } from '../image-policy.js';
import type { ManifestDocument } from '../manifest-document.js';
import type { ManifestEditor } from './editor.js';

/** The token Flux screens files by before parsing them. */
export const SETTER_TOKEN = '"$imagepolicy"';
const LINE_COMMENT = /^[ \t]+#([^\r\n]*)/;

/**
 * Flux image-automation setters: a field whose line ends in `# {"$imagepolicy": "<ns>:<name>"}` gets the whole
 * reference; `<ns>:<name>:name`, `:tag` and `:digest` get only that part. Fields marked for another policy and
 * unmarked fields stay, whatever they name; the marker stays as written.
 */
export class FluxSetterEditor implements ManifestEditor {
  edit(manifest: ManifestDocument, session: EditSession): void {
    const policy = session.target.imagePolicy;
    if (!policy) return;
    visit(manifest.document, {
      Scalar(key, scalar) {
        if (key === 'key' || scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') return;
        const setter = markerOn(session.source.text, scalar);
        const part = setter === undefined ? undefined : setterPart(setter, policy);
        if (part === undefined) return;
        session.references++;
        const next = valueFor(part, session, scalar);
        if (session.setScalar(manifest.document, scalar, next)) {
          session.record('flux-setter', scalar, String(scalar.value), next);
        }
      },
    });
  }
}

/** The setter a scalar's line comment names, read as kyaml does: the comment must be a JSON object of strings. */
function markerOn(text: string, scalar: Scalar): string | undefined {
  const end = scalar.range?.[1];
  if (end === undefined) return undefined;
  const comment = LINE_COMMENT.exec(text.slice(end, text.indexOf('\n', end) >>> 0))?.[1];
  if (comment === undefined || !comment.includes(SETTER_TOKEN)) return undefined;
  try {
    const marker: unknown = JSON.parse(comment.replace(/^#+/, ''));
    if (typeof marker !== 'object' || marker === null || Array.isArray(marker)) return undefined;
    if (!Object.values(marker).every((value) => typeof value === 'string')) return undefined;
    return (marker as Record<string, string>)['$imagepolicy'] || undefined;
  } catch {
    return undefined;
  }
}

function valueFor(part: SetterPart, session: EditSession, scalar: Scalar): string {
  const image = session.target.image;
  if (part === 'image') return image.withVersion(session.version);
  if (part === 'name') return image.spelledName;
  const value = image[part];
  if (value === undefined) {
    throw session.refuse(scalar, `this field's marker asks for the image's ${part}, but the image reference has none.`);
  }
  return value;
}
