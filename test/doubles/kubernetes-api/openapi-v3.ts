/**
 * OpenAPI v3 as kube-apiserver serves it: `/openapi/v3` names one document per group version with the hash of its
 * content, and each document is the release's own (test/fixtures/kubernetes-1.3x/openapi/v3/), or, for the group
 * versions of stored CRDs, one built from their schemas as the apiextensions server builds it. kubectl reads a
 * write operation's parameters here to learn that the server validates fields itself (fieldValidation).
 */
import { customSchemaName, type CustomResourceSpec, servedVersions } from './discovery.js';
import { isObject, type JsonObject } from './object-tree.js';
import { etagOf, type OpenApiDocument, type RecordedRelease } from './release.js';

const SCHEMAS = '#/components/schemas/';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
// The release document whose components hold the apimachinery schemas a CRD's document refers to.
const APIMACHINERY_SOURCE = 'apis/apiextensions.k8s.io/v1';

/** A kind's schema and how to follow the references inside it. */
export interface KindSchema {
  root: JsonObject;
  /** The schema a `$ref`, or an `allOf` of one `$ref`, stands for; any other schema as is. */
  resolve: (schema: JsonObject) => JsonObject;
}

interface CustomDocument {
  paths: Record<string, JsonObject>;
  schemas: Record<string, JsonObject>;
  served?: OpenApiDocument;
}

export class OpenApiV3 {
  private readonly custom = new Map<string, CustomDocument>();
  private readonly kindIndex = new Map<string, Map<string, string>>();

  constructor(private readonly release: RecordedRelease) {}

  /** `/openapi/v3`: where each group version's document is, with the hash clients cache it by. */
  root(): JsonObject {
    const groupVersions = [...new Set([...this.release.groupVersions(), ...this.custom.keys()])].sort();
    const paths = groupVersions.map((groupVersion) => [
      groupVersion,
      { serverRelativeURL: `/openapi/v3/${groupVersion}?hash=${this.document(groupVersion)?.hash}` },
    ]);
    return { paths: Object.fromEntries(paths) };
  }

  /** `apis/apps/v1` and the like, or undefined for a group version the server lacks. */
  document(groupVersion: string): OpenApiDocument | undefined {
    const custom = this.custom.get(groupVersion);
    if (!custom) return this.release.openApi(groupVersion);
    if (!custom.served) {
      const document = {
        openapi: '3.0.0',
        info: { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' },
        paths: custom.paths,
        components: { schemas: custom.schemas },
      };
      const bytes = Buffer.from(JSON.stringify(document));
      custom.served = { bytes, hash: etagOf(bytes), parsed: () => document };
    }
    return custom.served;
  }

  /** The schema of a kind the server serves, from its group version's document. */
  kindSchema(group: string, version: string, kind: string): KindSchema | undefined {
    const groupVersion = group ? `apis/${group}/${version}` : `api/${version}`;
    const document = this.document(groupVersion)?.parsed();
    const schemas = (document?.components as { schemas?: Record<string, JsonObject> } | undefined)?.schemas;
    if (!schemas) return undefined;
    const name = this.schemaNames(groupVersion, schemas).get(`${group}/${version}/${kind}`);
    const root = name ? schemas[name] : undefined;
    return root ? { root, resolve: (schema) => resolve(schema, schemas) } : undefined;
  }

  /**
   * What the API server publishes once a CRD is stored: per served version, a document with the resource's paths
   * (every write operation declaring fieldValidation) and its schema, plus the apimachinery schemas it refers to.
   */
  addCustomResourceDefinition(crd: JsonObject): void {
    const spec = crd.spec as CustomResourceSpec;
    for (const version of servedVersions(spec)) {
      const groupVersion = `apis/${spec.group}/${version.name}`;
      const document = this.custom.get(groupVersion) ?? { paths: {}, schemas: this.apimachinerySchemas() };
      const name = customSchemaName(spec.group, version.name, spec.names.kind);
      const gvk = { group: spec.group, version: version.name, kind: spec.names.kind };
      const schema = version.schema?.openAPIV3Schema ?? {
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
      };
      document.schemas[name] = {
        ...schema,
        // apiVersion, kind and metadata are implicit in a CRD's schema; the API server publishes them for every CR.
        properties: {
          ...(schema.properties as JsonObject | undefined),
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: { allOf: [{ $ref: `${SCHEMAS}${META}.ObjectMeta` }], description: "Standard object's metadata." },
        },
        'x-kubernetes-group-version-kind': [gvk],
      };
      document.schemas[`${name}List`] = {
        type: 'object',
        required: ['items'],
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: { allOf: [{ $ref: `${SCHEMAS}${META}.ListMeta` }] },
          items: { type: 'array', items: { $ref: `${SCHEMAS}${name}` } },
        },
        'x-kubernetes-group-version-kind': [{ ...gvk, kind: `${spec.names.kind}List` }],
      };
      Object.assign(document.paths, customResourcePaths(spec, version, name));
      document.served = undefined;
      this.custom.set(groupVersion, document);
      this.kindIndex.delete(groupVersion);
    }
  }

