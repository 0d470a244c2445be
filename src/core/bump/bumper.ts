import * as fs from 'node:fs/promises';
import { UserError } from '../errors.js';
import { relativeToRoot } from '../file-scope.js';
import { EditSession } from './edit-session.js';
import type { ManifestEditor } from './editors/editor.js';
import { ArgoCdKustomizeImagesEditor } from './editors/argocd-application.js';
import { HelmValuesEditor } from './editors/helm-values.js';
import { KustomizeImagesEditor } from './editors/kustomize-images.js';
import { WorkloadContainersEditor } from './editors/workload-containers.js';
import { ManifestDocument } from './manifest-document.js';
import type { BumpTarget, ReferenceChange } from './types.js';
import { YamlSource } from './yaml-source.js';

/** Larger files are refused: no manifest is this big, and parsing one would stall the job. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
const READ_CONCURRENCY = 16;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const DEFAULT_EDITORS: readonly ManifestEditor[] = [
  new KustomizeImagesEditor(),
  new WorkloadContainersEditor(),
  new HelmValuesEditor(),
  new ArgoCdKustomizeImagesEditor(),
];

/** A file whose text changes, with the references that change in it. */
export interface FileBump {
  /** Absolute path. */
  file: string;
  /** `/`-separated path relative to the working directory. */
  path: string;
  before: string;
  after: string;
  changes: ReferenceChange[];
}

/**
 * Points manifests at a new image. `plan` reads and edits in memory and fails on the first file that cannot
 * be read, parsed or edited; `write` then replaces every changed file, or none.
 */
export class ManifestBumper {
  constructor(private readonly editors: readonly ManifestEditor[] = DEFAULT_EDITORS) {}

  async plan(files: readonly string[], root: string, target: BumpTarget): Promise<FileBump[]> {
    // Every spelling of the image contains its last path component: files without it are not parsed.
    const needle = target.image.path.split('/').at(-1) as string;
    const results = await mapConcurrently(files, READ_CONCURRENCY, async (file) => {
      const path = relativeToRoot(root, file);
      const text = await readManifestText(file, path);
      return text.includes(needle) ? this.planFile(file, path, text, target) : undefined;
    });
    return results.filter((bump): bump is FileBump => bump !== undefined);
  }

  async write(bumps: readonly FileBump[]): Promise<void> {
    const staged: { bump: FileBump; temp: string }[] = [];
    try {
      for (const bump of bumps) {
        const temp = `${bump.file}.${process.pid}.bump-tmp`;
        const { mode } = await fs.stat(bump.file);
        await fs.writeFile(temp, bump.after, { mode });
        staged.push({ bump, temp });
      }
    } catch (error) {
      await Promise.all(staged.map(({ temp }) => fs.rm(temp, { force: true })));
      throw error;
    }
    const renamed: FileBump[] = [];
    try {
      for (const { bump, temp } of staged) {
        await fs.rename(temp, bump.file);
        renamed.push(bump);
      }
    } catch (error) {
      // Put back what was already replaced so the repository is never half-edited.
      await Promise.all(renamed.map((bump) => fs.writeFile(bump.file, bump.before)));
      await Promise.all(staged.map(({ temp }) => fs.rm(temp, { force: true })));
      throw error;
    }
  }

  private planFile(file: string, path: string, text: string, target: BumpTarget): FileBump | undefined {
    const source = new YamlSource(path, text);
    const session = new EditSession(source, target, path);
    for (const document of source.documents) {
      const manifest = new ManifestDocument(document, file);
      for (const editor of this.editors) editor.edit(manifest, session);
    }
    if (session.edits.length === 0) return undefined;
    const after = source.apply(session.edits);
    return after === text ? undefined : { file, path, before: text, after, changes: session.changes };
  }
}

async function readManifestText(file: string, path: string): Promise<string> {
  const { size } = await fs.stat(file);
  if (size > MAX_FILE_BYTES) {
    throw new UserError(
      `${path}: ${size} bytes is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a manifest may be.`,
      { file: path },
    );
  }
  const bytes = await fs.readFile(file);
  if (bytes.includes(0)) throw new UserError(`${path}: is a binary file, not YAML.`, { file: path });
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UserError(`${path}: is not valid UTF-8.`, { file: path });
  }
}

async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
