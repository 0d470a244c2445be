/**
 * Server-side field validation as a 1.3x API server does it. Every write finds the fields its kind's schema does not
 * declare; what happens then depends on the write:
 * - a server-side apply refuses them whatever `fieldValidation` says (structured merge cannot type them);
 * - a create or a non-apply patch follows `fieldValidation`: Strict refuses them, Warn (the default) drops them with
 *   one `Warning` header each, Ignore drops them silently.
 */
import { isObject, type JsonObject } from './object-tree.js';
import type { KindSchema } from './openapi-v3.js';

export const FIELD_VALIDATIONS = ['Ignore', 'Strict', 'Warn'] as const;
export type FieldValidation = (typeof FIELD_VALIDATIONS)[number];

export interface UnknownField {
  /** As the JSON decoder names it: `spec.template.spec.containers[0].imagePullPolic`. */
  decoderPath: string;
  /** As structured merge names it: `.spec.template.spec.containers[name="web"].imagePullPolic`. */
  mergePath: string;
  /** Where it is, so that it can be dropped. */
  parent: JsonObject;
  key: string;
}

/** The fields of `object` that its kind's schema does not declare, outermost first. */
export function unknownFields(object: JsonObject, schema: KindSchema): UnknownField[] {
  const found: UnknownField[] = [];
  walk(object, schema.root, '', '', schema, found);
  return found;
}

/** What Warn and Ignore store: the object without them. */
export function dropUnknownFields(fields: readonly UnknownField[]): void {
  for (const field of fields) delete field.parent[field.key];
}

/** The error of an apply whose patch has undeclared fields, worded as structured merge words it. */
export function typedPatchError(fields: readonly UnknownField[]): string {
  const errors = fields.map((field) => `${field.mergePath}: field not declared in schema`);
  return errors.length === 1 ? (errors[0] as string) : ['errors:', ...errors.map((error) => `  ${error}`)].join('\n');
}

/** The error of a strict decode, as the API server's decoder words it. */
export function strictDecodingError(fields: readonly UnknownField[]): string {
  return `strict decoding error: ${fields.map(unknownFieldWarning).join(', ')}`;
}

/** The text of one `Warning: 299 - "..."` header under fieldValidation=Warn. */
export function unknownFieldWarning(field: UnknownField): string {
  return `unknown field ${JSON.stringify(field.decoderPath)}`;
}

function walk(
  value: unknown,
  declared: JsonObject,
  decoderPath: string,
  mergePath: string,
  schema: KindSchema,
  found: UnknownField[],
): void {
  const resolved = schema.resolve(declared);
  if (resolved['x-kubernetes-preserve-unknown-fields'] === true) return;
  if (isObject(value)) {
    const properties = resolved.properties as Record<string, JsonObject> | undefined;
    const additional = isObject(resolved.additionalProperties) ? resolved.additionalProperties : undefined;
    for (const [key, child] of Object.entries(value)) {
      const childSchema = properties?.[key] ?? additional;
      const paths = { decoder: decoderPath ? `${decoderPath}.${key}` : key, merge: `${mergePath}.${key}` };
      // A schema that names no properties (an untyped object) takes any field.
      if (childSchema) walk(child, childSchema, paths.decoder, paths.merge, schema, found);
      else if (properties) found.push({ decoderPath: paths.decoder, mergePath: paths.merge, parent: value, key });
    }
  } else if (Array.isArray(value) && isObject(resolved.items)) {
    const keys =
      resolved['x-kubernetes-list-type'] === 'map'
        ? [...((resolved['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [])].sort()
        : [];
    value.forEach((item, index) => {
      const present = isObject(item) ? keys.filter((key) => item[key] !== undefined) : [];
      const selector =
        present.length > 0 && isObject(item)
          ? `[${present.map((key) => `${key}=${JSON.stringify(item[key])}`).join(',')}]`
          : `[${index}]`;
      walk(item, resolved.items as JsonObject, `${decoderPath}[${index}]`, `${mergePath}${selector}`, schema, found);
    });
  }
}
