import type { JsonObject } from './object-tree.js';
import type { GroupDiscovery, LegacyResource, RecordedRelease, ResourceDiscovery } from './release.js';

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

export interface CustomResourceSpec {
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

/** The versions of a CRD that are served, highest priority first, as the API server orders them. */
export function servedVersions(spec: CustomResourceSpec): CustomResourceSpec['versions'] {
  return spec.versions
    .filter((version) => version.served !== false)
    .sort((a, b) => compareKubeAwareVersions(a.name, b.name));
}

/** The name the API server gives a custom resource's schema: the group reversed, then version and kind. */
export function customSchemaName(group: string, version: string, kind: string): string {
  return [...group.split('.').reverse(), version, kind].join('.');
}

/** The content type of aggregated discovery (apidiscovery.k8s.io/v2), which clients ask for in Accept. */
export const AGGREGATED_DISCOVERY = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

const CUSTOM_RESOURCE_VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];
const SUBRESOURCE_VERBS = ['get', 'patch', 'update'];

/**
 * What a release's API server lists in discovery, plus the groups CustomResourceDefinitions add. Both forms are
 * served: aggregated (`/api`, `/apis` as APIGroupDiscoveryList), and legacy (APIVersions, APIGroupList, APIGroup,
 * APIResourceList) derived from it, as the API server builds both from the same registry.
 */
export class Discovery {
  private readonly resources = new Map<string, ApiResource>();
  private readonly core: GroupDiscovery;
  private readonly customGroups = new Map<string, GroupDiscovery>();

  constructor(private readonly release: RecordedRelease) {
    this.core = {
      metadata: {},
      versions: [{ version: 'v1', resources: aggregatedForm(release.coreResources.resources), freshness: 'Current' }],
    };
    for (const group of [this.core, ...release.groups]) this.index(group);
  }

  /** `/api` or `/apis` in aggregated form. */
  aggregated(root: 'api' | 'apis'): JsonObject {
    const items = root === 'api' ? [this.core] : [...this.release.groups, ...this.customGroups.values()];
    return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
  }

  /** A legacy discovery document (`/api`, `/api/v1`, `/apis`, `/apis/apps`, `/apis/apps/v1`), or undefined. */
  legacy(pathname: string, serverAddress: string): JsonObject | undefined {
    const [root, ...rest] = pathname.replace(/^\/+|\/+$/g, '').split('/');
    if (root === 'api' && rest.length === 0) {
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
      };
    }
    if (root === 'api' && rest.length === 1 && rest[0] === 'v1') {
      return { kind: 'APIResourceList', ...this.release.coreResources };
    }
    if (root !== 'apis') return undefined;
    const groups = [...this.release.groups, ...this.customGroups.values()];
    if (rest.length === 0) return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(groupDocument) };
    const group = groups.find((candidate) => candidate.metadata.name === rest[0]);
    if (!group || rest.length > 2) return undefined;
    if (rest.length === 1) return { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(group) };
    const version = group.versions.find((candidate) => candidate.version === rest[1]);
    if (!version) return undefined;
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: `${group.metadata.name}/${version.version}`,
      resources: version.resources.flatMap(legacyForm),
    };
  }

  resource(groupVersion: string, name: string): ApiResource | undefined {
    return this.resources.get(`${groupVersion}|${name}`);
  }

  byKind(apiVersion: string, kind: string): ApiResource | undefined {
    return [...this.resources.values()].find(
      (resource) => groupVersionOf(resource) === apiVersion && resource.kind === kind,
    );
  }

  /** What a real server does once a CRD is stored: serve its group and versions in discovery. */
  addCustomResource(crd: JsonObject): ApiResource[] {
    const spec = crd.spec as CustomResourceSpec;
    const group: GroupDiscovery = this.customGroups.get(spec.group) ?? { metadata: { name: spec.group }, versions: [] };
    const namespaced = spec.scope === 'Namespaced';
    for (const version of servedVersions(spec)) {
      const subresources: ResourceDiscovery['subresources'] = Object.keys(version.subresources ?? {})
        .sort()
        .map((subresource) => ({
          subresource,
          responseKind:
            subresource === 'scale'
              ? { group: 'autoscaling', version: 'v1', kind: 'Scale' }
              : { group: '', version: '', kind: spec.names.kind },
          verbs: SUBRESOURCE_VERBS,
        }));
      const resource: ResourceDiscovery = {
        resource: spec.names.plural,
        responseKind: { group: '', version: '', kind: spec.names.kind },
        scope: namespaced ? 'Namespaced' : 'Cluster',
        singularResource: spec.names.singular ?? spec.names.kind.toLowerCase(),
        verbs: CUSTOM_RESOURCE_VERBS,
        ...(spec.names.shortNames ? { shortNames: spec.names.shortNames } : {}),
        ...(spec.names.categories ? { categories: spec.names.categories } : {}),
        ...(subresources.length > 0 ? { subresources } : {}),
      };
      const existing = group.versions.find((candidate) => candidate.version === version.name);
      if (existing) {
        existing.resources = [
          ...existing.resources.filter((candidate) => candidate.resource !== resource.resource),
          resource,
        ].sort((a, b) => a.resource.localeCompare(b.resource));
      } else group.versions.push({ version: version.name, resources: [resource], freshness: 'Current' });
    }
    group.versions.sort((a, b) => compareKubeAwareVersions(a.version, b.version));
    this.customGroups.set(spec.group, group);
    this.index(group);
    return servedVersions(spec).flatMap((version) => {
      const added = this.resource(`${spec.group}/${version.name}`, spec.names.plural);
      return added ? [added] : [];
    });
  }

  private index(group: GroupDiscovery): void {
    for (const version of group.versions) {
      for (const entry of version.resources) {
        const resource: ApiResource = {
          group: group.metadata.name ?? '',
          version: version.version,
          name: entry.resource,
          kind: entry.responseKind.kind,
          namespaced: entry.scope === 'Namespaced',
          subresources: new Set((entry.subresources ?? []).map((sub) => sub.subresource)),
        };
        this.resources.set(`${groupVersionOf(resource)}|${resource.name}`, resource);
      }
    }
  }
}

