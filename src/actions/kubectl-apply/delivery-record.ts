import type { DeliveryRecord } from '../../core/kubernetes/manifest-set.js';
import { runLinks } from '../../core/run-context.js';

/** The commit and the run URL of this workflow run, from the variables every runner sets. */
export function deliveryRecord(env: NodeJS.ProcessEnv): DeliveryRecord {
  return { commit: env.GITHUB_SHA || undefined, runUrl: runLinks(env).runUrl };
}
