import { setTimeout as sleep } from 'node:timers/promises';
import * as log from '../log.js';
import { escapeForLog } from '../workflow-commands.js';
import type { KubeObject } from './kube-object.js';

const ESTABLISH_TIMEOUT_MS = 30_000;
const ESTABLISH_POLL_MS = 250;

/**
 * Whether other objects are created in this one (a Namespace) or typed by it (a CRD): an apply puts these first, one
 * at a time in the set's order, as Flux's kustomize-controller stages them.
 */
export function isDefinition(object: KubeObject): boolean {
  return (
    (object.apiVersion === 'v1' && object.kind === 'Namespace') ||
    (object.apiVersion.startsWith('apiextensions.k8s.io/') && object.kind === 'CustomResourceDefinition')
  );
}

/**
 * Reads the discovery again (`readServedKinds`, uncached) until it serves these `group/Kind`s: a CRD just applied
 * serves its kind once the API server has established it (usually within a second). Past the deadline the apply goes
 * on (its objects are then refused as of a kind the cluster does not serve), with a warning naming the kinds still
 * not served.
 */
export async function untilServed(
  kinds: ReadonlySet<string>,
  readServedKinds: () => Promise<{ kinds: ReadonlySet<string> }>,
  options: { timeoutMs?: number; pollMs?: number } = {},
): Promise<void> {
  if (kinds.size === 0) return;
  const timeoutMs = options.timeoutMs ?? ESTABLISH_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const served = await readServedKinds();
    const missing = [...kinds].filter((kind) => !served.kinds.has(kind));
    if (missing.length === 0) return;
    if (Date.now() > deadline) {
      log.warning(
        escapeForLog(
          `The cluster still serves no ${missing.join(', ')} ${timeoutMs / 1000} s after their CRDs were applied.`,
        ),
      );
      return;
    }
    await sleep(options.pollMs ?? ESTABLISH_POLL_MS);
  }
}