/** A core resource list in aggregated form: each resource with its subresources folded in. */
function aggregatedForm(list: LegacyResource[]): ResourceDiscovery[] {
  return list
    .filter((entry) => !entry.name.includes('/'))
    .map((entry) => {
      const subresources = list
        .filter((candidate) => candidate.name.startsWith(`${entry.name}/`))
        .map((candidate) => ({
          subresource: candidate.name.slice(entry.name.length + 1),
          responseKind: { group: candidate.group ?? '', version: candidate.version ?? '', kind: candidate.kind },
          verbs: candidate.verbs,
        }));
      return {
        resource: entry.name,
        responseKind: { group: '', version: '', kind: entry.kind },
        scope: entry.namespaced ? 'Namespaced' : 'Cluster',
        singularResource: entry.singularName,
        verbs: entry.verbs,
        ...(entry.shortNames ? { shortNames: entry.shortNames } : {}),
        ...(entry.categories ? { categories: entry.categories } : {}),
        ...(subresources.length > 0 ? { subresources } : {}),
      };
    });
}

/** A resource of aggregated discovery in legacy form: itself, then one entry per subresource. */
function legacyForm(entry: ResourceDiscovery): LegacyResource[] {
  const namespaced = entry.scope === 'Namespaced';
  return [
    {
      name: entry.resource,
      singularName: entry.singularResource,
      namespaced,
      kind: entry.responseKind.kind,
      verbs: entry.verbs,
      ...(entry.shortNames ? { shortNames: entry.shortNames } : {}),
      ...(entry.categories ? { categories: entry.categories } : {}),
    },
    ...(entry.subresources ?? []).map((sub) => ({
      name: `${entry.resource}/${sub.subresource}`,
      singularName: '',
      namespaced,
      ...(sub.responseKind.group ? { group: sub.responseKind.group, version: sub.responseKind.version } : {}),
      kind: sub.responseKind.kind,
      verbs: sub.verbs,
    })),
  ];
}

function groupDocument(group: GroupDiscovery): JsonObject {
  const name = group.metadata.name ?? '';
  const versions = group.versions.map(({ version }) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions, preferredVersion: versions[0] };
}

/**
 * Kubernetes' version priority: GA before beta before alpha, then the higher major, then the higher minor
 * (`v2` > `v1` > `v2beta1` > `v1beta2` > `v1alpha1`); anything else after, alphabetically.
 */
export function compareKubeAwareVersions(a: string, b: string): number {
  const rank = (version: string): [number, number, number] | undefined => {
    const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
    if (!match) return undefined;
    const stability = match[2] === 'alpha' ? 0 : match[2] === 'beta' ? 1 : 2;
    return [stability, Number(match[1]), Number(match[3] ?? 0)];
  };
  const [ra, rb] = [rank(a), rank(b)];
  if (!ra || !rb) return ra ? -1 : rb ? 1 : a.localeCompare(b);
  for (let index = 0; index < 3; index++) {
    if (ra[index] !== rb[index]) return (rb[index] as number) - (ra[index] as number);
  }
  return 0;
}
