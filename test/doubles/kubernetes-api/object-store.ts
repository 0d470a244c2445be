import { randomUUID } from 'node:crypto';
import { type ApiResource, groupVersionOf } from './discovery.js';
import { type ManagerEntry, managedFieldsOf } from './field-managers.js';
import { clone, type JsonObject } from './object-tree.js';

/** An object as the double keeps it: its resource, its body (status included) and who owns which fields. */
export interface StoredObject {
  resource: ApiResource;
  object: JsonObject;
  managers: ManagerEntry[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreChange {
  type: WatchEventType;
  stored: StoredObject;
}

export function metadataOf(object: JsonObject): JsonObject & {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { uid: string; controller?: boolean; kind: string; name: string }[];
  generation?: number;
  resourceVersion?: string;
} {
  object.metadata ??= {};
  return object.metadata as ReturnType<typeof metadataOf>;
}

/** Objects by resource, namespace and name, with a resourceVersion counter and change listeners for watches. */
export class ObjectStore {
  private readonly objects = new Map<string, StoredObject>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private revision = 1000;

  get resourceVersion(): string {
    return String(this.revision);
  }

  get(resource: ApiResource, namespace: string | undefined, name: string): StoredObject | undefined {
    return this.objects.get(key(resource, namespace, name));
  }

  list(resource: ApiResource, namespace?: string): StoredObject[] {
    return [...this.objects.values()].filter(
      (stored) =>
        stored.resource.group === resource.group &&
        stored.resource.name === resource.name &&
        (namespace === undefined || metadataOf(stored.object).namespace === namespace),
    );
  }

  all(): StoredObject[] {
    return [...this.objects.values()];
  }

  /** Stores a new or changed object: fills uid and creation time once, bumps resourceVersion, tells watchers. */
  put(resource: ApiResource, object: JsonObject, managers: ManagerEntry[]): StoredObject {
    const metadata = metadataOf(object);
    const existing = this.get(resource, metadata.namespace, metadata.name);
    metadata.uid ??= randomUUID();
    metadata.creationTimestamp ??= new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    metadata.resourceVersion = String(++this.revision);
    object.apiVersion = groupVersionOf(resource);
    object.kind = resource.kind;
    const stored = { resource, object, managers };
    this.objects.set(key(resource, metadata.namespace, metadata.name), stored);
    this.emit({ type: existing ? 'MODIFIED' : 'ADDED', stored });
    return stored;
  }

  delete(stored: StoredObject): void {
    const metadata = metadataOf(stored.object);
    this.objects.delete(key(stored.resource, metadata.namespace, metadata.name));
    metadata.resourceVersion = String(++this.revision);
    this.emit({ type: 'DELETED', stored });
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/** The object as the API returns it: a copy with its managedFields. */
export function present(stored: StoredObject): JsonObject {
  const object = clone(stored.object);
  if (stored.managers.length > 0) metadataOf(object).managedFields = managedFieldsOf(stored.managers);
  return object;
}

function key(resource: ApiResource, namespace: string | undefined, name: string): string {
  return `${resource.group}|${resource.name}|${namespace ?? ''}|${name}`;
}
