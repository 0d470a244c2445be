import { isObject, type JsonObject } from './object-tree.js';

/**
 * Server-side field validation (`fieldValidation=Strict`) from the recorded schema: the fields of `object` that
 * its kind's schema does not declare, spelled as the API server reports them.
 */
export function undeclaredFields(object: JsonObject, openApiV2: JsonObject, group: string, version: string): string[] {
  const definitions = openApiV2.definitions as Record<string, JsonObject>;
  const root = Object.values(definitions).find((definition) =>
    (
      (definition['x-kubernetes-group-version-kind'] as
        { group: string; version: string; kind: string }[] | undefined) ?? []
    ).some((gvk) => gvk.group === group && gvk.version === version && gvk.kind === object.kind),
  );
  const found: string[] = [];
  if (root) walk(object, root, '', definitions, found);
  return found;
}

function walk(
  value: unknown,
  schema: JsonObject,
  path: string,
  definitions: Record<string, JsonObject>,
  found: string[],
): void {
  const resolved = resolve(schema, definitions);
  if (resolved['x-kubernetes-preserve-unknown-fields']) return;
  if (isObject(value)) {
    const properties = resolved.properties as Record<string, JsonObject> | undefined;
    const additional = resolved.additionalProperties;
    for (const [key, child] of Object.entries(value)) {
      const childSchema = properties?.[key] ?? (isObject(additional) ? additional : undefined);
      if (childSchema) walk(child, childSchema, `${path}.${key}`, definitions, found);
      else if (properties) found.push(`${path}.${key}`);
    }
  } else if (Array.isArray(value) && isObject(resolved.items)) {
    value.forEach((item, index) => {
      const selector =
        isObject(item) && typeof item.name === 'string' ? `[name=${JSON.stringify(item.name)}]` : `[${index}]`;
      walk(item, resolved.items as JsonObject, `${path}${selector}`, definitions, found);
    });
  }
}

function resolve(schema: JsonObject, definitions: Record<string, JsonObject>): JsonObject {
  const reference = schema.$ref;
  return typeof reference === 'string' ? (definitions[reference.replace('#/definitions/', '')] ?? {}) : schema;
}
