/**
 * Checks JSON bodies against Argo CD's own Swagger 2.0 description of its REST API (assets/swagger.json of
 * argoproj/argo-cd, copied into test/fixtures/argocd/), so that what the Argo CD API double answers is a shape the
 * real server documents. Argo CD serialises Go structs, so an object may carry no field its definition does not
 * list (`closed`); statuses other than 200 use the description's `default` answer (runtimeError).
 */
import { readFileSync } from 'node:fs';
import { type Schema, type SchemaRules, validate } from '../json-schema.js';

interface Description {
  paths: Record<string, Record<string, { responses: Record<string, { schema?: Schema }> }>>;
  definitions: Record<string, Schema>;
}

export const ARGOCD_SWAGGER = new URL('../../fixtures/argocd/swagger.json', import.meta.url);

let cached: Description | undefined;

function description(): Description {
  cached ??= JSON.parse(readFileSync(ARGOCD_SWAGGER, 'utf8')) as Description;
  return cached;
}

const RULES: SchemaRules = {
  closed: true,
  resolve(ref) {
    const found = description().definitions[ref.replace('#/definitions/', '')];
    if (!found) throw new Error(`Unresolvable $ref ${ref}`);
    return found;
  },
};

/**
 * Where `body` breaks the description as the answer to `method` on `template` (`/api/v1/applications/{name}`) with
 * `status`. For a streaming operation the body is one line of the stream (`{"result": ...}` or `{"error": ...}`).
 */
export function swaggerProblems(method: string, template: string, status: number, body: unknown): string[] {
  const operation = description().paths[template]?.[method.toLowerCase()];
  if (!operation) return [`${method} ${template} is not in the description`];
  const response = operation.responses[String(status)] ?? operation.responses.default;
  if (!response?.schema) return [`status ${status} is not described`];
  const problems: string[] = [];
  validate(response.schema, body, '$', problems, RULES);
  return problems;
}
