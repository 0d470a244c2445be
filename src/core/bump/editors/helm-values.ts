import { type Document, isMap, isPair, isScalar, isSeq, type Scalar, visit, type YAMLMap } from 'yaml';
import { formatReference } from '../../image-ref.js';
import { EditSession } from '../edit-session.js';
import type { ManifestDocument } from '../manifest-document.js';
import { EmbeddedYamlSource, stringAt } from '../yaml-source.js';
import type { ManifestEditor } from './editor.js';
import { writeVersionFields } from './version-fields.js';

// Keys whose string holds only a repository: the mapping around them is edited as a whole.
const NAME_ONLY_KEYS = new Set(['repository', 'registry']);
// A string with a tag but without a "/" (`redis:6379`) is read as an image only under a key that says so.
const IMAGE_KEY = /image/i;

/**
 * Helm values (values files, a Flux HelmRelease's `spec.values`, an Argo CD source's `helm.valuesObject` and
 * `helm.values` block string): mappings whose `registry` + `repository` name the image (only keys that exist are
 * written: `tag` always, `digest` where the chart has one; without one, a digest goes into `tag` as `tag@digest`),
 * and strings that are a whole reference to the image (`image: ghcr.io/acme/api:1.4.1`).
 */
export class HelmValuesEditor implements ManifestEditor {
  edit(manifest: ManifestDocument, session: EditSession): void {
    for (const values of valuesRoots(manifest)) editValues(manifest.document, values, session);
    for (const source of manifest.argoSources()) editValuesString(manifest.document, source, session);
  }
}

/** Edits every reference to the image in one values tree. */
export function editValues(document: Document.Parsed, values: YAMLMap, session: EditSession): void {
  const needle = session.target.image.path.split('/').at(-1) as string;
  visit(values, {
    Map(_, map, path) {
      updateImageMapping(document, map, session, () => ({ values, keys: keyPath(path) }));
    },
    Scalar(key, scalar, path) {
      if (key === 'key' || typeof scalar.value !== 'string' || !scalar.value.includes(needle)) return;
      updateImageString(document, scalar, ownerKey(key, path), session);
    },
  });
}

interface MappingPlace {
  values: YAMLMap;
  keys: string[];
}

function updateImageMapping(
  document: Document.Parsed,
  map: YAMLMap,
  session: EditSession,
  place: () => MappingPlace,
): void {
  const repository = stringAt(map, 'repository');
  if (repository === undefined) return;
  const registry = stringAt(map, 'registry');
  const name = registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
  if (!session.matches(name)) return;
  const tagNode = map.get('tag', true);
  const shared = sharedTagProblem(place(), session.version.tag);
  if (shared) throw session.refuse(tagNode ?? map, shared);
  const before = { tag: stringAt(map, 'tag'), digest: stringAt(map, 'digest') || undefined };
  const fields = { tag: tagNode, digest: map.has('digest') ? map.get('digest', true) : undefined };
  if (writeVersionFields(session, document, fields, map, `the values for ${name}`)) {
    session.record('helm-values', map, formatReference(name, before), formatReference(name, session.version));
  }
}

function updateImageString(document: Document.Parsed, scalar: Scalar, key: string, session: EditSession): void {
  if (NAME_ONLY_KEYS.has(key)) return;
  const text = scalar.value as string;
  const ref = session.matches(text);
  if (!ref || !(ref.spelledName.includes('/') || IMAGE_KEY.test(key))) return;
  if (!ref.tag && !ref.digest) {
    session.warn(
      scalar,
      `"${key}" names ${ref.spelledName} without a tag or digest, so its version is kept under another key: name that key with image-keys.`,
    );
    return;
  }
  const next = ref.withVersion(session.version);
  if (session.setScalar(document, scalar, next)) session.record('helm-values', scalar, text, next);
}

/** Argo CD `helm.values`: values as one string; a literal block is edited line by line, anything else is reported. */
function editValuesString(document: Document.Parsed, source: YAMLMap, session: EditSession): void {
  const node = source.getIn(['helm', 'values'], true);
  const scalar = session.source.scalarOf(document, node);
  const needle = session.target.image.path.split('/').at(-1) as string;
  if (typeof scalar?.value !== 'string' || !scalar.value.includes(needle)) return;
  const embedded = EmbeddedYamlSource.fromBlock(session.source, scalar);
  if (typeof embedded === 'string') {
    session.warn(scalar, `helm.values may name ${session.target.image.spelledName}, but ${embedded}: not edited.`);
    return;
  }
  const inner = new EditSession(embedded, session.target, session.displayPath);
  for (const values of embedded.documents) {
    if (isMap(values.contents)) editValues(values, values.contents, inner);
  }
  session.adopt(inner, embedded);
}

function valuesRoots(manifest: ManifestDocument): YAMLMap[] {
  if (manifest.isHelmValues) return [manifest.root as YAMLMap];
  const roots: unknown[] = [];
  if (manifest.is('helm.toolkit.fluxcd.io', 'HelmRelease')) roots.push(manifest.at('spec', 'values'));
  for (const source of manifest.argoSources()) roots.push(source.getIn(['helm', 'valuesObject'], true));
  return roots.filter(isMap);
}

/** The keys from the values root down to the node a visitor is at. */
function keyPath(path: readonly unknown[]): string[] {
  return path.filter(isPair).map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
}

/** The key a scalar is the value of, or for a list item, the key of its list. */
function ownerKey(key: number | 'key' | 'value' | null, path: readonly unknown[]): string {
  const pairs = path.filter(isPair);
  const pair = pairs.at(-1);
  if (key === 'value' || (typeof key === 'number' && isSeq(pair?.value))) {
    return String(isScalar(pair?.key) ? pair.key.value : '');
  }
  return '';
}

/**
 * Charts like the OpenTelemetry demo's build each component's image from one shared default
 * (`default.image.tag`, suffixed `-<component>`) unless the component's `imageOverride` sets its own tag.
 * Writing one image's version there changes every other component, so it is refused, with why.
 */
function sharedTagProblem(place: MappingPlace, tag: string | undefined): string | undefined {
  for (const pair of place.values.items) {
    const group = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (!isMap(pair.value) || place.keys[0] === group) continue;
    const components = pair.value.items.filter((item) => isMap(item.value));
    if (!components.some((item) => (item.value as YAMLMap).has('imageOverride'))) continue;
    const sharing = components
      .filter((item) => !hasOwnTag(item.value as YAMLMap))
      .map((item) => String(isScalar(item.key) ? item.key.value : item.key));
    const suffixed = sharing.find((component) => tag?.endsWith(`-${component}`));
    if (sharing.length < 2 && !suffixed) continue;
    const where = [...place.keys, 'tag'].join('.');
    const examples = sharing.slice(0, 3).join(', ') + (sharing.length > 3 ? ', ...' : '');
    const why = suffixed
      ? `the chart appends "-${suffixed}" to it, so "${tag}" does not belong there`
      : `writing "${tag ?? ''}" there would change all of them`;
    return `${where} is the tag shared by ${sharing.length} components of ${group} (${examples}); ${why}. Set ${group}.${suffixed ?? '<component>'}.imageOverride.tag instead.`;
  }
  return undefined;
}

function hasOwnTag(component: YAMLMap): boolean {
  const override = component.get('imageOverride');
  return isMap(override) && stringAt(override, 'tag') !== undefined;
}
