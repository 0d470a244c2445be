/**
 * OpenAPI v3 documents derived mechanically from the recorded v2 document. The recorded server (1.21) predates v3,
 * and kubectl reads v2 only as protobuf; kubectl 1.27+ asks v3 first whether the server validates fields itself.
 * Each write operation here declares `fieldValidation`, which this double implements (see field-validation.ts).
 */
import { type ApiResource, groupVersionOf } from './discovery.js';
import { isObject, type JsonObject } from './object-tree.js';

interface V2Parameter {
  name: string;
  in: string;
  description?: string;
  required?: boolean;
  type?: string;
  uniqueItems?: boolean;
  schema?: unknown;
  $ref?: string;
}

const WRITE_METHODS = new Set(['patch', 'post', 'put']);
const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
  'application/json',
];

export class OpenApiV3 {
  private readonly pathsByGroupVersion = new Map<string, Map<string, JsonObject>>();
  private readonly documents = new Map<string, JsonObject>();

  constructor(private readonly v2: JsonObject) {
    for (const [pathname, item] of Object.entries(v2.paths as Record<string, JsonObject>)) {
      const groupVersion = /^\/(api\/v1|apis\/[^/]+\/[^/]+)\//.exec(pathname)?.[1];
      if (!groupVersion) continue;
      const paths = this.pathsByGroupVersion.get(groupVersion) ?? new Map<string, JsonObject>();
      paths.set(pathname, item);
      this.pathsByGroupVersion.set(groupVersion, paths);
    }
  }

  /**
   * What the API server publishes once a CRD is stored: the resource's paths (list, object, status) in its group
   * version's document, referring to the schema Discovery added under `definition`.
   */
  addCustomResource(resource: ApiResource, definition: string): void {
    const groupVersion = `apis/${groupVersionOf(resource)}`;
    const paths = this.pathsByGroupVersion.get(groupVersion) ?? new Map<string, JsonObject>();
    const gvk = { group: resource.group, version: resource.version, kind: resource.kind };
    const reference = (name: string) => ({ $ref: `#/definitions/${name}` });
    const operation = (action: string, schema: string, body = false): JsonObject => ({
      operationId: `${action}${resource.kind}`,
      consumes: body ? PATCH_TYPES : ['*/*'],
      produces: ['application/json', 'application/yaml'],
      parameters: body ? [{ name: 'body', in: 'body', required: true, schema: { type: 'object' } }] : [],
      responses: { '200': { description: 'OK', schema: reference(schema) } },
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
    });
    const scope = resource.namespaced ? `namespaces/{namespace}/` : '';
    const base = `/${groupVersion}/${scope}${resource.name}`;
    paths.set(base, { get: operation('list', `${definition}List`), post: operation('post', definition, true) });
    const object = {
      get: operation('get', definition),
      put: operation('put', definition, true),
      patch: operation('patch', definition, true),
      delete: operation('delete', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status'),
    };
    paths.set(`${base}/{name}`, object);
    if (resource.subresources.has('status')) {
      paths.set(`${base}/{name}/status`, { get: object.get, put: object.put, patch: object.patch });
    }
    this.pathsByGroupVersion.set(groupVersion, paths);
    this.documents.delete(groupVersion);
  }

  /** `/openapi/v3`: where each group version's document is. */
  root(): JsonObject {
    // kubectl caches each document by its hash: a group version that gains paths gets a new one.
    const paths = [...this.pathsByGroupVersion].map(([groupVersion, items]) => [
      groupVersion,
      { serverRelativeURL: `/openapi/v3/${groupVersion}?hash=derived-from-v2-${items.size}` },
    ]);
    return { paths: Object.fromEntries(paths) };
  }

  /** `/openapi/v3/apis/apps/v1` and the like, or undefined for a group version the server lacks. */
  document(groupVersion: string): JsonObject | undefined {
    const paths = this.pathsByGroupVersion.get(groupVersion);
    if (!paths) return undefined;
    let document = this.documents.get(groupVersion);
    if (!document) {
      document = this.derive(paths);
      this.documents.set(groupVersion, document);
    }
    return document;
  }

  private derive(paths: Map<string, JsonObject>): JsonObject {
    const derivedPaths: Record<string, JsonObject> = {};
    for (const [pathname, item] of paths) {
      const derived: JsonObject = {};
      for (const [method, value] of Object.entries(item)) {
        derived[method] =
          method === 'parameters' ? (value as V2Parameter[]).map(parameter) : operation(method, value as JsonObject);
      }
      derivedPaths[pathname] = derived;
    }
    const definitions = this.v2.definitions as Record<string, unknown>;
    const names = new Set<string>();
    collectReferences([...paths.values()], definitions, names);
    const schemas = Object.fromEntries([...names].sort().map((name) => [name, rewriteReferences(definitions[name])]));
    return { openapi: '3.0.0', info: this.v2.info, paths: derivedPaths, components: { schemas } };
  }
}

function operation(method: string, v2: JsonObject): JsonObject {
  const {
    parameters = [],
    consumes,
    produces,
    responses = {},
    ...rest
  } = v2 as JsonObject & {
    parameters?: V2Parameter[];
    consumes?: string[];
    produces?: string[];
    responses?: Record<string, { description?: string; schema?: unknown }>;
  };
  const derivedParameters = parameters.filter((candidate) => candidate.in !== 'body').map(parameter);
  if (WRITE_METHODS.has(method) && !derivedParameters.some((candidate) => candidate.name === 'fieldValidation')) {
    derivedParameters.push({ name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } });
  }
  const body = parameters.find((candidate) => candidate.in === 'body');
  const content = (types: string[] | undefined, schema: unknown) =>
    Object.fromEntries((types ?? ['application/json']).map((type) => [type, { schema: rewriteReferences(schema) }]));
  return {
    ...rest,
    parameters: derivedParameters,
    ...(body ? { requestBody: { content: content(consumes, body.schema), required: true } } : {}),
    responses: Object.fromEntries(
      Object.entries(responses).map(([code, response]) => [
        code,
        {
          description: response.description ?? '',
          ...(response.schema ? { content: content(produces, response.schema) } : {}),
        },
      ]),
    ),
  };
}

function parameter(v2: V2Parameter): JsonObject {
  if (v2.$ref) return { $ref: v2.$ref.replace('#/parameters/', '#/components/parameters/') };
  const { name, in: location, description, required, type, uniqueItems } = v2;
  return { name, in: location, description, required, schema: { type, uniqueItems } };
}

function rewriteReferences(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteReferences);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      key === '$ref' && typeof child === 'string'
        ? child.replace('#/definitions/', '#/components/schemas/')
        : rewriteReferences(child),
    ]),
  );
}

function collectReferences(value: unknown, definitions: Record<string, unknown>, names: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectReferences(item, definitions, names);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#/definitions/')) {
        const name = child.slice('#/definitions/'.length);
        if (!names.has(name)) {
          names.add(name);
          collectReferences(definitions[name], definitions, names);
        }
      } else collectReferences(child, definitions, names);
    }
  }
}
