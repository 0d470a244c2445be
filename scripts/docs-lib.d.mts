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

export interface GeneratedReadme {
  /** The whole README with every generated region rewritten. */
  text: string;
  /** `<action>:<kind>` of each region whose content differs from the README's. */
  staleRegions: string[];
}

export declare function generateReadme(root: string): GeneratedReadme;
export declare function repositorySlug(root: string): string;
export declare function readActionMetadata(name: string, actionFile: string): ActionMetadata;
