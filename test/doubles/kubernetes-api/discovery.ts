import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject } from './object-tree.js';

/** One REST resource the double serves: where it lives and what it holds. */
export interface ApiResource {
  group: string;
  version: string;
  /** Plural name in the URL, e.g. `deployments`. */
  name: string;
  kind: string;
  namespaced: boolean;
  subresources: ReadonlySet<string>;
}

export function groupVersionOf(resource: Pick<ApiResource, 'group' | 'version'>): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

interface CustomResourceSpec {
  group: string;
  names: { plural: string; kind: string; singular?: string; shortNames?: string[]; categories?: string[] };
  scope: string;
  versions: {
    name: string;
    served?: boolean;
    subresources?: { status?: unknown; scale?: unknown };
    schema?: { openAPIV3Schema?: JsonObject };
  }[];
}

/** The name the API server gives a custom resource's schema: the group reversed, then version and kind. */
export function customSchemaName(group: string, version: string, kind: string): string {
  return [...group.split('.').reverse(), version, kind].join('.');
}

interface ResourceListEntry {
  name: string;
  kind: string;
  namespaced: boolean;
}

/** The recorded discovery documents of a live server, plus the groups that CustomResourceDefinitions add. */
export class Discovery {
  private readonly resources = new Map<string, ApiResource>();
  private readonly customGroups = new Map<string, { versions: string[]; lists: Map<string, JsonObject> }>();
  private openApiV2: JsonObject | undefined;

  constructor(private readonly dir: string) {
    this.loadResourceList('', 'v1', this.read('api/v1') as JsonObject);
    for (const group of readdirSync(path.join(dir, 'apis'), { withFileTypes: true })) {
      if (!group.isDirectory()) continue;
      for (const version of readdirSync(path.join(dir, 'apis', group.name), { withFileTypes: true })) {
        if (version.isDirectory()) {
          this.loadResourceList(
            group.name,
            version.name,
            this.read(`apis/${group.name}/${version.name}`) as JsonObject,
          );
        }
      }
    }
  }

  /** The recorded body for a discovery path (`/version`, `/api`, `/apis/apps/v1`...), or undefined. */
  document(pathname: string): unknown {
    const relative = pathname.replace(/^\/+|\/+$/g, '');
    if (relative === 'apis') return this.groupList();
    const [, group, version, ...deeper] = relative.split('/');
    const custom = group ? this.customGroups.get(group) : undefined;
    if (relative.startsWith('apis/') && custom && deeper.length === 0) {
      if (!version) return this.groupDocument(group as string, custom.versions);
      return custom.lists.get(version);
    }
    if (relative.startsWith('openapi/')) return undefined;
    return existsSync(path.join(this.dir, relative, 'index.json')) ? this.read(relative) : undefined;
  }

  resource(groupVersion: string, name: string): ApiResource | undefined {
    return this.resources.get(`${groupVersion}|${name}`);
  }

  byKind(apiVersion: string, kind: string): ApiResource | undefined {
    return [...this.resources.values()].find(
      (resource) => groupVersionOf(resource) === apiVersion && resource.kind === kind,
    );
  }

  /** The recorded OpenAPI v2 document, parsed once. */
  openApi(): JsonObject {
    this.openApiV2 ??= this.read('openapi/v2') as JsonObject;
    return this.openApiV2;
  }

  /** What a real server does once a CRD is stored: serve its group and versions in discovery. */
  addCustomResource(crd: JsonObject): ApiResource[] {
    const spec = crd.spec as CustomResourceSpec;
    const added: ApiResource[] = [];
    const entry = this.customGroups.get(spec.group) ?? { versions: [], lists: new Map<string, JsonObject>() };
    for (const version of spec.versions.filter((candidate) => candidate.served !== false)) {
      const subresources = new Set(Object.keys(version.subresources ?? {}));
      const namespaced = spec.scope === 'Namespaced';
      const resource = {
        group: spec.group,
        version: version.name,
        name: spec.names.plural,
        kind: spec.names.kind,
        namespaced,
        subresources,
      };
      this.resources.set(`${groupVersionOf(resource)}|${resource.name}`, resource);
      added.push(resource);
      if (!entry.versions.includes(version.name)) entry.versions.push(version.name);
      const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
      entry.lists.set(version.name, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: `${spec.group}/${version.name}`,
        resources: [
          {
            name: spec.names.plural,
            singularName: spec.names.singular ?? '',
            namespaced,
            kind: spec.names.kind,
            verbs,
            ...(spec.names.shortNames ? { shortNames: spec.names.shortNames } : {}),
            ...(spec.names.categories ? { categories: spec.names.categories } : {}),
          },
          ...[...subresources].map((sub) => ({
            name: `${spec.names.plural}/${sub}`,
            singularName: '',
            namespaced,
            kind: spec.names.kind,
            verbs: ['get', 'patch', 'update'],
          })),
        ],
      });
    }
    this.customGroups.set(spec.group, entry);
    this.addCustomSchemas(spec);
    return added;
  }

  /**
   * The CRD's schemas as the API server publishes them: definitions named by the reversed group
   * (`io.argoproj.v1alpha1.Application`) with their group-version-kind, so field validation and OpenAPI see them.
   */
  private addCustomSchemas(spec: CustomResourceSpec): void {
    const definitions = this.openApi().definitions as Record<string, JsonObject>;
    for (const version of spec.versions.filter((candidate) => candidate.served !== false)) {
      const schema = version.schema?.openAPIV3Schema ?? {
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
      };
      const gvk = { group: spec.group, version: version.name, kind: spec.names.kind };
      definitions[customSchemaName(spec.group, version.name, spec.names.kind)] = {
        ...schema,
        properties: {
          ...(schema.properties as JsonObject | undefined),
          metadata: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
        },
        'x-kubernetes-group-version-kind': [gvk],
      };
      definitions[`${customSchemaName(spec.group, version.name, spec.names.kind)}List`] = {
        type: 'object',
        required: ['items'],
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta' },
          items: {
            type: 'array',
            items: { $ref: `#/definitions/${customSchemaName(spec.group, version.name, spec.names.kind)}` },
          },
        },
        'x-kubernetes-group-version-kind': [{ ...gvk, kind: `${spec.names.kind}List` }],
      };
    }
  }

  private groupList(): unknown {
    const recorded = this.read('apis') as { groups: unknown[] };
    const custom = [...this.customGroups].map(([group, { versions }]) => this.groupDocument(group, versions));
    return { ...recorded, groups: [...recorded.groups, ...custom] };
  }

  private groupDocument(group: string, versions: string[]): JsonObject {
    const entries = versions.map((version) => ({ groupVersion: `${group}/${version}`, version }));
    return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions: entries, preferredVersion: entries[0] };
  }

  private loadResourceList(group: string, version: string, list: JsonObject): void {
    const entries = list.resources as ResourceListEntry[];
    for (const entry of entries.filter((candidate) => !candidate.name.includes('/'))) {
      const subresources = new Set(
        entries
          .filter((candidate) => candidate.name.startsWith(`${entry.name}/`))
          .map((candidate) => candidate.name.split('/')[1] as string),
      );
      const resource = {
        group,
        version,
        name: entry.name,
        kind: entry.kind,
        namespaced: entry.namespaced,
        subresources,
      };
      this.resources.set(`${groupVersionOf(resource)}|${entry.name}`, resource);
    }
  }

  private read(relative: string): unknown {
    return JSON.parse(readFileSync(path.join(this.dir, relative, 'index.json'), 'utf8'));
  }
}
