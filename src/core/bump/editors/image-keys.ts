import { type Document, isMap, isSeq, type YAMLMap } from 'yaml';
import { formatReference } from '../../image-ref.js';
import type { EditSession } from '../edit-session.js';
import { type ImageKeyRule, type ImagePart, rulesFor } from '../image-keys.js';
import type { ManifestDocument } from '../manifest-document.js';
import { stringAt } from '../yaml-source.js';
import type { ManifestEditor } from './editor.js';
import { writeVersionFields } from './version-fields.js';

/**
 * The keys `image-keys` names, for custom values layouts (`api.image.name` + `api.image.version`), as Image
 * Updater's `helm.image-name` / `helm.image-tag` and Kargo's key paths do. A rule with a repository key applies
 * where that key names the image; a rule without one applies wherever its tag or digest key is.
 */
export class ImageKeysEditor implements ManifestEditor {
  edit(manifest: ManifestDocument, session: EditSession): void {
    const rules = rulesFor(session.target.imageKeys, session.displayPath);
    if (rules.length === 0 || !manifest.root) return;
    for (const rule of rules) applyRule(manifest, manifest.root, rule, session);
  }
}

function applyRule(manifest: ManifestDocument, root: YAMLMap, rule: ImageKeyRule, session: EditSession): void {
  const document = manifest.document;
  const find = (part: ImagePart) => {
    const keys = rule.keys[part];
    return keys && (findKey(document, root, keys, session) ?? findParameter(manifest, keys.join('.')));
  };
  const nodes = { repository: find('repository'), tag: find('tag'), digest: find('digest') };
  let name = session.target.image.spelledName;
  if (rule.keys.repository) {
    const repository = session.source.scalarOf(document, nodes.repository)?.value;
    if (typeof repository !== 'string' || !session.matches(repository)) return;
    name = repository;
  } else if (nodes.tag === undefined && nodes.digest === undefined) {
    return;
  } else {
    session.references++;
  }
  for (const part of ['tag', 'digest'] as const) {
    if (rule.keys[part] && nodes[part] === undefined) {
      throw session.refuse(
        nodes.repository ?? nodes.tag ?? nodes.digest,
        `image-keys "${rule.text}": the ${part} key ${rule.keys[part]?.join('.')} is missing here.`,
      );
    }
  }
  session.usedKeyRules.add(rule);
  const text = (node: unknown) => {
    const value = session.source.scalarOf(document, node)?.value;
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const before = { tag: text(nodes.tag), digest: text(nodes.digest) };
  const owner = nodes.repository ?? nodes.tag ?? nodes.digest;
  if (writeVersionFields(session, document, nodes, owner, `the keys of image-keys "${rule.text}"`)) {
    session.record('image-keys', owner, formatReference(name, before), formatReference(name, session.version));
  }
}

/** The value node at a key path (digits index lists), or undefined. */
function findKey(document: Document.Parsed, root: YAMLMap, keys: readonly string[], session: EditSession): unknown {
  const node = root.getIn(keys, true);
  return node !== undefined && session.source.scalarOf(document, node) ? node : undefined;
}

/** The value node of an Argo CD helm parameter of that name, in any source of the document. */
function findParameter(manifest: ManifestDocument, name: string): unknown {
  for (const source of manifest.argoSources()) {
    const list = source.getIn(['helm', 'parameters'], true);
    if (!isSeq(list)) continue;
    const parameter = list.items.find((item) => isMap(item) && stringAt(item, 'name') === name);
    if (isMap(parameter)) return parameter.get('value', true);
  }
  return undefined;
}