  /** `group/version/Kind` to schema name, from the schemas' x-kubernetes-group-version-kind. */
  private schemaNames(groupVersion: string, schemas: Record<string, JsonObject>): Map<string, string> {
    let index = this.kindIndex.get(groupVersion);
    if (!index) {
      index = new Map();
      for (const [name, schema] of Object.entries(schemas)) {
        const kinds = (schema['x-kubernetes-group-version-kind'] ?? []) as {
          group: string;
          version: string;
          kind: string;
        }[];
        for (const gvk of kinds) index.set(`${gvk.group}/${gvk.version}/${gvk.kind}`, name);
      }
      this.kindIndex.set(groupVersion, index);
    }
    return index;
  }

  /** ObjectMeta, ListMeta, Status, DeleteOptions, Patch and what they refer to, as the release spells them. */
  private apimachinerySchemas(): Record<string, JsonObject> {
    const source = this.release.openApi(APIMACHINERY_SOURCE)?.parsed();
    const schemas = (source?.components as { schemas: Record<string, JsonObject> }).schemas;
    const names = new Set<string>();
    const visit = (name: string) => {
      if (names.has(name) || !schemas[name]) return;
      names.add(name);
      collectReferences(schemas[name], visit);
    };
    for (const name of ['ObjectMeta', 'ListMeta', 'Status', 'DeleteOptions', 'Patch']) visit(`${META}.${name}`);
    return Object.fromEntries([...names].sort().map((name) => [name, schemas[name] as JsonObject]));
  }
}

function resolve(schema: JsonObject, schemas: Record<string, JsonObject>): JsonObject {
  const single = Array.isArray(schema.allOf) && schema.allOf.length === 1 ? (schema.allOf[0] as JsonObject) : schema;
  const reference = single.$ref;
  return typeof reference === 'string' && reference.startsWith(SCHEMAS)
    ? (schemas[reference.slice(SCHEMAS.length)] ?? {})
    : schema;
}

function collectReferences(value: unknown, visit: (name: string) => void): void {
  if (Array.isArray(value)) for (const item of value) collectReferences(item, visit);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMAS)) visit(child.slice(SCHEMAS.length));
      else collectReferences(child, visit);
    }
  }
}

const query = (name: string, type = 'string') => ({ name, in: 'query', schema: { type, uniqueItems: true } });
const WRITE_PARAMETERS = [query('dryRun'), query('fieldManager'), query('fieldValidation')];
const PATCH_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

/** The paths apiextensions-apiserver publishes for one version of a custom resource. */
function customResourcePaths(
  spec: CustomResourceSpec,
  version: CustomResourceSpec['versions'][number],
  name: string,
): Record<string, JsonObject> {
  const gvk = { group: spec.group, version: version.name, kind: spec.names.kind };
  const reference = (schema: string) => ({ $ref: `${SCHEMAS}${schema}` });
  const json = (schema: string) => ({ 'application/json': { schema: reference(schema) } });
  const operation = (action: string, schema: string, parameters: JsonObject[] = [], body?: string[]): JsonObject => ({
    operationId: `${action}${spec.names.kind}`,
    parameters,
    ...(body
      ? {
          requestBody: {
            content: Object.fromEntries(body.map((type) => [type, { schema: { type: 'object' } }])),
            required: true,
          },
        }
      : {}),
    responses: { '200': { description: 'OK', content: json(schema) } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
  });
  const scope = spec.scope === 'Namespaced' ? 'namespaces/{namespace}/' : '';
  const base = `/apis/${spec.group}/${version.name}/${scope}${spec.names.plural}`;
  const object = {
    get: operation('get', name),
    put: operation('put', name, WRITE_PARAMETERS, ['application/json']),
    patch: operation('patch', name, [...WRITE_PARAMETERS, query('force', 'boolean')], PATCH_TYPES),
  };
  const paths: Record<string, JsonObject> = {
    [base]: {
      get: operation('list', `${name}List`),
      post: operation('post', name, WRITE_PARAMETERS, ['application/json']),
      delete: operation('deletecollection', `${META}.Status`),
    },
    [`${base}/{name}`]: { ...object, delete: operation('delete', `${META}.Status`) },
  };
  if (version.subresources?.status !== undefined) paths[`${base}/{name}/status`] = object;
  return paths;
}
