import type { Document } from 'yaml';
import { formatReference } from '../../image-ref.js';
import type { EditSession } from '../edit-session.js';

/** The value nodes that hold an image's tag and digest in a layout that keeps them apart from its name. */
export interface VersionFields {
  tag?: unknown;
  digest?: unknown;
}

/**
 * Writes the pinned version the way charts read split fields: `digest` always where there is one (emptied
 * when the pin has none), `tag` where the pin has one; without a digest field, a digest goes into the tag
 * as `tag@digest`. `owner` and `what` place and name the layout in a refusal. Returns whether anything changed.
 */
export function writeVersionFields(
  session: EditSession,
  document: Document.Parsed,
  fields: VersionFields,
  owner: unknown,
  what: string,
): boolean {
  const { tag, digest } = session.version;
  if (fields.digest !== undefined) {
    const digestChanged = session.setScalar(document, fields.digest, digest ?? '');
    const tagChanged = tag !== undefined && fields.tag !== undefined && session.setScalar(document, fields.tag, tag);
    return digestChanged || tagChanged;
  }
  if (fields.tag === undefined) throw session.refuse(owner, `${what} have no "tag" key to update.`);
  if (tag === undefined) {
    throw session.refuse(owner, `${what} have no "digest" key: add one, or pin "tag" or "tag+digest".`);
  }
  return session.setScalar(document, fields.tag, formatReference(tag, { digest }));
}
