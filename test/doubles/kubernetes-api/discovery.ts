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
  addCustomResource(crd: JsonObject): void {
    const spec = crd.spec as {
      group: string;
      names: { plural: string; kind: string; singular?: string };
      scope: string;
      versions: { name: string; served?: boolean; subresources?: { status?: unknown; scale?: unknown } }[];
    };
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
