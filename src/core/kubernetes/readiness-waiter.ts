import * as log from '../log.js';
import type { ClusterAccess } from './cluster-access.js';
import { describeRef, type KubeObject, type ObjectRef, refKey, refOf } from './kube-object.js';
import { type Readiness, readinessOf } from './readiness.js';
import { escapeForLog } from '../workflow-commands.js';

export interface WaitOptions {
  timeoutMs: number;
  /** The longest pause between two looks at the cluster: pauses start at an eighth of it and double up to it. */
  pollMs: number;
  judge?: (object: KubeObject) => Readiness;
}

export interface ObjectReadiness {
  ref: ObjectRef;
  readiness: Readiness;
  /** The object as last seen, for its conditions. */
  object?: KubeObject;
}

/**
 * Waits until every object is ready or has failed, looking at all those still pending once per round; what is still
 * pending at the deadline has failed with a timeout. Early rounds come quickly (most rollouts that fail or finish
 * soon do so in the first seconds), later ones every `pollMs`.
 */
export async function waitForReadiness(
  cluster: Pick<ClusterAccess, 'get'>,
  refs: readonly ObjectRef[],
  options: WaitOptions,
): Promise<ObjectReadiness[]> {
  const judge = options.judge ?? readinessOf;
  const deadline = Date.now() + options.timeoutMs;
  const results = new Map<string, ObjectReadiness>();
  let pending = [...refs];
  let pauseMs = Math.max(1, Math.round(options.pollMs / 8));
  for (;;) {
    const live = new Map((await cluster.get(pending)).map((object) => [refKey(refOf(object)), object]));
    const stillPending: ObjectRef[] = [];
    for (const ref of pending) {
      const object = live.get(refKey(ref));
      const readiness = object
        ? judge(object)
        : { state: 'waiting' as const, message: `${describeRef(ref)} is not there yet` };
      const previous = results.get(refKey(ref));
      if (previous?.readiness.message !== readiness.message)
        log.info(escapeForLog(`${describeRef(ref)}: ${readiness.message}`));
      results.set(refKey(ref), { ref, readiness, object });
      if (readiness.state === 'waiting') stillPending.push(ref);
    }
    pending = stillPending;
    if (pending.length === 0) break;
    if (Date.now() + pauseMs > deadline) {
      for (const ref of pending) {
        const last = results.get(refKey(ref)) as ObjectReadiness;
        const seconds = Math.round(options.timeoutMs / 1000);
        results.set(refKey(ref), {
          ...last,
          readiness: { state: 'failed', message: `timed out after ${seconds}s: ${last.readiness.message}` },
        });
      }
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    pauseMs = Math.min(options.pollMs, pauseMs * 2);
  }
  return refs.map((ref) => results.get(refKey(ref)) as ObjectReadiness);
}
