export declare const REGION_KINDS: readonly string[];

export interface ActionInput {
  description?: string;
  required?: boolean | string;
  default?: unknown;
}

export interface ActionOutput {
  description?: string;
}

/** action.yml as parsed, with `name` replaced by the action's folder name (`deliver` for the root action.yml). */
export interface ActionMetadata {
  name: string;
  description?: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, ActionOutput>;
  runs?: { using?: string; main?: string };
}

export interface GeneratedPage {
  /** The page, relative to the repository root, /-separated. */
  file: string;
  /** The whole page with every generated region rewritten. */
  text: string;
  /** `<subject>:<kind>` of each region whose content differs from the page's (`the page` for a generated page). */
  staleRegions: string[];
}

export interface ReusableWorkflow {
  /** The file name, e.g. `deliver-pull.yml`. */
  name: string;
  /** `.github/workflows/<name>`. */
  file: string;
  inputs: Record<string, { description?: string; type?: string; required?: boolean; default?: unknown }>;
  secrets: Record<string, { description?: string; required?: boolean }>;
  outputs: Record<string, { description?: string; value?: string }>;
}

export declare const WORKFLOW_REGION_KINDS: readonly string[];
export declare const VOCABULARY_PAGE: string;
export declare function generateDocs(root: string): Promise<GeneratedPage[]>;
export declare function docPages(root: string): string[];
export declare function referencePage(actionName: string): string;
export declare function findReusableWorkflows(root: string): ReusableWorkflow[];
export declare function repositorySlug(root: string): string;
export declare function readActionMetadata(name: string, actionFile: string): ActionMetadata;
