import * as log from '../log.js';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { describeRef, type KubeObject, type ObjectRef, refDocument, refKey, refOf } from './kube-object.js';
import type { Kubectl } from './kubectl.js';
import { type Readiness, readinessOf } from './readiness.js';
import { escapeForLog } from '../workflow-commands.js';

export interface WaitOptions {
  timeoutMs: number;
  /** Pause between two looks at the cluster. */
  pollMs: number;
  /** Folder for the file that names the objects still awaited. */
  workDir: string;
  judge?: (object: KubeObject) => Readiness;
}

export interface ObjectReadiness {
  ref: ObjectRef;
  readiness: Readiness;
  /** The object as last seen, for its conditions. */
  object?: KubeObject;
}

/**
 * Waits until every object is ready or has failed, looking at all those still pending with one
 * `kubectl get` per round; what is still pending at the deadline has failed with a timeout.
 */
export async function waitForReadiness(
  kubectl: Kubectl,
  refs: readonly ObjectRef[],
  options: WaitOptions,
): Promise<ObjectReadiness[]> {
  const judge = options.judge ?? readinessOf;
  const deadline = Date.now() + options.timeoutMs;
  const results = new Map<string, ObjectReadiness>();
  let pending = [...refs];
  const file = path.join(options.workDir, 'awaited.yaml');
  for (;;) {
    await fs.writeFile(file, pending.map((ref) => stringify(refDocument(ref))).join('---\n'));
    const live = new Map((await kubectl.get(file)).map((object) => [refKey(refOf(object)), object]));
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
    if (Date.now() + options.pollMs > deadline) {
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
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
  return refs.map((ref) => results.get(refKey(ref)) as ObjectReadiness);
}
