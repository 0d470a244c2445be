/** A Kubernetes object as JSON: what kubectl prints with `-o json` and what a manifest document holds. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Which object: what the `applied` output lists and what kubectl is pointed at. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export function refOf(object: KubeObject): ObjectRef {
  const { apiVersion, kind } = object;
  const { name, namespace } = object.metadata;
  return namespace ? { apiVersion, kind, namespace, name } : { apiVersion, kind, name };
}

/** `Deployment/shop/web` (`Namespace/shop` when cluster-scoped): one line of a list output. */
export function objectPath(ref: ObjectRef): string {
  return [ref.kind, ref.namespace, ref.name].filter(Boolean).join('/');
}

/** `Deployment web -n shop`, for logs and summaries. */
export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return (
    groupOf(a.apiVersion) === groupOf(b.apiVersion) &&
    a.kind === b.kind &&
    a.name === b.name &&
    (a.namespace ?? '') === (b.namespace ?? '')
  );
}

/** `apps` of `apps/v1`; '' for the core group. */
export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? (apiVersion.split('/')[0] as string) : '';
}

/** The smallest document that names an object, for `kubectl get -f`. */
export function refDocument(ref: ObjectRef): KubeObject {
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
  };
}

/** A key that tells objects apart across API versions of the same group. */
export function refKey(ref: ObjectRef): string {
  return `${groupOf(ref.apiVersion)}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

/** `apps/Deployment`, `/ConfigMap`: a kind with its group, whatever the version. */
export function groupKind(apiVersion: string, kind: string): string {
  return `${groupOf(apiVersion)}/${kind}`;
}

/** The `group/Kind`s the CustomResourceDefinitions among `objects` define. */
export function kindsDefinedBy(objects: readonly KubeObject[]): Set<string> {
  const kinds = new Set<string>();
  for (const object of objects) {
    if (object.kind !== 'CustomResourceDefinition') continue;
    const spec = object.spec as { group?: unknown; names?: { kind?: unknown } } | undefined;
    if (typeof spec?.group === 'string' && typeof spec.names?.kind === 'string')
      kinds.add(`${spec.group}/${spec.names.kind}`);
  }
  return kinds;
}
