/**
 * A small validator for the JSON Schema subset that OpenAPI descriptions use (OpenAPI 3.0 `components/schemas` and
 * Swagger 2.0 `definitions`): the doubles check every body they answer against the real service's own description.
 */

export interface Schema {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

export interface SchemaRules {
  /** The schema a `$ref` names; throws when the description lacks it. */
  resolve(ref: string): Schema;
  /**
   * Whether an object schema that lists its properties and says nothing of others admits no others. True for
   * descriptions generated from Go structs (Argo CD's), where a field outside the struct cannot be serialised.
   */
  closed?: boolean;
}

/** Appends to `problems` where and how `value` breaks `schema`; `at` names the value (`$` for the whole body). */
export function validate(schema: Schema, value: unknown, at: string, problems: string[], rules: SchemaRules): void {
  if (schema.$ref) return validate(rules.resolve(schema.$ref), value, at, problems, rules);
  if (value === null) {
    if (!schema.nullable && !schema.enum?.includes(null))
      problems.push(`${at}: null where ${describe(schema)} is required`);
    return;
  }
  for (const part of schema.allOf ?? []) validate(part, value, at, problems, rules);
  const alternatives = schema.oneOf ?? schema.anyOf;
  // oneOf is checked as anyOf: GitHub's description has oneOf branches that overlap.
  if (alternatives && !alternatives.some((option) => conforms(option, value, at, rules))) {
    problems.push(`${at}: matches none of ${alternatives.length} alternatives`);
  }
  if (schema.enum && !schema.enum.includes(value))
    problems.push(`${at}: ${JSON.stringify(value)} is not one of the enum values`);
  if (!schema.type) return;
  if (!hasType(schema.type, value)) {
    problems.push(`${at}: ${JSON.stringify(value)?.slice(0, 60)} is not ${schema.type}`);
    return;
  }
  if (schema.type === 'string' && schema.format === 'date-time' && Number.isNaN(Date.parse(value as string))) {
    problems.push(`${at}: "${value as string}" is not a date-time`);
  }
  if (schema.type === 'array')
    (value as unknown[]).forEach(
      (item, i) => schema.items && validate(schema.items, item, `${at}[${i}]`, problems, rules),
    );
  if (schema.type === 'object') validateObject(schema, value as Record<string, unknown>, at, problems, rules);
}

function validateObject(
  schema: Schema,
  value: Record<string, unknown>,
  at: string,
  problems: string[],
  rules: SchemaRules,
): void {
  for (const name of schema.required ?? []) {
    if (!(name in value)) problems.push(`${at}.${name}: required but missing`);
  }
  const closed =
    schema.additionalProperties === false ||
    (rules.closed === true && schema.properties !== undefined && schema.additionalProperties === undefined);
  for (const [name, item] of Object.entries(value)) {
    const property = schema.properties?.[name];
    if (property) validate(property, item, `${at}.${name}`, problems, rules);
    else if (typeof schema.additionalProperties === 'object')
      validate(schema.additionalProperties, item, `${at}.${name}`, problems, rules);
    else if (closed) problems.push(`${at}.${name}: not allowed`);
  }
}

function conforms(schema: Schema, value: unknown, at: string, rules: SchemaRules): boolean {
  const problems: string[] = [];
  validate(schema, value, at, problems, rules);
  return problems.length === 0;
}

function hasType(type: NonNullable<Schema['type']>, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
}

function describe(schema: Schema): string {
  return schema.type ?? (schema.$ref ? schema.$ref.split('/').at(-1) : 'a value') ?? 'a value';
}
