import type { DeliveryRecord } from '../../core/kubernetes/manifest-set.js';

/** The commit and the run URL of this workflow run, from the variables every runner sets. */
export function deliveryRecord(env: NodeJS.ProcessEnv): DeliveryRecord {
  const { GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT } = env;
  const runUrl =
    GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_RUN_ID
      ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${GITHUB_RUN_ATTEMPT ? `/attempts/${GITHUB_RUN_ATTEMPT}` : ''}`
      : undefined;
  return { commit: GITHUB_SHA || undefined, runUrl };
}
