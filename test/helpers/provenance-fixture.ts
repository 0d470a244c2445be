import { provenanceStatement, slsaPredicate, type InTotoStatement } from '../../src/core/provenance/slsa.js';
import { githubClaims } from './sigstore-bed.js';

/** The identity the sigstore bed's default token certifies: deliver-pull.yml of the library at v1. */
export const BED_REUSABLE_WORKFLOW =
  'https://github.com/lib-owner/gitops-delivery-actions/.github/workflows/deliver-pull.yml@refs/tags/v1';
/** A pattern that fully matches it (and deliver-push.yml). */
export const BED_IDENTITY_PATTERN =
  'https://github\\.com/lib-owner/gitops-delivery-actions/\\.github/workflows/deliver-(pull|push)\\.yml@refs/tags/v.*';

/** The statement build-multistage would record for `image@digest` built by acme/api on main, in the bed's run. */
export function bedProvenanceStatement(image: string, digest: string): InTotoStatement {
  return provenanceStatement(image, digest, bedPredicate());
}

/** The predicate of that build: what build-multistage outputs as `provenance`. */
export function bedPredicate() {
  return slsaPredicate({
    builder: { id: BED_REUSABLE_WORKFLOW, kind: 'reusable-workflow' },
    libraryRepository: 'lib-owner/gitops-delivery-actions',
    build: {
      dockerfile: 'Dockerfile',
      context: '.',
      buildArgs: new Map(),
      labels: new Map(),
      platforms: [],
      secretIds: [],
      builder: 'buildkit',
    },
    invocation: {
      repository: 'acme/api',
      ref: 'refs/heads/main',
      sha: githubClaims().sha as string,
      runId: '7',
      runAttempt: '1',
      startedOn: new Date(),
      finishedOn: new Date(),
    },
    baseImages: [],
  });
}
