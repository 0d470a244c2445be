/** A Package URL (`pkg:type/namespace/name@version?qualifiers#subpath`), parsed enough to match packages. */
export interface PackageUrl {
  type: string;
  namespace: string;
  name: string;
  version: string;
  qualifiers: Map<string, string>;
  subpath: string;
}

/** Parses a Package URL; undefined when the text is not one. */
export function parsePackageUrl(text: string): PackageUrl | undefined {
  if (!/^pkg:/i.test(text)) return undefined;
  let rest = text.slice(4).replace(/^\/+/, '');
  let subpath = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    subpath = rest.slice(hash + 1).replace(/^\/+|\/+$/g, '');
    rest = rest.slice(0, hash);
  }
  const qualifiers = new Map<string, string>();
  const question = rest.indexOf('?');
  if (question >= 0) {
    for (const pair of rest.slice(question + 1).split('&')) {
      const equals = pair.indexOf('=');
      if (equals > 0) qualifiers.set(pair.slice(0, equals).toLowerCase(), decode(pair.slice(equals + 1)));
    }
    rest = rest.slice(0, question);
  }
  let version = '';
  const at = rest.lastIndexOf('@');
  if (at > rest.lastIndexOf('/')) {
    version = decode(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const segments = rest.replace(/\/+$/, '').split('/');
  if (segments.length < 2 || segments.some((segment) => segment === '')) return undefined;
  return {
    type: (segments[0] as string).toLowerCase(),
    namespace: segments.slice(1, -1).map(decode).join('/'),
    name: decode(segments[segments.length - 1] as string),
    version,
    qualifiers,
    subpath: decode(subpath),
  };
}

/**
 * Whether `target` is one of the packages `constraint` names, as trivy's ignore files match: type, namespace and name
 * must agree; version and subpath only when the constraint has them; the constraint's qualifiers must all be in the target.
 */
export function packageUrlMatches(constraint: PackageUrl, target: PackageUrl): boolean {
  if (constraint.type !== target.type || constraint.namespace !== target.namespace) return false;
  if (constraint.name !== target.name) return false;
  if (constraint.version && constraint.version !== target.version) return false;
  if (constraint.subpath && constraint.subpath !== target.subpath) return false;
  return [...constraint.qualifiers].every(([key, value]) => target.qualifiers.get(key) === value);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
