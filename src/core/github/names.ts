// GitHub facts that reading inputs needs, apart from the client so that settings load no HTTP code.

export const GITHUB_COM_API_URL = 'https://api.github.com';

export type MergeMethod = 'merge' | 'squash' | 'rebase';
export const MERGE_METHODS: readonly MergeMethod[] = ['merge', 'squash', 'rebase'];
