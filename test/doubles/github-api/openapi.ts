/**
 * Checks JSON bodies against GitHub's own OpenAPI 3.0 description of api.github.com (npm @octokit/openapi), so
 * that what the GitHub API double answers is a shape the real API documents.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Schema {
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

interface Response {
  $ref?: string;
  content?: Record<string, { schema?: Schema }>;
}

interface Description {
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  components: { schemas: Record<string, Schema>; responses: Record<string, Response> };
}

export interface SchemaCheck {
  /** Whether the description documents this status for this operation (else the generic error schema was used). */
  described: boolean;
  /** Where and how the body breaks the schema; empty when it conforms. */
  problems: string[];
}

const require = createRequire(import.meta.url);
let cached: Description | undefined;

function description(): Description {
  cached ??= JSON.parse(
    readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
  ) as Description;
  return cached;
}

/** Checks `body` as the answer to `method` on the path `template` (e.g. `/repos/{owner}/{repo}/pulls`) with `status`. */
export function checkResponse(method: string, template: string, status: number, body: unknown): SchemaCheck {
  const spec = description();
  const operation = spec.paths[template]?.[method.toLowerCase()];
  if (!operation) return { described: false, problems: [`${method} ${template} is not in the description`] };
  let response = operation.responses[String(status)];
  if (response?.$ref) response = resolve(response.$ref) as Response;
  const described = response !== undefined;
  if (status === 204 || (described && !response?.content)) {
    return { described, problems: body === undefined || body === '' ? [] : ['a body where none is described'] };
  }
  const schema = response?.content?.['application/json']?.schema ?? spec.components.schemas['basic-error'];
  const problems: string[] = [];
  validate(schema as Schema, body, '$', problems);
  return { described, problems };
}

function resolve(ref: string): Schema | Response {
  const [, , kind, name] = ref.split('/');
  const found = (description().components as unknown as Record<string, Record<string, Schema | Response>>)[
    kind as string
  ]?.[name as string];
  if (!found) throw new Error(`Unresolvable $ref ${ref}`);
  return found;
}

function validate(schema: Schema, value: unknown, at: string, problems: string[]): void {
  if (schema.$ref) return validate(resolve(schema.$ref) as Schema, value, at, problems);
  if (value === null) {
    if (!schema.nullable && !schema.enum?.includes(null))
      problems.push(`${at}: null where ${describe(schema)} is required`);
    return;
  }
  for (const part of schema.allOf ?? []) validate(part, value, at, problems);
  const alternatives = schema.oneOf ?? schema.anyOf;
  // oneOf is checked as anyOf: GitHub's description has oneOf branches that overlap.
  if (alternatives && !alternatives.some((option) => conforms(option, value, at))) {
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
    (value as unknown[]).forEach((item, i) => schema.items && validate(schema.items, item, `${at}[${i}]`, problems));
  if (schema.type === 'object') validateObject(schema, value as Record<string, unknown>, at, problems);
}

function validateObject(schema: Schema, value: Record<string, unknown>, at: string, problems: string[]): void {
  for (const name of schema.required ?? []) {
    if (!(name in value)) problems.push(`${at}.${name}: required but missing`);
  }
  for (const [name, item] of Object.entries(value)) {
    const property = schema.properties?.[name];
    if (property) validate(property, item, `${at}.${name}`, problems);
    else if (typeof schema.additionalProperties === 'object')
      validate(schema.additionalProperties, item, `${at}.${name}`, problems);
    else if (schema.additionalProperties === false) problems.push(`${at}.${name}: not allowed`);
  }
}

function conforms(schema: Schema, value: unknown, at: string): boolean {
  const problems: string[] = [];
  validate(schema, value, at, problems);
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
