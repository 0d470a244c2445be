/**
 * Checks JSON bodies against GitHub's own OpenAPI 3.0 description of api.github.com (npm @octokit/openapi), so
 * that what the GitHub API double answers is a shape the real API documents.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Schema, type SchemaRules, validate } from '../json-schema.js';

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
  validate(schema as Schema, body, '$', problems, RULES);
  return { described, problems };
}

/** Checks `body` as the JSON request body of `method` on `template`; problems, empty when it conforms. */
export function checkRequest(method: string, template: string, body: unknown): string[] {
  const operation = description().paths[template]?.[method.toLowerCase()] as
    { requestBody?: { content?: Record<string, { schema?: Schema }> } } | undefined;
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${template} takes no JSON body in the description`];
  const problems: string[] = [];
  validate(schema, body, '$', problems, RULES);
  return problems;
}

const RULES: SchemaRules = { resolve: (ref) => resolve(ref) as Schema };

function resolve(ref: string): Schema | Response {
  const [, , kind, name] = ref.split('/');
  const found = (description().components as unknown as Record<string, Record<string, Schema | Response>>)[
    kind as string
  ]?.[name as string];
  if (!found) throw new Error(`Unresolvable $ref ${ref}`);
  return found;
}
