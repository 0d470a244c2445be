/**
 * The recorded API description of a Kubernetes release (test/fixtures/kubernetes-1.3x/): its /version, its
 * discovery and its OpenAPI v3 documents. Read once per process and shared by every double, which never changes
 * them: what a CRD adds lives in the double's own Discovery and OpenApiV3.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from './object-tree.js';

export const RECORDED_RELEASE = fileURLToPath(new URL('../../fixtures/kubernetes-1.3x/', import.meta.url));

/** One resource of aggregated discovery (apidiscovery.k8s.io/v2 APIResourceDiscovery). */
export interface ResourceDiscovery {
  resource: string;
  responseKind: { group: string; version: string; kind: string };
  scope: 'Namespaced' | 'Cluster';
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: {
    subresource: string;
    responseKind: { group: string; version: string; kind: string };
    verbs: string[];
  }[];
}

/** One group of aggregated discovery (APIGroupDiscovery); the core group has no name. */
export interface GroupDiscovery {
  metadata: { name?: string };
  versions: { version: string; resources: ResourceDiscovery[]; freshness: 'Current' }[];
}

/** The legacy form of a resource (meta/v1 APIResource), as /api/v1 and /apis/<group>/<version> list them. */
export interface LegacyResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

/** An OpenAPI v3 document as served: its bytes, their hash (the API server's ETag), and the parsed form. */
export interface OpenApiDocument {
  bytes: Buffer;
  hash: string;
  parsed: () => JsonObject;
}

/** Uppercase hex SHA-512, as kube-apiserver spells the ETag of discovery and OpenAPI documents. */
export function etagOf(bytes: Buffer | string): string {
  return createHash('sha512').update(bytes).digest('hex').toUpperCase();
}

export class RecordedRelease {
  private static readonly loaded = new Map<string, RecordedRelease>();

  readonly version: JsonObject;
  /** `/api/v1` as recorded. */
  readonly coreResources: { groupVersion: string; resources: LegacyResource[] };
  /** The named groups, each with only the versions this release description serves. */
  readonly groups: GroupDiscovery[];
  private readonly documentFiles = new Map<string, string>();
  private readonly documents = new Map<string, OpenApiDocument>();

  private constructor(private readonly dir: string) {
    this.version = this.json('version.json');
    this.coreResources = this.json('discovery/api__v1.json') as unknown as RecordedRelease['coreResources'];
    const openApiDir = path.join(dir, 'openapi', 'v3');
    for (const file of readdirSync(openApiDir).filter((name) => name.endsWith('_openapi.json'))) {
      // api__v1_openapi.json, apis__apps__v1_openapi.json: the group version's path with __ for /.
      this.documentFiles.set(file.replace(/_openapi\.json$/, '').replaceAll('__', '/'), path.join(openApiDir, file));
    }
    // The recorded document lists every version the generator enabled, alpha and beta included; a default
    // install serves the GA ones, and the double serves those it has an OpenAPI document for.
    const aggregated = this.json('discovery/aggregated_v2.json') as { items: GroupDiscovery[] };
    this.groups = aggregated.items
      .map((group) => ({
        ...group,
        versions: group.versions.filter((version) =>
          this.documentFiles.has(`apis/${group.metadata.name}/${version.version}`),
        ),
      }))
      .filter((group) => group.versions.length > 0);
  }

  static load(dir = RECORDED_RELEASE): RecordedRelease {
    let release = RecordedRelease.loaded.get(dir);
    if (!release) {
      release = new RecordedRelease(dir);
      RecordedRelease.loaded.set(dir, release);
    }
    return release;
  }

  /** `api/v1`, `apis/apps/v1`...: every group version with an OpenAPI document. */
  groupVersions(): string[] {
    return [...this.documentFiles.keys()];
  }

  /** The group version's OpenAPI v3 document, read (and parsed) on first use. */
  openApi(groupVersion: string): OpenApiDocument | undefined {
    const file = this.documentFiles.get(groupVersion);
    if (!file) return undefined;
    let document = this.documents.get(groupVersion);
    if (!document) {
      const bytes = readFileSync(file);
      let parsed: JsonObject | undefined;
      document = { bytes, hash: etagOf(bytes), parsed: () => (parsed ??= JSON.parse(bytes.toString('utf8'))) };
      this.documents.set(groupVersion, document);
    }
    return document;
  }

  private json(relative: string): JsonObject {
    return JSON.parse(readFileSync(path.join(this.dir, relative), 'utf8')) as JsonObject;
  }
}
