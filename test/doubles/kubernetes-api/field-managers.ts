import {
  clone,
  deepEqual,
  type FieldPath,
  formatPath,
  isObject,
  type JsonObject,
  leafPaths,
  mergeApplied,
  removeAt,
  valueAt,
} from './object-tree.js';

/** The fields one manager owns on one object, with how it last wrote them. */
export interface ManagerEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fields: Map<string, FieldPath>;
}

export interface FieldConflict {
  manager: string;
  field: string;
}

/** What the API server answers 409 with when an apply would change fields another manager owns. */
export class ApplyConflictError extends Error {
  constructor(readonly conflicts: readonly FieldConflict[]) {
    const lines = conflicts.map((conflict) => `conflict with "${conflict.manager}": ${conflict.field}`);
    super(`Apply failed with ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}: ${lines.join('\n')}`);
  }
}

export interface ApplyRequest {
  manager: string;
  force: boolean;
  apiVersion: string;
  now: string;
}

// Identity and server-owned parts of an object are never fields a manager owns.
const UNOWNED = new Set(['.apiVersion', '.kind', '.metadata.name', '.metadata.namespace', '.status']);

function ownedFields(config: JsonObject): Map<string, FieldPath> {
  const fields = leafPaths(config);
  for (const key of [...fields.keys()]) {
    if ([...UNOWNED].some((unowned) => key === unowned || key.startsWith(`${unowned}.`))) fields.delete(key);
  }
  return fields;
}

/**
 * Server-side apply of `config` by one manager: fields it applied before and no longer applies are removed
 * (unless someone else owns them), fields another manager owns with a different value conflict unless forced.
 */
export function serverSideApply(
  live: JsonObject | undefined,
  config: JsonObject,
  managers: readonly ManagerEntry[],
  request: ApplyRequest,
): { object: JsonObject; managers: ManagerEntry[] } {
  const applied = ownedFields(config);
  const others = managers.filter((entry) => !(entry.manager === request.manager && entry.operation === 'Apply'));
  const conflicts: FieldConflict[] = [];
  for (const [key, path] of applied) {
    for (const entry of others) {
      if (entry.fields.has(key) && !deepEqual(valueAt(live, path), valueAt(config, path))) {
        conflicts.push({ manager: entry.manager, field: key });
      }
    }
  }
  if (conflicts.length > 0 && !request.force) throw new ApplyConflictError(conflicts);

  const next = others.map((entry) => ({ ...entry, fields: new Map(entry.fields) }));
  if (request.force) for (const entry of next) for (const key of applied.keys()) entry.fields.delete(key);

  const object = live ? clone(live) : {};
  const previous = managers.find((entry) => entry.manager === request.manager && entry.operation === 'Apply');
  const stillOwned = new Set(next.flatMap((entry) => [...entry.fields.keys()]));
  for (const [key, path] of previous?.fields ?? []) {
    if (!applied.has(key) && !stillOwned.has(key)) removeAt(object, path);
  }
  const withoutStatus = clone(config);
  delete withoutStatus.status;
  mergeApplied(object, withoutStatus);
  next.push({
    manager: request.manager,
    operation: 'Apply',
    apiVersion: request.apiVersion,
    time: request.now,
    fields: applied,
  });
  return { object, managers: next.filter((entry) => entry.fields.size > 0) };
}

/** A non-apply write (create, patch, rollout undo) takes the fields it changed from everyone else. */
export function recordUpdate(
  before: JsonObject | undefined,
  after: JsonObject,
  managers: readonly ManagerEntry[],
  request: Omit<ApplyRequest, 'force'>,
): ManagerEntry[] {
  const changed = new Map<string, FieldPath>();
  for (const [key, path] of ownedFields(after)) {
    if (!deepEqual(valueAt(before, path), valueAt(after, path))) changed.set(key, path);
  }
  if (changed.size === 0) return [...managers];
  const next = managers.map((entry) => ({ ...entry, fields: new Map(entry.fields) }));
  for (const entry of next) for (const key of changed.keys()) entry.fields.delete(key);
  const mine = next.find((entry) => entry.manager === request.manager && entry.operation === 'Update');
  if (mine) for (const [key, path] of changed) mine.fields.set(key, path);
  else
    next.push({
      manager: request.manager,
      apiVersion: request.apiVersion,
      time: request.now,
      operation: 'Update',
      fields: changed,
    });
  return next.filter((entry) => entry.fields.size > 0);
}

/** `metadata.managedFields` in the API's FieldsV1 shape. */
export function managedFieldsOf(managers: readonly ManagerEntry[]): JsonObject[] {
  return managers.map((entry) => {
    const fieldsV1: JsonObject = {};
    for (const path of entry.fields.values()) {
      let node = fieldsV1;
      for (const segment of path) {
        const key = typeof segment === 'string' ? `f:${segment}` : `k:${JSON.stringify({ name: segment.name })}`;
        if (!isObject(node[key])) node[key] = {};
        node = node[key] as JsonObject;
      }
    }
    return {
      manager: entry.manager,
      operation: entry.operation,
      apiVersion: entry.apiVersion,
      time: entry.time,
      fieldsType: 'FieldsV1',
      fieldsV1,
    };
  });
}

/**
 * Managers from `metadata.managedFields` a write sent (kubectl sends them to hand a client-side apply's fields over to
 * its server-side field manager): the API server takes such a list as the object's new field ownership. Only the
 * `f:` and `k:{"name":...}` keys this double itself writes are read.
 */
export function managersFromManagedFields(managedFields: readonly unknown[]): ManagerEntry[] {
  return managedFields.filter(isObject).map((entry) => {
    const fields = new Map<string, FieldPath>();
    const walk = (node: JsonObject, path: FieldPath) => {
      const children = Object.keys(node).filter((key) => key !== '.');
      if (children.length === 0 && path.length > 0) fields.set(formatPath(path), path);
      for (const key of children) {
        const child = node[key];
        if (!isObject(child)) continue;
        if (key.startsWith('f:')) walk(child, [...path, key.slice(2)]);
        else if (key.startsWith('k:'))
          walk(child, [...path, { name: String((JSON.parse(key.slice(2)) as { name?: unknown }).name) }]);
      }
    };
    walk(isObject(entry.fieldsV1) ? entry.fieldsV1 : {}, []);
    return {
      manager: String(entry.manager),
      operation: entry.operation === 'Apply' ? 'Apply' : 'Update',
      apiVersion: String(entry.apiVersion ?? ''),
      time: String(entry.time ?? ''),
      fields,
    };
  });
}
