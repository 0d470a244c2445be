import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UserError } from '../../errors.js';
import { relativeToRoot } from '../../file-scope.js';
import type { Helm } from '../helm.js';
import type { Kubectl } from '../kubectl.js';
import { HelmRenderer } from './helm-renderer.js';
import { KustomizeRenderer } from './kustomize-renderer.js';
import { PlainRenderer } from './plain-renderer.js';
import type { ManifestRenderer, RendererName } from './renderer.js';

export const RENDERER_CHOICES = ['auto', 'kustomize', 'helm', 'plain'] as const;
export type RendererChoice = (typeof RENDERER_CHOICES)[number];

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export interface RenderRequest {
  manifests: readonly string[];
  /** The workspace: every path must stay inside it. */
  root: string;
  renderer: RendererChoice;
  helmRelease?: string;
  helmValues: readonly string[];
  namespace?: string;
}

export interface RenderTools {
  kubectl: Kubectl;
  helm: () => Promise<Helm>;
}

/** Picks the renderer once: the one asked for, or for `auto` what the single directory given holds. */
export async function chooseRenderer(request: RenderRequest, tools: RenderTools): Promise<ManifestRenderer> {
  const kinds = await Promise.all(request.manifests.map((entry) => directoryKind(entry, request.root)));
  const special = kinds.filter((kind): kind is 'kustomize' | 'helm' => kind === 'kustomize' || kind === 'helm');
  const name: RendererName = request.renderer === 'auto' ? (special[0] ?? 'plain') : request.renderer;
  if (name === 'plain') return new PlainRenderer(request.manifests, request.root);
  if (request.manifests.length !== 1) {
    throw new UserError(
      `renderer ${name} takes exactly one directory in "manifests"; got ${request.manifests.length} paths.`,
    );
  }
  const dir = await insideWorkspace(request.manifests[0] as string, request.root);
  const display = relativeToRoot(request.root, dir) || '.';
  if (name === 'kustomize') return new KustomizeRenderer(dir, display, tools.kubectl);
  const valuesFiles = await Promise.all(request.helmValues.map((file) => insideWorkspace(file, request.root)));
  const release = request.helmRelease ?? path.basename(dir).toLowerCase();
  return new HelmRenderer(
    { release, chart: dir, namespace: request.namespace, valuesFiles, displayName: display },
    tools.helm,
  );
}

/** What a `manifests` entry is: a kustomization or chart directory, or anything else (plain YAML). */
async function directoryKind(entry: string, root: string): Promise<RendererName> {
  const dir = path.resolve(root, entry);
  const has = async (name: string) =>
    fs.stat(path.join(dir, name)).then(
      (stat) => stat.isFile(),
      () => false,
    );
  for (const name of KUSTOMIZATION_FILES) if (await has(name)) return 'kustomize';
  return (await has('Chart.yaml')) ? 'helm' : 'plain';
}

/** The real path of `entry`, refused when it leaves the workspace (symlinks included) or does not exist. */
async function insideWorkspace(entry: string, root: string): Promise<string> {
  const realRoot = await fs.realpath(root);
  const real = await fs.realpath(path.resolve(realRoot, entry)).catch(() => {
    throw new UserError(`Path "${entry}" does not exist under ${root}.`);
  });
  const relative = path.relative(realRoot, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UserError(`Path "${entry}" resolves outside the workspace ${root}; it is refused.`);
  }
  return real;
}
