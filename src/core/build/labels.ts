import type { ImageRef } from '../image-ref.js';
import type { SourceContext } from './source-context.js';

export const OCI_LABELS = {
  source: 'org.opencontainers.image.source',
  revision: 'org.opencontainers.image.revision',
  created: 'org.opencontainers.image.created',
  version: 'org.opencontainers.image.version',
  title: 'org.opencontainers.image.title',
} as const;

/**
 * The OCI annotations of the image, from the source context: where the code lives, which commit, when, which
 * version and what it is called. A label the context cannot tell is left out, never guessed; `extra` wins.
 */
export function imageLabels(
  image: ImageRef,
  source: SourceContext,
  version: string,
  extra: ReadonlyMap<string, string>,
): Record<string, string> {
  const labels: Record<string, string> = {};
  const repositoryName = source.repository?.split('/').pop();
  if (source.repository) {
    labels[OCI_LABELS.source] =
      `${(source.serverUrl ?? 'https://github.com').replace(/\/+$/, '')}/${source.repository}`;
  }
  if (source.sha) labels[OCI_LABELS.revision] = source.sha;
  labels[OCI_LABELS.created] = source.created.toISOString();
  if (version) labels[OCI_LABELS.version] = version;
  labels[OCI_LABELS.title] = repositoryName || (image.path.split('/').pop() as string);
  for (const [key, value] of extra) labels[key] = value;
  return labels;
}
