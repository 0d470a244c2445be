import * as fs from 'node:fs/promises';
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
    return Promise.all(
      files.map(async (file) => ({ origin: relativeToRoot(this.root, file), text: await fs.readFile(file, 'utf8') })),
    );
  }
}
