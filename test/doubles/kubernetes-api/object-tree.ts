/**
 * Field paths and merges over plain JSON objects, the way the API server's structured merge sees them:
 * maps merge by key, a list whose items all carry a `name` merges by that name, any other list is atomic.
 */
export type JsonObject = Record<string, unknown>;

/** One step of a field path: a map key, or the item of an associative list with that name. */
export type Segment = string | { name: string };

export type FieldPath = readonly Segment[];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** `.spec.template.spec.containers[name="web"].image`, as the API server spells a field in a conflict. */
export function formatPath(path: FieldPath): string {
  return path
    .map((segment) => (typeof segment === 'string' ? `.${segment}` : `[name=${JSON.stringify(segment.name)}]`))
    .join('');
}

function isAssociative(list: unknown[]): list is JsonObject[] {
  return list.length > 0 && list.every((item) => isObject(item) && typeof item.name === 'string');
}

/** Every leaf path of `value`: scalars, atomic lists and empty maps. */
export function leafPaths(
  value: unknown,
  prefix: Segment[] = [],
  out = new Map<string, FieldPath>(),
): Map<string, FieldPath> {
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix.length > 0) out.set(formatPath(prefix), prefix);
    for (const key of keys) leafPaths(value[key], [...prefix, key], out);
  } else if (Array.isArray(value) && isAssociative(value)) {
    for (const item of value) leafPaths(item, [...prefix, { name: item.name as string }], out);
  } else if (prefix.length > 0) {
    out.set(formatPath(prefix), prefix);
  }
  return out;
}

export function valueAt(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'string') {
      if (!isObject(current)) return undefined;
      current = current[segment];
    } else {
      if (!Array.isArray(current)) return undefined;
      current = current.find((item) => isObject(item) && item.name === segment.name);
    }
  }
  return current;
}

/** Removes the field at `path`; an associative-list item left without its name goes with it. */
export function removeAt(root: JsonObject, path: FieldPath): void {
  const parents: unknown[] = [root];
  let current: unknown = root;
  for (const segment of path.slice(0, -1)) {
    current = valueAt(current, [segment]);
    if (current === undefined) return;
    parents.push(current);
  }
  const last = path.at(-1);
  const parent = parents.at(-1);
  if (typeof last === 'string' && isObject(parent)) delete parent[last];
  if (typeof last === 'object' && Array.isArray(parent)) removeItem(parent, last.name);
  // Walk back up: drop list items that lost their name.
  for (let depth = path.length - 2; depth >= 0; depth--) {
    const segment = path[depth];
    const holder = parents[depth];
    const item = parents[depth + 1];
    if (typeof segment === 'object' && Array.isArray(holder) && isObject(item) && item.name === undefined) {
      removeItem(holder, segment.name);
    }
  }
}

function removeItem(list: unknown[], name: string): void {
  const index = list.findIndex((item) => isObject(item) && item.name === name);
  if (index >= 0) list.splice(index, 1);
}

/** Merges `patch` into `target` (mutating it): maps by key, associative lists by name, the rest replaced. */
export function mergeApplied(target: JsonObject, patch: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(patch)) {
    const existing = target[key];
    if (isObject(value) && isObject(existing)) mergeApplied(existing, value);
    else if (Array.isArray(value) && Array.isArray(existing) && isAssociative(value) && isAssociative(existing)) {
      const merged = [...existing];
      for (const item of value) {
        const match = merged.find((candidate) => candidate.name === item.name);
        if (match) mergeApplied(match, item);
        else merged.push(clone(item));
      }
      target[key] = merged;
    } else target[key] = clone(value);
  }
  return target;
}

/** RFC 7386 merge patch: null deletes, maps merge, everything else replaces. */
export function mergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else if (isObject(value) && isObject(target[key])) mergePatch(target[key] as JsonObject, value);
    else target[key] = clone(value);
  }
  return target;
}

/**
 * Strategic merge patch as far as kubectl's own patches need it: a merge patch whose maps may carry
 * `$patch: replace` (rollout undo of a DaemonSet or StatefulSet), and whose named lists merge by name.
 */
export function strategicMergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    const existing = target[key];
    if (value === null) delete target[key];
    else if (isObject(value) && value.$patch === 'replace') {
      const replacement = clone(value);
      delete replacement.$patch;
      target[key] = replacement;
    } else if (isObject(value) && isObject(existing)) strategicMergePatch(existing, value);
    else if (Array.isArray(value) && Array.isArray(existing) && isAssociative(value) && isAssociative(existing)) {
      mergeApplied(target, { [key]: value });
    } else target[key] = clone(value);
  }
  return target;
}

/** RFC 6902 JSON patch: add, replace and remove (what kubectl rollout undo sends for a Deployment). */
export function jsonPatch(target: JsonObject, operations: unknown): JsonObject {
  if (!Array.isArray(operations)) throw new Error('a JSON patch is a list of operations');
  for (const operation of operations as { op: string; path: string; value?: unknown }[]) {
    const keys = operation.path
      .split('/')
      .slice(1)
      .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop() as string;
    let parent: unknown = target;
    for (const key of keys) parent = Array.isArray(parent) ? parent[Number(key)] : (parent as JsonObject)[key];
    if (!isObject(parent) && !Array.isArray(parent)) throw new Error(`path ${operation.path} does not exist`);
    const holder = parent as JsonObject;
    if (operation.op === 'remove') delete holder[last];
    else if (operation.op === 'add' || operation.op === 'replace') holder[last] = clone(operation.value);
    else throw new Error(`unsupported JSON patch operation ${operation.op}`);
  }
  return target;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical(value[key])]),
    );
  }
  return value;
}
