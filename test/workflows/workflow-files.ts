/** Reads this repository's workflows (the reusable ones, CI, e2e, and the caller examples) for the workflow tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { readActionMetadata, type ActionMetadata } from '../../scripts/docs-lib.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every .yml/.yaml in these folders is a workflow: GitHub runs the first, users copy the second. */
export const WORKFLOW_FOLDERS = ['.github/workflows', 'workflows'] as const;

export type Permissions = Record<string, string> | 'read-all' | 'write-all';

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Permissions;
  environment?: unknown;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  outputs?: Record<string, string>;
  steps?: Step[];
  /** A job that calls a reusable workflow. */
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, string> | 'inherit';
}

export interface WorkflowInput {
  type?: string;
  required?: boolean;
  default?: unknown;
}

export interface WorkflowCall {
  inputs?: Record<string, WorkflowInput>;
  secrets?: Record<string, { required?: boolean }>;
  outputs?: Record<string, { value: string }>;
}

export interface Workflow {
  on: Record<string, unknown> & { workflow_call?: WorkflowCall | null };
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

export interface WorkflowFile {
  /** Relative to the repository root, /-separated. */
  file: string;
  text: string;
  document: Document;
  workflow: Workflow;
}

/** One `uses:` of a job or a step, with the comment on its line (where a pin names its version). */
export interface UsesReference {
  file: string;
  job: string;
  step?: string;
  uses: string;
  comment?: string;
}

export function readWorkflowFiles(): WorkflowFile[] {
  return WORKFLOW_FOLDERS.flatMap((folder) =>
    readdirSync(path.join(root, folder))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => readWorkflowFile(`${folder}/${name}`)),
  );
}

export function readWorkflowFile(file: string): WorkflowFile {
  const text = readFileSync(path.join(root, file), 'utf8');
  const document = parseDocument(text);
  return { file, text, document, workflow: document.toJS() as Workflow };
}

export function usesReferences(workflow: WorkflowFile): UsesReference[] {
  const references: UsesReference[] = [];
  const jobs = workflow.document.get('jobs');
  if (!isMap(jobs)) return references;
  for (const pair of jobs.items) {
    const job = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (!isMap(pair.value)) continue;
    const called = pair.value.get('uses', true);
    if (isScalar(called))
      references.push({ file: workflow.file, job, uses: String(called.value), comment: called.comment ?? undefined });
    const steps = pair.value.get('steps');
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, index) => {
      if (!isMap(step)) return;
      const uses = step.get('uses', true);
      const label = String(step.get('name') ?? step.get('id') ?? `#${index + 1}`);
      if (isScalar(uses)) {
        references.push({
          file: workflow.file,
          job,
          step: label,
          uses: String(uses.value),
          comment: uses.comment ?? undefined,
        });
      }
    });
  }
  return references;
}

/** `./path` (the workspace) or `$/path` (this repository at the running commit). */
export function isLocalReference(uses: string): boolean {
  return uses.startsWith('./') || uses.startsWith('$/');
}

export function needsOf(job: Job): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** This library's action a step runs (`build-multistage` for `$/actions/build-multistage`), if it runs one. */
export function libraryActionOf(step: Step): string | undefined {
  return step.uses === undefined ? undefined : /^(?:\$|\.)\/actions\/([a-z0-9-]+)$/.exec(step.uses)?.[1];
}

export function readLibraryAction(name: string): ActionMetadata | undefined {
  const file = path.join(root, 'actions', name, 'action.yml');
  return existsSync(file) ? readActionMetadata(name, file) : undefined;
}

/**
 * The file of this repository that a job's `uses:` calls: a local reference, or the examples' placeholder
 * `OWNER/REPO/.github/workflows/<file>@<sha>` that stands for this library.
 */
export function calledWorkflowFile(uses: string): string | undefined {
  return /^(?:\.|\$|OWNER\/REPO)\/(\.github\/workflows\/[^@]+\.ya?ml)(?:@[0-9a-f]{40})?$/.exec(uses)?.[1];
}

/** Every `${{ ... }}` expression in a value, trimmed of the braces. */
export function expressionsIn(value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  return [...text.matchAll(/\$\{\{(.*?)\}\}/gs)].map((match) => match[1].trim());
}
