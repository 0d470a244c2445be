export interface ReleaseListing {
  tag_name?: string;
  draft?: boolean;
  prerelease?: boolean;
}

export interface PinnedAssetText {
  platform: string;
  url: string;
  archive: string;
  binPath: string;
}

export interface ToolPins {
  defaultVersion: string;
  assets: PinnedAssetText[];
  defaultAt: number;
  versionsFrom: number;
  versionsTo: number;
}

export interface ToolChange {
  tool: string;
  from: string;
  to: string;
  /** Where the SHA-256 values came from; absent when the version did not move. */
  source?: string;
}

export type Getter = (url: string) => Promise<unknown>;

export declare const TOOL_SOURCES: Record<
  string,
  {
    repository: string;
    checksums(version: string, urls: string[], get: Getter): Promise<{ sums: Record<string, string>; source: string }>;
  }
>;
export declare function fromChecksumsFile(
  checksumsUrl: string,
  text: string,
  urls: string[],
): { sums: Record<string, string>; source: string };
export declare function newestStableVersion(releases: readonly ReleaseListing[]): string | undefined;
export declare function readPins(source: string, tool: string): ToolPins;
export declare function updatePins(
  source: string,
  tool: string,
  version: string,
  pins: ToolPins,
  sums: Record<string, string>,
  checksumSource: string,
): string;
export declare function updateToolVersions(
  source: string,
  get: Getter,
): Promise<{ text: string; changes: ToolChange[] }>;
export declare function summarize(changes: readonly ToolChange[]): string;
export declare function versionReferenceFiles(root: string): string[];
export declare function moveVersionReferences(text: string, tool: string, from: string, to: string): string;
