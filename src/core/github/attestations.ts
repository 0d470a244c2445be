import type { GitHubClient } from './client.js';
import { explainApiError } from './api-errors.js';
import { formatRepositoryName, type RepositoryName } from './repository.js';

/**
 * Records a signed attestation (a Sigstore bundle) with GitHub's artifact attestations API, where
 * `gh attestation verify` and the repository's Attestations page find it. Returns the attestation's id.
 */
export async function recordAttestation(
  client: GitHubClient,
  repository: RepositoryName,
  bundle: object,
): Promise<number> {
  try {
    const { data } = await client.request('POST /repos/{owner}/{repo}/attestations', {
      owner: repository.owner,
      repo: repository.repo,
      bundle: bundle as never,
    });
    return (data as { id: number }).id;
  } catch (error) {
    throw explainApiError(error, `record an attestation in ${formatRepositoryName(repository)}`, 'attestations: write');
  }
}
