/** A full commit SHA as git prints it: 40 lowercase hex digits (SHA-1 repositories, as GitHub's are). */
export const COMMIT_SHA = /^[0-9a-f]{40}$/;

export function isCommitSha(text: string): boolean {
  return COMMIT_SHA.test(text);
}

/**
 * The commit a Flux revision names: `main@sha1:<sha>` (Flux 2.1+), `sha1:<sha>`, the older `main/<sha>`, or a bare
 * sha. Undefined for revisions that name no commit (an OCI digest, a chart version).
 */
export function commitOfFluxRevision(revision: string | undefined): string | undefined {
  if (!revision) return undefined;
  const match = /(?:^|[@/:])([0-9a-f]{40})$/.exec(revision.trim());
  return match?.[1];
}

/**
 * The commit prefix in a chart version Flux built from a Git source with `reconcileStrategy: Revision`
 * (`6.5.4+a1b2c3d4e5f6`): undefined when the version carries no commit.
 */
export function commitPrefixOfChartVersion(version: string | undefined): string | undefined {
  const match = /\+([0-9a-f]{7,40})$/.exec(version ?? '');
  return match?.[1];
}

/** Whether `reported` (a full sha or a prefix of at least 7 digits) names the commit `sha`. */
export function namesCommit(reported: string | undefined, sha: string): boolean {
  return reported !== undefined && reported.length >= 7 && sha.startsWith(reported);
}
