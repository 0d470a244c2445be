import { UserError } from '../errors.js';
import { explainApiError, isApiError } from './api-errors.js';
import type { GitHubClient } from './client.js';

const OWNER_AND_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** A repository on GitHub, as `owner/name`. */
export interface RepositoryName {
  owner: string;
  repo: string;
}

export function parseRepositoryName(text: string, input: string): RepositoryName {
  const match = OWNER_AND_NAME.exec(text.trim());
  if (!match || match[2] === '.' || match[2] === '..') {
    throw new UserError(`Input "${input}" must be owner/name, e.g. acme/gitops, got "${text}".`);
  }
  return { owner: match[1] as string, repo: (match[2] as string).replace(/\.git$/, '') };
}

export function formatRepositoryName(name: RepositoryName): string {
  return `${name.owner}/${name.repo}`;
}

/** What a run needs to know about the manifests repository before cloning it. */
export interface RepositoryInfo {
  name: RepositoryName;
  defaultBranch: string;
  /** The HTTPS (or, on a test bed, git://) address to clone; never carries credentials. */
  cloneUrl: string;
  /** Whether the token may push, when GitHub says (it does for user tokens, not for GITHUB_TOKEN). */
  canPush?: boolean;
  archived: boolean;
}

export async function getRepository(client: GitHubClient, name: RepositoryName): Promise<RepositoryInfo> {
  try {
    const { data } = await client.rest.repos.get({ owner: name.owner, repo: name.repo });
    return {
      name,
      defaultBranch: data.default_branch,
      cloneUrl: data.clone_url,
      canPush: data.permissions?.push,
      archived: data.archived,
    };
  } catch (error) {
    if (isApiError(error) && error.status === 404) {
      throw new UserError(
        `Repository ${formatRepositoryName(name)} was not found, or the token cannot read it: ` +
          'check the repository input and give the token "contents: read" on it.',
      );
    }
    throw explainApiError(error, `read ${formatRepositoryName(name)}`, 'contents: read');
  }
}
