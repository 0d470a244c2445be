import { readFileSync } from 'node:fs';
import { relativeToRoot, resolveYamlFiles } from '../../file-scope.js';
import type { ManifestRenderer, RenderedSource } from './renderer.js';

/** YAML files as they are: files, directories (recursively) and globs inside the workspace. */
export class PlainRenderer implements ManifestRenderer {
  readonly name = 'plain';

  constructor(
    private readonly patterns: readonly string[],
    private readonly root: string,
  ) {}

  async render(): Promise<RenderedSource[]> {
    const files = await resolveYamlFiles(this.patterns, this.root);
    // Read one after the other, synchronously: the step has nothing else to do meanwhile, and a promise read goes
    // through the thread pool several times per file (200 small manifests: 2 ms instead of 31 ms on Node 24).
    return files.map((file) => ({ origin: relativeToRoot(this.root, file), text: readFileSync(file, 'utf8') }));
  }
}
