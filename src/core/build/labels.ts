import type { ImageRef } from '../image-ref.js';
import type { RunContext } from '../run-context.js';

export const OCI_LABELS = {
  source: 'org.opencontainers.image.source',
  revision: 'org.opencontainers.image.revision',
  created: 'org.opencontainers.image.created',
  version: 'org.opencontainers.image.version',
  title: 'org.opencontainers.image.title',
} as const;

/**
 * The OCI annotations of the image, from the run's context: where the code lives, which commit, when, which
 * version and what it is called. A label the context cannot tell is left out, never guessed; `extra` wins.
 */
export function imageLabels(
  image: ImageRef,
  context: Pick<RunContext, 'repository' | 'serverUrl' | 'sha'>,
  created: Date,
  version: string,
  extra: ReadonlyMap<string, string>,
): Record<string, string> {
  const labels: Record<string, string> = {};
  const repositoryName = context.repository?.split('/').pop();
  if (context.repository) {
    labels[OCI_LABELS.source] = `${context.serverUrl}/${context.repository}`;
  }
  if (context.sha) labels[OCI_LABELS.revision] = context.sha;
  labels[OCI_LABELS.created] = created.toISOString();
  if (version) labels[OCI_LABELS.version] = version;
  labels[OCI_LABELS.title] = repositoryName || (image.path.split('/').pop() as string);
  for (const [key, value] of extra) labels[key] = value;
  return labels;
}

/** When the image counts as created: SOURCE_DATE_EPOCH when set (reproducible builds), else `now`. */
export function imageCreated(env: NodeJS.ProcessEnv, now: Date): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
}
